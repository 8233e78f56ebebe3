import { z } from 'zod';
import { ChangeKindSchema, RuleResultSchema, VerdictSchema } from '../gate/verdict.js';
import type { CaseResult } from '../results/case.js';
import type { CostMeasurement, GroupPassRate as GroupPassRateMeasurement, LatencyMeasurement, PassRateMeasurement, TagPassRate } from '../stats/index.js';

/**
 * The JSON report (docs/contract.md §9). Field names in the contract are fixed; fields marked "extension" are additions
 * documented in the README. The change note (Markdown) is rendered from this report alone, so that a report read
 * back from disk (or merged from shards) renders the same note.
 */

// The verdicts, rules and kinds of change are the gate's (src/gate/verdict.ts); the report holds them.
export { ChangeKindSchema, RuleResultSchema, VerdictSchema, type ChangeKind, type RuleResult, type Verdict } from '../gate/verdict.js';

const Interval = z.tuple([z.number(), z.number()]);
const Percentiles = z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable().optional() });
const Tokens = z.object({ input: z.number(), output: z.number() });
/** Pass rates of a group of cases with the paired interval on the delta: a tag's, the holdout cases'. */
const GroupPassRate = z.object({
  n_cases: z.number(),
  baseline: z.number().nullable(),
  candidate: z.number().nullable(),
  delta: z.number().nullable(),
  ci: Interval.nullable(),
});

const VariantCount = z.object({ passed: z.number(), runs: z.number(), errors: z.number().optional() });

export const CaseReportSchema = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  baseline: VariantCount.nullable(),
  candidate: VariantCount.nullable(),
  /**
   * extension: one output per variant, truncated, for the flipped-cases section. For a case whose pass rate dropped:
   * a passing baseline sample and a failing candidate sample (what the regression looks like); for one whose pass
   * rate rose, the reverse; otherwise the variant's typical sample (see docs/change-note.md).
   */
  outputs: z.object({ baseline: z.string().nullable().optional(), candidate: z.string().nullable().optional() }).optional(),
  /** extension: whether the sample shown in `outputs` passed, per variant, so the note can label it. */
  output_passed: z.object({ baseline: z.boolean().nullable().optional(), candidate: z.boolean().nullable().optional() }).optional(),
  /** extension: the first failing assertion's reason per variant, where a sample failed. */
  reasons: z.object({ baseline: z.string().nullable().optional(), candidate: z.string().nullable().optional() }).optional(),
  /**
   * extension: true when the case's baseline samples disagree with each other (some passed, some failed): its flip
   * may be the model's noise rather than the change's doing. Absent otherwise.
   */
  flaky_at_base: z.boolean().optional(),
});
export type CaseReport = z.infer<typeof CaseReportSchema>;

export const PassRateSchema = z.object({
  baseline: z.number().nullable(),
  candidate: z.number().nullable(),
  delta: z.number().nullable(),
  ci: Interval.nullable(),
  p_value: z.number().nullable(),
  /** extension: interval method, for the note and the README. */
  method: z.string().optional(),
  /** extension: interval on the candidate's absolute pass rate (added prompts, cases-only changes). */
  candidate_ci: Interval.nullable().optional(),
  /**
   * extension: cases needed for the pass-rate interval to settle the pass_rate rule, when that rule is
   * inconclusive (other rules carry their own in `rules[].cases_needed`).
   */
  cases_needed: z.number().nullable().optional(),
});

