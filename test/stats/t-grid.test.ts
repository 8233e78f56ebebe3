import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { gridLevelsReady, MAX_PREPARED_DRAWS, prepareGridLevels, prepareResamples, readAtLevels, tGridCriticals } from '../../src/stats/bootstrap.js';
import {
  DEFAULT_SEED,
  bootstrapPValueAbove,
  clusterBootstrap,
  expandedConfidenceGrid,
  expandedLevel,
  expandedPercentileInterval,
  fiellerRatio,
  measureSuite,
  prepareStatistics,
  quantileRatioStatistic,
  tQuantile,
  type CaseSamples,
} from '../../src/stats/index.js';
import { MAX_FAST_DF, fillTGrid, startTGrid, tQuantileGrid } from '../../src/stats/t-grid.js';
import { seededRandom } from './superpopulation.js';

/**
 * The confidence grids' level points come from a fast t-quantile grid (src/stats/t-grid.ts) instead of 10,000 calls
 * of the general quantile. These tests hold the fast path to the slow one it replaced: the t quantiles to 3e-13,
 * the grids to 1e-13, the same value exactly wherever the slow path read a value of the distribution itself, the
 * same intervals, and the same p-values at the gate's thresholds, ties included.
 */

const u = (j: number, points: number) => (j + 0.5) / points;

const slowLevels = new Map<string, Float64Array>();
/** The expanded grid as it was built before: every level from @stdlib's t quantile and normal CDF. */
function slowExpandedGrid(sorted: Float64Array, nCases: number, points: number): Float64Array {
  const key = `${nCases}:${points}`;
  let levels = slowLevels.get(key);
  if (!levels) slowLevels.set(key, (levels = Float64Array.from({ length: points }, (_, j) => expandedLevel(u(j, points), nCases))));
  const values = Array.from(sorted);
  return levels.map((level) => quantileSorted(values, level));
}

/** Fieller's critical values as they were computed before. */
const slowCriticals = (df: number, points: number) => Float64Array.from({ length: points }, (_, j) => tQuantile(1 - u(j, points), df));

/** Fieller's grid (src/stats/fieller.ts) computed from given critical values: the reference for the cost ratio. */
function fiellerGridWith(pairs: { baseline: number; candidate: number }[], criticals: Float64Array): Float64Array {
  const n = pairs.length;
  const mb = pairs.reduce((s, p) => s + p.baseline, 0) / n;
  const mc = pairs.reduce((s, p) => s + p.candidate, 0) / n;
  let [sbb, scc, sbc] = [0, 0, 0];
  for (const p of pairs) {
    sbb += (p.baseline - mb) ** 2;
    scc += (p.candidate - mc) ** 2;
    sbc += (p.baseline - mb) * (p.candidate - mc);
  }
  const scale = 1 / (n * (n - 1));
  const [vbb, vcc, vbc] = [sbb * scale, scc * scale, sbc * scale];
  const estimate = mc / mb;
  return criticals.map((c) => {
    if (c === 0) return estimate;
    const a = mb * mb - c * c * vbb;
    const b = mc * mb - c * c * vbc;
    const k = mc * mc - c * c * vcc;
    if (!(a > 0)) return c > 0 ? 0 : Number.POSITIVE_INFINITY;
    const root = Math.sqrt(Math.max(0, b * b - a * k));
    const theta = c > 0 ? (b - root) / a : (b + root) / a;
    return c > 0 ? Math.max(0, Math.min(theta, estimate)) : Math.max(theta, estimate);
  });
}

const sameBits = (a: Float64Array, b: Float64Array) =>
  a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

function maxRelativeDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let j = 0; j < a.length; j++) {
    if (a[j] === b[j]) continue;
    worst = Math.max(worst, Math.abs(a[j]! - b[j]!) / Math.max(Math.abs(a[j]!), Math.abs(b[j]!)));
  }
  return worst;
}

/** A sorted bootstrap-like distribution of `length` values around 1, some of them tied. */
function distribution(seed: number, length: number): Float64Array {
  const random = seededRandom(seed);
  return Float64Array.from({ length }, () => Math.round((0.8 + 0.4 * random()) * 2000) / 2000).sort();
}

