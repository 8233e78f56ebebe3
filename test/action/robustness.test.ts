import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STICKY_MARKER } from '../../src/github/comment.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { prPayload, runAction, type ActionRun } from '../support/action-runner.js';
import { TempRepo } from '../support/git-repo.js';
import { startGithubStub, type GithubStub } from '../support/github-stub.js';

/**
 * The shipped Action (action.yml's `main`: the launcher, then the bundle) when things go wrong: the checks API
 * fails, the Action itself crashes after it started the check run, the review runs out of memory or dies, the
 * provider echoes a secret. Whatever happens, no check run is left in progress, the outputs and the job summary are
 * written, the job fails, and no secret reaches anything the Action writes.
 */

const CASES = Array.from({ length: 6 }, (_, i) =>
  JSON.stringify({ id: `T${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${['billing', 'bug'][i % 2]}` }, expected: ['billing', 'bug'][i % 2] }),
).join('\n');
const config = (extra = '') => `version: 1
provider: { model: test-model, api_key_env: LLM_KEY, pricing: { input_per_mtok: 1, output_per_mtok: 1 } }
suites:
  - { name: triage, prompt: prompts/triage.txt, cases: evals/cases.jsonl, assert: [{ type: equals, value: "{{expected}}", trim: true }], repeats: 2 }
${extra}`;

/** Right label when the prompt says "one word". */
function model(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
  return { content: /one word/.test(text) ? label : `Label: ${label}` };
}

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
const scratch = mkdtempSync(join(tmpdir(), 'promptgate-robust-'));
const cleanups: (() => unknown)[] = [];
beforeAll(async () => {
  llm = await startFakeLlm({ responder: model, apiKey: 'model-key-0123' });
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await llm.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function setUp(extraConfig = '') {
  const gh = await startGithubStub();
  cleanups.push(() => gh.close());
  const repo = new TempRepo('promptgate-robust-');
  cleanups.push(() => repo.cleanup());
  const base = repo.write({ 'promptgate.yml': config(extraConfig), 'prompts/triage.txt': 'Label this: {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  const head = repo.write({ 'prompts/triage.txt': 'Label this in one word: {{ticket}}' }).commit('head');
  gh.state.files = [{ filename: 'prompts/triage.txt', status: 'modified' }];
  return { gh, repo, base, head, payload: prPayload({ base, head }) };
}

/** The model server's key and address (it starts in beforeAll). */
const modelInputs = () => ({ 'api-key': 'model-key-0123', 'base-url': llm.url });

/** Every check run the stand-in holds, as [status, conclusion]. */
const checks = (gh: GithubStub) => gh.state.checkRuns.map((c) => [c.status, c.conclusion]);

describe('the Action never leaves a check in progress', () => {
  it('the checks API fails when the check is started: the job fails, the outputs and summary say why, the check ends completed', async () => {
    const { gh, repo, payload } = await setUp();
    // More 500s than Octokit's three retries: starting the check run fails for good.
    gh.state.faults.push({ method: 'POST', path: /\/check-runs$/, status: 500, message: 'Server Error', times: 4 });
    const calls = llm.stats().requests;
    const r = await runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'pull_request', payload, inputs: modelInputs() });
    expect(r.code, r.log).toBe(1);
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs['changed-prompts']).toBe('[]');
    expect(r.summary).toContain('could not start the check run');
    expect(r.log).toMatch(/::error::.*could not start the check run/);
    expect(llm.stats().requests).toBe(calls); // nothing was reviewed without a check to report to
    // GitHub answered again by the end: the check was created completed, saying why; none is in progress.
    expect(checks(gh)).toEqual([['completed', 'failure']]);
    expect(gh.state.checkRuns[0]!.output?.summary).toContain('could not start the check run');
    const note = gh.state.comments.find((c) => c.body.startsWith(STICKY_MARKER));
    expect(note?.body).toContain('could not start the check run');
  });

  it('a crash after the check started (the report cannot be written): check completed failure, outputs, summary, note', async () => {
    const { gh, repo, payload } = await setUp();
    // RUNNER_TEMP is a file: the JSON report cannot be written there.
    const notADir = join(scratch, 'runner-temp-is-a-file');
    writeFileSync(notADir, '');
    const r = await runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'pull_request', payload, inputs: modelInputs(), env: { RUNNER_TEMP: notADir } });
    expect(r.code, r.log).toBe(1);
    expect(checks(gh)).toEqual([['completed', 'failure']]);
    const check = gh.state.checkRuns[0]!;
    expect(check.output?.summary).toContain('could not write the JSON report');
    // The review's own results still follow the error.
    expect(check.output?.summary).toContain('Pass rate');
    expect(r.outputs.verdict).toBe('error');
    expect(r.outputs['report-path']).toBeUndefined();
    expect(JSON.parse(r.outputs['changed-prompts']!)).toEqual(['prompts/triage.txt']);
    expect(r.summary).toContain('could not write the JSON report');
    expect(gh.state.comments.filter((c) => c.body.startsWith(STICKY_MARKER))).toHaveLength(1);
  });
});

