import { describe, expect, it } from 'vitest';
import { casesNeeded, casesNeededForRatio, holm, pairedDeltaInterval, percentiles, repeatsNeeded, tCritical } from '../../src/stats/index.js';

describe('holm', () => {
  it('matches R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02', () => {
    // By hand: sorted 0.005, 0.01, 0.03, 0.04 → ×4, ×3, ×2, ×1 = 0.02, 0.03, 0.06, 0.04 → running max
    // 0.02, 0.03, 0.06, 0.06, back in input order.
    const adjusted = holm([0.01, 0.04, 0.03, 0.005]);
    for (const [i, v] of [0.03, 0.06, 0.06, 0.02].entries()) expect(adjusted[i]).toBeCloseTo(v, 12);
  });

  it('caps at 1, keeps one p-value as it is, and handles none', () => {
    expect(holm([0.6, 0.7])).toEqual([1, 1]);
    expect(holm([0.013])).toEqual([0.013]);
    expect(holm([])).toEqual([]);
  });
});

describe('percentiles', () => {
  it('type-7 on 1..10: p50 5.5, p95 9.55, p99 9.91', () => {
    // (10 − 1)·0.95 = 8.55 → x[8] + 0.55·(x[9] − x[8]) = 9 + 0.55; (10 − 1)·0.99 = 8.91 → 9.91.
    const p = percentiles([7, 3, 10, 1, 2, 9, 8, 4, 6, 5])!;
    expect(p.p50).toBeCloseTo(5.5, 12);
    expect(p.p95).toBeCloseTo(9.55, 12);
    expect(p.p99).toBeCloseTo(9.91, 12);
  });

  it('one value is every percentile; none is null', () => {
    expect(percentiles([812])).toEqual({ p50: 812, p95: 812, p99: 812 });
    expect(percentiles([])).toBeNull();
  });
});

describe('casesNeeded', () => {
  it('is the smallest n whose t half-width fits in the gap', () => {
    // sd 0.5, gap 0.1: the normal approximation says (1.96·0.5/0.1)² = 96.04; t needs a few more.
    const n = casesNeeded({ sd: 0.5, gap: 0.1, confidence: 0.95 })!;
    expect(n).toBeGreaterThan(96);
    expect(n).toBeLessThan(105);
    expect(tCritical(0.95, n - 1) * (0.5 / Math.sqrt(n))).toBeLessThanOrEqual(0.1);
    expect(tCritical(0.95, n - 2) * (0.5 / Math.sqrt(n - 1))).toBeGreaterThan(0.1);
  });

  it('is null on the threshold or beyond 10,000 cases', () => {
    expect(casesNeeded({ sd: 0.5, gap: 0, confidence: 0.95 })).toBeNull();
    expect(casesNeeded({ sd: 0.5, gap: 0.005, confidence: 0.95 })).toBeNull();
    expect(casesNeeded({ sd: NaN, gap: 0.1, confidence: 0.95 })).toBeNull();
  });

  it('with that many cases of the same spread, the interval does separate the estimate from the threshold', () => {
    // 30 cases: 6 lose a pass, 2 gain one → delta −0.133; threshold −0.05 (max_drop 5 points).
    const pattern = (n: number) =>
      Array.from({ length: n }, (_, i) => (i % 15 < 3 ? { baseline: [1], candidate: [0] } : i % 15 === 3 ? { baseline: [0], candidate: [1] } : { baseline: [1], candidate: [1] }));
    const small = pairedDeltaInterval(pattern(30), 0.95)!;
    expect(small.ci[1]).toBeGreaterThan(-0.05);
    const n = casesNeeded({ sd: small.sd, gap: Math.abs(small.center + 0.05), confidence: 0.95 })!;
    const big = pairedDeltaInterval(pattern(Math.ceil(n / 15) * 15 + 15), 0.95)!;
    expect(big.ci[1]).toBeLessThan(-0.05);
  });
});

describe('repeatsNeeded', () => {
  it('solves B + W·k/k′ for k′ (hand-worked)', () => {
    // sd² = 0.09 = B 0.04 + W 0.05 at k = 3; n = 100, gap 0.05, t(0.975, 99) = 1.984217.
    // allowed variance = (0.05/1.984217)²·100 = 0.0634980; k′ = ceil(0.05·3 / (0.0634980 − 0.04)) = ceil(6.38) = 7.
    expect(repeatsNeeded({ sd: 0.3, withinVariance: 0.05, repeats: 3, n: 100, gap: 0.05, confidence: 0.95 })).toBe(7);
  });

  it('is null when the spread between cases alone is too wide, or the sampling variance is unknown', () => {
    expect(repeatsNeeded({ sd: 0.3, withinVariance: 0.01, repeats: 3, n: 100, gap: 0.05, confidence: 0.95 })).toBeNull();
    expect(repeatsNeeded({ sd: 0.3, withinVariance: null, repeats: 1, n: 100, gap: 0.05, confidence: 0.95 })).toBeNull();
  });
});

describe('casesNeededForRatio', () => {
  it('scales the facing half-width as 1/√n on the log scale (hand-worked)', () => {
    // estimate 1.1, upper 1.3, threshold 1.25, n 50: half = ln(1.3/1.1) = 0.167054, gap = ln(1.25/1.1) = 0.127833,
    // n′ = ceil(50·(0.167054/0.127833)²) = ceil(85.39) = 86.
    expect(casesNeededForRatio({ n: 50, estimate: 1.1, ci: [0.95, 1.3], threshold: 1.25 })).toBe(86);
    expect(casesNeededForRatio({ n: 50, estimate: 1.25, ci: [1.1, 1.4], threshold: 1.25 })).toBeNull();
  });
});
