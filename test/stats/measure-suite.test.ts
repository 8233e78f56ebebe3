import { describe, expect, it } from 'vitest';
import { SuiteReportSchema } from '../../src/report/schema.js';
import { measureSuite, PAIRED_METHOD, PROPORTION_METHOD, type CaseSamples, type VariantSamples } from '../../src/stats/index.js';
import { seededRandom, simulateCases } from './superpopulation.js';

/** Samples from pass/fail marks, with a latency and cost per call. */
function v(marks: string, latency = 1000, cost = 0.001, errors = 0): VariantSamples {
  const scores = [...marks].map((m) => (m === '1' ? 1 : 0));
  return { scores, latenciesMs: scores.map((_, i) => latency + i), costUsd: scores.map(() => cost), errors };
}

describe('measureSuite', () => {
  const cases: CaseSamples[] = [
    { id: 'a', tags: ['billing'], baseline: v('111', 1000), candidate: v('110', 1200, 0.002) },
    { id: 'b', tags: ['billing', 'refund'], baseline: v('100', 900), candidate: v('111', 1100, 0.002) },
    { id: 'c', tags: ['refund'], baseline: v('000', 800), candidate: v('100', 1000, 0.002) },
    // Every baseline call errored: out of the pair, still counted for the candidate's own pass rate.
    { id: 'd', tags: [], baseline: { scores: [], latenciesMs: [], costUsd: [], errors: 3 }, candidate: v('111', 1000, 0.002) },
  ];

  it('pass rates are means over cases of per-case rates; the delta is over cases in the pair', () => {
    const m = measureSuite(cases, { confidence: 0.95 });
    // baseline over a, b, c: (1 + 1/3 + 0)/3; candidate over a, b, c, d: (2/3 + 1 + 1/3 + 1)/4.
    expect(m.pass_rate.baseline).toBeCloseTo((1 + 1 / 3 + 0) / 3, 12);
    expect(m.pass_rate.candidate).toBeCloseTo((2 / 3 + 1 + 1 / 3 + 1) / 4, 12);
    // pairs a, b, c: deltas −1/3, +2/3, +1/3 → mean 2/9.
    expect(m.pass_rate.delta).toBeCloseTo(2 / 9, 12);
    expect(m.paired_n).toBe(3);
    expect(m.detail!.excluded).toBe(1);
    expect(m.pass_rate.method).toBe(PAIRED_METHOD);
    expect(m.pass_rate.ci![0]).toBeLessThan(2 / 9);
    expect(m.pass_rate.ci![1]).toBeGreaterThan(2 / 9);
    expect(m.pass_rate.p_value).toBeGreaterThan(0);
    expect(m.pass_rate.candidate_ci).toBeUndefined();
  });

  it('latency percentiles over every successful call; cost per case and per pass', () => {
    const m = measureSuite(cases, { confidence: 0.95 });
    // baseline: 800–802, 900–902, 1000–1002 → 5th of 9 = 901. candidate: 1000–1002 twice, 1100–1102,
    // 1200–1202 → between the 6th and 7th of 12: (1002 + 1100)/2 = 1051.
    expect(m.latency_ms.baseline!.p50).toBe(901);
    expect(m.latency_ms.candidate!.p50).toBe(1051);
    expect(m.latency_ms.p95_ratio).toBeCloseTo(m.latency_ms.candidate!.p95! / m.latency_ms.baseline!.p95!, 12);
    expect(m.latency_ms.p95_ratio_ci![0]).toBeLessThanOrEqual(m.latency_ms.p95_ratio_ci![1]);
    expect(m.cost_usd.baseline_per_case).toBeCloseTo(0.001, 12);
    expect(m.cost_usd.candidate_per_case).toBeCloseTo(0.002, 12);
    expect(m.cost_usd.ratio).toBeCloseTo(2, 12);
    // Costs are exactly 2× in every case: every resample agrees.
    expect(m.cost_usd.ratio_ci![0]).toBeCloseTo(2, 12);
    expect(m.cost_usd.ratio_ci![1]).toBeCloseTo(2, 12);
    // baseline: 9 calls × $0.001 for 4 passes; candidate: 12 × $0.002 for 9 passes.
    expect(m.cost_usd.baseline_per_pass).toBeCloseTo(0.009 / 4, 12);
    expect(m.cost_usd.candidate_per_pass).toBeCloseTo(0.024 / 9, 12);
  });

  it('by tag: the same paired machinery on each tag’s cases, in order of first appearance', () => {
    const m = measureSuite(cases, { confidence: 0.95 });
    expect(m.by_tag.map((t) => t.tag)).toEqual(['billing', 'refund']);
    const billing = m.by_tag[0]!;
    expect(billing.n_cases).toBe(2);
    expect(billing.delta).toBeCloseTo((-1 / 3 + 2 / 3) / 2, 12);
    expect(billing.ci).not.toBeNull();
  });

  it('fits the report schema', () => {
    const m = measureSuite(cases, { confidence: 0.95 });
    const piece = SuiteReportSchema.pick({ pass_rate: true, latency_ms: true, cost_usd: true, by_tag: true });
    expect(() => piece.parse({ pass_rate: m.pass_rate, latency_ms: m.latency_ms, cost_usd: m.cost_usd, by_tag: m.by_tag })).not.toThrow();
  });

  it('an added prompt: candidate only, absolute interval, no delta', () => {
    const added = cases.map((c) => ({ ...c, baseline: null }));
    const m = measureSuite(added, { confidence: 0.95 });
    expect(m.pass_rate.baseline).toBeNull();
    expect(m.pass_rate.delta).toBeNull();
    expect(m.pass_rate.ci).toBeNull();
    expect(m.pass_rate.p_value).toBeNull();
    expect(m.pass_rate.method).toBe(PROPORTION_METHOD);
    const [lo, hi] = m.pass_rate.candidate_ci!;
    expect(lo).toBeLessThan(m.pass_rate.candidate!);
    expect(hi).toBeGreaterThan(m.pass_rate.candidate!);
    expect(m.latency_ms.baseline).toBeNull();
    expect(m.latency_ms.p95_ratio).toBeNull();
    expect(m.cost_usd.ratio).toBeNull();
    expect(m.paired_n).toBe(0);
  });

  it('no pricing: zero costs give no ratio instead of NaN', () => {
    const free = cases.map((c) => ({
      ...c,
      baseline: c.baseline && { ...c.baseline, costUsd: c.baseline.costUsd.map(() => 0) },
      candidate: c.candidate && { ...c.candidate, costUsd: c.candidate.costUsd.map(() => 0) },
    }));
    const m = measureSuite(free, { confidence: 0.95 });
    expect(m.cost_usd.baseline_per_case).toBe(0);
    expect(m.cost_usd.ratio).toBeNull();
    expect(m.cost_usd.ratio_ci).toBeNull();
  });

  it('is deterministic: same data, same numbers', () => {
    const a = measureSuite(cases, { confidence: 0.95 });
    const b = measureSuite(cases, { confidence: 0.95 });
    expect(a.latency_ms).toEqual(b.latency_ms);
    expect(a.pass_rate).toEqual(b.pass_rate);
  });

  it('handles 10,000 cases × 3 repeats (timing lives in `npm run bench:stats`)', () => {
    const big = simulateCases(seededRandom(5), { baselineRate: 0.8, delta: 0 }, 10_000, 3, { withCalls: true });
    const m = measureSuite(big, { confidence: 0.95 });
    expect(m.paired_n).toBe(10_000);
    expect(m.pass_rate.ci![1] - m.pass_rate.ci![0]).toBeLessThan(0.05);
  });
});
