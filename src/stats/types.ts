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
}

export const DEFAULT_SEED = 0x5eed;
export const DEFAULT_RESAMPLES = 10_000;
