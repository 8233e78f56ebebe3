import { tCritical } from './t-distribution.js';

/** Beyond this many cases we say "more than 10,000" instead of a number. */
export const MAX_CASES_NEEDED = 10_000;
/** The config's `repeats` cap. */
export const MAX_REPEATS_NEEDED = 100;

/**
 * Cases for a t interval to separate the estimate from a threshold: the smallest n with
 * t_{n−1, 1−α/2} · sd / √n ≤ gap, where sd is the observed per-case standard deviation and gap the distance
 * from the estimate to the threshold (the usual sample-size formula n = (z·σ/E)², solved with t instead of z;
 * the precision-based sample size for a mean). Assumes the per-case spread stays what it is now.
 * null when the estimate sits on the threshold or more than `max` cases would be needed.
 */
export function casesNeeded(args: { sd: number; gap: number; confidence: number; max?: number }): number | null {
  const { sd, gap, confidence } = args;
  const max = args.max ?? MAX_CASES_NEEDED;
  if (!Number.isFinite(sd) || !(gap > 0)) return null;
  if (sd === 0) return 2;
  const fits = (n: number) => tCritical(confidence, n - 1) * (sd / Math.sqrt(n)) <= gap;
  if (!fits(max)) return null;
  // Bisection on n: the half-width falls monotonically in n.
  let lo = 1;
  let hi = max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return Math.max(2, hi);
}

/**
 * Repeats per case that would resolve the same comparison on the same `n` cases. The per-case variance is
 * between-case variance plus sampling variance that falls as 1/k (the one-way random-effects decomposition Miller,
 * "Adding Error Bars to Evals", 2024, uses for resampling each question K times): sd² = B + W, with W the
 * observed sampling variance at k repeats, so at k′ repeats it is B + W·k/k′. Solves t·√((B + W·k/k′)/n) ≤ gap
 * for k′. null when W is unknown (one sample per case), when no k′ can do it (B alone is too wide) or above `max`.
 */
export function repeatsNeeded(args: { sd: number; withinVariance: number | null; repeats: number; n: number; gap: number; confidence: number; max?: number }): number | null {
  const { sd, withinVariance, repeats, n, gap, confidence } = args;
  const max = args.max ?? MAX_REPEATS_NEEDED;
  if (withinVariance === null || !Number.isFinite(sd) || !(gap > 0) || n < 2) return null;
  const within = Math.min(withinVariance, sd * sd);
  const between = sd * sd - within;
  const allowed = (gap / tCritical(confidence, n - 1)) ** 2 * n;
  if (allowed <= between) return null;
  const k = Math.ceil((within * repeats) / (allowed - between));
  return k > max ? null : Math.max(1, k);
}

/**
 * Cases for a bootstrap interval on a ratio to separate the estimate from a threshold, scaling the half-width on
 * the side that faces the threshold as 1/√n on the log scale (the ratio's standard error shrinks as 1/√n; the
 * log makes the interval roughly symmetric). null when the estimate sits on the threshold or beyond `max`.
 */
export function casesNeededForRatio(args: { n: number; estimate: number; ci: [number, number]; threshold: number; max?: number }): number | null {
  const { n, estimate, ci, threshold } = args;
  const max = args.max ?? MAX_CASES_NEEDED;
  if (!(estimate > 0) || !(threshold > 0) || !(ci[0] > 0)) return null;
  const gap = Math.abs(Math.log(estimate) - Math.log(threshold));
  const half = estimate < threshold ? Math.log(ci[1]) - Math.log(estimate) : Math.log(estimate) - Math.log(ci[0]);
  if (!(gap > 0) || !(half >= 0)) return null;
  const needed = Math.ceil(n * (half / gap) ** 2);
  return needed > max ? null : Math.max(2, needed);
}
