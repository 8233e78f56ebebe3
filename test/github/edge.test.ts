import { afterEach, describe, expect, it } from 'vitest';
import { completeCheckRun, conclusionFor, startCheckRun } from '../../src/github/checks.js';
import { makeOctokit } from '../../src/github/client.js';
import { STICKY_MARKER, upsertStickyComment } from '../../src/github/comment.js';
import { parseEvent } from '../../src/github/event.js';
import { listPullRequestFiles } from '../../src/github/files.js';
import { PromptgateError } from '../../src/errors.js';
import { startGithubStub } from '../support/github-api.js';

/** The GitHub edge against the local API stand-in, through a real Octokit (retry and throttling plugins on). */

let stubs: Awaited<ReturnType<typeof startGithubStub>>[] = [];
async function stub(opts: Parameters<typeof startGithubStub>[0] = {}) {
  const s = await startGithubStub(opts);
  stubs.push(s);
  return { s, octokit: makeOctokit('ghs_test', { baseUrl: s.url }) };
}
afterEach(async () => {
  await Promise.all(stubs.map((s) => s.close()));
  stubs = [];
});
const pr = { owner: 'acme', repo: 'bot', issueNumber: 7 };

describe('sticky comment', () => {
  it('is created once, then edited in place; a human comment quoting the marker is left alone', async () => {
    const { s, octokit } = await stub();
    s.state.comments.push({ id: 1, body: `${STICKY_MARKER}\nquoted by a person`, user: { login: 'octocat', type: 'User' } });
    const first = await upsertStickyComment(octokit, { ...pr, body: 'note v1' });
    const second = await upsertStickyComment(octokit, { ...pr, body: 'note v2' });
    expect(first?.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated', id: first!.id });
    const bots = s.state.comments.filter((c) => c.user.type === 'Bot');
    expect(bots.map((c) => c.body)).toEqual([`${STICKY_MARKER}\nnote v2`]);
    expect(s.state.comments.find((c) => c.id === 1)!.body).toBe(`${STICKY_MARKER}\nquoted by a person`);
  });

  it('finds its comment on the third page of comments', async () => {
    const { s, octokit } = await stub();
    for (let i = 0; i < 230; i++) s.state.comments.push({ id: 10 + i, body: `chatter ${i}`, user: { login: 'dev', type: 'User' } });
    s.state.comments.push({ id: 999, body: `${STICKY_MARKER}\nold note`, user: { login: 'github-actions[bot]', type: 'Bot' } });
    const res = await upsertStickyComment(octokit, { ...pr, body: 'new note' });
    expect(res).toMatchObject({ id: 999, action: 'updated' });
    expect(s.state.comments).toHaveLength(231);
    expect(s.state.requests.filter((q) => q.method === 'GET' && q.path.endsWith('/comments')).length).toBeGreaterThanOrEqual(3);
  });

  it('two racing runs end with exactly one comment', async () => {
    const { s, octokit } = await stub();
    await Promise.all([upsertStickyComment(octokit, { ...pr, body: 'run A' }), upsertStickyComment(octokit, { ...pr, body: 'run B' })]);
    const bots = s.state.comments.filter((c) => c.user.type === 'Bot');
    expect(bots).toHaveLength(1);
  });

  it('does not create a comment when asked only to update one', async () => {
    const { s, octokit } = await stub();
    expect(await upsertStickyComment(octokit, { ...pr, body: 'x', createIfMissing: false })).toBeNull();
    expect(s.state.comments).toHaveLength(0);
  });
});

describe('PR files', () => {
  it('lists every page and follows renames', async () => {
    const { s, octokit } = await stub();
    s.state.files = Array.from({ length: 250 }, (_, i) => ({ filename: `f${i}.txt`, status: 'modified' as const }));
    s.state.files.push({ filename: 'prompts/new.prompt.yml', status: 'renamed', previous_filename: 'prompts/old.prompt.yml' });
    const files = await listPullRequestFiles(octokit, { owner: 'acme', repo: 'bot', number: 7 });
    expect(files).toHaveLength(251);
    expect(files!.at(-1)).toEqual({ path: 'prompts/new.prompt.yml', status: 'renamed', previousPath: 'prompts/old.prompt.yml' });
  });
});

describe('check runs', () => {
  it('maps verdicts to conclusions', () => {
    expect(['pass', 'skipped', 'fail', 'error', 'inconclusive'].map((v) => conclusionFor(v as never, false))).toEqual(['success', 'success', 'failure', 'failure', 'neutral']);
    expect(conclusionFor('inconclusive', true)).toBe('failure');
  });

  it('starts in_progress and completes within GitHub limits', async () => {
    const { s, octokit } = await stub();
    const started = await startCheckRun(octokit, { owner: 'acme', repo: 'bot', headSha: 'a'.repeat(40), name: 'promptgate' });
    expect('id' in started).toBe(true);
    expect(s.state.checkRuns[0]).toMatchObject({ status: 'in_progress', head_sha: 'a'.repeat(40) });
    const huge = 'x'.repeat(100_000);
    const done = await completeCheckRun(octokit, { owner: 'acme', repo: 'bot', checkRunId: (started as { id: number }).id, headSha: 'a'.repeat(40), name: 'promptgate', conclusion: 'success', title: 't'.repeat(400), summary: huge });
    expect('id' in done).toBe(true);
    const run = s.state.checkRuns[0]!;
    expect(run).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(run.output!.summary!.length).toBeLessThanOrEqual(65_535);
    expect(run.output!.title!.length).toBeLessThanOrEqual(255);
  });

  it('reports a token without checks: write instead of throwing', async () => {
    const { octokit } = await stub({ checksForbidden: true });
    const res = await startCheckRun(octokit, { owner: 'acme', repo: 'bot', headSha: 'a'.repeat(40), name: 'promptgate' });
    expect(res).toEqual({ unavailable: expect.stringContaining('checks: write') });
  });

  it('the stand-in rejects what GitHub would reject (invalid conclusion)', async () => {
    const { octokit } = await stub();
    await expect(octokit.rest.checks.create({ owner: 'acme', repo: 'bot', name: 'x', head_sha: 'a'.repeat(40), status: 'completed', conclusion: 'maybe' as never })).rejects.toMatchObject({ status: 422 });
  });
});

describe('event payloads', () => {
  const payload = (headRepo: string) => ({
    pull_request: { number: 3, title: 'T', body: null, html_url: 'u', base: { sha: 'a'.repeat(40), repo: { full_name: 'acme/bot' } }, head: { sha: 'b'.repeat(40), repo: { full_name: headRepo } } },
    repository: { full_name: 'acme/bot' },
  });
  it('reads a pull_request and tells a fork', () => {
    expect(parseEvent('pull_request', payload('acme/bot'), {})).toMatchObject({ kind: 'pull_request', number: 3, isFork: false, headSha: 'b'.repeat(40), body: '' });
    expect(parseEvent('pull_request', payload('mallory/bot'), {})).toMatchObject({ isFork: true, headRepoFullName: 'mallory/bot' });
  });
  it('reads push, merge_group and workflow_dispatch', () => {
    expect(parseEvent('push', { before: 'c'.repeat(40), after: 'd'.repeat(40), repository: { full_name: 'acme/bot' } }, {})).toMatchObject({ kind: 'push', baseSha: 'c'.repeat(40) });
    expect(parseEvent('push', { before: '0'.repeat(40), after: 'd'.repeat(40), repository: { full_name: 'acme/bot' } }, {})).toMatchObject({ baseSha: null });
    expect(parseEvent('merge_group', { merge_group: { base_sha: 'e'.repeat(40), head_sha: 'f'.repeat(40) } }, { GITHUB_REPOSITORY: 'acme/bot' })).toMatchObject({ kind: 'merge_group', baseSha: 'e'.repeat(40) });
    expect(parseEvent('workflow_dispatch', { inputs: { base: 'main' } }, { GITHUB_REPOSITORY: 'acme/bot', GITHUB_SHA: 'f'.repeat(40) })).toMatchObject({ baseSha: 'main' });
  });
  it('a bad payload is a clear error', () => {
    expect(() => parseEvent('pull_request', { pull_request: { number: 'x' } }, {})).toThrow(PromptgateError);
    expect(() => parseEvent('issues', {}, {})).toThrow(/does not run on "issues"/);
  });
});
