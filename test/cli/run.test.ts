import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../src/cli.js';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * The CLI end to end, the way a user runs it: a real git repo with a base and a head commit, real HTTP to a local
 * OpenAI-compatible server, the report and note written to disk.
 */

const CASES = Array.from({ length: 24 }, (_, i) => {
  const label = ['billing', 'bug', 'account'][i % 3]!;
  return JSON.stringify({ id: `C${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${label}` }, expected: label, tags: [label] });
}).join('\n');

const CONFIG = (extra = '') => `version: 1
provider:
  model: test-model
  params: { temperature: 0.5, max_tokens: 16 }
  pricing: { input_per_mtok: 1, output_per_mtok: 2 }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert:
      - { type: equals, value: "{{expected}}", trim: true }
    repeats: 2
run:
  concurrency: 4
  timeout_s: 5
  max_retries: 1
${extra}`;

/** A model that answers the label at the end of the ticket, but only when the prompt asks for "one word". */
function labelModel(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
  return { content: /one word/.test(text) ? label : `The category is ${label}.`, latencyMs: 2 };
}

function capture(cwd: string, env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = { cwd, env: { OPENAI_API_KEY: 'k', ...env }, stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false };
  return { io, out: () => out, err: () => err };
}

let server: Awaited<ReturnType<typeof startFakeLlm>>;
beforeAll(async () => {
  server = await startFakeLlm({ responder: labelModel, apiKey: 'k' });
});
afterAll(async () => {
  await server.close();
});

function repoWithChange(promptBefore: string, promptAfter: string, config = CONFIG()): TempRepo {
  const repo = new TempRepo();
  repo.write({ 'promptgate.yml': config, 'prompts/triage.txt': promptBefore, 'evals/cases.jsonl': CASES }).commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({ 'prompts/triage.txt': promptAfter }).commit('head');
  return repo;
}

describe('promptgate run', () => {
  it('reviews a prompt change end to end and writes the JSON report and the note', async () => {
    const repo = repoWithChange('Classify: {{ticket}}', 'Classify in one word: {{ticket}}');
    const cli = capture(repo.dir);
    const code = await runCli(['run', '--base', 'main', '--head', 'HEAD', '--base-url', server.url, '--json', 'out/report.json', '--markdown', 'out/note.md'], cli.io);
    expect(cli.err()).not.toMatch(/promptgate: /);
    expect(code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'out/report.json'), 'utf8')));
    expect(report.verdict).toBe('pass');
    const suite = report.suites[0]!;
    expect(suite).toMatchObject({ name: 'triage', prompt: 'prompts/triage.txt', change: 'modified', n_cases: 24, repeats: 2 });
    expect(suite.pass_rate.baseline).toBe(0);
    expect(suite.pass_rate.candidate).toBe(1);
    expect(suite.pass_rate.delta).toBe(1);
    expect(suite.pass_rate.ci![0]).toBeGreaterThan(0.5);
    expect(suite.cases.find((c) => c.id === 'C1')).toMatchObject({ baseline: { passed: 0, runs: 2 }, candidate: { passed: 2, runs: 2 } });
    expect(report.calls).toMatchObject({ total: 96, cached: 0, failed: 0 });
    expect(report.cost_usd_total).toBeGreaterThan(0);
    const note = readFileSync(join(repo.dir, 'out/note.md'), 'utf8');
    expect(note).toContain('0% → 100%');
    expect(cli.out()).toContain('0% → 100%');

    // The same review again pays for nothing: every sample comes from the response cache.
    const before = server.stats().completions;
    const again = capture(repo.dir);
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '--json', 'again.json'], again.io)).toBe(0);
    expect(server.stats().completions).toBe(before);
    const second = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'again.json'), 'utf8')));
    expect(second.calls).toMatchObject({ total: 96, cached: 96 });
    expect(second.suites[0]!.pass_rate).toEqual(suite.pass_rate);
    repo.cleanup();
  });

  it('exits 1 when the change makes the prompt confidently worse', async () => {
    const repo = repoWithChange('Classify in one word: {{ticket}}', 'Classify: {{ticket}}');
    const cli = capture(repo.dir);
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '-q'], cli.io)).toBe(1);
    expect(cli.out()).toMatch(/fail/i);
    repo.cleanup();
  });

  it('says "no prompt changes" and exits 0 when no prompt changed', async () => {
    const repo = new TempRepo();
    repo.write({ 'promptgate.yml': CONFIG(), 'prompts/triage.txt': 'x {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
    repo.write({ 'README.md': 'docs' }).commit('docs only');
    const cli = capture(repo.dir, { OPENAI_API_KEY: undefined });
    expect(await runCli(['run', '--base', 'HEAD~1', '--json', 'r.json'], cli.io)).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(report.verdict).toBe('skipped');
    expect(report.suites).toEqual([]);
    repo.cleanup();
  });

  it('shards the samples and merges them into the report an unsharded run gives', async () => {
    const repo = repoWithChange('Classify: {{ticket}}', 'Classify in one word: {{ticket}}');
    for (const i of [1, 2, 3]) {
      const cli = capture(repo.dir);
      expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '--shard', `${i}/3`, '--json', `parts/${i}.json`, '--no-cache', '-q'], cli.io)).toBe(0);
    }
    const merged = capture(repo.dir);
    expect(await runCli(['merge', 'parts/1.json', 'parts/2.json', 'parts/3.json', '--json', 'merged.json'], merged.io)).toBe(0);
    const whole = capture(repo.dir);
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '--json', 'whole.json', '--no-cache', '-q'], whole.io)).toBe(0);
    const a = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'merged.json'), 'utf8')));
    const b = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'whole.json'), 'utf8')));
    const strip = (r: typeof a) => ({ ...r, duration_ms: 0, suites: r.suites.map((s) => ({ ...s, latency_ms: null })) });
    expect(strip(a)).toEqual(strip(b));
    const missing = capture(repo.dir);
    expect(await runCli(['merge', 'parts/1.json', 'parts/3.json'], missing.io)).toBe(2);
    expect(missing.err()).toContain('shards 2 of 3 are missing');
    repo.cleanup();
  });
});

