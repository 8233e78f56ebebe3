import { setImmediate as nextTurn } from 'node:timers/promises';
import { quantileSorted } from 'simple-statistics';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normalCdf, tQuantile } from './t-distribution.js';
import { fastNormalCdf, fillTGrid, startTGrid, tGridDone, type TGridState } from './t-grid.js';
import { DEFAULT_RESAMPLES, DEFAULT_SEED } from './types.js';

/**
 * Cluster bootstrap over cases (Davison & Hinkley, "Bootstrap Methods and their Application", 1997, §3.8:
 * resample the clusters, keep each cluster's observations together). A resample is a multiplicity per case —
 * how many times the case was drawn — so a statistic reads one reused Uint32Array and nothing is allocated per
 * resample; a case's calls stay together (calls of one case are correlated) and both variants of a case move
 * together (the comparison stays paired).
 */

/**
 * A statistic of one resample, given each case's multiplicity in it (0, 1, 2, …; they sum to the number of
 * cases, as in every resample clusterBootstrap draws). NaN when undefined.
 */
export type ResampleStatistic = (multiplicity: Uint32Array) => number;

export interface BootstrapOptions {
  seed?: number;
  resamples?: number;
}

/**
 * Draw `resamples` resamples of `nCases` cases with replacement (seeded xoroshiro128+ from pure-rand) and
 * evaluate every statistic on each. Returns, per statistic, its finite values sorted ascending. The draws depend on
 * the seed and the two counts only, so {@link prepareResamples} can make them ahead; the result is the same either
 * way.
 */
export function clusterBootstrap(nCases: number, statistics: readonly ResampleStatistic[], opts: BootstrapOptions = {}): Float64Array[] {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  const multiplicity = new Uint32Array(nCases);
  const values = statistics.map(() => new Float64Array(resamples));
  const prepared = preparedDraws.get(drawsKey(seed, nCases, resamples));
  if (prepared) {
    drawResamples(prepared);
    const all = prepared.multiplicities;
    for (let b = 0; b < resamples; b++) {
      // A copy, so that no statistic can touch the kept draws.
      multiplicity.set(all.subarray(b * nCases, (b + 1) * nCases));
      for (let s = 0; s < statistics.length; s++) values[s]![b] = statistics[s]!(multiplicity);
    }
    return values.map(finiteSorted);
  }
  const rng = xoroshiro128plus(seed);
  const scale = nCases / 2 ** 32;
  for (let b = 0; b < resamples; b++) {
    multiplicity.fill(0);
    for (let i = 0; i < nCases; i++) multiplicity[((rng.next() >>> 0) * scale) | 0]!++;
    for (let s = 0; s < statistics.length; s++) values[s]![b] = statistics[s]!(multiplicity);
  }
  return values.map(finiteSorted);
}

/**
 * Resample draws made ahead (see {@link prepareResamples}): every resample's multiplicities, in order, from the
 * same generator clusterBootstrap would start, and how many resamples are drawn so far.
 */
interface ResampleDraws {
  nCases: number;
  resamples: number;
  rng: ReturnType<typeof xoroshiro128plus>;
  drawn: number;
  multiplicities: Uint32Array;
}

const preparedDraws = new Map<string, ResampleDraws>();
const drawsKey = (seed: number, nCases: number, resamples: number) => `${seed}:${nCases}:${resamples}`;
/** Draws kept ahead at most, in multiplicities (4 bytes each): 10 MB, 250 cases at 10,000 resamples. */
export const MAX_PREPARED_DRAWS = 2_500_000;
const MAX_KEPT_DRAWS = 4;

/**
 * Draw up to `budget` more resamples into `draws`, continuing its generator: the multiplicities come out exactly
 * as clusterBootstrap's own loop draws them (the same multiply-shift onto [0, nCases), below).
 */
function drawResamples(draws: ResampleDraws, budget = Number.POSITIVE_INFINITY): void {
  const { nCases, rng, multiplicities } = draws;
  // Multiply-shift maps a 32-bit draw onto [0, nCases) (Lemire, "Fast random integer generation in an interval",
  // ACM TOMACS 29(1), 2019) without the rejection step: the bias is below nCases / 2³², far under the Monte
  // Carlo error of any interval here, and it keeps the inner loop at one draw per case.
  const scale = nCases / 2 ** 32;
  for (let k = 0; k < budget && draws.drawn < draws.resamples; k++) {
    const offset = draws.drawn * nCases;
    for (let i = 0; i < nCases; i++) multiplicities[offset + (((rng.next() >>> 0) * scale) | 0)]!++;
    draws.drawn++;
  }
}