describe('the conclusion', () => {
  it('gate.inconclusive: failure in the config makes an inconclusive verdict fail the check and the job', async () => {
    const { gh, repo, base } = await setUp('gate: { inconclusive: failure }\n');
    // The candidate loses one case of six: the drop can be neither ruled out nor shown.
    const head = repo.write({ 'prompts/triage.txt': 'Label this in one word, T1 excepted: {{ticket}}' }).commit('worse on one case');
    const worse = await startFakeLlm({
      apiKey: 'model-key-0123',
      responder: (req) => {
        const text = req.messages.map((m) => m.content).join('\n');
        const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
        return { content: /T1 excepted/.test(text) && /ticket 1 /.test(text) ? 'other' : label };
      },
    });
    cleanups.push(() => worse.close());
    const r = await runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'pull_request', payload: prPayload({ base, head }), inputs: { 'api-key': 'model-key-0123', 'base-url': worse.url } });
    expect(r.outputs.verdict, r.log).toBe('inconclusive');
    expect(checks(gh)).toEqual([['completed', 'failure']]);
    expect(r.code).toBe(1);
  });
});

describe('the launcher and the Action together', () => {
  /**
   * A preload (NODE_OPTIONS=--require) that makes the review process abort — SIGABRT, exit 134, what V8 does at its
   * heap limit — right after it told the launcher its check run: on the first attempt only, or on every attempt. The
   * launcher itself and the conclusion after the crash are left alone. Everything else is the shipped code.
   */
  function abortAfterCheck(mode: 'first attempt' | 'every attempt') {
    const preload = join(scratch, `abort-${mode.replace(' ', '-')}.cjs`);
    const marker = join(scratch, `aborted-${mode.replace(' ', '-')}-${Date.now()}`);
    writeFileSync(
      preload,
      `const fs = require('node:fs');
if (process.env.PROMPTGATE_LAUNCHED && process.send && !process.env.PROMPTGATE_CRASHED) {
  const send = process.send.bind(process);
  process.send = (msg, handle, options, cb) => send(msg, handle, options, (err) => {
    if (typeof cb === 'function') cb(err);
    if (msg && msg.promptgate === 'check-run' && (${mode === 'every attempt'} || !fs.existsSync(${JSON.stringify(marker)}))) {
      fs.writeFileSync(${JSON.stringify(marker)}, '');
      process.abort();
    }
  });
}
`,
    );
    return { NODE_OPTIONS: `--require ${preload}` };
  }

  it("out of memory: the rerun with Node's defaults reports to the same check run; another bot's note is left alone", async () => {
    const { gh, repo, payload } = await setUp();
    gh.state.comments.push({ id: 1, body: `${STICKY_MARKER}\nanother tool's note`, user: { login: 'dependabot[bot]', type: 'Bot' } });
    const r = await runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'pull_request', payload, inputs: modelInputs(), env: abortAfterCheck('first attempt') });
    expect(r.log).toMatch(/ran out of memory under --max-semi-space-size=8 --max-old-space-size=1024; running it again/);
    expect(r.code, r.log).toBe(0);
    expect(gh.requestsTo('POST', '/check-runs')).toHaveLength(1);
    expect(checks(gh)).toEqual([['completed', 'success']]);
    expect(r.outputs.verdict).toBe('pass');
    expect(gh.state.comments.find((c) => c.id === 1)!.body).toBe(`${STICKY_MARKER}\nanother tool's note`);
    expect(gh.state.comments.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
  });

  it('out of memory twice: the check run is completed failure with what happened and what to do, the job fails', async () => {
    const { gh, repo, payload } = await setUp();
    const r = await runAction({ cwd: repo.dir, apiUrl: gh.url, eventName: 'pull_request', payload, inputs: modelInputs(), env: abortAfterCheck('every attempt') });
    expect(r.code, r.log).toBe(134);
    expect(gh.requestsTo('POST', '/check-runs')).toHaveLength(1);
    expect(checks(gh)).toEqual([['completed', 'failure']]);
    const check = gh.state.checkRuns[0]!;
    expect(check.output?.title).toBe('promptgate crashed');
    expect(check.output?.summary).toMatch(/promptgate crashed: the review ran out of memory, also on the rerun with Node's default heap limits/);
    expect(check.output?.summary).toContain('NODE_OPTIONS');
    expect(r.outputs.verdict).toBe('error');
    expect(r.summary).toContain('promptgate crashed');
    expect(gh.state.comments.find((c) => c.body.startsWith(STICKY_MARKER))?.body).toContain('promptgate crashed');
  });
});

