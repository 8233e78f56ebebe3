import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { commentPayload, prPayload, runAction, type ActionRun } from '../support/action-runner.js';
import { startGithubStub, type GithubStub } from '../support/github-stub.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * `/promptgate` commands on a PR, through the shipped Action (action.yml's main on Node 24) against the GitHub
 * stand-in and the local model server: who may run them, what they change (the same note, the same check), what
 * they never trust (the comment's text for shas, a fork's config), and the reactions that say how it went.
 */

const CASES = Array.from({ length: 10 }, (_, i) => {
  const label = ['billing', 'bug'][i % 2]!;
  return JSON.stringify({ id: `T${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${label}` }, expected: label });
}).join('\n');
const config = (model = 'test-model') => `version: 1
provider: { model: ${model}, api_key_env: LLM_KEY, pricing: { input_per_mtok: 1, output_per_mtok: 1 } }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert: [{ type: equals, value: "{{expected}}", trim: true }]
    repeats: 2
`;
const ONE_WORD = 'Label this in one word: {{ticket}}';
const FREE_FORM = 'Label this: {{ticket}}';

const calls: FakeRequest[] = [];
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
beforeAll(async () => {
  // The right label when the prompt says "one word"; "Label: x" (which fails `equals`) otherwise.
  llm = await startFakeLlm({
    apiKey: 'secret-key',
    responder: (req) => {
      calls.push(req);
      const text = req.messages.map((m) => m.content).join('\n');
      const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
      return { content: /one word/.test(text) ? label : `Label: ${label}`, latencyMs: 1 };
    },
  });
});
afterAll(async () => {
  await llm.close();
});

let gh: GithubStub;
const repos: TempRepo[] = [];
afterEach(async () => {
  await gh?.close();
  for (const r of repos.splice(0)) r.cleanup();
});

/** A PR #7: base on main with config, prompt and cases; head on `feature` (or a fork) with `headFiles`. */
async function setup(before: string, headFiles: Record<string, string>, opts: { fork?: boolean } = {}) {
  gh = await startGithubStub({ repository: 'acme/bot' });
  const repo = new TempRepo('promptgate-commands-');
  repos.push(repo);
  const base = repo.write({ 'promptgate.yml': config(), 'prompts/triage.txt': before, 'evals/cases.jsonl': CASES }).commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.write(headFiles).commit('head');
  gh.state.files = Object.keys(headFiles).map((filename) => ({ filename, status: 'modified' as const }));
  gh.state.pulls.push({ number: 7, head: { sha: head, ref: 'feature', repo: opts.fork ? 'stranger/bot' : 'acme/bot' }, base: { sha: base, ref: 'main' } });
  gh.state.permissions = { alice: 'write', carol: 'maintain', mallory: 'triage' };
  return { repo, base, head };
}

/** The workflow of examples/workflows/commands.yml: the base branch checked out, the comment's event. */
async function command(repo: TempRepo, body: string, opts: Parameters<typeof commentPayload>[1] = {}): Promise<ActionRun> {
  repo.git('checkout', '-q', 'main');
  const payload = commentPayload(body, opts);
  // The comment exists on GitHub before the workflow runs: reactions go to it.
  gh.state.comments.push({ id: payload.comment.id, body, user: { login: payload.comment.user.login, type: payload.comment.user.type }, issue_number: payload.issue.number });
  calls.length = 0;
  return runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'issue_comment', payload, inputs: { 'api-key': 'secret-key', 'base-url': llm.url } });
}

async function pullRequest(repo: TempRepo, shas: { base: string; head: string }, opts: { headRepo?: string } = {}): Promise<ActionRun> {
  calls.length = 0;
  return runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'pull_request', payload: prPayload(shas, opts), inputs: { 'api-key': 'secret-key', 'base-url': llm.url } });
}

const botComments = () => gh.state.comments.filter((c) => c.user.type === 'Bot');
const reactionsOn = (id: number) => gh.state.reactions.filter((r) => r.comment_id === id).map((r) => r.content);
const writes = () => gh.state.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql');

