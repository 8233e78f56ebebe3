import { pairedDeltaInterval, pValueBelow, type PairedDelta } from './intervals.js';

/**
 * Sequential sampling (docs/sequential.md): a suite's `repeats` becomes the most samples a case may get, and the
 * suite is sampled in rounds that stop as soon as every gated rule is decided.
 *
 * The design, for `repeats` = K:
 * - round 1: sample index 0 of every case, both variants (interleaved as in the fixed design);
 * - round 2 (K ≥ 2): sample index 1 of every case — after it, a case's four samples show whether it is one of the
 *   cases whose samples disagree;
 * - round 3 (K ≥ 3): sample indexes 2 … K − 1 of the cases whose samples disagree, nothing more for the others.
 *
 * After each round every gated rule is decided at that look's confidence ({@link lookConfidences}): the error
 * rate 1 − confidence is split over the looks (α_j = w_j · α, Σ w_j = 1), so by the union bound the chance that
 * any look fails a change that does nothing is at most the sum, (1 − confidence)/2 — whatever the looks' mutual
 * dependence and however the rounds were allocated (Bonferroni; a group-sequential design with alpha spending in
 * the sense of Lan & DeMets 1983, spent at fixed levels per look).
 */

/** Share of the error rate spent at each look, by the number of looks (1, 2 or 3). Tuned by bench/sequential-sim.ts. */
const LOOK_WEIGHTS: Record<number, readonly number[]> = {
  1: [1],
  2: [0.3, 0.7],
  3: [0.1, 0.15, 0.75],
};

/** Rounds (= looks) of a suite with `repeats` samples per case at most. */
export function roundsFor(repeats: number): number {
  return Math.max(1, Math.min(3, repeats));
}

/**
 * The confidence each look's intervals and decisions are computed at: 1 − w_j · (1 − confidence). A rule fails
 * at look j when its one-sided p-value is below w_j · (1 − confidence)/2, so over every look a change that does
 * nothing fails at most (1 − confidence)/2 of the time, as a fixed design does.
 */
export function lookConfidences(confidence: number, repeats: number): number[] {
  const weights = LOOK_WEIGHTS[roundsFor(repeats)]!;
  return weights.map((w) => 1 - w * (1 - confidence));
}

/**
 * Do a case's samples disagree: any two of its samples, under either variant, differ. A case whose samples all
 * agree after two rounds (near-deterministic, the common case in real eval sets) gets nothing more: more repeats
 * would not change its value. The rule is symmetric in the two variants, so with a change that does nothing the
 * per-case difference stays symmetric around zero (docs/sequential.md, "Why the estimate stays honest").
 */
export function disagrees(baseline: readonly number[], candidate: readonly number[]): boolean {
  const first = baseline[0] ?? candidate[0];
  if (first === undefined) return false;
  return baseline.some((s) => s !== first) || candidate.some((s) => s !== first);
}

/**
 * The sample indexes round `round` (1-based) adds to a case, given the scores it has so far (both variants).
 * Empty when the case gets nothing more in that round.
 */
export function roundIndexes(round: number, repeats: number, scores: { baseline: readonly number[]; candidate: readonly number[] }): number[] {
  if (round > roundsFor(repeats)) return [];
  if (round === 1) return [0];
  if (round === 2) return [1];
  if (!disagrees(scores.baseline, scores.candidate)) return [];
  return Array.from({ length: repeats - 2 }, (_, i) => i + 2);
}

export type PassRateDecision = 'pass' | 'fail' | 'inconclusive';

/**
 * The gate's pass-rate rule for one comparison (src/gate/evaluate.ts: fail when the one-sided p-value for "worse
 * than −max_drop" is below (1 − confidence)/2; pass when the interval's lower end is at or above −max_drop), for
 * simulations that must decide thousands of looks without building a report.
 */
export function passRateDecision(
  pairs: readonly { baseline: readonly number[]; candidate: readonly number[] }[],
  confidence: number,
  maxDrop: number,
): { decision: PassRateDecision; delta: PairedDelta | null } {
  const delta = pairedDeltaInterval(pairs, confidence);
  if (!delta) return { decision: 'inconclusive', delta };
  if (pValueBelow(delta, -maxDrop) < (1 - confidence) / 2) return { decision: 'fail', delta };
  if (delta.ci[0] >= -maxDrop) return { decision: 'pass', delta };
  return { decision: 'inconclusive', delta };
}

/**
 * What an inconclusive result at the maximum calls for (req. of docs/sequential.md): more cases when the spread
 * between cases dominates the interval's width, more repeats when the noise within cases does. `withinVariance`
 * is the mean over cases of the sampling variance of a case's value (what more repeats remove), `sd` the per-case
 * standard deviation (which includes it).
 */
export function moreOf(delta: Pick<PairedDelta, 'sd' | 'withinVariance'>): 'cases' | 'repeats' {
  const total = delta.sd * delta.sd;
  const within = delta.withinVariance ?? 0;
  return within > total / 2 ? 'repeats' : 'cases';
}
