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

  it('cost per case and per pass; latency not compared on 9 call pairs', () => {
    const m = measureSuite(cases, { confidence: 0.95 });
    expect(m.cost_usd.baseline_per_case).toBeCloseTo(0.001, 12);
    expect(m.cost_usd.candidate_per_case).toBeCloseTo(0.002, 12);
    expect(m.cost_usd.ratio).toBeCloseTo(2, 12);
    // Costs are exactly 2× in every case: the interval has no width to give.
    expect(m.cost_usd.ratio_ci![0]).toBeCloseTo(2, 12);
    expect(m.cost_usd.ratio_ci![1]).toBeCloseTo(2, 12);
    expect(m.detail!.costCases).toBe(3);
    // baseline: 9 calls × $0.001 for 4 passes; candidate: 12 × $0.002 for 9 passes.
    expect(m.cost_usd.baseline_per_pass).toBeCloseTo(0.009 / 4, 12);
    expect(m.cost_usd.candidate_per_pass).toBeCloseTo(0.024 / 9, 12);
    // Three cases with a pair are too few for a p95 ratio (MIN_LATENCY_CASES, MIN_LATENCY_CALLS).
    expect(m.latency_ms).toEqual({
      baseline: null,
      candidate: null,
      p95_ratio: null,
      p95_ratio_ci: null,
      not_compared: 'only 9 call pairs in 3 cases were measured side by side in this run (the others failed); comparing p95 latency needs at least 20 pairs in 10 cases',
    });
    expect(m.detail!.p95Ratio).toBeNull();
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

describe('latency: only pairs measured side by side in this run', () => {
  /** n cases × k samples; latency per call from `ms(case, sample, variant)`; `cached(case, sample, variant)` marks cache hits. */
  function suite(
    n: number,
    k: number,
    ms: (i: number, j: number, variant: 'baseline' | 'candidate') => number,
    cached: (i: number, j: number, variant: 'baseline' | 'candidate') => boolean = () => false,
  ): CaseSamples[] {
    const side = (i: number, variant: 'baseline' | 'candidate'): VariantSamples => ({
      scores: Array.from({ length: k }, () => 1),
      latenciesMs: Array.from({ length: k }, (_, j) => ms(i, j, variant)),
      costUsd: Array.from({ length: k }, () => 0.001),
      errors: 0,
      fresh: Array.from({ length: k }, (_, j) => !cached(i, j, variant)),
      sampleIndex: Array.from({ length: k }, (_, j) => j),
    });
    return Array.from({ length: n }, (_, i) => ({ id: `c${i}`, tags: [], baseline: side(i, 'baseline'), candidate: side(i, 'candidate') }));
  }
  const base = (i: number, j: number) => 500 + 37 * ((i * 7 + j * 3) % 11);
  const slower = (i: number, j: number, variant: 'baseline' | 'candidate') => base(i, j) * (variant === 'candidate' ? 1.3 : 1);

  it('enough fresh pairs: percentiles, ratio and interval from them', () => {
    const m = measureSuite(suite(12, 3, slower), { confidence: 0.95, resamples: 2_000 });
    expect(m.latency_ms.not_compared).toBeUndefined();
    expect(m.latency_ms.p95_ratio).toBeCloseTo(1.3, 10);
    const [lo, hi] = m.latency_ms.p95_ratio_ci!;
    expect(lo).toBeLessThanOrEqual(1.3);
    expect(hi).toBeGreaterThanOrEqual(1.3);
    expect(m.detail!.latencyCases).toBe(12);
    expect(m.detail!.p95Ratio).toHaveLength(2_000);
  });

  it('a cached answer is left out with its partner: an old, slow baseline call does not make the candidate look fast', () => {
    // Samples 0 of every case: the baseline's answer came from the cache, with the latency of a slow day.
    const cached = (_i: number, j: number, variant: string) => j === 0 && variant === 'baseline';
    const withCache = suite(12, 3, (i, j, v) => (cached(i, j, v) ? 20 * base(i, j) : base(i, j)), cached);
    const m = measureSuite(withCache, { confidence: 0.95, resamples: 2_000 });
    // Exactly the comparison of samples 1 and 2 alone.
    const fresh = suite(12, 2, (i, j) => base(i, j + 1));
    const expected = measureSuite(fresh, { confidence: 0.95, resamples: 2_000 });
    expect(m.latency_ms).toEqual(expected.latency_ms);
    expect(m.latency_ms.p95_ratio).toBeCloseTo(1, 10);
    // Including the cached calls would have said ×0.07.
    const naive = measureSuite(
      withCache.map((c) => ({ ...c, baseline: { ...c.baseline!, fresh: undefined }, candidate: { ...c.candidate!, fresh: undefined } })),
      { confidence: 0.95, resamples: 2_000 },
    );
    expect(naive.latency_ms.p95_ratio).toBeLessThan(0.2);
  });

  it('pairs by sample index: a cached sample 0 on one side and 1 on the other leave sample 2', () => {
    const cached = (_i: number, j: number, variant: string) => (j === 0 && variant === 'baseline') || (j === 1 && variant === 'candidate');
    const m = measureSuite(suite(20, 3, slower, cached), { confidence: 0.95, resamples: 2_000 });
    expect(m.detail!.latencyCases).toBe(20);
    const onlyTwo = measureSuite(
      suite(20, 1, (i, _j, v) => slower(i, 2, v)),
      { confidence: 0.95, resamples: 2_000 },
    );
    expect(m.latency_ms).toEqual(onlyTwo.latency_ms);
  });

  it('every call from the cache: not compared, and the reason says so', () => {
    const m = measureSuite(
      suite(30, 3, slower, () => true),
      { confidence: 0.95 },
    );
    expect(m.latency_ms).toEqual({
      baseline: null,
      candidate: null,
      p95_ratio: null,
      p95_ratio_ci: null,
      not_compared: 'every call was answered from the response cache, so no latency was measured in this run',
    });
    expect(m.detail!.p95Ratio).toBeNull();
    expect(m.detail!.latencyCases).toBe(0);
    // Cost is not a timing: cached answers still count.
    expect(m.cost_usd.ratio).toBeCloseTo(1, 12);
  });

  it('one side all from the cache (a rerun after only the prompt changed): not compared, naming the side', () => {
    const m = measureSuite(
      suite(30, 3, slower, (_i, _j, v) => v === 'baseline'),
      { confidence: 0.95 },
    );
    expect(m.latency_ms.p95_ratio).toBeNull();
    expect(m.latency_ms.not_compared).toBe('every baseline call was answered from the response cache, so no pair of calls was measured side by side in this run');
  });

  it('the thresholds: 10 cases and 20 pairs', () => {
    const compared = (n: number, k: number) => measureSuite(suite(n, k, slower), { confidence: 0.95, resamples: 500 }).latency_ms.p95_ratio !== null;
    expect(compared(10, 2)).toBe(true);
    expect(compared(20, 1)).toBe(true);
    expect(compared(9, 3)).toBe(false); // 27 pairs but 9 cases
    expect(compared(19, 1)).toBe(false); // 19 cases but 19 pairs
    const few = measureSuite(
      suite(12, 3, slower, (i) => i >= 4),
      { confidence: 0.95 },
    );
    expect(few.latency_ms.not_compared).toBe(
      'only 12 call pairs in 4 cases were measured side by side in this run (the others came from the response cache or failed); comparing p95 latency needs at least 20 pairs in 10 cases',
    );
    const small = measureSuite(suite(5, 3, slower), { confidence: 0.95 });
    expect(small.latency_ms.not_compared).toBe('only 15 call pairs in 5 cases were measured side by side in this run; comparing p95 latency needs at least 20 pairs in 10 cases');
  });

  it('one variant (an added prompt): its fresh calls give the percentiles; all cached gives none, with the reason', () => {
    const added = suite(12, 3, slower, (_i, j) => j === 0).map((c) => ({ ...c, baseline: null }));
    const m = measureSuite(added, { confidence: 0.95 });
    const freshOnly = suite(12, 2, (i, j) => slower(i, j + 1, 'candidate')).map((c) => ({ ...c, baseline: null }));
    expect(m.latency_ms.candidate).toEqual(measureSuite(freshOnly, { confidence: 0.95 }).latency_ms.candidate);
    expect(m.latency_ms.not_compared).toBeUndefined();
    const allCached = measureSuite(
      suite(12, 3, slower, () => true).map((c) => ({ ...c, baseline: null })),
      { confidence: 0.95 },
    );
    expect(allCached.latency_ms.candidate).toBeNull();
    expect(allCached.latency_ms.not_compared).toMatch(/response cache/);
  });
});
