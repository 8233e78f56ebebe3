import { quantileSorted } from 'simple-statistics';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, bootstrapPValueAbove, clusterBootstrap, clusterBootstrapRatio, DEFAULT_RESAMPLES, meanRatioStatistic, quantileRatioStatistic } from '../../src/stats/index.js';
import { seededRandom } from './superpopulation.js';

/** Latencies per case, 1–4 calls each, some cases without calls in one variant. */
function latencyCases(seed: number, n: number) {
  const random = seededRandom(seed);
  const calls = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.round(200 + 2000 * random() ** 2));
  const baseline = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : calls()));
  const candidate = Array.from({ length: n }, (_, i) => (i % 5 === 1 ? [] : calls()));
  return { baseline, candidate };
}

/** The naive statistic: expand every case `multiplicity` times into one pool and take the quantile. */
function naiveQuantileRatio(baseline: (number[] | null)[], candidate: (number[] | null)[], multiplicity: ArrayLike<number>, p: number): number {
  const pool = (byCase: (number[] | null)[]) => {
    const out: number[] = [];
    byCase.forEach((calls, c) => {
      for (let m = 0; m < multiplicity[c]!; m++) out.push(...(calls ?? []));
    });
    return out.sort((a, b) => a - b);
  };
  const b = pool(baseline);
  const c = pool(candidate);
  return quantileSorted(c, p) / quantileSorted(b, p);
}

describe('cluster bootstrap statistics', () => {
  it('the p95 walk from the top equals simple-statistics on the expanded pool', () => {
    const { baseline, candidate } = latencyCases(1, 40);
    const random = seededRandom(2);
    for (const p of [0.5, 0.95, 0.99]) {
      const statistic = quantileRatioStatistic(baseline, candidate, p);
      for (let trial = 0; trial < 50; trial++) {
        // A resample: 40 draws with replacement, so the multiplicities sum to the number of cases.
        const multiplicity = new Uint32Array(40);
        for (let i = 0; i < 40; i++) multiplicity[Math.floor(random() * 40)]!++;
        const expected = naiveQuantileRatio(baseline, candidate, multiplicity, p);
        expect(statistic(multiplicity)).toBeCloseTo(expected, 10);
      }
    }
  });

  it('the mean-of-case-means ratio equals the direct computation', () => {
    const b = [0.001, 0.002, null, 0.004];
    const c = [0.002, null, 0.003, 0.006];
    const stat = meanRatioStatistic(b, c);
    const m = Uint32Array.from([2, 1, 1, 0]);
    // By hand: candidate mean over drawn cases with a value = (2·0.002 + 0.003)/3; baseline (2·0.001 + 0.002)/3.
    expect(stat(m)).toBeCloseTo((2 * 0.002 + 0.003) / 3 / ((2 * 0.001 + 0.002) / 3), 12);
  });
});

describe('clusterBootstrap', () => {
  it('uses 10,000 resamples by default and the same seed gives the same distribution', () => {
    const { baseline, candidate } = latencyCases(3, 30);
    const stat = quantileRatioStatistic(baseline, candidate);
    const a = clusterBootstrapRatio(stat, 30, { confidence: 0.95 });
    const b = clusterBootstrapRatio(stat, 30, { confidence: 0.95 });
    const c = clusterBootstrapRatio(stat, 30, { confidence: 0.95, seed: 99 });
    expect(DEFAULT_RESAMPLES).toBeGreaterThanOrEqual(10_000);
    expect(a.distribution.length).toBe(DEFAULT_RESAMPLES);
    expect(a.ci).toEqual(b.ci);
    expect(c.ci).not.toEqual(a.ci);
  });

  it('draws whole cases: a second, naive implementation with the same generator gives the same distribution', () => {
    const { baseline, candidate } = latencyCases(4, 25);
    const resamples = 300;
    const [fast] = clusterBootstrap(25, [quantileRatioStatistic(baseline, candidate)], { seed: 7, resamples });
    // Naive: draw 25 case indices per resample (same xoroshiro128+ and the same multiply-shift mapping),
    // expand the drawn cases' calls into pools, sort, take type-7 quantiles.
    const rng = xoroshiro128plus(7);
    const naive: number[] = [];
    for (let r = 0; r < resamples; r++) {
      const multiplicity = new Array<number>(25).fill(0);
      for (let i = 0; i < 25; i++) multiplicity[Math.floor(((rng.next() >>> 0) * 25) / 2 ** 32)]!++;
      const v = naiveQuantileRatio(baseline, candidate, multiplicity, 0.95);
      if (Number.isFinite(v)) naive.push(v);
    }
    naive.sort((a, b) => a - b);
    expect(fast!.length).toBe(naive.length);
    for (const [i, v] of fast!.entries()) expect(v).toBeCloseTo(naive[i]!, 10);
  });

  it('a candidate exactly twice as slow on every call has ratio 2 in every resample', () => {
    const baseline = [[100, 300], [250], [800, 900, 1000]];
    const candidate = baseline.map((calls) => calls.map((x) => 2 * x));
    const r = clusterBootstrapRatio(quantileRatioStatistic(baseline, candidate), 3, { confidence: 0.95, resamples: 2_000 });
    expect(r.ci![0]).toBeCloseTo(2, 12);
    expect(r.ci![1]).toBeCloseTo(2, 12);
  });

  it('the interval holds the true ratio for a clearly slower candidate and excludes 1', () => {
    const random = seededRandom(11);
    const baseline = Array.from({ length: 60 }, () => Array.from({ length: 3 }, () => 500 + 500 * random()));
    const candidate = Array.from({ length: 60 }, () => Array.from({ length: 3 }, () => 1.5 * (500 + 500 * random())));
    const r = clusterBootstrapRatio(quantileRatioStatistic(baseline, candidate), 60, { confidence: 0.95 });
    expect(r.ci![0]).toBeGreaterThan(1.2);
    expect(r.ci![0]).toBeLessThan(1.5);
    expect(r.ci![1]).toBeGreaterThan(1.5);
  });
});

describe('bootstrap interval and p-value', () => {
  it('percentile interval by type-7 quantiles', () => {
    const sorted = Float64Array.from({ length: 101 }, (_, i) => i);
    // (101 − 1)·0.025 = 2.5 → between 2 and 3; (101 − 1)·0.975 = 97.5.
    const [lo, hi] = bootstrapInterval(sorted, 0.95)!;
    expect(lo).toBeCloseTo(2.5, 12);
    expect(hi).toBeCloseTo(97.5, 12);
    expect(bootstrapInterval(new Float64Array(0), 0.95)).toBeNull();
  });

  it('p-value for "above the threshold" counts resamples at or below it, (1 + #) / (B + 1)', () => {
    const sorted = Float64Array.from([1, 2, 3, 4]);
    expect(bootstrapPValueAbove(sorted, 2.5)).toBeCloseTo(3 / 5, 12);
    expect(bootstrapPValueAbove(sorted, 2)).toBeCloseTo(3 / 5, 12);
    expect(bootstrapPValueAbove(sorted, 0.5)).toBeCloseTo(1 / 5, 12);
    expect(bootstrapPValueAbove(sorted, 9)).toBe(1);
  });
});
