import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * `promptgate monitor` through the shipped bin (dist/cli/launch.js): a real git repo, real HTTP to the fake model
 * server. The provider "drifts" between runs at the same URL (the cache key includes the endpoint): its answers get
 * worse and the `model` field it reports changes, the way a provider swaps the model behind a name.
 */

const CASES = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const label = ['billing', 'bug', 'account'][i % 3]!;
    return JSON.stringify({ id: `C${i + 1}`, vars: { ticket: `ticket ${i + 1} about ${label}` }, expected: label, tags: [label] });
  }).join('\n');

const CONFIG = `version: 1
provider:
  model: fake-model
  api_key_env: FAKE_KEY
  params: { temperature: 0.5, max_tokens: 16 }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert:
      - { type: equals, value: "{{expected}}", trim: true }
    repeats: 2
gate:
  pass_rate: { max_drop: 0.1 }
run:
  concurrency: 4
  timeout_s: 10
  max_retries: 1
`;

/** What the provider does now: `good` answers every ticket's label; `worse` gets every other case wrong. */
const provider = { behaviour: 'good' as 'good' | 'worse', version: 'fake-model-2024-05-13' };

function model(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  const label = /about (\w+)/.exec(text)?.[1] ?? 'other';
  const n = Number(/ticket (\d+)/.exec(text)?.[1] ?? 0);
  // The `model` field of each answer says which version "the provider" used (the way a provider swaps a model).
  return { content: provider.behaviour === 'worse' && n % 2 === 0 ? 'other' : label, model: provider.version };
}

let fake: FakeLlm;
let url = '';

beforeAll(async () => {
  fake = await startFakeLlm({ responder: model, apiKey: 'k' });
  url = fake.url;
});
afterAll(async () => {
  await fake.close();
});

function repo(cases = 24): TempRepo {
  const r = new TempRepo();
  r.write({ '.gitignore': '.promptgate/\nout/\n', 'promptgate.yml': CONFIG, 'prompts/triage.txt': 'Classify in one word: {{ticket}}', 'evals/cases.jsonl': CASES(cases) }).commit('prompts');
  return r;
}

const monitor = (r: TempRepo, ...args: string[]) => runBin(r.dir, ['monitor', '--base-url', url, '--json', 'out/report.json', ...args], { FAKE_KEY: 'k' });
const report = (r: TempRepo) => ReportSchema.parse(JSON.parse(readFileSync(join(r.dir, 'out/report.json'), 'utf8')));
const completions = () => fake.stats().completions;

