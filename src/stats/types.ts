/** One variant's successful samples of one case. null in CaseSamples = the variant was not run (prompt added/deleted). */
export interface VariantSamples {
  /** One score in [0,1] per successful sample: 1/0 for pass/fail unless an assertion grades. */
  scores: number[];
  /** One latency per successful sample, same order as `scores`. */
  latenciesMs: number[];
  /** One USD cost per successful sample, same order as `scores`. */
  costUsd: number[];
  /** Samples that failed after retries: counted, never scored. */
  errors: number;
  /**
   * Per successful sample, same order as `scores`: true when the call was made in this run, false when its answer
   * came from the response cache (its latency is an old measurement). Absent: every sample was made in this run.
   */
  fresh?: boolean[];
  /**
   * Per successful sample, same order as `scores`: its sample index (0 … repeats − 1), which pairs it with the
   * other variant's sample of the same index (the two were started side by side). Absent: 0, 1, 2, …
   */
  sampleIndex?: number[];
}

export interface CaseSamples {
  id: string;
  tags: string[];
  baseline: VariantSamples | null;
  candidate: VariantSamples | null;
}

export interface MeasureOptions {
  /** Two-sided confidence of every interval, e.g. 0.95 (`gate.confidence`). */
  confidence: number;
  /** Bootstrap seed: same data and seed → same interval. Default DEFAULT_SEED. */
  seed?: number;
  /** Bootstrap resamples. Default DEFAULT_RESAMPLES (10,000). */
  resamples?: number;
  /**
   * The suite was sampled by the sequential design (src/stats/sequential.ts): the pass-rate delta, its interval and
   * the suite's rates use the design's unbiased per-case estimator instead of the plain mean (docs/sequential.md).
   */
  sequential?: boolean;
}

export const DEFAULT_SEED = 0x5eed;
export const DEFAULT_RESAMPLES = 10_000;

/**
 * The stats' own output shapes: what `measureSuite` returns. The report's schema (src/report/schema.ts) checks that
 * they fit its fields, so the statistics never depend on the report.
 */
export type Interval = [number, number];

export interface PassRateMeasurement {
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  ci: Interval | null;
  p_value: number | null;
  method?: string;
  candidate_ci?: Interval | null;
  cases_needed?: number | null;
}

export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  p99?: number | null;
}

export interface LatencyMeasurement {
  baseline: LatencyPercentiles | null;
  candidate: LatencyPercentiles | null;
  p95_ratio: number | null;
  p95_ratio_ci: Interval | null;
  /** Set when p95_ratio is null for a reason the reader should know (every call cached, too few fresh pairs). */
  not_compared?: string;
}

export interface CostMeasurement {
  baseline_per_case: number | null;
  candidate_per_case: number | null;
  ratio: number | null;
  ratio_ci: Interval | null;
  baseline_per_pass?: number | null;
  candidate_per_pass?: number | null;
}

/** Pass rates of a group of cases (a tag's, the holdout cases'), with the paired interval on the delta. */
export interface GroupPassRate {
  n_cases: number;
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  ci: Interval | null;
}

export interface TagPassRate extends GroupPassRate {
  tag: string;
}

/**
 * Cases tagged `holdout` are the team's overfitting check (docs/change-note.md): measured apart from the rest, in
 * their own row and their own optional gate rule.
 */
export const HOLDOUT_TAG = 'holdout';

export function isHoldout(c: { tags: readonly string[] }): boolean {
  return c.tags.includes(HOLDOUT_TAG);
}

/**
 * A case is flaky at base when its baseline samples disagree with each other: some passed, some failed. Its flip
 * may be the model's noise rather than the change's doing. One sample cannot disagree with itself.
 */
export function flakyAtBase(baseline: { passed: number; runs: number } | null): boolean {
  return baseline !== null && baseline.runs >= 2 && baseline.passed > 0 && baseline.passed < baseline.runs;
}
