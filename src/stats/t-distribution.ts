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