describe('secrets never leave through what the Action writes', () => {
  /** An OpenAI-compatible endpoint that fails every call, quoting the key it was sent (no "Bearer", no known shape). */
  async function echoingProvider(status = 500): Promise<string> {
    const server: Server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const key = String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `upstream refused key ${key} for this deployment` } }));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    cleanups.push(() => new Promise((ok) => server.close(ok)));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  }

  /** Everything the Action wrote where a reader other than the runner's masked log can see it. */
  function written(gh: GithubStub, r: ActionRun): string {
    return [
      ...gh.state.comments.map((c) => c.body),
      ...gh.state.checkRuns.flatMap((c) => [c.output?.title ?? '', c.output?.summary ?? '', c.output?.text ?? '']),
      r.summary,
      r.reportText ?? '',
      ...Object.values(r.outputs),
    ].join('\n');
  }

  const unmaskedLines = (log: string, secret: string) => log.split('\n').filter((l) => l.includes(secret) && !l.startsWith('::add-mask::'));

  it.each([
    ['the api-key input', { 'api-key': 'plain-api-key-value-4711' }, {}, 'plain-api-key-value-4711'],
    ['the variable the config names in api_key_env', { 'api-key': '' }, { LLM_KEY: 'env-named-key-value-0815' }, 'env-named-key-value-0815'],
  ] as const)("a key from %s, echoed in the provider's error, is masked in the log and absent from comment, check, summary, report and outputs", async (_what, given, env, secret) => {
    const { gh, repo, payload } = await setUp('run: { max_retries: 0 }\n');
    const runtime = 'runner-runtime-token-value-31337';
    const r = await runAction({
      cwd: repo.dir,
      apiUrl: gh.url,
      eventName: 'pull_request',
      payload,
      inputs: { ...given, 'base-url': await echoingProvider(), 'github-token': 'workflow-token-value-2718' },
      env: { ...env, ACTIONS_RUNTIME_TOKEN: runtime },
    });
    expect(r.outputs.verdict, r.log).toBe('error');
    const text = written(gh, r);
    expect(text).toContain('upstream refused key'); // the provider's message is still shown…
    expect(text).not.toContain(secret); // …without the key
    expect(text).not.toContain('workflow-token-value-2718');
    for (const s of [secret, 'workflow-token-value-2718', runtime]) {
      expect(r.log).toContain(`::add-mask::${s}`);
      expect(unmaskedLines(r.log, s)).toEqual([]);
    }
  });

  it('the workflow token, used as the model key in zero-config mode and echoed back (401), is masked and absent', async () => {
    const gh = await startGithubStub();
    cleanups.push(() => gh.close());
    const repo = new TempRepo('promptgate-robust-');
    cleanups.push(() => repo.cleanup());
    const promptFile = (instruction: string) => `name: Labeller
model: openai/gpt-4o-mini
messages:
  - { role: system, content: "${instruction}" }
  - { role: user, content: "{{ticket}}" }
testData:
  - { ticket: "ticket about billing", expected: billing }
  - { ticket: "ticket about bug", expected: bug }
evaluators:
  - { name: label, string: { equals: "{{expected}}" } }
`;
    const base = repo.write({ 'prompts/labeller.prompt.yml': promptFile('Label it.') }).commit('base');
    const head = repo.write({ 'prompts/labeller.prompt.yml': promptFile('Label it in one word.') }).commit('head');
    gh.state.files = [{ filename: 'prompts/labeller.prompt.yml', status: 'modified' }];
    const token = 'workflow-token-as-model-key-1618';
    const oidc = 'oidc-request-token-value-1414';
    const r = await runAction({
      cwd: repo.dir,
      apiUrl: gh.url,
      eventName: 'pull_request',
      payload: prPayload({ base, head }),
      inputs: { 'api-key': '', 'github-token': token, 'base-url': await echoingProvider(401) },
      env: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc },
    });
    expect(r.outputs.verdict, r.log).toBe('error');
    const text = written(gh, r);
    expect(text).toContain('upstream refused key');
    expect(text).not.toContain(token);
    for (const s of [token, oidc]) {
      expect(r.log).toContain(`::add-mask::${s}`);
      expect(unmaskedLines(r.log, s)).toEqual([]);
    }
  });
});
