import { pairedDeltaInterval, pValueBelow, type PairedDelta, type SamplePair } from './intervals.js';
import { CONTINUATION, SELECTION, type Continuation } from './sequential-design.js';

/**
 * Sequential sampling (docs/sequential.md): a suite's `repeats` becomes the most samples a case may get, and the
 * suite is sampled in rounds that stop as soon as every gated rule is decided.
 *
 * The design, for `repeats` = K:
 * - round 1: sample index 0 of every case, both variants (interleaved as in the fixed design);
 * - round 2 (K ≥ 2): sample index 1 of every case — after it, a case's four samples show whether it is one of the
 *   cases whose samples disagree;
 * - round 3 (K ≥ 3): sample indexes 2 … K − 1 of the cases whose samples disagree, and of a unanimous case when
 *   its coin says so (chance CONTINUATION.unanimous); nothing more for the others.
 *
 * Each case is estimated by {@link sequentialEstimate}, unbiased under that allocation, and the per-case
 * differences go to the same paired interval as in the fixed design.
 *
 * After each round every gated rule is decided at that look's confidence ({@link lookConfidences}): the error
 * rate 1 − confidence is split over the looks (α_j = w_j · α, Σ w_j = 1), so by the union bound the chance that
 * any look fails a change that does nothing is at most the sum, (1 − confidence)/2 — whatever the looks' mutual
 * dependence and however the rounds were allocated (Bonferroni; a group-sequential design with alpha spending in
 * the sense of Lan & DeMets 1983, spent at fixed levels per look).
 */

// The design — rounds, looks, allocation — lives in ./sequential-design.ts, without the intervals, so that the
// sampling loop can use it before any statistic is loaded (docs/architecture.md, "Start-up").
export { CONTINUATION, disagrees, lookConfidences, moreOf, roundIndexes, roundsFor, type Continuation } from './sequential-design.js';

/** A variant's successful scores of one case, with their sample indexes (absent: 0, 1, 2, …). */
export interface IndexedScores {
  scores: readonly number[];
  sampleIndex?: readonly number[];
}

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

interface Split {
  sel: number;
  ext: number;
  /** Passes over all of the variant's samples. */
  total: number;
  binary: boolean;
}

function split(v: IndexedScores): Split {
  let sel = 0;
  let ext = 0;
  let total = 0;
  let binary = true;
  v.scores.forEach((s, i) => {
    if ((v.sampleIndex?.[i] ?? i) < SELECTION) sel++;
    else ext++;
    total += s;
    if (s !== 0 && s !== 1) binary = false;
  });
  return { sel, ext, total, binary };
}

const plainMean = (v: IndexedScores) => v.scores.reduce((a, b) => a + b, 0) / v.scores.length;

/**
 * One case's pass-rate estimates under the sequential design, unbiased for the case's pass
 * probabilities whatever the allocation did (docs/sequential.md, "An estimate that stays unbiased").
 *
 * The inverse-probability-weighted estimate of a variant's rate is m₂ + (C/π)(m_extra − m₂): m₂ the mean of the
 * selection samples, m_extra the mean of the extra samples, C whether the case got extra samples and π the
 * chance it did given its selection samples (1 when they disagree, `design.unanimous` when all four agree). Its
 * expectation is the case's rate because the extra samples are independent of the selection samples given the
 * case (Horvitz & Thompson, JASA 47, 1952). That estimate throws the selection samples of every continued case
 * away; its Rao–Blackwellisation — its expectation given the sufficient statistic (C and each variant's total
 * passes) — keeps their information, stays unbiased and has a variance no larger (Rao 1945; Blackwell, Ann. Math.
 * Statist. 18, 1947). Given those and C = 1, each placement of the passes among the samples is as likely as π of
 * the selection pattern it implies, so the conditional expectation is a weighted average over the (passes among
 * the selection samples) of the two variants — at most 9 terms. A continued case gets the same extra indexes
 * whatever its pattern, so no pattern is ruled out by the number of samples it got.
 *
 * A case without extra samples is its plain mean (all its samples are selection samples). A case without both
 * selection and extra samples in a variant (failed calls), or with graded (non 0/1) scores, keeps the plain mean.
 */
export function sequentialEstimate(baseline: IndexedScores, candidate: IndexedScores, design: Continuation = CONTINUATION): { baseline: number; candidate: number } {
  const b = split(baseline);
  const c = split(candidate);
  const plain = { baseline: plainMean(baseline), candidate: plainMean(candidate) };
  if (b.ext + c.ext === 0 || !b.binary || !c.binary || b.sel === 0 || c.sel === 0 || b.ext === 0 || c.ext === 0) return plain;
  let weight = 0;
  let sumB = 0;
  let sumC = 0;
  for (let ab = 0; ab <= b.sel; ab++) {
    const nb = choose(b.sel, ab) * choose(b.ext, b.total - ab);
    if (nb === 0) continue;
    for (let ac = 0; ac <= c.sel; ac++) {
      const nc = choose(c.sel, ac) * choose(c.ext, c.total - ac);
      if (nc === 0) continue;
      const unanimous = (ab === 0 && ac === 0) || (ab === b.sel && ac === c.sel);
      const pi = unanimous ? design.unanimous : 1;
      const n = nb * nc;
      // Σ N·π·(m₂ + (m_extra − m₂)/π) = Σ N·(π·m₂ + m_extra − m₂), over Σ N·π.
      const m2b = ab / b.sel;
      const m2c = ac / c.sel;
      sumB += n * (pi * m2b + (b.total - ab) / b.ext - m2b);
      sumC += n * (pi * m2c + (c.total - ac) / c.ext - m2c);
      weight += n * pi;
    }
  }
  return weight > 0 ? { baseline: sumB / weight, candidate: sumC / weight } : plain;
}

/** The per-case difference (candidate − baseline) under the sequential design: what the paired interval is fed. */
export function sequentialDelta(design: Continuation = CONTINUATION): (pair: SamplePair) => number {
  return (pair) => {
    const e = sequentialEstimate({ scores: pair.baseline, sampleIndex: pair.baselineIndex }, { scores: pair.candidate, sampleIndex: pair.candidateIndex }, design);
    return e.candidate - e.baseline;
  };
}

export type PassRateDecision = 'pass' | 'fail' | 'inconclusive';

/**
 * The gate's pass-rate rule for one comparison (src/gate/evaluate.ts: fail when the one-sided p-value for "worse
 * than −max_drop" is below (1 − confidence)/2; pass when the interval's lower end is at or above −max_drop), for
 * simulations that must decide thousands of looks without building a report. `caseDelta`: the per-case estimator
 * (sequentialDelta for the sequential design; the plain difference of means by default).
 */
export function passRateDecision(
  pairs: readonly { baseline: readonly number[]; candidate: readonly number[] }[],
  confidence: number,
  maxDrop: number,
  caseDelta?: (pair: SamplePair) => number,
): { decision: PassRateDecision; delta: PairedDelta | null } {
  const delta = pairedDeltaInterval(pairs, confidence, caseDelta);
  if (!delta) return { decision: 'inconclusive', delta };
  if (pValueBelow(delta, -maxDrop) < (1 - confidence) / 2) return { decision: 'fail', delta };
  if (delta.ci[0] >= -maxDrop) return { decision: 'pass', delta };
  return { decision: 'inconclusive', delta };
}