describe('fast t-quantile grid', () => {
  it('agrees with @stdlib to 3e-13 relative at every point, for 1 to 10,000 degrees of freedom', () => {
    for (const points of [10_000, 2_001]) {
      for (const df of [1, 2, 3, 4, 5, 9, 19, 29, 49, 99, 199, 499, 999, 4_999, MAX_FAST_DF]) {
        const state = startTGrid(df, points);
        fillTGrid(state);
        const reference = Float64Array.from({ length: points }, (_, j) => tQuantile(u(j, points), df));
        expect(maxRelativeDifference(state.values, reference), `df ${df}, ${points} points`).toBeLessThanOrEqual(3e-13);
        expect(state.fallbacks, `df ${df}: points left to the general quantile`).toBe(0);
      }
    }
  });

  it('is symmetric about the median: the upper half mirrors the lower, and an odd grid has 0 in the middle', () => {
    const grid = tQuantileGrid(9, 1_001);
    expect(grid[500]).toBe(0);
    for (let j = 0; j < 1_001; j++) expect(grid[j] === -grid[1_000 - j]!).toBe(true);
  });

  it('gives the same numbers however the filling is sliced', () => {
    const whole = tQuantileGrid(49, 10_000);
    const state = startTGrid(49, 10_000);
    while (state.next >= 0) fillTGrid(state, 37);
    expect(sameBits(state.values, whole)).toBe(true);
  });

  it('takes the general quantile past MAX_FAST_DF and for a fractional df, with the same results', () => {
    for (const df of [MAX_FAST_DF + 1, 7.5]) {
      const grid = tQuantileGrid(df, 501);
      expect(
        sameBits(
          grid,
          Float64Array.from({ length: 501 }, (_, j) => (j < 250 ? tQuantile(u(j, 501), df) : j === 250 ? 0 : -tQuantile(u(500 - j, 501), df))),
        ),
      ).toBe(true);
    }
  });
});

describe('the confidence grids built on it', () => {
  it('the expanded percentile grid matches the one read at @stdlib levels: to 1e-13, and exactly where that read a value itself', () => {
    const caseCounts = [2, 3, 5, 10, 11, 12, 17, 20, 23, 30, 37, 40, 49, 50, 51, 64, 77, 100, 128, 250, 1_000];
    caseCounts.forEach((n, i) => {
      for (const points of [10_000, 2_000]) {
        for (const length of [points, points - 3, 9_973, 2_001]) {
          const sorted = distribution(i * 101 + length, length);
          const fast = expandedConfidenceGrid(sorted, n, points);
          const slow = slowExpandedGrid(sorted, n, points);
          expect(maxRelativeDifference(fast, slow), `${n} cases, ${points} points, ${length} values`).toBeLessThanOrEqual(1e-13);
          // Where the slow level landed on a value of the distribution (a whole-number index), the fast one must too.
          const levels = slowLevels.get(`${n}:${points}`)!;
          for (let j = 0; j < points; j++) {
            const at = (length - 1) * levels[j]!;
            if (at === Math.round(at)) expect(fast[j]).toBe(slow[j]);
          }
        }
      }
    });
  });

  it("Fieller's critical values agree with @stdlib's to 3e-13, its grid to 1e-11, and the cost ratio's p-values at every threshold are the same", () => {
    const random = seededRandom(7);
    for (const n of [2, 5, 10, 20, 50, 100, 400]) {
      const criticals = tGridCriticals(n - 1, 10_000);
      const slow = slowCriticals(n - 1, 10_000);
      expect(maxRelativeDifference(criticals, slow), `${n} cases`).toBeLessThanOrEqual(3e-13);
      for (let trial = 0; trial < 5; trial++) {
        const pairs = Array.from({ length: n }, () => {
          const baseline = 0.001 * Math.exp(random() - 0.5);
          return { baseline, candidate: baseline * (0.9 + 0.3 * random()) };
        });
        const fast = fiellerRatio(pairs, 0.95)!;
        const reference = fiellerGridWith(pairs, slow);
        // The bound's quadratic can cancel a few digits of its own, so the grid is held to 1e-11.
        expect(maxRelativeDifference(fast.grid, reference)).toBeLessThanOrEqual(1e-11);
        for (let threshold = 0.8; threshold <= 1.5; threshold += 0.01) {
          expect(bootstrapPValueAbove(fast.grid, threshold)).toBe(bootstrapPValueAbove(reference, threshold));
        }
      }
    }
  });

  it("measureSuite's intervals, latency grid and p-values match the slow path on random suites, thresholds at tied values included", () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 16; trial++) {
      const n = 10 + Math.floor(random() * 60);
      // Whole milliseconds, as many providers' timings are: ratios tie, and 240/200 is exactly 1.2.
      const whole = trial % 2 === 0;
      const calls = () => Array.from({ length: 3 }, () => (whole ? 200 + 10 * Math.floor(random() * 8) : 150 + 400 * random() ** 3));
      const cases: CaseSamples[] = Array.from({ length: n }, (_, i) => ({
        id: `c${i}`,
        tags: [],
        baseline: { scores: [1, 1, random() < 0.7 ? 1 : 0], latenciesMs: calls(), costUsd: [0.001, 0.001, 0.001], errors: 0 },
        candidate: { scores: [1, 1, random() < 0.7 ? 1 : 0], latenciesMs: calls(), costUsd: [0.001, 0.001, 0.001], errors: 0 },
      }));
      const measured = measureSuite(cases, { confidence: 0.95 });
      const [sorted] = clusterBootstrap(
        n,
        [
          quantileRatioStatistic(
            cases.map((c) => c.baseline!.latenciesMs),
            cases.map((c) => c.candidate!.latenciesMs),
          ),
        ],
        { seed: DEFAULT_SEED },
      );
      expect(measured.latency_ms.p95_ratio_ci).toEqual(expandedPercentileInterval(sorted!, 0.95, n));
      const slow = slowExpandedGrid(sorted!, n, 10_000);
      const fast = measured.detail!.p95Ratio!;
      expect(maxRelativeDifference(fast, slow)).toBeLessThanOrEqual(1e-13);
      const thresholds = new Set([...Array.from({ length: 81 }, (_, i) => 0.9 + i * 0.005), ...Array.from(sorted!).filter((v) => v > 0.8 && v < 1.4)]);
      for (const threshold of thresholds) expect(bootstrapPValueAbove(fast, threshold), `threshold ${threshold}`).toBe(bootstrapPValueAbove(slow, threshold));
    }
  });

  it('where a fast level sits within the band of a whole-number index, the exact level decides', () => {
    // 129 values: at level k/128 (exact in binary) the read index is the whole number k, which reads value k
    // itself; a level a hair off interpolates and reads a hair off it.
    const sorted = Float64Array.from({ length: 129 }, (_, i) => i);
    const exact = (j: number) => (j + 1) / 128;
    const fast = Float64Array.from({ length: 100 }, (_, j) => exact(j) + (j % 2 ? 1e-13 : -1e-13));
    const read = readAtLevels(sorted, fast, exact);
    for (let j = 0; j < 100; j++) expect(read[j]).toBe(j + 1);
    // Away from a whole number the fast level is read as it is.
    const between = Float64Array.from({ length: 100 }, (_, j) => (j + 1.5) / 128);
    expect(Array.from(readAtLevels(sorted, between, () => Number.NaN))).toEqual(Array.from(between, (l) => quantileSorted(Array.from(sorted), l)));
  });
});