describe('bad input: one clear message, exit 2', () => {
  it('--sampling takes fixed or sequential; anything else is exit 2 naming the choices, before any call', async () => {
    const repo = repoWithChange('Classify: {{ticket}}', 'Classify in one word: {{ticket}}');
    const before = server.stats().completions;
    const bad = capture(repo.dir);
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '--sampling', 'adaptive', '-q'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--sampling <mode>.*'adaptive' is invalid.*fixed, sequential/s);
    expect(server.stats().completions).toBe(before);
    const good = capture(repo.dir);
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '--sampling', 'fixed', '--json', 'r.json', '--no-cache', '-q'], good.io)).toBe(0);
    expect(ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8'))).verdict).toBe('pass');
    repo.cleanup();
  });

  it('lists the monitor command in the help', async () => {
    const cli = capture(process.cwd());
    expect(await runCli(['--help'], cli.io)).toBe(0);
    expect(cli.out()).toMatch(/^\s+monitor\b/m);
  });

  const cases: [string, (repo: TempRepo) => void, RegExp][] = [
    ['malformed YAML', (r) => r.write({ 'promptgate.yml': CONFIG().replace('repeats: 2', 'repeats: [2') }), /promptgate\.yml:\d+: is not valid YAML/],
    ['an unknown key', (r) => r.write({ 'promptgate.yml': CONFIG().replace('repeats: 2', 'repeat: 2') }), /promptgate\.yml:12: .*unknown key "repeat".*did you mean "repeats"/],
    ['a missing cases file', (r) => r.remove('evals/cases.jsonl'), /evals\/cases\.jsonl: cases file not found/],
    ['a case missing a template variable', (r) => r.write({ 'prompts/triage.txt': 'one word: {{ticket}} {{customer}}' }), /customer/],
    ['an unknown prompt format', (r) => r.write({ 'promptgate.yml': CONFIG().replace('prompts/triage.txt', 'prompts/triage.docx'), 'prompts/triage.docx': 'x' }), /triage\.docx/],
    ['a duplicate case id', (r) => r.write({ 'evals/cases.jsonl': CASES + '\n' + JSON.stringify({ id: 'C1', vars: { ticket: 'dup' } }) }), /evals\/cases\.jsonl.*C1/],
    ['a regex that does not compile', (r) => r.write({ 'promptgate.yml': CONFIG().replace('{ type: equals, value: "{{expected}}", trim: true }', '{ type: regex, value: "([a-z" }') }), /regex/i],
  ];
  for (const [what, breakIt, message] of cases) {
    it(what, async () => {
      const repo = new TempRepo();
      repo.write({ 'promptgate.yml': CONFIG(), 'prompts/triage.txt': 'base {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
      repo.write({ 'prompts/triage.txt': 'one word: {{ticket}}' });
      breakIt(repo);
      repo.commit('head');
      const cli = capture(repo.dir);
      const before = server.stats().completions;
      expect(await runCli(['run', '--base', 'HEAD~1', '--base-url', server.url], cli.io)).toBe(2);
      expect(cli.err()).toMatch(message);
      expect(cli.err().trim().split('\n').length).toBeLessThanOrEqual(6);
      expect(server.stats().completions).toBe(before); // nothing was paid for
      repo.cleanup();
    });
  }

  it('over budget: refuses to start, says what to change, calls nothing, still writes the report', async () => {
    const repo = repoWithChange('a {{ticket}}', 'b {{ticket}}', CONFIG('  budget_usd: 0.00001\n'));
    const cli = capture(repo.dir);
    const before = server.stats().completions;
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url, '--json', 'r.json'], cli.io)).toBe(2);
    expect(server.stats().completions).toBe(before);
    expect(cli.out()).toMatch(/Refused to start: the estimated cost \$[\d.]+ for 96 calls is over the budget of \$0\.00/);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(report.verdict).toBe('error');
    repo.cleanup();
  });

  it('no API key names the variable to set', async () => {
    const repo = repoWithChange('a {{ticket}}', 'b {{ticket}}');
    const cli = capture(repo.dir, { OPENAI_API_KEY: undefined });
    expect(await runCli(['run', '--base', 'main', '--base-url', server.url], cli.io)).toBe(2);
    expect(cli.err()).toContain('OPENAI_API_KEY');
    repo.cleanup();
  });

  it('an unreachable base_url gives verdict error and still writes the report', async () => {
    const repo = repoWithChange('a {{ticket}}', 'b {{ticket}}');
    const cli = capture(repo.dir);
    const code = await runCli(['run', '--base', 'main', '--base-url', 'http://127.0.0.1:9/v1', '--json', 'r.json', '--repeats', '1', '-q'], cli.io);
    expect(code).toBe(2);
    expect(existsSync(join(repo.dir, 'r.json'))).toBe(true);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(report.verdict).toBe('error');
    expect(cli.out() + cli.err()).toMatch(/127\.0\.0\.1:9|connect|ECONNREFUSED/i);
    repo.cleanup();
  });

  it('a server that answers 500 to every call gives verdict error, report written, no sample counted as a failure', async () => {
    const broken = await startFakeLlm({ faults: { rate5xx: 1 }, apiKey: 'k' });
    const repo = repoWithChange('a {{ticket}}', 'b {{ticket}}');
    const cli = capture(repo.dir);
    const code = await runCli(['run', '--base', 'main', '--base-url', broken.url, '--json', 'r.json', '--repeats', '1', '-q'], cli.io);
    await broken.close();
    expect(code).toBe(2);
    const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(report.verdict).toBe('error');
    expect(report.suites[0]!.errors).toEqual({ baseline: 24, candidate: 24 });
    expect(report.suites[0]!.cases.every((c) => c.baseline!.runs === 0 && c.candidate!.runs === 0)).toBe(true);
    expect(report.suites[0]!.rules.some((r) => r.rule === 'error_rate' && r.verdict === 'error')).toBe(true);
    repo.cleanup();
  });
});
