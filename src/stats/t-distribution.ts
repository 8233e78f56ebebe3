import tCdfStdlib from '@stdlib/stats-base-dists-t-cdf';
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';

/** Student-t quantile: the x with P(T_df ≤ x) = p. */
export function tQuantile(p: number, df: number): number {
  return tQuantileStdlib(p, df);
}

/** Student-t CDF: P(T_df ≤ x). */
export function tCdf(x: number, df: number): number {
  return tCdfStdlib(x, df);
}

/** The t critical value of a two-sided interval at `confidence`. */
export function tCritical(confidence: number, df: number): number {
  return tQuantile(1 - (1 - confidence) / 2, df);
}

/**
 * Standard normal quantile, as the t quantile's limit for df → ∞ (stdlib returns NaN for df = Infinity; at
 * df = 1e15 the difference from the normal is below 1e-13). simple-statistics' `probit` is only good to ~3
 * digits (1.9572 for 0.975), too coarse for reference checks.
 */
export function normalQuantile(p: number): number {
  return tQuantile(p, 1e15);
}

/** Standard normal CDF Φ, as the t CDF's limit for df → ∞ (see normalQuantile). */
export function normalCdf(x: number): number {
  return tCdfStdlib(x, 1e15);
}
