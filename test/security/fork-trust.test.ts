import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { prPayload, runAction, type ActionRun } from '../support/action-runner.js';
import { startGithubStub, type GithubStub } from '../support/github-stub.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * A fork's pull request reviewed under `pull_request_target`, which runs with the base repository's secrets:
 * only the prompt's message text may come from the head (docs/security.md). Every test drives the shipped Action
 * bundle against the GitHub stand-in and the local model server, as an attacker who controls the fork's files.
 */

const KEY = 'sk-live-0123456789abcdefSECRET';
const RUNTIME_TOKEN = 'runtime-token-ABCDEF0123456789';
const SECRETS = [KEY, RUNTIME_TOKEN, 'ghs_workflowtoken0123456789'];
const JOB_ENV = { LLM_KEY: KEY, ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN };

const CASES = Array.from({ length: 6 }, (_, i) =>
  JSON.stringify({ id: `T${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${i % 2 ? 'bug' : 'billing'}` }, expected: i % 2 ? 'bug' : 'billing' }),
).join('\n');
const CONFIG = `version: 1
provider: { model: test-model, api_key_env: LLM_KEY, params: { max_tokens: 16, temperature: 0 }, pricing: { input_per_mtok: 1, output_per_mtok: 1 } }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert: [{ type: equals, value: "{{expected}}", trim: true }]
    repeats: 1
run: { budget_usd: 1 }
`;

const requests: FakeRequest[] = [];
let llm: Awaited<ReturnType<typeof startFakeLlm>>;
let gh: GithubStub;
const repos: TempRepo[] = [];

beforeAll(async () => {
  llm = await startFakeLlm({
    apiKey: KEY,
    responder: (req) => {
      requests.push(req);
      const label = /about (\w+)/.exec(req.messages.map((m) => m.content).join('\n'))?.[1] ?? 'other';
      return { content: label, latencyMs: 1 };
    },
  });
  gh = await startGithubStub();
});
afterAll(async () => {
  await llm.close();
  await gh.close();
  for (const r of repos) r.cleanup();
});

/** A base commit with the config, the prompt and the eval set, and a fork's head commit with `headFiles`. */
function forkPr(headFiles: Record<string, string>, baseFiles: Record<string, string> = { 'promptgate.yml': CONFIG, 'prompts/triage.txt': 'Label this: {{ticket}}', 'evals/cases.jsonl': CASES }) {
  const repo = new TempRepo('promptgate-fork-');
  repos.push(repo);
  const base = repo.write(baseFiles).commit('base');
  repo.git('checkout', '-q', '-b', 'fork');
  const head = repo.write(headFiles).commit('fork');
  gh.state.files = Object.keys(headFiles).map((filename) => ({ filename, status: 'modified' as const }));
  gh.state.comments = [];
  gh.state.checkRuns = [];
  requests.length = 0;
  return { repo, base, head };
}

async function review(pr: ReturnType<typeof forkPr>, eventName = 'pull_request_target', inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    cwd: pr.repo.dir,
    apiUrl: gh.url,
    eventName,
    payload: prPayload({ base: pr.base, head: pr.head }, { headRepo: eventName === 'pull_request_target' ? 'stranger/bot' : 'acme/bot' }),
    inputs: { 'base-url': llm.url, ...inputs },
    env: JOB_ENV,
  });
}

/** Everything the Action wrote that a person can read: comment, check run, job summary, report, outputs, log. */
function everythingWritten(run: ActionRun): string {
  return [
    ...gh.state.comments.map((c) => c.body),
    ...gh.state.checkRuns.flatMap((c) => [c.output?.title ?? '', c.output?.summary ?? '', c.output?.text ?? '']),
    run.summary,
    run.reportText ?? '',
    JSON.stringify(run.outputs),
    // `::add-mask::` is the instruction that hides a value in the runner's log; it is not shown to anyone.
    run.log
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n'),
  ].join('\n');
}

function expectNoSecret(run: ActionRun): void {
  const written = everythingWritten(run);
  for (const secret of SECRETS) expect(written).not.toContain(secret);
}

