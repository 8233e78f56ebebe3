import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * A merge gate must never go green by mistake (docs/fail-closed.md). Each mistake below, made the way a user makes
 * it, ends in exit 2 with one message that names the file, key or URL and the fix — through the shipped bin.
 */

const CASES = Array.from({ length: 4 }, (_, i) => JSON.stringify({ id: `C${i + 1}`, vars: { ticket: `ticket ${i + 1} about bug` }, expected: 'bug' })).join('\n');
const config = (o: { prompt?: string; cases?: string; model?: string; baseUrl?: string; extra?: string } = {}) => `version: 1
provider:
  model: ${o.model ?? 'test-model'}
  base_url: ${o.baseUrl ?? '${LLM_URL}'}
  api_key_env: LLM_KEY
  params: { max_tokens: 8 }
  pricing: { input_per_mtok: 1, output_per_mtok: 1 }
suites:
  - name: triage
    prompt: ${o.prompt ?? 'prompts/triage.txt'}
    cases: ${o.cases ?? 'evals/cases.jsonl'}
    assert: [{ type: equals, value: "{{expected}}", trim: true }]
    repeats: 2
run: { timeout_s: 5, max_retries: 3 }
${o.extra ?? ''}`;

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
const repos: TempRepo[] = [];
const env = () => ({ LLM_URL: llm.url, LLM_KEY: 'sk-test-key-0123456789' });

beforeAll(async () => {
  llm = await startFakeLlm({
    apiKey: 'sk-test-key-0123456789',
    models: ['test-model'],
    responder: (req: FakeRequest) => ({ content: /one word/.test(req.messages[0]!.content) ? 'bug' : 'a bug', latencyMs: 1 }),
  });
});
afterAll(async () => {
  await llm.close();
  for (const r of repos) r.cleanup();
});

