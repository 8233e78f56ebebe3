import { mean, sampleStandardDeviation } from 'simple-statistics';
import { tCritical } from '../../src/stats/index.js';

/**
 * The yardstick of docs/contract.md §5: the plain paired t interval on per-case mean differences (Miller 2024), with no
 * adjustment. Zero width when every case agrees; NaN-free for n ≥ 2.
 */
export function plainPairedT(pairs: readonly { baseline: readonly number[]; candidate: readonly number[] }[], confidence: number): [number, number] {
  const d = pairs.map((p) => mean(p.candidate as number[]) - mean(p.baseline as number[]));
  const m = mean(d);
  const half = (tCritical(confidence, d.length - 1) * sampleStandardDeviation(d)) / Math.sqrt(d.length);
  return [m - half, m + half];
}