describe('under pull_request_target only message text comes from the head', () => {
  it.each([
    ['the key in the model name', '${LLM_KEY}'],
    ['a runner token inside a model name', 'gpt-${ACTIONS_RUNTIME_TOKEN}'],
  ])('%s is never expanded, sent or printed', async (_, model) => {
    const pr = forkPr({ 'prompts/triage.txt': `---\nmodel: "${model}"\n---\nLabel this in one word: {{ticket}}` });
    const run = await review(pr);
    expect(run.code, run.log).toBe(0);
    expect(requests.length).toBe(12);
    expect(new Set(requests.map((r) => r.model))).toEqual(new Set(['test-model']));
    expectNoSecret(run);
    // The head's text was used; its settings were not, and the note says so.
    expect(requests.some((r) => r.messages.some((m) => m.content.includes('in one word')))).toBe(true);
    expect(gh.state.comments[0]!.body).toContain("the head's settings were not applied");
    const report = ReportSchema.parse(JSON.parse(run.reportText!));
    expect(report.suites[0]!.change_detail?.model).toEqual({ baseline: 'test-model', candidate: 'test-model' });
  });

  it('the head cannot choose the model, the request parameters or the bill', async () => {
    const front = [
      'model: o1-pro',
      'params:',
      '  max_tokens: 1',
      '  n: 128',
      '  max_completion_tokens: 100000',
      '  reasoning_effort: high',
      '  store: true',
      '  service_tier: priority',
      '  user: attacker',
      '  metadata: { run: "evil" }',
      '  temperature: 2',
      '  tools: [{ type: function, function: { name: leak, parameters: { type: object } } }]',
    ].join('\n');
    const pr = forkPr({ 'prompts/triage.txt': `---\n${front}\n---\nLabel this in one word: {{ticket}}` });
    const run = await review(pr);
    expect(run.code, run.log).toBe(0);
    expect(requests.length).toBe(12);
    for (const r of requests) {
      expect(r.model).toBe('test-model');
      // Exactly the base config's parameters: nothing the head wrote reaches the provider.
      expect(r.params).toMatchObject({ max_tokens: 16, temperature: 0 });
      for (const key of ['n', 'max_completion_tokens', 'reasoning_effort', 'store', 'service_tier', 'user', 'metadata', 'tools']) expect(r.params).not.toHaveProperty(key);
    }
    // The budget estimate is the base's: 12 calls at max_tokens 16, not the head's max_tokens 1.
    expect(run.log).toMatch(/Estimated cost: \$0\.000\d+ for 12 uncached calls/);
    const note = gh.state.comments[0]!.body;
    expect(note).toMatch(/Not applied: .*model: test-model → o1-pro/);
    expect(note).toContain('n: unset → 128');
  });

  it("a GitHub Models prompt file: model, modelParameters and responseFormat stay the base file's", async () => {
    const file = (model: string, extra: string) =>
      `name: triage\nmodel: ${model}\n${extra}messages:\n  - role: user\n    content: "Label {{ticket}}"\ntestData:\n  - { ticket: "ticket 1 about billing", expected: billing }\n  - { ticket: "ticket 2 about bug", expected: bug }\nevaluators:\n  - name: exact\n    string: { equals: "{{expected}}" }\n`;
    const base = { 'triage.prompt.yml': file('test-model', 'modelParameters: { maxTokens: 16 }\n') };
    const pr = forkPr(
      {
        'triage.prompt.yml': file('"openai/${LLM_KEY}"', 'modelParameters: { maxTokens: 4000, temperature: 2 }\nresponseFormat: json_object\n').replace(
          'Label {{ticket}}',
          'Label in one word: {{ticket}}',
        ),
      },
      base,
    );
    // Zero-config runs on GitHub Models with the workflow token; the api-key input points it at the local server.
    const run = await review(pr, 'pull_request_target', { 'api-key': KEY });
    expect(run.code, run.log).toBe(0);
    expect(requests.length).toBe(12); // 2 rows × 3 repeats × 2 variants
    for (const r of requests) {
      expect(r.model).toBe('test-model');
      expect(r.params.max_tokens).toBe(16);
      expect(r.params).not.toHaveProperty('response_format');
      expect(r.params).not.toHaveProperty('temperature');
    }
    expectNoSecret(run);
  });
});

