import { describe, expect, it } from 'vitest';
import { GateSchema, type GateConfig } from '../../src/config/schema.js';
import { evaluateGate, worstVerdict, type GateSuiteInput } from '../../src/gate/index.js';
import type { ChangeKind } from '../../src/report/schema.js';
import { casesNeeded, measureSuite, pairedDeltaInterval, pValueBelow, type CaseSamples, type VariantSamples } from '../../src/stats/index.js';

const gateConfig = (over: Record<string, unknown> = {}): GateConfig => GateSchema.parse(over);

/** k samples per case: `passes` of them pass; latency and cost per call. */
function variant(k: number, passes: number, latency = 1000, cost = 0.001): VariantSamples {
  return {
    scores: Array.from({ length: k }, (_, i) => (i < passes ? 1 : 0)),
    latenciesMs: Array.from({ length: k }, (_, i) => latency + 10 * i),
    costUsd: Array.from({ length: k }, () => cost),
    errors: 0,
  };
}

/** n cases × k; `baselinePasses(i)` / `candidatePasses(i)` samples pass in case i. */
function suiteCases(
  n: number,
  k: number,
  baselinePasses: (i: number) => number,
  candidatePasses: (i: number) => number,
  calls: { baselineLatency?: (i: number) => number; candidateLatency?: (i: number) => number; baselineCost?: number | ((i: number) => number); candidateCost?: number | ((i: number) => number) } = {},
): CaseSamples[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    tags: [],
    baseline: variant(k, baselinePasses(i), calls.baselineLatency?.(i) ?? 1000 + (i % 10) * 50, costOf(calls.baselineCost, i)),
    candidate: variant(k, candidatePasses(i), calls.candidateLatency?.(i) ?? 1000 + (i % 10) * 50, costOf(calls.candidateCost, i)),
  }));
}

const costOf = (cost: number | ((i: number) => number) | undefined, i: number) => (typeof cost === 'function' ? cost(i) : (cost ?? 0.001));

function input(name: string, cases: CaseSamples[], gate: GateConfig, over: { change?: ChangeKind; failed?: number; finished?: number } = {}): GateSuiteInput {
  const k = Math.max(...cases.map((c) => (c.baseline?.scores.length ?? 0) + (c.baseline?.errors ?? 0)), ...cases.map((c) => (c.candidate?.scores.length ?? 0) + (c.candidate?.errors ?? 0)));
  const variants = (cases.some((c) => c.baseline) ? 1 : 0) + (cases.some((c) => c.candidate) ? 1 : 0);
  const planned = cases.length * k * variants;
  return {
    name,
    change: over.change ?? 'modified',
    measured: measureSuite(cases, { confidence: gate.confidence }),
    cases,
    calls: { total: over.finished ?? planned, failed: over.failed ?? 0 },
    runs_planned: planned,
  };
}

const rule = (r: ReturnType<typeof evaluateGate>, suite: number, name: string) => r.suites[suite]!.rules.find((x) => x.rule === name)!;

