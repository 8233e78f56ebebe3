import { mean, sampleVariance } from 'simple-statistics';
import { normalQuantile, tCdf, tCritical } from './t-distribution.js';

/**
 * Intervals on a mean over cases (docs/contract.md §5): the eval's cases are a sample from a population of possible inputs,
 * so the unit of analysis is the case, and a case's k samples only make its own value less noisy (Miller,
 * "Adding Error Bars to Evals", arXiv:2411.00640, 2024: clustered standard errors, paired differences).
 *
 * The reference is the t interval on per-case values: mean ± t_{n−1, 1−α/2} · s/√n. On pass/fail data it fails
 * in a known way: with few cases at a pass rate near 0 or 1, most cases are identical under both variants, the
 * sample variance is too small (zero when every case agrees) and the interval too narrow. The fix is the one
 * Agresti and co-authors use for binomial intervals: add a few pseudo-observations before the Wald/t step.
 *
 * - Paired delta: one pseudo-case at +1 and one at −1, each of weight 1/(2k̄) — half a discordant *sample* each
 *   way, with k̄ the mean samples per case per variant. This is Agresti & Min's adjustment for matched pairs
 *   ("Simple improved confidence intervals for comparing matched proportions", Stat. Med. 24:729–740, 2005: add
 *   ½ to every cell of the 2×2 table) applied at the sample level, without the concordant cells: those only pull
 *   the variance toward zero, and with them coverage at p = 0.95, n = 20, k = 1, δ = −0.1 is 93.9% instead of
 *   97.0%. Scaling by 1/k̄ keeps the width cost small when each case has many samples (unscaled ½ pseudo-cases
 *   make the interval 1.63× the plain t at n = 20, k = 5, p = 0.95; scaled, 1.17×).
 *   Measured by `npm run bench:stats` (seeded, 20,000 trials per cell): 95.2–100% coverage on the contract grid (docs/contract.md §5)
 *   where the plain t drops to 92.9%, and median width 1.004–1.013× the plain paired t at n = 100, p = 0.5.
 * - Absolute rate: z²/2 pseudo-passes and z²/2 pseudo-fails in sample units (weight z²/(2k̄) at 1 and at 0) —
 *   Agresti & Coull ("Approximate is better than 'exact'…", Am. Stat. 52:119–126, 1998), whose add-z²/2 rule
 *   the plain t interval needs even more than the paired one (t alone covers 64% at p = 0.95, n = 20, k = 1;
 *   this interval 98%).
 *
 * The centre moves toward 0 (delta) or ½ (rate) by O(1/(n·k̄)); the reported estimate stays the plain mean.
 * Degrees of freedom stay n − 1: the pseudo-observations add no information about the spread between cases.
 */

export interface MeanInterval {
  /** Plain mean over cases: the number to report. */
  estimate: number;
  /** Two-sided interval at the requested confidence, clipped to the range of the values. */
  ci: [number, number];
  /** Centre of the interval: the mean including the pseudo-observations. */
  center: number;
  /** Standard error of `center` (Infinity with fewer than two cases). */
  se: number;
  /** Per-case standard deviation including the pseudo-observations (NaN with fewer than two cases). */
  sd: number;
  df: number;
  /** Cases in the interval. */
  n: number;
  /** Mean successful samples per case per variant (k̄). */
  repeats: number;
  /**
   * Mean over cases of the sampling variance of the case's value (var/k per variant, summed for a difference):
   * the part of the per-case variance more repeats would remove. null when no case has ≥ 2 samples per variant.
   */
  withinVariance: number | null;
  confidence: number;
  method: string;
}

export interface PairedDelta extends MeanInterval {
  /** Two-sided p-value for "no change" (mean delta = 0), from the same t statistic as the interval. */
  pValue: number;
}

export const PAIRED_METHOD = 'paired t on per-case differences, ½ pseudo-discordant sample each way (Agresti–Min)';
export const PROPORTION_METHOD = 't on per-case means, z²/2 pseudo-passes and -fails (Agresti–Coull)';

interface Pseudo {
  value: number;
  weight: number;
}

