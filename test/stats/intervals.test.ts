import { describe, expect, it } from 'vitest';
import { PAIRED_METHOD, pairedDeltaInterval, proportionInterval, pValueBelow, tCdf, tQuantile } from '../../src/stats/index.js';
import { plainPairedT } from './plain-paired-t.js';

/**
 * Reference numbers come from test/stats/reference_values.py: a second implementation in plain Python that
 * shares nothing with src/stats — its t CDF is Simpson integration of the t density, its quantile bisection on
 * that CDF (it reproduces the printed tables: t(0.975, 19) = 2.093024, t(0.975, 9) = 2.262157).
 */
const singles = (xs: number[]) => xs.map((x) => [x]);

describe('t distribution (from @stdlib)', () => {
  it('matches printed tables', () => {
    // Student-t table values, e.g. Abramowitz & Stegun Table 26.10.
    expect(tQuantile(0.975, 19)).toBeCloseTo(2.093024, 6);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(tQuantile(0.995, 4)).toBeCloseTo(4.604095, 6);
    expect(tCdf(2.093024, 19)).toBeCloseTo(0.975, 6);
  });
});

describe('pairedDeltaInterval', () => {
  it('A: 10 cases × 1 sample — matches the Python reference', () => {
    const baseline = singles([1, 1, 0, 1, 1, 0, 1, 1, 1, 0]);
    const candidate = singles([1, 0, 0, 1, 1, 1, 1, 0, 1, 0]);
    const r = pairedDeltaInterval(
      baseline.map((b, i) => ({ baseline: b, candidate: candidate[i]! })),
      0.95,
    )!;
    // reference_values.py, data set A
    expect(r.estimate).toBeCloseTo(-0.1, 12);
    expect(r.center).toBeCloseTo(-0.09090909090909091, 12);
    expect(r.se).toBeCloseTo(0.18851310321207018, 10);
    expect(r.ci[0]).toBeCloseTo(-0.5173553576215835, 6);
    expect(r.ci[1]).toBeCloseTo(0.3355371758034017, 6);
    expect(r.pValue).toBeCloseTo(0.6411450209531253, 6);
    expect(r.n).toBe(10);
    expect(r.method).toBe(PAIRED_METHOD);
  });

  it('B: 6 cases × 3 samples — matches the Python reference', () => {
    const pairs = [
      { baseline: [1, 1, 1], candidate: [1, 1, 0] },
      { baseline: [1, 0, 0], candidate: [1, 1, 0] },
      { baseline: [0, 0, 0], candidate: [0, 0, 0] },
      { baseline: [1, 1, 1], candidate: [1, 1, 1] },
      { baseline: [1, 1, 0], candidate: [0, 0, 0] },
      { baseline: [0, 0, 0], candidate: [1, 1, 1] },
    ];
    const r = pairedDeltaInterval(pairs, 0.95)!;
    // reference_values.py, data set B
    expect(r.estimate).toBeCloseTo(0.055555555555555546, 12);
    expect(r.center).toBeCloseTo(0.05263157894736841, 12);
    expect(r.se).toBeCloseTo(0.24226253473055223, 10);
    expect(r.ci[0]).toBeCloseTo(-0.5701240922861874, 6);
    expect(r.ci[1]).toBeCloseTo(0.6753872501809242, 6);
    expect(r.pValue).toBeCloseTo(0.836600266045135, 6);
    expect(r.repeats).toBe(3);
  });

  it('C: zero variance (20 cases, all pass under both) still gets an honest, non-zero width', () => {
    const pairs = Array.from({ length: 20 }, () => ({ baseline: [1], candidate: [1] }));
    const r = pairedDeltaInterval(pairs, 0.95)!;
    // By hand: k = 1, so one pseudo-case at +1 and one at −1 of weight ½ each. Total weight 21, centre 0,
    // squared deviations 0.5·1 + 0.5·1 = 1, variance 1/20, se = √(1/20/21) = 0.0487950036,
    // half-width = t(0.975, 19)·se = 2.093024·0.0487950036 = 0.1021291. (Python: ±0.10212911636900512.)
    expect(r.ci[0]).toBeCloseTo(-0.10212911636900512, 6);
    expect(r.ci[1]).toBeCloseTo(0.10212911636900512, 6);
    expect(r.pValue).toBe(1);
    // The yardstick collapses here: that is the failure the adjustment exists for.
    const plain = plainPairedT(pairs, 0.95);
    expect(plain[1] - plain[0]).toBe(0);
  });

  it('D: graded scores in [0,1] use the same machinery — matches the Python reference', () => {
    const pairs = [
      { baseline: [0.2, 0.4], candidate: [0.5, 0.7] },
      { baseline: [0.9, 1.0], candidate: [0.8, 1.0] },
      { baseline: [0.0, 0.1], candidate: [0.3, 0.3] },
      { baseline: [0.6, 0.6], candidate: [0.6, 0.9] },
      { baseline: [0.5, 0.3], candidate: [0.4, 0.2] },
    ];
    const r = pairedDeltaInterval(pairs, 0.95)!;
    // reference_values.py, data set D; by hand the per-case deltas are 0.3, −0.05, 0.25, 0.15, −0.1 (mean 0.11)
    // and the centre 0.55/5.5 = 0.1 (pseudo-cases of weight ¼ at ±1).
    expect(r.estimate).toBeCloseTo(0.11, 12);
    expect(r.center).toBeCloseTo(0.1, 12);
    expect(r.se).toBeCloseTo(0.15986105077709065, 10);
    expect(r.ci[0]).toBeCloseTo(-0.3438454319418216, 6);
    expect(r.ci[1]).toBeCloseTo(0.5438454319418216, 6);
    expect(r.pValue).toBeCloseTo(0.5655332664528654, 6);
    expect(r.withinVariance).not.toBeNull();
  });

  it('costs little width where cases disagree a lot: 100 cases alternating, within 1% of plain t', () => {
    const pairs = Array.from({ length: 100 }, (_, i) => ({ baseline: [i % 2], candidate: [(i >> 1) % 2] }));
    const r = pairedDeltaInterval(pairs, 0.95)!;
    const plain = plainPairedT(pairs, 0.95);
    const ratio = (r.ci[1] - r.ci[0]) / (plain[1] - plain[0]);
    expect(ratio).toBeGreaterThan(0.99);
    expect(ratio).toBeLessThan(1.01);
  });

  it('leaves out pairs with an empty side and returns null when nothing is left', () => {
    expect(pairedDeltaInterval([{ baseline: [], candidate: [1] }], 0.95)).toBeNull();
    const r = pairedDeltaInterval(
      [
        { baseline: [], candidate: [1] },
        { baseline: [1], candidate: [0] },
        { baseline: [0], candidate: [0] },
      ],
      0.95,
    )!;
    expect(r.n).toBe(2);
  });

  it('one case: no spread to estimate, so the interval is the whole range', () => {
    const r = pairedDeltaInterval([{ baseline: [0, 0], candidate: [1, 1] }], 0.95)!;
    expect(r.ci).toEqual([-1, 1]);
    expect(r.pValue).toBe(1);
  });

  it('the p-value agrees with the interval: 0 outside the 95% CI ⇔ p < 0.05', () => {
    const pairs = Array.from({ length: 40 }, (_, i) => ({ baseline: [1, 1], candidate: i < 9 ? [0, 0] : [1, 1] }));
    const r = pairedDeltaInterval(pairs, 0.95)!;
    expect(r.ci[1]).toBeLessThan(0);
    expect(r.pValue).toBeLessThan(0.05);
    const fewer = pairedDeltaInterval(pairs.slice(0, 21), 0.95)!;
    expect(fewer.ci[1] < 0).toBe(fewer.pValue < 0.05);
  });

  it('pValueBelow is one-sided against a shifted threshold', () => {
    const pairs = Array.from({ length: 30 }, (_, i) => ({ baseline: [1], candidate: i < 6 ? [0] : [1] }));
    const r = pairedDeltaInterval(pairs, 0.95)!;
    // At the interval's own upper end the one-sided p is exactly α/2.
    expect(pValueBelow(r, r.ci[1])).toBeCloseTo(0.025, 10);
    expect(pValueBelow(r, 0)).toBeLessThan(0.025);
    expect(pValueBelow(r, -0.5)).toBeGreaterThan(0.975);
  });
});

