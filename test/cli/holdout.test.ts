import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';
import { runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * Holdout and flaky cases through the shipped bin: a real git repo, the local model server, the report and the note
 * on disk. The holdout cases' outputs and expected values are strings that appear nowhere else, so the note and the
 * terminal can be searched for them.
 */

const HOLDOUT_OUTPUT = 'ZEBRA-HOLDOUT-OUTPUT';
const HOLDOUT_EXPECTED = 'QUOKKA-LABEL';

const CASES = [
  ...Array.from({ length: 20 }, (_, i) => ({ id: `C${i + 1}`, vars: { ticket: `C${i + 1}` }, expected: 'bug' })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: `F${i + 1}`, vars: { ticket: `F${i + 1}` }, expected: 'bug' })),
  ...Array.from({ length: 10 }, (_, i) => ({ id: `H${i + 1}`, vars: { ticket: `H${i + 1}` }, expected: HOLDOUT_EXPECTED, tags: ['holdout'] })),
]
  .map((c) => JSON.stringify(c))
  .join('\n');

const CONFIG = `version: 1
provider:
  model: test-model
  base_url: \${LLM_URL}
  api_key_env: LLM_KEY
  params: { max_tokens: 8 }
suites:
  - name: triage
    prompt: prompts/triage.txt
    cases: evals/cases.jsonl
    assert: [{ type: equals, value: "{{expected}}", trim: true }]
    repeats: 2
gate:
  holdout: { max_drop: 0.05 }
run: { timeout_s: 5, max_retries: 1 }
`;

/**
 * C cases pass under both prompts. F cases are flaky at base: the baseline passes its first sample only; the
 * candidate fails both. H (holdout) cases pass under the baseline and fail under the candidate.
 */
function responder(req: FakeRequest) {
  const text = req.messages.map((m) => m.content).join('\n');
  const candidate = /one word/.test(text);
  const id = /ticket ([A-Z]\d+)/.exec(text)?.[1] ?? '';
  if (id.startsWith('H')) return { content: candidate ? `${HOLDOUT_OUTPUT} ${id}` : HOLDOUT_EXPECTED, latencyMs: 1 };
  if (id.startsWith('F')) return { content: !candidate && req.sampleIndex === 0 ? 'bug' : `not sure (${id})`, latencyMs: 1 };
  return { content: 'bug', latencyMs: 1 };
}

let llm: Awaited<ReturnType<typeof startFakeLlm>>;
const repos: TempRepo[] = [];

beforeAll(async () => {
  llm = await startFakeLlm({ apiKey: 'sk-test-key-0123456789', responder });
});
afterAll(async () => {
  await llm.close();
  for (const r of repos) r.cleanup();
});

describe('promptgate run with holdout and flaky cases', () => {
  it('gates the holdout cases apart, never prints their outputs, and lists the flaky cases apart', async () => {
    const r = new TempRepo();
    repos.push(r);
    r.write({ 'promptgate.yml': CONFIG, 'prompts/triage.txt': 'Label ticket {{ticket}}', 'evals/cases.jsonl': CASES }).commit('base');
    r.git('checkout', '-q', '-b', 'feature');
    r.write({ 'prompts/triage.txt': 'Label in one word: ticket {{ticket}}' }).commit('head');

    const out = await runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--json', 'report.json', '--markdown', 'note.md'], {
      LLM_URL: llm.url,
      LLM_KEY: 'sk-test-key-0123456789',
    });
    expect(out.code, out.stdout + out.stderr).toBe(1);

    const report = ReportSchema.parse(JSON.parse(readFileSync(join(r.dir, 'report.json'), 'utf8')));
    const suite = report.suites[0]!;
    expect(suite.verdict).toBe('fail');
    // The pass rate is the 23 other cases': 20 pass throughout, 3 go from 1/2 to 0/2.
    expect(suite.pass_rate.baseline).toBeCloseTo((20 + 1.5) / 23, 12);
    expect(suite.pass_rate.candidate).toBeCloseTo(20 / 23, 12);
    expect(suite.holdout).toMatchObject({ n_cases: 10, baseline: 1, candidate: 0, delta: -1 });
    expect(suite.holdout!.ci![1]).toBeLessThan(-0.05);
    expect(suite.rules.find((x) => x.rule === 'holdout')).toMatchObject({ verdict: 'fail' });
    expect(suite.by_tag ?? []).toEqual([]);
    expect(suite.flaky_at_base).toEqual(['F1', 'F2', 'F3']);
    expect(suite.cases.filter((c) => c.flaky_at_base).map((c) => c.id)).toEqual(['F1', 'F2', 'F3']);
    // The JSON report keeps what the note withholds.
    expect(suite.cases.find((c) => c.id === 'H1')!.outputs?.candidate).toBe(`${HOLDOUT_OUTPUT} H1`);

    const note = readFileSync(join(r.dir, 'note.md'), 'utf8');
    expect(note).toContain('| holdout (10 cases) | 100% | 0% | **-100 points**');
    expect(note).toContain('| pass rate (23 cases, without holdout) |');
    expect(note).toContain('**3 cases flaky at base** (F1, F2, F3)');
    expect(note).toContain('**Flips of cases flaky at base');
    expect(note).toContain('| H1 | holdout | 2/2 → 0/2 | holdout case — output withheld |');
    expect(note).toMatch(/\| holdout \| ❌ fail \| Holdout pass rate 100% → 0% \(-100 points/);
    for (const text of [note, out.stdout, out.stderr]) {
      expect(text).not.toContain(HOLDOUT_OUTPUT);
      expect(text).not.toContain(HOLDOUT_EXPECTED);
    }
  });
});
