import type { PairedDelta } from './intervals.js';

/**
 * The sequential design's rounds, looks and allocation (docs/sequential.md; the estimates and decisions are in
 * ./sequential.ts). Plain arithmetic with no statistics library behind it: the sampling loop
 * (src/review/rounds.ts) needs it before the first model call, and loads nothing more for it.
 */

/** Share of the error rate spent at each look, by the number of looks (1, 2 or 3). Tuned by bench/sequential-sim.ts. */
const LOOK_WEIGHTS: Record<number, readonly number[]> = {
  1: [1],
  2: [0.3, 0.7],
  3: [0.05, 0.1, 0.85],
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
export function lookConfidences(confidence: number, repeats: number, weights: readonly number[] = LOOK_WEIGHTS[roundsFor(repeats)]!): number[] {
  return weights.map((w) => 1 - w * (1 - confidence));
}

/**
 * Do a case's samples disagree: any two of its samples, under either variant, differ. A case whose samples all
 * agree after two rounds (near-deterministic, the common case in real eval sets) gets nothing more: more repeats
 * would not change its value. The rule is symmetric in the two variants, so with a change that does nothing the
 * per-case difference stays symmetric around zero (docs/sequential.md, "An estimate that stays unbiased").
 */
export function disagrees(baseline: readonly number[], candidate: readonly number[]): boolean {
  const first = baseline[0] ?? candidate[0];
  if (first === undefined) return false;
  return baseline.some((s) => s !== first) || candidate.some((s) => s !== first);
}

/**
 * Round 3's allocation (docs/sequential.md, "An estimate that stays unbiased"): a case whose selection samples
 * (indexes 0 and 1, both variants) disagree gets samples 2 … K − 1, and so does a unanimous case with chance
 * `unanimous`. Every outcome pattern has a chance > 0 of more samples, which is what lets
 * {@link sequentialEstimate} stay unbiased. Tuned by bench/sequential-sim.ts (calls against power).
 */
export interface Continuation {
  /** Chance that a case whose four selection samples agree gets samples 2 … K − 1 (drawn with the case's coin). */
  unanimous: number;
}

export const CONTINUATION: Continuation = { unanimous: 0.25 };

/** Samples 0 and 1 decide the allocation (the selection samples); later indexes are the extra samples. */
export const SELECTION = 2;

/**
 * The sample indexes round `round` (1-based) adds to a case, given the scores it has so far (both variants) and the
 * case's coin, uniform on [0, 1) and drawn independently of its samples (src/review/rounds.ts: a hash of the
 * suite, the case and the head commit, so a rerun replays the same rounds). Empty when the case gets nothing more.
 */
export function roundIndexes(round: number, repeats: number, scores: { baseline: readonly number[]; candidate: readonly number[] }, coin: number, design: Continuation = CONTINUATION): number[] {
  if (round > roundsFor(repeats)) return [];
  if (round === 1) return [0];
  if (round === 2) return [1];
  if (!disagrees(scores.baseline, scores.candidate) && !(coin < design.unanimous)) return [];
  return Array.from({ length: repeats - SELECTION }, (_, i) => i + SELECTION);
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