/**
 * Make the resample draws of a bootstrap over `nCases` cases ahead of its data, a few milliseconds at a time
 * (yielding between slices), for clusterBootstrap to read. Skipped above {@link MAX_PREPARED_DRAWS}.
 */
export async function prepareResamples(nCases: number, opts: BootstrapOptions & { sliceMs?: number } = {}): Promise<void> {
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!(Number.isInteger(nCases) && nCases >= 1) || nCases * resamples > MAX_PREPARED_DRAWS) return;
  const key = drawsKey(seed, nCases, resamples);
  const draws = preparedDraws.get(key) ?? keepDraws(key, { nCases, resamples, rng: xoroshiro128plus(seed), drawn: 0, multiplicities: new Uint32Array(nCases * resamples) });
  await inSlices(
    () => draws.drawn >= resamples,
    () => drawResamples(draws, 64),
    opts.sliceMs ?? 4,
  );
}

/** Keeps `draws` under `key`, the oldest kept draws making room past {@link MAX_KEPT_DRAWS}. */
function keepDraws(key: string, draws: ResampleDraws): ResampleDraws {
  if (preparedDraws.size >= MAX_KEPT_DRAWS) preparedDraws.delete(preparedDraws.keys().next().value!);
  preparedDraws.set(key, draws);
  return draws;
}

/** Runs `step` until `done`, a slice of about `sliceMs` at a time, yielding to the event loop after each slice. */
async function inSlices(done: () => boolean, step: () => void, sliceMs: number): Promise<void> {
  while (!done()) {
    const started = performance.now();
    while (!done() && performance.now() - started < sliceMs) step();
    await nextTurn();
  }
}

function finiteSorted(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) values[n++] = values[i]!;
  return values.subarray(0, n).sort();
}

/** Percentile interval (Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, §13.3) of a sorted distribution. */
export function bootstrapInterval(sorted: Float64Array, confidence: number): [number, number] | null {
  if (sorted.length === 0) return null;
  const alpha = 1 - confidence;
  const values = Array.from(sorted);
  return [quantileSorted(values, alpha / 2), quantileSorted(values, 1 - alpha / 2)];
}

/**
 * The percentile level the expanded percentile interval reads for nominal one-sided level `u` with `nCases`
 * clusters (Hesterberg, "What Teachers Should Know About the Bootstrap", The American Statistician 69(4), 2015,
 * §6.2): Φ(√(n/(n−1)) · t_{n−1}(u)). The percentile interval is too narrow for small n — it ignores that the
 * spread is itself estimated, as z does where t is due — and the expansion puts that back: at 20 cases the 95%
 * interval reads the 1.6th and 98.4th percentiles, at 100 cases the 2.3rd and 97.7th. docs/statistics.md has the
 * coverage it buys on the p95 ratio.
 */
export function expandedLevel(u: number, nCases: number): number {
  if (nCases < 2) return u;
  return normalCdf(Math.sqrt(nCases / (nCases - 1)) * tQuantile(u, nCases - 1));
}

/** Expanded percentile interval (see {@link expandedLevel}) of a sorted bootstrap distribution over `nCases` cases. */
export function expandedPercentileInterval(sorted: Float64Array, confidence: number, nCases: number): [number, number] | null {
  if (sorted.length === 0) return null;
  const values = sorted as unknown as number[];
  const alpha = 1 - confidence;
  return [quantileSorted(values, expandedLevel(alpha / 2, nCases)), quantileSorted(values, expandedLevel(1 - alpha / 2, nCases))];
}

/**
 * A confidence distribution on a grid (Xie & Singh, "Confidence Distribution, the Frequentist Distribution
 * Estimator of a Parameter", International Statistical Review 81(1), 2013): `points` values, sorted ascending,
 * the j-th being the one-sided lower confidence bound at level 1 − (j + ½)/points. Its percentiles are the
 * interval's ends, and the share of it at or below a threshold is the one-sided p-value for "above the threshold"
 * — so {@link bootstrapPValueAbove} reads it exactly as it reads a bootstrap distribution (which is the
 * percentile interval's confidence distribution), and the gate's verdicts agree with the interval shown.
 */
