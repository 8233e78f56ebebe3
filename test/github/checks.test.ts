import { afterEach, describe, expect, it } from 'vitest';
import { checkOutput, completeCheckRun, findCheckRun, parseVerdictRef, reopenCheckRun, startCheckRun, verdictRef } from '../../src/github/checks.js';
import { makeOctokit } from '../../src/github/client.js';
import { CHECK_OUTPUT_LIMIT, CHECK_TITLE_LIMIT } from '../../src/github/limits.js';
import { startGithubStub, type GithubStub } from '../support/github-stub.js';

let gh: GithubStub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const HEAD = '1234567890abcdef1234567890abcdef12345678';
const REPO = { owner: 'acme', repo: 'bot' };
const octokitFor = (stub: GithubStub) => makeOctokit('ghs_workflow', { baseUrl: stub.url, throttle: false });

describe('check runs', () => {
  it('starts in_progress on the head sha, then completes the same run with the conclusion, title and note', async () => {
    gh = await startGithubStub({ repository: 'acme/bot' });
    const octokit = octokitFor(gh);
    const started = await startCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate', detailsUrl: 'https://github.com/acme/bot/actions/runs/42' });
    expect('id' in started).toBe(true);
    expect(gh.state.checkRuns).toMatchObject([{ name: 'promptgate', head_sha: HEAD, status: 'in_progress', conclusion: null }]);
    expect(gh.state.checkRuns[0]!.details_url).toBe('https://github.com/acme/bot/actions/runs/42');

    const id = (started as { id: number }).id;
    const done = await completeCheckRun(octokit, {
      ...REPO,
      checkRunId: id,
      headSha: HEAD,
      name: 'promptgate',
      conclusion: 'neutral',
      title: 'triage: inconclusive',
      summary: 'Pass rate 82% → 84%',
      text: 'details',
    });
    expect(done).toEqual({ id, url: `https://github.com/acme/bot/runs/${id}` });
    expect(gh.state.checkRuns).toHaveLength(1);
    expect(gh.state.checkRuns[0]).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
      updates: 1,
      output: { title: 'triage: inconclusive', summary: 'Pass rate 82% → 84%', text: 'details' },
    });
    expect(gh.state.checkRuns[0]!.completed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(gh.state.requests.every((r) => r.status < 400)).toBe(true);
  });

  it('without a started run (or when it is gone), creates a completed one: "no prompt changes" is a success', async () => {
    gh = await startGithubStub();
    const octokit = octokitFor(gh);
    const direct = await completeCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate', conclusion: 'success', title: 'No prompt changes', summary: 'Nothing to review.' });
    expect('id' in direct).toBe(true);
    const gone = await completeCheckRun(octokit, { ...REPO, checkRunId: 999_999, headSha: HEAD, name: 'promptgate', conclusion: 'failure', title: 't', summary: 's' });
    expect('id' in gone).toBe(true);
    expect(gh.state.checkRuns.map((r) => [r.status, r.conclusion, r.output?.title])).toEqual([
      ['completed', 'success', 'No prompt changes'],
      ['completed', 'failure', 't'],
    ]);
  });

  it('a token without `checks: write` gets a reason to show, not an exception, on start and on completion', async () => {
    gh = await startGithubStub({ checksForbidden: true });
    const octokit = octokitFor(gh);
    const started = await startCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate' });
    expect(started).toEqual({ unavailable: expect.stringContaining('checks: write') as string });
    expect((started as { unavailable: string }).unavailable).toContain('Resource not accessible by integration');
    const done = await completeCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate', conclusion: 'failure', title: 't', summary: 's' });
    expect('unavailable' in done).toBe(true);
    // 403 is not retried: one request each.
    expect(gh.requestsTo('POST', '/check-runs')).toHaveLength(2);
  });

  it('other failures are not hidden as "unavailable"', async () => {
    gh = await startGithubStub();
    gh.state.faults.push({ method: 'POST', path: /check-runs$/, status: 422, message: 'Validation Failed', times: 1 });
    await expect(startCheckRun(octokitFor(gh), { ...REPO, headSha: HEAD, name: 'promptgate' })).rejects.toMatchObject({ status: 422 });
  });

  it("cuts a long title, summary and text under GitHub's limits and says so; GitHub accepts the result", async () => {
    gh = await startGithubStub();
    const summary = `## promptgate: fail\n<details><summary>Cases</summary>\n\n${Array.from({ length: 9000 }, (_, i) => `- case ${i}: ${'é'.repeat(5)} 🙂`).join('\n')}\n</details>\n`;
    const title = `${'triage, '.repeat(60)}\nsecond line`;
    const done = await completeCheckRun(octokitFor(gh), { ...REPO, headSha: HEAD, name: 'promptgate', conclusion: 'failure', title, summary, text: summary });
    expect('id' in done).toBe(true);
    const out = gh.state.checkRuns[0]!.output!;
    expect(out.title!.length).toBeLessThanOrEqual(CHECK_TITLE_LIMIT);
    expect(out.title).not.toContain('\n');
    expect(out.title!.endsWith('…')).toBe(true);
    for (const part of [out.summary!, out.text!]) {
      expect(part.length).toBeLessThanOrEqual(CHECK_OUTPUT_LIMIT);
      expect(part.length).toBeGreaterThan(CHECK_OUTPUT_LIMIT - 1000);
      expect(part).toContain('65,535-character limit');
      expect(part.match(/<details>/g)!.length).toBe(part.match(/<\/details>/g)!.length);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half of an emoji
    }
  });

  it('leaves output within the limits untouched', () => {
    const title = 'x'.repeat(CHECK_TITLE_LIMIT);
    const summary = 's'.repeat(CHECK_OUTPUT_LIMIT);
    expect(checkOutput({ title, summary })).toEqual({ title, summary });
  });
});