describe('promptgate monitor', () => {
  it('makes the first run the reference, passes while nothing changed, and fails on drift with the model versions then and now', async () => {
    const r = repo();
    provider.behaviour = 'good';
    provider.version = 'fake-model-2024-05-13';
    try {
      // 1. Nothing to compare with: this run is the reference, never an alarm.
      let calls = completions();
      let run = await monitor(r);
      expect(run.stderr).not.toMatch(/promptgate: error/);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/no reference yet: this run is the reference/i);
      expect(report(r).verdict).toBe('skipped');
      expect(completions() - calls).toBe(48);

      // 2. Same behaviour: every sample is called again (never read from the cache), and nothing drifted.
      calls = completions();
      run = await monitor(r);
      expect(run.code).toBe(0);
      expect(completions() - calls).toBe(48);
      let rep = report(r);
      expect(rep.verdict).toBe('pass');
      expect(rep.suites[0]).toMatchObject({ name: 'triage', n_cases: 24, pass_rate: { baseline: 1, candidate: 1, delta: 0 } });
      expect(rep.calls).toMatchObject({ total: 96, cached: 48 });

      // 3. The provider swapped the model behind the name and half the cases now fail: drift, exit 1.
      provider.behaviour = 'worse';
      provider.version = 'fake-model-2025-02-01';
      run = await monitor(r, '--markdown', 'out/note.md');
      expect(run.code).toBe(1);
      rep = report(r);
      expect(rep.verdict).toBe('fail');
      expect(rep.suites[0]!.pass_rate).toMatchObject({ baseline: 1, candidate: 0.5, delta: -0.5 });
      expect(rep.suites[0]!.change_detail?.model).toEqual({ baseline: 'fake-model-2024-05-13', candidate: 'fake-model-2025-02-01' });
      const note = readFileSync(join(r.dir, 'out/note.md'), 'utf8');
      expect(note).toContain('fake-model-2024-05-13');
      expect(note).toContain('fake-model-2025-02-01');
      expect(run.stdout).toBe(note);
      expect(run.stderr).toMatch(/triage: drift \(24 cases compared, 0 re-baselined; model fake-model-2024-05-13 → fake-model-2025-02-01\)/);

      // 4. Still worse: the reference stays the one it drifted from (pinned), so the drift is still reported.
      run = await monitor(r);
      expect(run.code).toBe(1);
      expect(report(r).suites[0]!.pass_rate).toMatchObject({ baseline: 1, candidate: 0.5 });

      // 5. Recovered: compared with the pinned reference again, it passes, and the pin is gone.
      provider.behaviour = 'good';
      provider.version = 'fake-model-2025-03-01';
      run = await monitor(r);
      expect(run.code).toBe(0);
      expect(report(r).verdict).toBe('pass');
      expect(existsSync(join(r.dir, '.promptgate/cache/monitor/pinned.json'))).toBe(false);
    } finally {
      r.cleanup();
    }
  });

  it("accepts a model change with --rebaseline: nothing compared, and the next run compares with today's samples", async () => {
    const r = repo();
    provider.behaviour = 'good';
    provider.version = 'v1';
    try {
      expect((await monitor(r)).code).toBe(0);
      provider.behaviour = 'worse';
      provider.version = 'v2';
      expect((await monitor(r)).code).toBe(1);
      expect(existsSync(join(r.dir, '.promptgate/cache/monitor/pinned.json'))).toBe(true);
      const run = await monitor(r, '--rebaseline');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Re-baselined on request: this run is the reference/);
      expect(report(r).verdict).toBe('skipped');
      expect(existsSync(join(r.dir, '.promptgate/cache/monitor/pinned.json'))).toBe(false);
      expect((await monitor(r)).code).toBe(0);
      expect(report(r).suites[0]!.pass_rate).toMatchObject({ baseline: 0.5, candidate: 0.5 });
    } finally {
      r.cleanup();
    }
  });

  it('compares with a samples file given with --reference, and says what it accepts when given something else', async () => {
    const r = repo();
    provider.behaviour = 'good';
    provider.version = 'v1';
    try {
      let run = await monitor(r, '--no-cache', '--samples', 'out/ref.json');
      expect(run.code).toBe(0);
      expect(existsSync(join(r.dir, '.promptgate'))).toBe(false);
      const samples = JSON.parse(readFileSync(join(r.dir, 'out/ref.json'), 'utf8')) as { kind: string; samples: unknown[] };
      expect(samples.kind).toBe('promptgate-monitor-samples');
      expect(samples.samples).toHaveLength(48);

      provider.behaviour = 'worse';
      provider.version = 'v2';
      run = await monitor(r, '--no-cache', '--reference', 'out/ref.json');
      expect(run.code).toBe(1);
      expect(report(r).suites[0]!.change_detail?.model).toEqual({ baseline: 'v1', candidate: 'v2' });

      run = await monitor(r, '--no-cache', '--reference', 'out/report.json');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('out/report.json');
      expect(run.stderr).toMatch(/is not a promptgate monitor samples file/);
      expect(run.stderr).toMatch(/monitor --samples FILE/);
    } finally {
      r.cleanup();
    }
  });

  it('re-baselines what has no reference (evicted cache, a new case) instead of raising an alarm', async () => {
    const r = repo();
    provider.behaviour = 'good';
    provider.version = 'v1';
    try {
      expect((await monitor(r)).code).toBe(0);
      // The whole cache evicted, and the provider worse meanwhile: no reference, so no verdict on it.
      rmSync(join(r.dir, '.promptgate'), { recursive: true });
      provider.behaviour = 'worse';
      let run = await monitor(r);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/no reference yet: this run is the reference/i);
      expect(report(r).verdict).toBe('skipped');

      // Part of the cache evicted (one case's samples), and a case added: those are re-baselined, the rest compared.
      const cacheDir = join(r.dir, '.promptgate/cache');
      const files = readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
      const c1 = files.find((f) => readFileSync(join(cacheDir, f), 'utf8').includes('"text":"bug"'));
      expect(c1).toBeDefined();
      rmSync(join(cacheDir, c1!));
      r.write({ 'evals/cases.jsonl': CASES(25) }).commit('one more case');
      run = await monitor(r);
      expect(run.code).toBe(0);
      const rep = report(r);
      expect(rep.verdict).toBe('pass');
      expect(rep.notes?.join('\n')).toMatch(/triage: 2 of 25 cases re-baselined/);
    } finally {
      r.cleanup();
    }
  });
});