export const SuiteReportSchema = z.object({
  name: z.string(),
  prompt: z.string(),
  change: ChangeKindSchema,
  verdict: VerdictSchema,
  n_cases: z.number(),
  repeats: z.number(),
  pass_rate: PassRateSchema,
  latency_ms: z.object({
    baseline: Percentiles.nullable(),
    candidate: Percentiles.nullable(),
    p95_ratio: z.number().nullable(),
    p95_ratio_ci: Interval.nullable(),
    /**
     * extension: why the latencies were not compared (too few samples measured in this run on both sides; cached
     * samples are not latency evidence); p95_ratio and p95_ratio_ci are null then.
     */
    not_compared: z.string().optional(),
  }),
  cost_usd: z.object({
    baseline_per_case: z.number().nullable(),
    candidate_per_case: z.number().nullable(),
    ratio: z.number().nullable(),
    ratio_ci: Interval.nullable(),
    /** extension: mean USD per passing sample, per variant. */
    baseline_per_pass: z.number().nullable().optional(),
    candidate_per_pass: z.number().nullable().optional(),
  }),
  tokens: z.object({ baseline: Tokens, candidate: Tokens }),
  rules: z.array(RuleResultSchema),
  errors: z.object({ baseline: z.number(), candidate: z.number() }),
  cases: z.array(CaseReportSchema),
  /** extension: the details a reviewer reads in the Change section. */
  change_detail: z
    .object({
      previous_path: z.string().nullable().optional(),
      diff: z.string().nullable().optional(),
      lines_added: z.number().optional(),
      lines_removed: z.number().optional(),
      /** "model: gpt-4o-mini → gpt-4o", "temperature: 0.7 → 0.2", … */
      settings: z.array(z.string()).optional(),
      model: z.object({ baseline: z.string().nullable(), candidate: z.string().nullable() }).optional(),
    })
    .optional(),
  /** extension: pass-rate deltas per tag (the segments a team watches), over every case; not the `holdout` tag. */
  by_tag: z.array(GroupPassRate.extend({ tag: z.string() })).optional(),
  /**
   * extension: the cases tagged `holdout` (the team's overfitting check), apart from the rest: when a suite has
   * any, `pass_rate` covers the other cases and this row these; the note never shows their outputs.
   */
  holdout: GroupPassRate.optional(),
  /** extension: ids of the cases whose baseline samples disagree with each other (see `cases[].flaky_at_base`). */
  flaky_at_base: z.array(z.string()).optional(),
  /** extension: calls and retries for this suite. */
  calls: z.object({ total: z.number(), cached: z.number(), failed: z.number(), retried: z.number() }).optional(),
  /**
   * How the suite was sampled (docs/sequential.md): `samples_used` of at most `samples_max` model samples over
   * `rounds` looks; `reused` of them came from the response cache (e.g. a default-branch run's baseline).
   */
  sampling: z
    .object({
      mode: z.enum(['fixed', 'sequential']),
      rounds: z.number(),
      samples_used: z.number(),
      samples_max: z.number(),
      reused: z.number().optional(),
      /** Why a sequential request ran as fixed (sharded runs, merges). */
      fallback: z.string().optional(),
    })
    .optional(),
  /** extension: why the suite was skipped or errored, in one sentence. */
  message: z.string().optional(),
});
export type SuiteReport = z.infer<typeof SuiteReportSchema>;

export const ReportSchema = z.object({
  schema_version: z.literal(1),
  verdict: VerdictSchema,
  base: z.string(),
  head: z.string(),
  confidence: z.number(),
  suites: z.array(SuiteReportSchema),
  calls: z.object({ total: z.number(), cached: z.number(), failed: z.number(), retried: z.number() }),
  cost_usd_total: z.number(),
  duration_ms: z.number(),
  /** extension: true when the run stopped early (signal, budget); the numbers cover what finished. */
  partial: z.boolean().optional(),
  /** extension: review-level notes (multiple-comparison adjustment, budget stop, fork PR, …). */
  notes: z.array(z.string()).optional(),
  /**
   * extension: what an inconclusive verdict does to the check, from `gate.inconclusive` in the config (absent:
   * neutral). The Action fails the check when this or its `fail-on-inconclusive` input says failure.
   */
  inconclusive_policy: z.enum(['neutral', 'failure']).optional(),
  /** extension: PR context for the Goal and Rollout sections. */
  context: z
    .object({
      title: z.string().nullable().optional(),
      goal: z.string().nullable().optional(),
      rollout: z.string().nullable().optional(),
      url: z.string().nullable().optional(),
    })
    .optional(),
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * The statistics (src/stats/) and the results stage (src/results/) define their own output shapes and know nothing of
 * the report; these checks make the compiler prove that what `measureSuite` and `aggregateSuite` return fits the
 * report's fields.
 */
type Fits<Actual extends Expected, Expected> = Actual;
export type MeasurementFitsReport = [
  Fits<PassRateMeasurement, SuiteReport['pass_rate']>,
  Fits<LatencyMeasurement, SuiteReport['latency_ms']>,
  Fits<CostMeasurement, SuiteReport['cost_usd']>,
  Fits<TagPassRate[], NonNullable<SuiteReport['by_tag']>>,
  Fits<GroupPassRateMeasurement, NonNullable<SuiteReport['holdout']>>,
  Fits<CaseResult, CaseReport>,
];