/** Weighted mean and t interval of `values` plus pseudo-observations; df = n − 1 (see the comment at the top). */
function augmentedT(values: readonly number[], pseudo: readonly Pseudo[], confidence: number, range: [number, number]) {
  const n = values.length;
  let total = n;
  let sum = 0;
  for (const v of values) sum += v;
  for (const p of pseudo) {
    total += p.weight;
    sum += p.weight * p.value;
  }
  const center = sum / total;
  if (n < 2) {
    return { center, se: Infinity, sd: NaN, df: 0, ci: [range[0], range[1]] as [number, number] };
  }
  let squares = 0;
  for (const v of values) squares += (v - center) ** 2;
  for (const p of pseudo) squares += p.weight * (p.value - center) ** 2;
  const variance = squares / (total - 1);
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(total);
  const df = n - 1;
  const half = tCritical(confidence, df) * se;
  const ci: [number, number] = [Math.max(range[0], center - half), Math.min(range[1], center + half)];
  return { center, se, sd, df, ci };
}

/** Sampling variance of one case's mean score (s²/k), or null with fewer than two samples. */
function varianceOfCaseMean(scores: readonly number[]): number | null {
  return scores.length >= 2 ? sampleVariance(scores as number[]) / scores.length : null;
}

/** One case's successful sample scores under both variants, with their sample indexes when known (absent: 0, 1, 2, …). */
export interface SamplePair {
  baseline: readonly number[];
  candidate: readonly number[];
  baselineIndex?: readonly number[];
  candidateIndex?: readonly number[];
}

const plainDelta = (p: SamplePair) => mean(p.candidate as number[]) - mean(p.baseline as number[]);

/**
 * Interval on the mean over cases of (candidate − baseline), each case's value being the mean of its samples, or
 * `caseDelta` of them: an estimator of the case's difference that stays unbiased under the sampling design (the
 * sequential design's, src/stats/sequential.ts). `pairs` holds each case's successful sample scores in [0,1]
 * under both variants; a pair with an empty side is left out (it says nothing about the difference). Returns null
 * when no pair is left.
 */
export function pairedDeltaInterval(pairs: readonly SamplePair[], confidence: number, caseDelta: (pair: SamplePair) => number = plainDelta): PairedDelta | null {
  const deltas: number[] = [];
  let samples = 0;
  let within = 0;
  let withinCases = 0;
  for (const p of pairs) {
    if (p.baseline.length === 0 || p.candidate.length === 0) continue;
    deltas.push(caseDelta(p));
    samples += p.baseline.length + p.candidate.length;
    const vb = varianceOfCaseMean(p.baseline);
    const vc = varianceOfCaseMean(p.candidate);
    if (vb !== null && vc !== null) {
      within += vb + vc;
      withinCases++;
    }
  }
  const n = deltas.length;
  if (n === 0) return null;
  const repeats = samples / (2 * n);
  const weight = 1 / (2 * repeats);
  const pseudo = [
    { value: 1, weight },
    { value: -1, weight },
  ];
  const t = augmentedT(deltas, pseudo, confidence, [-1, 1]);
  const pValue = n < 2 ? 1 : Math.min(1, 2 * tCdf(-Math.abs(t.center / t.se), t.df));
  return {
    estimate: mean(deltas),
    ...t,
    n,
    repeats,
    withinVariance: withinCases > 0 ? within / withinCases : null,
    confidence,
    pValue,
    method: PAIRED_METHOD,
  };
}

/**
 * Interval on the mean over cases of one variant's per-case mean score (an absolute pass rate: added prompts,
 * cases-only changes). `perCase` holds each case's successful sample scores in [0,1]; empty cases are left out.
 */
export function proportionInterval(perCase: readonly (readonly number[])[], confidence: number): MeanInterval | null {
  const values: number[] = [];
  let samples = 0;
  let within = 0;
  let withinCases = 0;
  for (const scores of perCase) {
    if (scores.length === 0) continue;
    values.push(mean(scores as number[]));
    samples += scores.length;
    const v = varianceOfCaseMean(scores);
    if (v !== null) {
      within += v;
      withinCases++;
    }
  }
  const n = values.length;
  if (n === 0) return null;
  const repeats = samples / n;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const weight = (z * z) / (2 * repeats);
  const t = augmentedT(
    values,
    [
      { value: 1, weight },
      { value: 0, weight },
    ],
    confidence,
    [0, 1],
  );
  return {
    estimate: mean(values),
    ...t,
    n,
    repeats,
    withinVariance: withinCases > 0 ? within / withinCases : null,
    confidence,
    method: PROPORTION_METHOD,
  };
}

/**
 * One-sided p-value for "the true mean is below `threshold`" against H0 "it is at or above": small when the
 * data say the mean is confidently below. The same t statistic as the interval, shifted to the threshold.
 */
export function pValueBelow(interval: MeanInterval, threshold: number): number {
  if (!(interval.se < Infinity)) return 1;
  return tCdf((interval.center - threshold) / interval.se, interval.df);
}