describe('preparing the grids ahead', () => {
  it('fills the grids for the given case counts in slices, yielding to the event loop between them', async () => {
    expect(gridLevelsReady(61)).toBe(false);
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await prepareGridLevels([61, 62, 61], 10_000, 0.2);
    done = true;
    expect(gridLevelsReady(61)).toBe(true);
    expect(gridLevelsReady(62)).toBe(true);
    // Several slices per grid, and the event loop turned between them.
    expect(turns).toBeGreaterThanOrEqual(4);
    // The prepared grid is the one the measurement would have built itself.
    expect(
      sameBits(
        tGridCriticals(60, 10_000),
        tQuantileGrid(60, 10_000).map((t) => -t),
      ),
    ).toBe(true);
  });

  it('a bootstrap reading draws made ahead gives the same distribution as one drawing its own, however far the drawing got', async () => {
    const random = seededRandom(5);
    const statisticFor = (n: number) => {
      const byCase = () => Array.from({ length: n }, () => Array.from({ length: 3 }, () => 150 + 400 * random() ** 2));
      return quantileRatioStatistic(byCase(), byCase());
    };
    for (const [n, resamples, seed] of [
      [41, 3_000, DEFAULT_SEED],
      [17, 2_000, 99],
    ] as const) {
      const statistic = statisticFor(n);
      const own = clusterBootstrap(n, [statistic], { seed, resamples })[0]!;
      await prepareResamples(n, { seed, resamples, sliceMs: 0.1 });
      expect(sameBits(clusterBootstrap(n, [statistic], { seed, resamples })[0]!, own), `${n} cases, drawn ahead`).toBe(true);

      // Drawn partly when the statistics came in: the bootstrap finishes the drawing itself.
      const other = statisticFor(n + 1);
      const otherOwn = clusterBootstrap(n + 1, [other], { seed, resamples })[0]!;
      const drawing = prepareResamples(n + 1, { seed, resamples, sliceMs: 0.01 });
      expect(sameBits(clusterBootstrap(n + 1, [other], { seed, resamples })[0]!, otherOwn), `${n + 1} cases, drawn partly`).toBe(true);
      await drawing;
      expect(sameBits(clusterBootstrap(n + 1, [other], { seed, resamples })[0]!, otherOwn)).toBe(true);
    }
    // Too large to keep: nothing is drawn ahead, and the bootstrap draws its own.
    await expect(prepareResamples(MAX_PREPARED_DRAWS + 1, { resamples: 1 })).resolves.toBeUndefined();
  });

  it('prepareStatistics resolves on any list of case counts, and leaves the grids ready', async () => {
    await expect(prepareStatistics([Number.NaN, -1, 0, 1, 2.5, 63])).resolves.toBeUndefined();
    expect(gridLevelsReady(63)).toBe(true);
  });
});