export type ConfidenceGrid = Float64Array;

/**
 * Level points for a grid of `points` values over `nCases` cases, kept from one review to the next and filled ahead
 * by {@link prepareGridLevels}: the t quantiles t_{n−1}(u_j), u_j = (j + ½)/points (t-grid.ts), the expanded levels
 * Φ(√(n/(n−1)) · t_{n−1}(u_j)) read from them, and the t critical values −t_{n−1}(u_j) Fieller's grid needs.
 */
interface GridLevels {
  nCases: number;
  points: number;
  t: TGridState;
  expanded: Float64Array | null;
  criticals: Float64Array | null;
}

const gridLevels = new Map<string, GridLevels>();
/** Grids kept at once; each is three arrays of `points` numbers (240 KB at 10,000). */
const MAX_KEPT_GRIDS = 16;

function gridLevelsFor(nCases: number, points: number): GridLevels {
  const key = `${nCases}:${points}`;
  let levels = gridLevels.get(key);
  if (!levels) {
    if (gridLevels.size >= MAX_KEPT_GRIDS) gridLevels.delete(gridLevels.keys().next().value!);
    levels = { nCases, points, t: startTGrid(nCases - 1, points), expanded: null, criticals: null };
    gridLevels.set(key, levels);
  }
  return levels;
}

function expandedLevels(levels: GridLevels): Float64Array {
  if (!levels.expanded) {
    fillTGrid(levels.t);
    const t = levels.t.values;
    const scale = Math.sqrt(levels.nCases / (levels.nCases - 1));
    const expanded = new Float64Array(levels.points);
    for (let j = 0; j < expanded.length; j++) expanded[j] = fastNormalCdf(scale * t[j]!);
    levels.expanded = expanded;
  }
  return levels.expanded;
}

function criticalValues(levels: GridLevels): Float64Array {
  if (!levels.criticals) {
    fillTGrid(levels.t);
    levels.criticals = levels.t.values.map((t) => -t);
  }
  return levels.criticals;
}

/**
 * How far (in level) the fast expanded level may be from {@link expandedLevel}'s. The two differ by under 1e-12
 * (t-grid.ts: ≤ 3e-13 relative on the t quantile; the two normal CDFs agree to 1e-12 relative), so this leaves a
 * margin of 1,000; see {@link readAtLevels} for what it decides.
 */
const LEVEL_BAND = 1e-9;

/**
 * Work through the grids a review will read — one per distinct case count — a few milliseconds at a time,
 * yielding to the event loop between slices (setImmediate), so that it runs while model calls are in flight and
 * the statistics after the last call find them ready. The grids come out the same however the work is sliced,
 * and whether or not this ran: it only moves the work earlier. Resolves when every grid is ready.
 */
export async function prepareGridLevels(caseCounts: Iterable<number>, points = DEFAULT_RESAMPLES, sliceMs = 4): Promise<void> {
  for (const nCases of new Set(caseCounts)) {
    if (!(Number.isInteger(nCases) && nCases >= 2)) continue;
    const levels = gridLevelsFor(nCases, points);
    await inSlices(
      () => tGridDone(levels.t),
      () => fillTGrid(levels.t, 64),
      sliceMs,
    );
    expandedLevels(levels);
    criticalValues(levels);
    await nextTurn();
  }
}

/** The expanded percentile interval's confidence grid: the bootstrap distribution read at the expanded levels. */
export function expandedConfidenceGrid(sorted: Float64Array, nCases: number, points = DEFAULT_RESAMPLES): ConfidenceGrid {
  if (sorted.length === 0) return new Float64Array(0);
  if (nCases < 2) {
    const values = sorted as unknown as number[];
    const grid = new Float64Array(points);
    for (let j = 0; j < points; j++) grid[j] = quantileSorted(values, (j + 0.5) / points);
    return grid;
  }
  return readAtLevels(sorted, expandedLevels(gridLevelsFor(nCases, points)), (j) => expandedLevel((j + 0.5) / points, nCases));
}

