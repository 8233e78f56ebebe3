import { describe, expect, it } from 'vitest';
import { flakyAtBase, measureSuite } from '../../src/stats/index.js';
import { holdoutCases } from './holdout-world.js';

/**
 * Holdout cases measured apart from the rest, and what makes a case flaky at base. Reference values from
 * test/stats/reference_values.py (REST, HOLD), which shares no code with src/stats.
 */

describe('holdout cases in measureSuite', () => {
  it('the pass rate covers the other cases; the holdout row the holdout cases, with the same paired interval', () => {
    const m = measureSuite(holdoutCases(), { confidence: 0.95 });
    expect(m.pass_rate.baseline).toBeCloseTo(0.8333333333333334, 12);
    expect(m.pass_rate.candidate).toBeCloseTo(0.861111111111111, 12);
    expect(m.pass_rate.delta).toBeCloseTo(0.02777777777777778, 12);
    expect(m.pass_rate.ci![0]).toBeCloseTo(-0.12394552250518057, 6);
    expect(m.pass_rate.ci![1]).toBeCloseTo(0.17799957655923462, 6);
    expect(m.pass_rate.p_value).toBeCloseTo(0.7010977751907712, 6);
    expect(m.paired_n).toBe(12);
    expect(m.holdout!.n_cases).toBe(10);
    expect(m.holdout!.baseline).toBeCloseTo(0.9333333333333333, 12);
    expect(m.holdout!.candidate).toBeCloseTo(0.2333333333333333, 12);
    expect(m.holdout!.delta).toBeCloseTo(-0.7, 12);
    expect(m.holdout!.ci![0]).toBe(-1);
    expect(m.holdout!.ci![1]).toBeCloseTo(-0.3066095464363551, 6);
    expect(m.detail!.holdoutDelta!.n).toBe(10);
    // By tag covers every case (the x row has all 22), and leaves the holdout tag to its own row.
    expect(m.by_tag.map((t) => [t.tag, t.n_cases])).toEqual([['x', 22]]);
  });

  it('without holdout cases nothing changes: no row, the pass rate over every case', () => {
    const plain = holdoutCases().map((c) => ({ ...c, tags: ['x'] }));
    const m = measureSuite(plain, { confidence: 0.95 });
    expect(m.holdout).toBeNull();
    expect(m.detail!.holdoutDelta).toBeNull();
    expect(m.paired_n).toBe(22);
    expect(m.pass_rate.delta).toBeCloseTo((0.02777777777777778 * 12 - 0.7 * 10) / 22, 12);
  });

  it('with every case a holdout case: no pass rate apart from the holdout row', () => {
    const only = holdoutCases().filter((c) => c.tags.includes('holdout'));
    const m = measureSuite(only, { confidence: 0.95 });
    expect(m.pass_rate).toMatchObject({ baseline: null, candidate: null, delta: null, ci: null, method: 'every case is a holdout case' });
    expect(m.holdout!.delta).toBeCloseTo(-0.7, 12);
  });

  it('for an added prompt the holdout row has the absolute rate and no delta', () => {
    const added = holdoutCases().map((c) => ({ ...c, baseline: null }));
    const m = measureSuite(added, { confidence: 0.95 });
    expect(m.holdout).toEqual({ n_cases: 10, baseline: null, candidate: expect.closeTo(0.2333333333333333, 12), delta: null, ci: null });
    expect(m.pass_rate.candidate).toBeCloseTo(0.861111111111111, 12);
  });
});

describe('flaky at base', () => {
  it('is a baseline whose samples disagree; one sample cannot disagree with itself', () => {
    expect(flakyAtBase({ passed: 2, runs: 3 })).toBe(true);
    expect(flakyAtBase({ passed: 1, runs: 2 })).toBe(true);
    expect(flakyAtBase({ passed: 0, runs: 3 })).toBe(false);
    expect(flakyAtBase({ passed: 3, runs: 3 })).toBe(false);
    expect(flakyAtBase({ passed: 1, runs: 1 })).toBe(false);
    expect(flakyAtBase({ passed: 0, runs: 1 })).toBe(false);
    expect(flakyAtBase({ passed: 0, runs: 0 })).toBe(false);
    expect(flakyAtBase(null)).toBe(false);
  });
});
