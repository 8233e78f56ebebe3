import { z } from 'zod';

/**
 * What the gate decides, as the report stores it: a verdict per rule, suite and review, and (from src/changes/types.ts)
 * the kinds of change a suite can have, which decide the rules that apply. The report's schema (src/report/schema.ts)
 * holds these as they are; they live here, below it, so the gate imports nothing from the report.
 */

export const VerdictSchema = z.enum(['pass', 'fail', 'inconclusive', 'error', 'skipped']);
export type Verdict = z.infer<typeof VerdictSchema>;

// The kinds of change are the change's (src/changes/types.ts); the gate decides with them.
export { ChangeKindSchema, type ChangeKind } from '../changes/types.js';

export const RuleResultSchema = z.object({
  rule: z.string(),
  verdict: VerdictSchema,
  detail: z.string(),
  /** extension: Holm-adjusted one-sided p-value for "worse than the allowed threshold", where the rule tests one. */
  p_adjusted: z.number().nullable().optional(),
  /**
   * extension: for an inconclusive rule, the cases that would make this rule's interval narrow enough to settle it,
   * from the observed per-case variance; null when no number of cases would (the estimate sits on the threshold).
   */
  cases_needed: z.number().nullable().optional(),
});
export type RuleResult = z.infer<typeof RuleResultSchema>;