describe('a check run found again (/promptgate rerun and accept)', () => {
  it('finds the latest run of that name on the commit, sets it back in progress, and reads the verdict it concluded from', async () => {
    gh = await startGithubStub({ repository: 'acme/bot' });
    const octokit = octokitFor(gh);
    expect(await findCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate' })).toBeNull();
    await completeCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'other', conclusion: 'success', title: 't', summary: 's' });
    const done = await completeCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate', conclusion: 'failure', title: 't', summary: 's', externalId: verdictRef({ verdict: 'fail' }) });
    const found = await findCheckRun(octokit, { ...REPO, headSha: HEAD, name: 'promptgate' });
    expect(found).toMatchObject({ id: (done as { id: number }).id, status: 'completed', conclusion: 'failure', external_id: 'promptgate:fail' });
    expect(parseVerdictRef((found as { external_id: string }).external_id)).toEqual({ verdict: 'fail' });

    expect(await reopenCheckRun(octokit, { ...REPO, checkRunId: (done as { id: number }).id })).toEqual({ id: (done as { id: number }).id });
    expect(gh.state.checkRuns.find((r) => r.name === 'promptgate')).toMatchObject({ status: 'in_progress', conclusion: null });
  });

  it("verdict refs: only promptgate's own shape is read back", () => {
    expect(parseVerdictRef(verdictRef({ verdict: 'inconclusive', acceptedBy: 'alice' }))).toEqual({ verdict: 'inconclusive', acceptedBy: 'alice' });
    expect(parseVerdictRef(verdictRef({ verdict: 'fail', acceptedBy: 'renovate[bot]' }))).toEqual({ verdict: 'fail', acceptedBy: 'renovate[bot]' });
    for (const x of ['', null, 'promptgate:maybe', 'ci:fail', 'promptgate:fail:accepted:', 'promptgate:fail:accepted:a b']) expect(parseVerdictRef(x)).toBeNull();
  });
});
