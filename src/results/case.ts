/**
 * One case's results, as the results stage hands them on: the report stores them as they are (its schema,
 * src/report/schema.ts, checks at compile time that this shape fits its `cases`). The shape lives here, below the
 * report, so results/ imports nothing from it (docs/architecture.md, "Layers"). Field names are the report's.
 */

/** One variant's samples of a case: how many passed every assertion, how many were scored, and failed calls. */
export interface VariantCount {
  passed: number;
  runs: number;
  /** Calls that failed after retries: never scored, absent when there were none. */
  errors?: number;
}

export interface CaseResult {
  id: string;
  tags: string[];
  /** Null when the variant did not run (an added or deleted prompt). */
  baseline: VariantCount | null;
  candidate: VariantCount | null;
  /** One output per variant, truncated, for the flipped-cases section (see caseOutputs in ./case-outputs.ts). */
  outputs?: { baseline?: string | null; candidate?: string | null };
  /** Whether the sample shown in `outputs` passed, per variant. */
  output_passed?: { baseline?: boolean | null; candidate?: boolean | null };
  /** The first failing assertion's reason per variant, where a sample failed. */
  reasons?: { baseline?: string | null; candidate?: string | null };
  /** True when the case's baseline samples disagree with each other; absent otherwise. */
  flaky_at_base?: boolean;
}
