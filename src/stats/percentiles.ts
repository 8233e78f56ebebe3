import { quantileSorted } from 'simple-statistics';

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/**
 * p50/p95/p99 of `values` by linear interpolation between order statistics (Hyndman & Fan type 7, the default
 * of R and numpy, as simple-statistics' quantileSorted computes it). null when there are no values.
 */
export function percentiles(values: readonly number[]): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const asArray = Array.from(sorted);
  return { p50: quantileSorted(asArray, 0.5), p95: quantileSorted(asArray, 0.95), p99: quantileSorted(asArray, 0.99) };
}