/** A base commit and a `feature` branch whose head edits the prompt (and whatever `headFiles` says). */
function repo(baseConfig = config(), headFiles: Record<string, string> = {}, removeAtHead: string[] = []): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  r.write({ 'promptgate.yml': baseConfig, 'prompts/triage.txt': 'Label: {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
  r.git('checkout', '-q', '-b', 'feature');
  r.write({ 'prompts/triage.txt': 'Label in one word: {{ticket}}', ...headFiles });
  if (removeAtHead.length) r.remove(...removeAtHead);
  r.commit('head');
  return r;
}

const run = (r: TempRepo, args: string[] = [], e: Record<string, string> = env()) => runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', ...args], e);

/** A port nothing listens on: bound by the OS, then closed. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

describe('mistakes in the repository end in error, never in "skipped"', () => {
  it('a --config that does not exist', async () => {
    const r = await run(repo(), ['--config', 'does-not-exist.yml']);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.yml: config file not found at head [0-9a-f]{7}/);
    expect(r.stdout).not.toMatch(/skipped|No prompt changes/);
  });

  it('a suite whose prompt path has a typo, on a branch that edits the real prompt', async () => {
    const r = await run(repo(config({ prompt: 'prompts/triag.txt' })));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('promptgate.yml: suite "triage": prompt "prompts/triag.txt" matches no file at base');
    expect(r.stderr).toContain('did you mean prompts/triage.txt?');
  });

  it('a suite whose cases file does not exist', async () => {
    const r = await run(repo(config({ cases: 'evals/case.jsonl' })));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('suite "triage": cases file "evals/case.jsonl" is not there');
    expect(r.stderr).toContain('did you mean evals/cases.jsonl?');
  });

  it('a branch that deletes promptgate.yml', async () => {
    const r = await run(repo(config(), {}, ['promptgate.yml']));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('promptgate.yml: was deleted by this change');
  });

  it('a branch that breaks promptgate.yml', async () => {
    const r = await run(repo(config(), { 'promptgate.yml': config().replace('repeats: 2', 'repeat: 2') }));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(/promptgate\.yml:\d+/);
    expect(r.stderr).toContain('did you mean "repeats"');
  });

  it('a branch that fixes a config broken at the base is reviewed, with a warning', async () => {
    const r = await run(repo(config().replace('repeats: 2', 'repeat: 2'), { 'promptgate.yml': config() }));
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stderr).toContain("warning: the base commit's config does not load");
    expect(r.stdout).toContain('Pass rate');
  });
});

describe('a provider that never answered stops the review within seconds, with the cause on stderr', () => {
  it('connection refused', async () => {
    const port = await closedPort();
    const r = await run(repo(config({ baseUrl: `http://127.0.0.1:${port}/v1` })));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.stderr).toContain(`127.0.0.1:${port}`);
    expect(r.stderr).toMatch(/refused/i);
    expect(r.stdout).toMatch(/^## 🛑 promptgate: error/m);
    expect(r.stdout).not.toMatch(/inconclusive/i);
  });

  it('a base_url that is not a URL', async () => {
    const r = await run(repo(config({ baseUrl: 'notaurl' })));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.ms).toBeLessThan(20_000);
    expect(r.stderr).toContain('notaurl');
  });

  it('a model the endpoint does not have (404): error first, not "inconclusive"', async () => {
    const r = await run(repo(config({ model: 'no-such-model' })));
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('no-such-model');
    expect(r.stdout).toMatch(/^## 🛑 promptgate: error/m);
    expect(r.stdout).not.toMatch(/interval is too wide/);
  });

  it('a rejected key (401) names the variable, never the key', async () => {
    const r = await run(repo(), [], { ...env(), LLM_KEY: 'sk-wrong-key-9876543210' });
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('LLM_KEY');
    expect(r.stdout + r.stderr).not.toContain('sk-wrong-key-9876543210');
  });
});

describe('validate resolves ${VAR} as run does', () => {
  it('accepts base_url: ${LLM_URL} when it is set, and names it when it is not', async () => {
    const r = repo();
    const ok = await runBin(r.dir, ['validate'], env());
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('suite "triage"');
    const missing = await runBin(r.dir, ['validate'], { LLM_KEY: 'x' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('${LLM_URL}');
  });

  it('fails on a suite whose prompt matches nothing (it used to only warn)', async () => {
    const r = await runBin(repo(config({ prompt: 'prompts/nothing-*.txt' })).dir, ['validate'], env());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('matches no file');
  });
});

describe('merge', () => {
  it('needs no API key, and keeps the repeats the shards ran with', async () => {
    const r = repo();
    const parts = [];
    for (const i of [1, 2]) {
      const shard = await run(r, ['--repeats', '5', '--shard', `${i}/2`, '--json', `part-${i}.json`]);
      expect(shard.code, shard.stderr).toBe(0);
      parts.push(`part-${i}.json`);
    }
    const merged = await runBin(r.dir, ['merge', ...parts, '--json', 'report.json'], { LLM_URL: llm.url });
    expect(merged.code, merged.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8')));
    expect(report.suites[0]!.repeats).toBe(5);
    expect(report.suites[0]!.cases.every((c) => c.baseline?.runs === 5 && c.candidate?.runs === 5)).toBe(true);
  });
});

describe('uncommitted edits', () => {
  it('are named in a warning: the CLI compares commits', async () => {
    const r = repo();
    r.write({ 'prompts/triage.txt': 'an edit not committed yet {{ticket}}' });
    const out = await run(r);
    expect(out.stderr).toContain('warning: uncommitted changes to prompts/triage.txt are not part of this review');
  });

  it('a work-tree config the warning cannot read costs the warning, never the review or its exit code', async () => {
    const r = repo();
    // picomatch refuses a pattern this long: the warning's matcher cannot be made.
    r.write({ 'promptgate.yml': config({ prompt: `prompts/${'x'.repeat(70_000)}.txt` }) });
    const out = await run(r);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('triage');
    expect(out.stderr).not.toContain('warning: uncommitted');
  });

  it('are named when the review fails too: a fix made but not committed is why the error stays', async () => {
    // The head commits a config with a typo; the fix is in the work tree only.
    const r = repo(config(), { 'promptgate.yml': config({ extra: 'gaet: {}' }) });
    r.write({ 'promptgate.yml': config() });
    const out = await run(r);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/gaet/);
    expect(out.stderr).toContain('warning: uncommitted changes to promptgate.yml are not part of this review');
  });
});

describe('moving a prompt does not hide a regression', () => {
  it('a deleted and an added file of one suite are compared as a rename, however different their texts', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'promptgate.yml': config({ prompt: 'prompts/*.txt' }), 'prompts/triage.txt': 'Label in one word: {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.remove('prompts/triage.txt').write({ 'prompts/triage-v2.txt': 'A completely different prompt. Label: {{ticket}}' }).commit('move and rewrite');
    const out = await run(r, ['--json', 'report.json']);
    expect(out.code, out.stdout + out.stderr).toBe(1);
    const suite = ReportSchema.parse(JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8'))).suites[0]!;
    expect(suite).toMatchObject({ prompt: 'prompts/triage-v2.txt', change: 'renamed', verdict: 'fail' });
    expect(suite.change_detail?.previous_path).toBe('prompts/triage.txt');
  });
});
