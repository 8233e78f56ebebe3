import type { AssertionSpec } from '../assertions/schema.js';

/** One eval case (docs/contract.md §1), normalised: every case has an id, vars and tags. */
export interface EvalCase {
  /** Explicit `id`, or a stable id derived from the case's content (same content → same id). */
  id: string;
  vars: Record<string, unknown>;
  expected?: unknown;
  tags: string[];
  assert: AssertionSpec[];
  /** 1-based line (JSONL, CSV, YAML) or index+1 (JSON) in the source file, for error messages. */
  line?: number;
}