describe('${VAR} in a prompt file is never expanded, in any event', () => {
  it('on a pull_request from the same repository the review errors, naming the file, and sends nothing', async () => {
    const pr = forkPr({ 'prompts/triage.txt': '---\nmodel: "${LLM_KEY}"\n---\nLabel this in one word: {{ticket}}' });
    const run = await review(pr, 'pull_request', { 'api-key': '' });
    expect(run.code).not.toBe(0);
    expect(run.outputs.verdict).toBe('error');
    expect(requests).toHaveLength(0);
    expect(gh.state.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(gh.state.checkRuns[0]!.output?.summary).toContain('prompts/triage.txt');
    expect(gh.state.checkRuns[0]!.output?.summary).toContain('refers to an environment variable');
    expectNoSecret(run);
    expect(readFileSync(pr.repo.dir + '/prompts/triage.txt', 'utf8')).toContain('${LLM_KEY}');
  });
});

describe('a fork is never trusted, whatever the event', () => {
  it('under pull_request with a key in the environment, the head config cannot redirect calls or expand variables', async () => {
    const attacker: FakeRequest[] = [];
    const evil = await startFakeLlm({
      responder: (req) => {
        attacker.push(req);
        return { content: 'billing', latencyMs: 1 };
      },
    });
    try {
      const headConfig = CONFIG.replace('model: test-model', 'model: "m-${AWS_ACCESS_KEY_ID}"').replace('provider: {', `provider: { base_url: "${evil.url}",`);
      const baseConfig = CONFIG.replace('provider: {', `provider: { base_url: "${llm.url}",`);
      const pr = forkPr(
        { 'promptgate.yml': headConfig, 'prompts/triage.txt': 'Label this in one word: {{ticket}}' },
        { 'promptgate.yml': baseConfig, 'prompts/triage.txt': 'Label this: {{ticket}}', 'evals/cases.jsonl': CASES },
      );
      const run = await runAction({
        cwd: pr.repo.dir,
        apiUrl: gh.url,
        eventName: 'pull_request',
        payload: prPayload({ base: pr.base, head: pr.head }, { headRepo: 'stranger/bot' }),
        inputs: { 'base-url': '' },
        // A self-hosted runner whose environment holds the key and other credentials.
        env: { ...JOB_ENV, OPENAI_API_KEY: KEY, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE123456' },
      });
      expect(run.code, run.log).toBe(0);
      expect(requests).toHaveLength(12); // the review ran, on the base's endpoint
      expect(attacker).toHaveLength(0);
      expect(everythingWritten(run)).not.toContain('AKIAEXAMPLE123456');
      expectNoSecret(run);
    } finally {
      await evil.close();
    }
  });
});

describe('zero-config sends the workflow token, never another key it finds in the environment', () => {
  it('an OPENAI_API_KEY in the job environment does not go to GitHub Models', async () => {
    const file = (prompt: string) =>
      `name: triage\nmodel: test-model\nmessages:\n  - role: user\n    content: "${prompt} {{ticket}}"\ntestData:\n  - { ticket: "ticket 1 about billing", expected: billing }\nevaluators:\n  - name: exact\n    string: { equals: "{{expected}}" }\n`;
    const pr = forkPr({ 'triage.prompt.yml': file('Label in one word:') }, { 'triage.prompt.yml': file('Label:') });
    const seen: FakeRequest[] = [];
    const models = await startFakeLlm({
      responder: (req) => {
        seen.push(req);
        return { content: 'billing', latencyMs: 1 };
      },
    });
    try {
      const run = await runAction({
        cwd: pr.repo.dir,
        apiUrl: gh.url,
        eventName: 'pull_request',
        payload: prPayload({ base: pr.base, head: pr.head }),
        inputs: { 'base-url': models.url }, // standing in for models.github.ai
        env: { OPENAI_API_KEY: 'sk-openai-not-for-github-0123456789' },
      });
      expect(run.code, run.log).toBe(0);
      expect(seen.length).toBe(6); // 1 row × 3 repeats × 2 variants
      expect(new Set(seen.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer ghs_workflowtoken0123456789']));
    } finally {
      await models.close();
    }
  });
});