describe('pass_rate rule', () => {
  it('fails a clear regression, with the numbers in one sentence', () => {
    const gate = gateConfig();
    const cases = suiteCases(
      60,
      3,
      () => 3,
      (i) => (i < 30 ? 0 : 3),
    );
    const r = evaluateGate([input('triage', cases, gate)], gate);
    const pass = rule(r, 0, 'pass_rate');
    expect(pass.verdict).toBe('fail');
    expect(pass.detail).toMatch(/^Pass rate 100% → 50% \(-50 points, 95% CI -\d+(\.\d)? to -\d+(\.\d)?, 60 cases × 3\): confidently lower \(p = /);
    expect(pass.p_adjusted).toBeLessThan(0.025);
    expect(r.suites[0]!.verdict).toBe('fail');
    expect(r.verdict).toBe('fail');
  });

  it('passes when the interval rules out any drop', () => {
    const gate = gateConfig();
    const cases = suiteCases(
      60,
      3,
      (i) => (i % 2 ? 3 : 0),
      () => 3,
    );
    const r = evaluateGate([input('triage', cases, gate)], gate);
    expect(rule(r, 0, 'pass_rate').verdict).toBe('pass');
    expect(rule(r, 0, 'pass_rate').detail).toContain('rules out any drop');
    expect(r.verdict).toBe('pass');
  });

  it('a no-op change with max_drop 0 is inconclusive and says what drop the data do rule out', () => {
    const gate = gateConfig();
    // Identical results: estimate 0, exactly on the threshold.
    const cases = suiteCases(
      50,
      3,
      (i) => i % 4,
      (i) => i % 4,
    );
    const r = evaluateGate([input('triage', cases, gate)], gate);
    const pass = rule(r, 0, 'pass_rate');
    expect(pass.verdict).toBe('inconclusive');
    expect(r.suites[0]!.cases_needed).toBeNull();
    expect(pass.detail).toContain('more than 10,000 cases');
    expect(pass.detail).toMatch(/rule out a drop of more than \d+(\.\d)? points/);
  });

  it('inconclusive leaning to pass: cases_needed from the observed spread, and it works', () => {
    const gate = gateConfig({ pass_rate: { max_drop: 0.05 } });
    // 30 cases: one case in 15 loses a pass, one gains one, and one more gains — a small gain, wide interval.
    const pattern = (n: number) =>
      suiteCases(
        n,
        1,
        (i) => (i % 15 === 0 ? 1 : i % 15 < 3 ? 0 : 1),
        (i) => (i % 15 === 0 ? 0 : 1),
      );
    const small = input('triage', pattern(30), gate);
    const r = evaluateGate([small], gate);
    expect(rule(r, 0, 'pass_rate').verdict).toBe('inconclusive');
    const needed = r.suites[0]!.cases_needed!;
    const delta = small.measured.detail!.delta!;
    expect(needed).toBe(casesNeeded({ sd: delta.sd, gap: delta.center + 0.05, confidence: 0.95 }));
    expect(rule(r, 0, 'pass_rate').detail).toContain(`about ${needed.toLocaleString('en-US')} cases would settle it`);
    // The same pattern on that many cases does pass.
    const big = evaluateGate([input('triage', pattern(Math.ceil(needed / 15) * 15 + 15), gate)], gate);
    expect(rule(big, 0, 'pass_rate').verdict).toBe('pass');
  });

  it('suggests more repeats when the noise is within cases', () => {
    const gate = gateConfig();
    // Every case passes 2 of 3 under both variants except a few that drift: the spread is sampling noise.
    const cases = suiteCases(
      80,
      3,
      (i) => (i % 5 === 0 ? 1 : 2),
      (i) => (i % 5 === 0 ? 2 : i % 7 === 0 ? 1 : 2),
    );
    const r = evaluateGate([input('triage', cases, gate)], gate);
    const pass = rule(r, 0, 'pass_rate');
    expect(pass.verdict).toBe('inconclusive');
    expect(pass.detail).toMatch(/repeats on these 80 cases/);
  });
});

describe('Holm adjustment across the review', () => {
  // 40 cases × 1, 6 lose their pass: one-sided p = 0.0108 — below 0.025 alone, above it ×3.
  const borderline = () =>
    suiteCases(
      40,
      1,
      () => 1,
      (i) => (i < 6 ? 0 : 1),
    );
  const noOp = () =>
    suiteCases(
      40,
      1,
      (i) => i % 2,
      (i) => i % 2,
    );

  it('alone, the borderline regression fails', () => {
    const gate = gateConfig();
    const r = evaluateGate([input('a', borderline(), gate)], gate);
    expect(r.verdict).toBe('fail');
    expect(r.notes[0]).toMatch(/^1 gated comparison/);
  });

  it('among three gated comparisons it is adjusted to inconclusive, and the note says so', () => {
    const gate = gateConfig();
    const a = input('a', borderline(), gate);
    const r = evaluateGate([a, input('b', noOp(), gate), input('c', noOp(), gate)], gate);
    const pA = pValueBelow(
      pairedDeltaInterval(
        borderline().map((c) => ({ baseline: c.baseline!.scores, candidate: c.candidate!.scores })),
        0.95,
      )!,
      0,
    );
    expect(rule(r, 0, 'pass_rate').p_adjusted).toBeCloseTo(3 * pA, 12);
    expect(rule(r, 0, 'pass_rate').verdict).toBe('inconclusive');
    expect(rule(r, 0, 'pass_rate').detail).toContain('not after Holm adjustment for 3 comparisons');
    expect(r.verdict).toBe('inconclusive');
    expect(r.notes.join(' ')).toMatch(/3 gated comparisons \(pass rate\) across 3 suites; Holm-adjusted at 95%/);
  });
});

describe('latency_p95 and cost rules', () => {
  const gate = gateConfig({ latency_p95: { max_increase: 0.25 }, cost: { max_increase: 0.2 } });

  it('fail when clearly slower and costlier; p-values join the Holm family', () => {
    const cases = suiteCases(
      60,
      3,
      () => 3,
      () => 3,
      {
        baselineLatency: (i) => 800 + (i % 10) * 40,
        candidateLatency: (i) => 2 * (800 + (i % 10) * 40),
        baselineCost: 0.001,
        candidateCost: 0.0016,
      },
    );
    const r = evaluateGate([input('s', cases, gate)], gate);
    expect(rule(r, 0, 'latency_p95').verdict).toBe('fail');
    expect(rule(r, 0, 'latency_p95').detail).toMatch(/^p95 latency \d+ ms → \d+ ms \(×(1\.99|2\.00), 95% CI ×\d\.\d\d to ×\d\.\d\d\): more than 25% slower \(Holm-adjusted p = /);
    expect(rule(r, 0, 'cost').verdict).toBe('fail');
    expect(rule(r, 0, 'cost').detail).toMatch(/^Cost per case \$0\.001 → \$0\.0016 \(\+60%, 95% CI \+60% to \+60%\): more than 20% costlier/);
    expect(r.notes[0]).toMatch(/^3 gated comparisons \(pass rate, p95 latency, cost\)/);
  });

  it('pass when unchanged', () => {
    const cases = suiteCases(
      60,
      3,
      () => 3,
      () => 3,
    );
    const r = evaluateGate([input('s', cases, gate)], gate);
    expect(rule(r, 0, 'latency_p95').verdict).toBe('pass');
    expect(rule(r, 0, 'latency_p95').detail).toContain('rules out an increase of more than 25%');
    expect(rule(r, 0, 'cost').verdict).toBe('pass');
  });

  it('inconclusive with a case count when the ratio is near the threshold', () => {
    // Candidate ≈ 1.2× slower with a lot of spread between cases: the interval straddles 1.25.
    const cases = suiteCases(
      30,
      3,
      () => 3,
      () => 3,
      {
        baselineLatency: (i) => 500 + ((i * 37) % 30) * 40,
        candidateLatency: (i) => 1.2 * (500 + ((i * 53) % 30) * 40),
      },
    );
    const r = evaluateGate([input('s', cases, gate)], gate);
    const latency = rule(r, 0, 'latency_p95');
    expect(latency.verdict).toBe('inconclusive');
    expect(latency.detail).toMatch(/can't tell yet whether it rose by more than 25%/);
  });

  it("cases_needed belongs to the rule that needs it: a passing pass rate gets none of the latency rule's", () => {
    const slowish = { baselineLatency: (i: number) => 500 + ((i * 37) % 30) * 40, candidateLatency: (i: number) => 1.2 * (500 + ((i * 53) % 30) * 40) };
    const latencyOnly = gateConfig({ latency_p95: { max_increase: 0.25 } });
    // Pass rate clearly fine (50% → 100%), latency inconclusive.
    const fine = evaluateGate(
      [
        input(
          's',
          suiteCases(
            30,
            3,
            (i) => (i % 2 ? 3 : 0),
            () => 3,
            slowish,
          ),
          latencyOnly,
        ),
      ],
      latencyOnly,
    );
    expect(rule(fine, 0, 'pass_rate').verdict).toBe('pass');
    expect(rule(fine, 0, 'pass_rate').cases_needed).toBeUndefined();
    const latency = rule(fine, 0, 'latency_p95');
    expect(latency.verdict).toBe('inconclusive');
    expect(latency.cases_needed).toBeGreaterThan(30);
    expect(latency.detail).toContain(`about ${latency.cases_needed!.toLocaleString('en-US')} cases would settle it`);
    // The suite's figure is the pass-rate rule's (what the report stores as pass_rate.cases_needed): none here.
    expect(fine.suites[0]!.cases_needed).toBeNull();
    // Pass rate exactly on the threshold (identical results): no number of cases settles that rule.
    const onThreshold = evaluateGate(
      [
        input(
          's',
          suiteCases(
            30,
            3,
            (i) => i % 4,
            (i) => i % 4,
            slowish,
          ),
          latencyOnly,
        ),
      ],
      latencyOnly,
    );
    expect(rule(onThreshold, 0, 'pass_rate').verdict).toBe('inconclusive');
    expect(rule(onThreshold, 0, 'pass_rate').cases_needed).toBeNull();
    expect(rule(onThreshold, 0, 'latency_p95').cases_needed).toBeGreaterThan(30);
    expect(onThreshold.suites[0]!.cases_needed).toBeNull();
  });

  it('an inconclusive cost rule carries its own cases_needed; the passing pass-rate rule none', () => {
    const costOnly = gateConfig({ cost: { max_increase: 0.2 } });
    // Cost ≈ +15% with a lot of spread between cases: the interval straddles +20%.
    const cases = suiteCases(
      30,
      3,
      (i) => (i % 2 ? 3 : 0),
      () => 3,
      { baselineCost: (i) => 0.001 * (1 + ((i * 37) % 30) / 10), candidateCost: (i) => 0.00115 * (1 + ((i * 53) % 30) / 10) },
    );
    const r = evaluateGate([input('s', cases, costOnly)], costOnly);
    expect(rule(r, 0, 'pass_rate').verdict).toBe('pass');
    const cost = rule(r, 0, 'cost');
    expect(cost.verdict).toBe('inconclusive');
    expect(cost.cases_needed).toBeGreaterThan(30);
    expect(r.suites[0]!.verdict).toBe('inconclusive');
    expect(r.suites[0]!.cases_needed).toBeNull();
  });

  it('a latency rule with no comparison (cached samples) is not evaluated: neither pass nor fail, and says why', () => {
    const latencyOnly = gateConfig({ latency_p95: { max_increase: 0.25 } });
    const given = input(
      's',
      suiteCases(
        30,
        3,
        (i) => (i % 2 ? 3 : 0),
        () => 3,
      ),
      latencyOnly,
    );
    const reason = 'only 2 cases were measured in this run on both sides (the rest came from the cache)';
    const measured = { ...given.measured, latency_ms: { ...given.measured.latency_ms, p95_ratio: null, p95_ratio_ci: null, not_compared: reason } };
    const r = evaluateGate([{ ...given, measured }], latencyOnly);
    const latency = rule(r, 0, 'latency_p95');
    expect(latency).toEqual({ rule: 'latency_p95', verdict: 'skipped', detail: `Not evaluated: latency was not compared: ${reason}.` });
    expect(r.suites[0]!.verdict).toBe('pass');
    // Not a comparison, so not in the Holm family either.
    expect(r.notes[0]).toMatch(/^1 gated comparison \(pass rate\)/);
    // Even when the ratio is still present, a measurement that says "not compared" is not compared.
    const stale = { ...given.measured, latency_ms: { ...given.measured.latency_ms, not_compared: reason } };
    expect(rule(evaluateGate([{ ...given, measured: stale }], latencyOnly), 0, 'latency_p95').verdict).toBe('skipped');
  });

  it('a cost rule over a baseline that cost nothing is not evaluated and names the setting', () => {
    const costOnly = gateConfig({ cost: { max_increase: 0.2 } });
    const r = evaluateGate(
      [
        input(
          's',
          suiteCases(
            30,
            3,
            (i) => (i % 2 ? 3 : 0),
            () => 3,
            { baselineCost: 0, candidateCost: 0 },
          ),
          costOnly,
        ),
      ],
      costOnly,
    );
    const cost = rule(r, 0, 'cost');
    expect(cost.verdict).toBe('skipped');
    expect(cost.detail).toMatch(/^Not evaluated: cost was not compared: the baseline cost \$0 per case.*provider\.pricing/);
    expect(r.suites[0]!.verdict).toBe('pass');
  });

  it('absent when not configured', () => {
    const plain = gateConfig();
    const r = evaluateGate(
      [
        input(
          's',
          suiteCases(
            20,
            3,
            () => 3,
            () => 3,
          ),
          plain,
        ),
      ],
      plain,
    );
    expect(r.suites[0]!.rules.map((x) => x.rule)).toEqual(['pass_rate', 'error_rate']);
  });
});

describe('error rate, change kinds and verdict order', () => {
  it('too many failed calls → error, which outranks fail', () => {
    const gate = gateConfig();
    const cases = suiteCases(
      60,
      3,
      () => 3,
      (i) => (i < 30 ? 0 : 3),
    );
    const r = evaluateGate([input('s', cases, gate, { failed: 40 })], gate);
    expect(rule(r, 0, 'error_rate').verdict).toBe('error');
    expect(rule(r, 0, 'error_rate').detail).toBe('Too many failed calls: 40 of 360 planned calls failed after retries (11.1%), over the 5% limit; the numbers may be biased by which cases failed.');
    expect(r.suites[0]!.verdict).toBe('error');
    expect(r.verdict).toBe('error');
  });

  it('failures on one side only are an error even when the overall rate is within the limit: they could hide a regression', () => {
    const gate = gateConfig();
    // 100 cases × 3: the candidate fails (HTTP 400, context too long) on the 10 long cases; the rest agree.
    const cases = suiteCases(
      100,
      3,
      () => 3,
      () => 3,
    ).map((c, i) => (i < 10 ? { ...c, candidate: { ...variant(0, 0), errors: 3 } } : c));
    const r = evaluateGate([input('s', cases, gate, { failed: 30 })], gate);
    const errorRate = rule(r, 0, 'error_rate');
    expect(errorRate.verdict).toBe('error');
    expect(errorRate.detail).toBe(
      "Too many failed calls on one side: 30 of 300 candidate calls failed after retries (10%), over the 5% limit (the baseline's: 0). Failed samples are left out of the statistics, so they could hide a regression on exactly those cases.",
    );
    expect(r.verdict).toBe('error');
  });

  it('a run that stopped early is an error that says so, not an inconclusive measurement; no rule is shown as pass', () => {
    const gate = gateConfig({ latency_p95: { max_increase: 0.25 } });
    // A 404 on the first call: 1 of 360 planned samples finished, and it failed.
    const cases = suiteCases(
      60,
      3,
      () => 3,
      () => 3,
    ).map((c) => ({ ...c, baseline: variant(0, 0), candidate: variant(0, 0) }));
    cases[0]!.baseline!.errors = 1;
    const stopped = 'HTTP 404: no model "gpt-5o" at http://127.0.0.1:1/v1; check provider.model';
    const r = evaluateGate([{ ...input('s', cases, gate, { failed: 1, finished: 1 }), runs_planned: 360 }], gate, { stopped });
    const rules = r.suites[0]!.rules;
    expect(rules.map((x) => [x.rule, x.verdict])).toEqual([
      ['completeness', 'error'],
      ['pass_rate', 'skipped'],
      ['latency_p95', 'skipped'],
      ['error_rate', 'skipped'],
    ]);
    expect(rules[0]!.detail).toBe(`Only 1 of 360 planned samples finished; the run stopped early: ${stopped}. No rule can be decided on an unfinished run.`);
    expect(rule(r, 0, 'error_rate').detail).toBe('Not evaluated: only 1 of 360 planned samples finished (1 failed); the rest never ran.');
    expect(r.suites[0]!.verdict).toBe('error');
    expect(r.verdict).toBe('error');
    expect(r.notes).toEqual([]);
  });

  it('an unfinished run with more failures than the limit allows over every planned call is still an error-rate error', () => {
    const gate = gateConfig();
    const r = evaluateGate(
      [
        input(
          's',
          suiteCases(
            60,
            3,
            () => 3,
            () => 3,
          ),
          gate,
          { failed: 30, finished: 200 },
        ),
      ],
      gate,
    );
    expect(rule(r, 0, 'error_rate').verdict).toBe('error');
    expect(rule(r, 0, 'completeness').detail).toMatch(/^Only 200 of 360 planned samples finished; the run stopped early \(or this is one shard of it\)\./);
  });

  it('carries gate.inconclusive for the report', () => {
    const cases = suiteCases(
      20,
      1,
      () => 1,
      () => 1,
    );
    expect(evaluateGate([input('s', cases, gateConfig())], gateConfig()).inconclusive_policy).toBe('neutral');
    const strict = gateConfig({ inconclusive: 'failure' });
    expect(evaluateGate([input('s', cases, strict)], strict).inconclusive_policy).toBe('failure');
  });

  it('unchanged suites stay skipped; the review takes the worst suite', () => {
    const gate = gateConfig();
    const r = evaluateGate(
      [
        input(
          'same',
          suiteCases(
            20,
            1,
            () => 1,
            () => 1,
          ),
          gate,
          { change: 'unchanged' },
        ),
        input(
          'better',
          suiteCases(
            60,
            3,
            (i) => (i % 2 ? 3 : 0),
            () => 3,
          ),
          gate,
        ),
      ],
      gate,
    );
    expect(r.suites[0]).toEqual({ verdict: 'skipped', rules: [], cases_needed: null });
    expect(r.suites[1]!.verdict).toBe('pass');
    expect(r.verdict).toBe('pass');
  });

  it('an added prompt reports its absolute pass rate, ungated', () => {
    const gate = gateConfig();
    const cases = suiteCases(
      40,
      3,
      () => 0,
      (i) => (i % 4 ? 3 : 1),
    ).map((c) => ({ ...c, baseline: null }));
    const r = evaluateGate([input('new', cases, gate, { change: 'added' })], gate);
    const pass = rule(r, 0, 'pass_rate');
    expect(pass.verdict).toBe('skipped');
    expect(pass.detail).toMatch(/^New prompt: pass rate 83.3% \(95% CI \d+(\.\d)?% to \d+(\.\d)?%, 40 cases × 3\); nothing to compare/);
    expect(r.suites[0]!.verdict).toBe('pass');
    expect(r.notes).toEqual([]);
  });

  it('worstVerdict orders error > fail > inconclusive > pass > skipped', () => {
    expect(worstVerdict(['pass', 'skipped'])).toBe('pass');
    expect(worstVerdict(['pass', 'inconclusive'])).toBe('inconclusive');
    expect(worstVerdict(['inconclusive', 'fail', 'pass'])).toBe('fail');
    expect(worstVerdict(['fail', 'error'])).toBe('error');
    expect(worstVerdict([])).toBe('skipped');
  });

  it('a measurement without its detail (built elsewhere) gives the same verdicts', () => {
    const gate = gateConfig({ latency_p95: { max_increase: 0.25 } });
    const cases = suiteCases(
      60,
      3,
      () => 3,
      (i) => (i < 30 ? 0 : 3),
    );
    const full = input('s', cases, gate);
    const { detail: _detail, ...bare } = full.measured;
    const a = evaluateGate([full], gate);
    const b = evaluateGate([{ ...full, measured: bare }], gate);
    expect(b).toEqual(a);
    // Measured at another confidence: recomputed at the gate's.
    const other = evaluateGate([{ ...full, measured: measureSuite(cases, { confidence: 0.8 }) }], gate);
    expect(other).toEqual(a);
  });
});