describe('who may run a command', () => {
  it('someone without write access (triage, whatever their author_association) gets one reply; nothing runs, no model call', async () => {
    const { repo } = await setup(FREE_FORM, { 'prompts/triage.txt': ONE_WORD });
    const run = await command(repo, '/promptgate rerun repeats=50', { login: 'mallory', id: 9100 });
    expect(run.code, run.log).toBe(0);
    expect(calls).toHaveLength(0);
    expect(gh.requestsTo('GET', '/collaborators/mallory/permission')).toHaveLength(1);
    expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /repos/acme/bot/issues/7/comments']);
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).toMatch(/write access/);
    expect(gh.state.checkRuns).toHaveLength(0);
    expect(reactionsOn(9100)).toEqual([]);
  });

  it('comments that are no command for promptgate: no API call at all, a log line, exit 0', async () => {
    const { repo } = await setup(FREE_FORM, { 'prompts/triage.txt': ONE_WORD });
    const cases: [string, Parameters<typeof commentPayload>[1]][] = [
      ['LGTM, but /promptgate rerun later', {}],
      ['/promptgateway rerun', {}],
      ['/promptgate rerun', { action: 'edited' }],
      ['/promptgate rerun', { action: 'deleted' }],
      ['/promptgate rerun', { onIssue: true, number: 12 }],
      ['/promptgate accept looks fine', { login: 'some-app[bot]', type: 'Bot' }],
    ];
    for (const [i, [body, opts]] of cases.entries()) {
      const run = await command(repo, body, { id: 9200 + i, ...opts });
      expect(run.code, run.log).toBe(0);
      expect(run.log).toMatch(/Nothing to do: /);
    }
    expect(gh.state.requests).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});

describe('/promptgate help', () => {
  it('one short reply listing the commands; 👀 then 🚀; an unknown word gets the list and 😕', async () => {
    const { repo } = await setup(FREE_FORM, { 'prompts/triage.txt': ONE_WORD });
    const run = await command(repo, '/promptgate help', { id: 9300, login: 'carol' });
    expect(run.code, run.log).toBe(0);
    expect(botComments()).toHaveLength(1);
    const reply = botComments()[0]!.body;
    for (const c of ['/promptgate rerun', '/promptgate accept', '/promptgate help']) expect(reply).toContain(c);
    expect(reply.split('\n').length).toBeLessThan(10);
    expect(reactionsOn(9300)).toEqual(['eyes', 'rocket']);

    await command(repo, '/promptgate deploy now', { id: 9301 });
    expect(botComments()).toHaveLength(2);
    expect(botComments()[1]!.body).toContain('is not a promptgate command');
    expect(reactionsOn(9301)).toEqual(['eyes', 'confused']);

    // Arguments a command does not take: one reply saying what is wrong, nothing run.
    await command(repo, '/promptgate rerun repeats=1000', { id: 9302 });
    expect(botComments()[2]!.body).toMatch(/repeats=1000.*1 to 100/);
    expect(reactionsOn(9302)).toEqual(['eyes', 'confused']);
    expect(gh.state.checkRuns).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });
});

describe('/promptgate rerun', () => {
  it('reviews again with more samples into the same note and the same check, paying only for the new samples', async () => {
    const { repo, base, head } = await setup(FREE_FORM, { 'prompts/triage.txt': ONE_WORD });
    const first = await pullRequest(repo, { base, head });
    expect(first.code, first.log).toBe(0);
    expect(calls).toHaveLength(10 * 2 * 2);
    expect(gh.state.checkRuns).toHaveLength(1);
    const [note] = botComments();
    expect(note!.body).not.toContain('4 samples');
    const noteId = note!.id;

    const run = await command(repo, '/promptgate rerun repeats=4', { id: 9400 });
    expect(run.code, run.log).toBe(0);
    // 10 cases × 4 samples × 2 variants planned; the first review's 40 come from the response cache.
    expect(calls).toHaveLength(10 * 4 * 2 - 10 * 2 * 2);
    expect(new Set(calls.map((c) => c.sampleIndex))).toEqual(new Set([2, 3]));
    expect(gh.state.checkRuns).toHaveLength(1);
    const check = gh.state.checkRuns[0]!;
    expect(check).toMatchObject({ head_sha: head, status: 'completed', conclusion: 'success' });
    expect(check.updates).toBeGreaterThanOrEqual(3); // completed, set back in progress, completed again
    expect(botComments().map((c) => c.id)).toEqual([noteId]);
    expect(JSON.parse(run.reportText!).suites[0].repeats).toBe(4);
    expect(reactionsOn(9400)).toEqual(['eyes', 'rocket']);
    // The shas came from the API, not from the comment.
    expect(gh.requestsTo('GET', '/pulls/7')).toHaveLength(1);
  });

  it('suite=NAME must name a suite of the base config; otherwise one reply and nothing runs', async () => {
    const { repo, base, head } = await setup(FREE_FORM, { 'prompts/triage.txt': ONE_WORD });
    await pullRequest(repo, { base, head });
    const run = await command(repo, '/promptgate rerun suite=triadge repeats=3', { id: 9500 });
    expect(run.code, run.log).toBe(0);
    expect(calls).toHaveLength(0);
    expect(botComments().at(-1)!.body).toMatch(/no suite `triadge`.*`triage`/);
    expect(reactionsOn(9500)).toEqual(['eyes', 'confused']);
    expect(gh.state.checkRuns[0]!.updates).toBe(1);

    const named = await command(repo, '/promptgate rerun suite=triage repeats=3', { id: 9501 });
    expect(named.code, named.log).toBe(0);
    expect(calls).toHaveLength(10 * 2);
    expect(reactionsOn(9501)).toEqual(['eyes', 'rocket']);
  });

  it('on a fork PR the head config is never used: the base model and cases, the head prompt text only', async () => {
    const { repo, base } = await setup(FREE_FORM, {}, {});
    // The fork changes the prompt and, in the same commit, the config's model and the eval set.
    repo.git('checkout', '-q', 'main');
    repo.git('checkout', '-q', '-b', 'fork');
    const head = repo.write({ 'prompts/triage.txt': ONE_WORD, 'promptgate.yml': config('attacker-model'), 'evals/cases.jsonl': '{"id":"X","vars":{"ticket":"x"},"expected":"x"}' }).commit('fork');
    gh.state.pulls = [{ number: 7, head: { sha: head, ref: 'fork', repo: 'stranger/bot' }, base: { sha: base, ref: 'main' } }];
    gh.state.files = ['prompts/triage.txt', 'promptgate.yml', 'evals/cases.jsonl'].map((filename) => ({ filename, status: 'modified' as const }));
    const run = await command(repo, '/promptgate rerun', { id: 9600 });
    expect(run.code, run.log).toBe(0);
    expect(calls.length).toBe(10 * 2 * 2);
    expect(new Set(calls.map((c) => c.model))).toEqual(new Set(['test-model']));
    expect(calls.some((c) => c.messages.some((m) => m.content.includes('in one word')))).toBe(true);
    expect(gh.state.checkRuns[0]).toMatchObject({ head_sha: head, conclusion: 'success' });
    expect(reactionsOn(9600)).toEqual(['eyes', 'rocket']);
  });
});

describe('/promptgate accept', () => {
  it('accepts a failing verdict for the head commit only: the next push is reviewed afresh', async () => {
    const { repo, base, head } = await setup(ONE_WORD, { 'prompts/triage.txt': FREE_FORM });
    const failed = await pullRequest(repo, { base, head });
    expect(failed.outputs.verdict).toBe('fail');
    expect(gh.state.checkRuns[0]).toMatchObject({ conclusion: 'failure' });

    const run = await command(repo, '/promptgate accept the new labels are parsed downstream @acme/admins', { id: 9700 });
    expect(run.code, run.log).toBe(0);
    expect(calls).toHaveLength(0);
    const accepted = gh.state.checkRuns[0]!;
    expect(gh.state.checkRuns).toHaveLength(1);
    expect(accepted).toMatchObject({ head_sha: head, conclusion: 'success', output: { title: 'accepted by @alice' } });
    const note = botComments()[0]!.body;
    expect(note).toContain('Accepted by');
    expect(note).toContain('alice');
    expect(note).toContain('parsed downstream');
    expect(note).not.toMatch(/(^|[^\u200d])@acme\/admins/); // no mention from the reason
    expect(note).toContain('Pass rate'); // the review's note is still there
    expect(botComments()).toHaveLength(1);
    expect(reactionsOn(9700)).toEqual(['eyes', 'rocket']);

    // A push: the synchronize run reviews the new head; the accept stays with the old commit.
    repo.git('checkout', '-q', 'feature');
    const head2 = repo.write({ 'prompts/triage.txt': 'Label this, please: {{ticket}}' }).commit('push');
    gh.state.pulls[0]!.head.sha = head2;
    const next = await pullRequest(repo, { base, head: head2 });
    expect(next.outputs.verdict).toBe('fail');
    const newCheck = gh.state.checkRuns.find((c) => c.head_sha === head2)!;
    expect(newCheck).toMatchObject({ conclusion: 'failure' });
    expect(newCheck.output?.title).not.toContain('accepted');
    expect(botComments()).toHaveLength(1);
    expect(botComments()[0]!.body).not.toContain('Accepted by');
  });

  it('refuses what it cannot accept, with one reply: a passing check, no reason', async () => {
    const { repo, base, head } = await setup(FREE_FORM, { 'prompts/triage.txt': ONE_WORD });
    await pullRequest(repo, { base, head });
    await command(repo, '/promptgate accept', { id: 9800 });
    expect(botComments().at(-1)!.body).toMatch(/say why/);
    await command(repo, '/promptgate accept ship it', { id: 9801 });
    expect(botComments().at(-1)!.body).toMatch(/nothing to accept.*pass/);
    expect(reactionsOn(9800)).toEqual(['eyes', 'confused']);
    expect(reactionsOn(9801)).toEqual(['eyes', 'confused']);
    expect(gh.state.checkRuns[0]).toMatchObject({ conclusion: 'success', updates: 1 });
  });
});