/**
 * `sorted` read (quantileSorted, type 7) at each of `levels`, fast levels within {@link LEVEL_BAND} of `exact(j)`.
 * The read interpolates between the values at ⌊(length − 1) · level⌋ and the one above, so the two levels read
 * values that differ in the last digits only (a few 1e-16 relative), except in one place: where
 * (length − 1) · level is a whole number the exact level reads a value of the distribution itself, exactly, and
 * a threshold at that value (latencies in whole milliseconds make such ties common) must compare the same way.
 * So within the band of a whole number the exact level is computed and read.
 */
export function readAtLevels(sorted: Float64Array, levels: Float64Array, exact: (j: number) => number): Float64Array {
  const values = sorted as unknown as number[];
  const last = sorted.length - 1;
  const band = sorted.length * LEVEL_BAND;
  const grid = new Float64Array(levels.length);
  for (let j = 0; j < levels.length; j++) {
    const level = levels[j]!;
    const at = last * level;
    if (Math.abs(at - Math.round(at)) <= band) {
      grid[j] = quantileSorted(values, exact(j));
    } else {
      // quantileSorted's interpolation, inline (it is called 10,000 times a grid); `at` is not a whole number here,
      // and 0 < level < 1 (a level of 0 or 1 puts `at` on one).
      const lower = Math.floor(at);
      grid[j] = sorted[lower]! + (at - lower) * (sorted[lower + 1]! - sorted[lower]!);
    }
  }
  return grid;
}

/** Whether the grid for `nCases` cases and `points` points is ready (prepareGridLevels has finished it). */
export function gridLevelsReady(nCases: number, points = DEFAULT_RESAMPLES): boolean {
  const levels = gridLevels.get(`${nCases}:${points}`);
  return !!levels?.expanded && !!levels.criticals;
}

/** The grid's level points as one-sided t critical values c_j = t_df(1 − u_j), cached per df: see fieller.ts. */
export function tGridCriticals(df: number, points: number): Float64Array {
  return criticalValues(gridLevelsFor(df + 1, points));
}

/**
 * One-sided bootstrap p-value for "the statistic is above `threshold`" against H0 "it is at or below": the share
 * of resamples at or below the threshold, (1 + #{θ* ≤ t}) / (B + 1) (Davison & Hinkley 1997, eq. 4.11), which
 * inverts the percentile interval: the interval's lower end is above t exactly when this is below α/2.
 */
export function bootstrapPValueAbove(sorted: Float64Array, threshold: number): number {
  if (sorted.length === 0) return 1;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= threshold) lo = mid + 1;
    else hi = mid;
  }
  return (1 + lo) / (sorted.length + 1);
}

/** Pool of one variant's per-call values, sorted descending, each tagged with its case. */
interface CallPool {
  values: Float64Array;
  caseOf: Uint32Array;
  /** The most common number of calls per case, and the cases that differ from it with their difference. */
  typicalCalls: number;
  irregularCases: Uint32Array;
  irregularExtra: Int32Array;
}

function callPool(byCase: readonly (readonly number[] | null)[]): CallPool {
  const callsPerCase = new Uint32Array(byCase.length);
  let total = 0;
  byCase.forEach((calls, c) => {
    callsPerCase[c] = calls?.length ?? 0;
    total += calls?.length ?? 0;
  });
  const order: { v: number; c: number }[] = [];
  byCase.forEach((calls, c) => {
    for (const v of calls ?? []) order.push({ v, c });
  });
  order.sort((a, b) => b.v - a.v);
  const values = new Float64Array(total);
  const caseOf = new Uint32Array(total);
  order.forEach(({ v, c }, i) => {
    values[i] = v;
    caseOf[i] = c;
  });
  const frequency = new Map<number, number>();
  for (const k of callsPerCase) frequency.set(k, (frequency.get(k) ?? 0) + 1);
  let typicalCalls = 0;
  for (const [k, f] of frequency) if (f > (frequency.get(typicalCalls) ?? 0)) typicalCalls = k;
  const irregular = [...callsPerCase.keys()].filter((c) => callsPerCase[c] !== typicalCalls);
  return {
    values,
    caseOf,
    typicalCalls,
    irregularCases: Uint32Array.from(irregular),
    irregularExtra: Int32Array.from(irregular, (c) => callsPerCase[c]! - typicalCalls),
  };
}

/**
 * Quantile p (type 7, as `percentiles`) of the pool every call of a case repeated `multiplicity[case]` times.
 * Walks from the top, so a p95 reads about 5% of the calls; equals simple-statistics' quantileSorted on the
 * expanded pool.
 */