describe('proportionInterval', () => {
  it('E: 8 cases × 2 samples — matches the Python reference', () => {
    const r = proportionInterval(
      [
        [1, 1],
        [1, 0],
        [1, 1],
        [0, 0],
        [1, 1],
        [1, 1],
        [0, 1],
        [1, 1],
      ],
      0.95,
    )!;
    // reference_values.py, data set E
    expect(r.estimate).toBeCloseTo(0.75, 12);
    expect(r.center).toBeCloseTo(0.7015980798663909, 8);
    expect(r.se).toBeCloseTo(0.13348791821804834, 8);
    expect(r.ci[0]).toBeCloseTo(0.3859493111533678, 6);
    expect(r.ci[1]).toBe(1);
  });

  it('F: all 20 pass — an interval near Wilson’s, not a point at 100%', () => {
    const r = proportionInterval(
      Array.from({ length: 20 }, () => [1]),
      0.95,
    )!;
    // reference_values.py, data set F: 0.8002473526169265. For scale, the Wilson lower bound for 20/20 is
    // 20/(20 + 1.96²) = 0.8389 and Clopper–Pearson's 0.025^(1/20) = 0.8316.
    expect(r.ci[0]).toBeCloseTo(0.8002473526169265, 6);
    expect(r.ci[1]).toBe(1);
  });
});