function resampledQuantile(pool: CallPool, multiplicity: Uint32Array, p: number): number {
  // Σ multiplicity·calls, from the fact that the multiplicities sum to the number of cases: only the cases
  // with an unusual number of calls (errors, a variant not run) need a look.
  let calls = pool.typicalCalls * multiplicity.length;
  for (let j = 0; j < pool.irregularCases.length; j++) calls += multiplicity[pool.irregularCases[j]!]! * pool.irregularExtra[j]!;
  if (calls === 0) return NaN;
  const h = (calls - 1) * p;
  const lo = Math.floor(h);
  const fraction = h - lo;
  // Positions counted from the top of the expanded pool: lo sits at calls-1-lo, lo+1 one place above it.
  const fromTopLo = calls - 1 - lo;
  const fromTopHi = fromTopLo - 1;
  let seen = 0;
  let upper = NaN;
  for (let i = 0; i < pool.values.length; i++) {
    seen += multiplicity[pool.caseOf[i]!]!;
    if (seen > fromTopHi && Number.isNaN(upper)) upper = pool.values[i]!;
    if (seen > fromTopLo) {
      const lower = pool.values[i]!;
      return fraction === 0 ? lower : lower + fraction * (upper - lower);
    }
  }
  return NaN;
}

/**
 * Ratio candidate/baseline of a quantile (default p95) of all calls in the resampled cases. `baseline[c]` and
 * `candidate[c]` are case c's call values (latencies), null when the variant did not run for it.
 */
export function quantileRatioStatistic(baseline: readonly (readonly number[] | null)[], candidate: readonly (readonly number[] | null)[], p = 0.95): ResampleStatistic {
  const b = callPool(baseline);
  const c = callPool(candidate);
  return (multiplicity) => resampledQuantile(c, multiplicity, p) / resampledQuantile(b, multiplicity, p);
}

/**
 * Ratio candidate/baseline of the mean over the resampled cases of a per-case value (mean cost per case);
 * null where the variant has no value for the case.
 */
export function meanRatioStatistic(baseline: readonly (number | null)[], candidate: readonly (number | null)[]): ResampleStatistic {
  const n = baseline.length;
  const bValue = new Float64Array(n);
  const cValue = new Float64Array(n);
  const bHas = new Uint8Array(n);
  const cHas = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const bv = baseline[i];
    const cv = candidate[i];
    if (bv !== null && bv !== undefined) [bValue[i], bHas[i]] = [bv, 1];
    if (cv !== null && cv !== undefined) [cValue[i], cHas[i]] = [cv, 1];
  }
  const everyCaseHasBoth = bHas.every((h) => h === 1) && cHas.every((h) => h === 1);
  if (everyCaseHasBoth) {
    // The counts are both the number of cases, so the ratio of means is the ratio of sums.
    return (multiplicity) => {
      let bSum = 0;
      let cSum = 0;
      for (let i = 0; i < n; i++) {
        const m = multiplicity[i]!;
        bSum += m * bValue[i]!;
        cSum += m * cValue[i]!;
      }
      return cSum / bSum;
    };
  }
  return (multiplicity) => {
    let bSum = 0;
    let bCount = 0;
    let cSum = 0;
    let cCount = 0;
    for (let i = 0; i < n; i++) {
      const m = multiplicity[i]!;
      bSum += m * bValue[i]!;
      bCount += m * bHas[i]!;
      cSum += m * cValue[i]!;
      cCount += m * cHas[i]!;
    }
    return cSum / cCount / (bSum / bCount);
  };
}

export interface BootstrapRatio {
  /** Percentile interval, null when no resample gave a finite ratio. */
  ci: [number, number] | null;
  /** Finite resampled ratios, sorted ascending (for p-values against a threshold). */
  distribution: Float64Array;
}

/** Seeded cluster-bootstrap interval of one ratio statistic over `nCases` cases (≥ 10,000 resamples by default). */
export function clusterBootstrapRatio(statistic: ResampleStatistic, nCases: number, opts: BootstrapOptions & { confidence: number }): BootstrapRatio {
  const [distribution] = clusterBootstrap(nCases, [statistic], opts);
  return { ci: bootstrapInterval(distribution!, opts.confidence), distribution: distribution! };
}
