/**
 * The gate: config rules → a verdict per rule, per suite and per review (docs/contract.md §5).
 *
 * Rules, with the thresholds from `gate:` in promptgate.yml:
 * - `pass_rate` (always, when both variants ran): threshold −max_drop on the paired pass-rate delta.
 * - `latency_p95` (when `gate.latency_p95` is set and both variants ran): threshold 1 + max_increase on the
 *   candidate/baseline p95 ratio.
 * - `cost` (when `gate.cost` is set, both variants ran and the baseline cost is above zero): threshold
 *   1 + max_increase on the candidate/baseline ratio of mean cost per case.
 * - `holdout` (when `gate.holdout` is set and both variants ran): threshold −max_drop on the paired pass-rate delta
 *   of the cases tagged `holdout` alone; `pass_rate` then covers the other cases (docs/change-note.md).
 * - `error_rate` (always): failed calls after retries / planned calls; above `max_error_rate` → `error`.
 * - `completeness` (only when samples are missing): fewer samples finished than were planned — the run stopped
 *   early (a rejected key or model, the budget, an interruption) or this is one shard of it. The suite is `error`
 *   and no statistical rule is evaluated: a partial run is never presented as a measurement that happens to be
 *   inconclusive (see docs/change-note.md).
 *
 * A statistical rule
 * - **fails** when the data say, at the configured confidence after Holm adjustment across every gated comparison
 *   in the review (all statistical rules of all suites), that the candidate is worse than its threshold:
 *   the one-sided p-value for "worse than the threshold" (t for the pass rate, cluster bootstrap for the ratios),
 *   Holm-adjusted, is below (1 − confidence)/2. With one comparison that is exactly "the two-sided interval lies
 *   entirely beyond the threshold"; with m it is never easier, so m rules on a no-op PR fail together at most
 *   (1 − confidence)/2 of the time.
 * - **passes** when the reported (unadjusted) interval rules the threshold out: CI lower bound ≥ −max_drop, or CI
 *   upper bound ≤ 1 + max_increase. With `max_drop: 0` this asks for evidence of no drop at all, so a change that
 *   does nothing is usually inconclusive, not pass; the detail then says what drop the data do rule out.
 * - is otherwise **inconclusive**, with the cases (or repeats) that would make the interval narrow enough to
 *   separate the estimate from the threshold, from the observed per-case variance — at the unadjusted level when
 *   the estimate leans to pass, at the Bonferroni level (which bounds Holm's) when it leans to fail; null (shown as
 *   "more than 10,000") when the estimate sits on the threshold. The need is the rule's own (`cases_needed`).
 * - is **not evaluated** (`skipped`, neither pass nor fail, and the detail says why) when it is configured but has
 *   nothing to compare: latency not compared (cached samples are not latency evidence), a baseline that cost
 *   nothing, no successful call under both variants, an unfinished run.
 *
 * Verdicts flow upward by severity, error > fail > inconclusive > pass > skipped: a suite's verdict is its worst
 * rule, the review's its worst suite. A suite whose prompt did not change (`unchanged`) stays `skipped`; an added
 * prompt or a cases-only change reports its absolute pass rate in a `skipped` pass_rate rule (nothing to compare).
 */
import type { GateConfig } from '../config/schema.js';
import type { ChangeKind, RuleResult, Verdict } from './verdict.js';
import {
  DEFAULT_SEED,
  HOLDOUT_TAG,
  bootstrapPValueAbove,
  casesNeeded,
  casesNeededForRatio,
  holm,
  isHoldout,
  measureSuite,
  pValueBelow,
  repeatsNeeded,
  type CaseSamples,
  type MeasurementDetail,
  type PairedDelta,
  type SuiteMeasurement,
} from '../stats/index.js';
import { change, count, dropPoints, ms, percent, plural, points, pValue, times, usd } from '../format/numbers.js';

export interface GateSuiteInput {
  name: string;
  /** 'added' | 'cases_only' → absolute pass rate only, no delta rule; 'unchanged' → skipped. */
  change: ChangeKind;
  measured: SuiteMeasurement;
  /** The samples behind `measured`, for what a hand-built measurement lacks. */
  cases: CaseSamples[];
  /** Model calls for this suite (both variants), after retries. */
  calls: { total: number; failed: number };
  /** Samples planned, for the error rate. */
  runs_planned: number;
  /** Sampled by the sequential design: a re-measurement uses its estimator too (docs/sequential.md). */
  sequential?: boolean;
}

export interface GateSuiteResult {
  verdict: Verdict;
  /** Each rule with its outcome; an inconclusive statistical rule carries its own `cases_needed`. */
  rules: RuleResult[];
  /**
   * The pass_rate rule's `cases_needed` (what the report stores as `pass_rate.cases_needed`); null when that rule is
   * not inconclusive or no number of cases settles it. Other rules' needs are on the rules themselves.
   */
  cases_needed: number | null;
}

export interface GateResult {
  suites: GateSuiteResult[];
  verdict: Verdict;
  notes: string[];
  /** What an inconclusive verdict does to the check (`gate.inconclusive`); the report's `inconclusive_policy`. */
  inconclusive_policy: GateConfig['inconclusive'];
}

export interface GateOptions {
  seed?: number;
  /** Why the run stopped early, when it did (the runner's message): named in the `completeness` rule. */
  stopped?: string;
}

const SEVERITY: Record<Verdict, number> = { skipped: 0, pass: 1, inconclusive: 2, fail: 3, error: 4 };

/** The most severe verdict: error > fail > inconclusive > pass > skipped; `skipped` for none. */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst), 'skipped');
}

/** A rule that tests "worse than its threshold": decided once every p-value of the review is Holm-adjusted. */
interface Comparison {
  rule: 'pass_rate' | 'holdout' | 'latency_p95' | 'cost';
  pWorse: number;
  finish(pAdjusted: number, level: Level): RuleResult;
}

interface Level {
  confidence: number;
  /** Gated comparisons in the review. */
  m: number;
}

interface SuiteDraft {
  skipped: boolean;
  fixed: RuleResult[];
  comparisons: Comparison[];
}

/** The rules in the order the note lists them. */
const RULE_ORDER = ['completeness', 'pass_rate', 'holdout', 'latency_p95', 'cost', 'error_rate'];

/** Every rule of every suite, Holm-adjusted together; suite and review verdicts are the worst of their parts. */
export function evaluateGate(suites: readonly GateSuiteInput[], gate: GateConfig, opts: GateOptions = {}): GateResult {
  const drafts = suites.map((s) => draftSuite(s, gate, opts.seed ?? DEFAULT_SEED, opts.stopped));
  const comparisons = drafts.flatMap((d) => d.comparisons);
  const adjusted = holm(comparisons.map((c) => c.pWorse));
  const level: Level = { confidence: gate.confidence, m: comparisons.length };
  let next = 0;
  const results = drafts.map((d): GateSuiteResult => {
    if (d.skipped) return { verdict: 'skipped', rules: [], cases_needed: null };
    const rules = [...d.comparisons.map((c) => c.finish(adjusted[next++]!, level)), ...d.fixed];
    rules.sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule));
    const passRate = rules.find((r) => r.rule === 'pass_rate');
    return { verdict: worstVerdict(rules.map((r) => r.verdict)), rules, cases_needed: passRate?.verdict === 'inconclusive' ? (passRate.cases_needed ?? null) : null };
  });
  return {
    suites: results,
    verdict: worstVerdict(results.map((r) => r.verdict)),
    notes: gateNotes(comparisons, level, suites.length),
    inconclusive_policy: gate.inconclusive,
  };
}

const RULE_LABEL: Record<Comparison['rule'], string> = { pass_rate: 'pass rate', holdout: 'holdout pass rate', latency_p95: 'p95 latency', cost: 'cost' };

function gateNotes(comparisons: readonly Comparison[], level: Level, suiteCount: number): string[] {
  const conf = percent(level.confidence);
  if (comparisons.length === 0) return [];
  if (comparisons.length === 1) return [`1 gated comparison (${RULE_LABEL[comparisons[0]!.rule]}) at ${conf} confidence; no multiple-comparison adjustment needed.`];
  const kinds = [...new Set(comparisons.map((c) => RULE_LABEL[c.rule]))].join(', ');
  const across = suiteCount > 1 ? ` across ${plural(suiteCount, 'suite')}` : '';
  return [
    `${comparisons.length} gated comparisons (${kinds})${across}; Holm-adjusted at ${conf}: a rule fails only when it is still beyond its threshold after the adjustment, so a change that does nothing fails at most ${percent((1 - level.confidence) / 2)} of the time.`,
  ];
}

function draftSuite(input: GateSuiteInput, gate: GateConfig, seed: number, stopped: string | undefined): SuiteDraft {
  if (input.change === 'unchanged') return { skipped: true, fixed: [], comparisons: [] };
  const variants = (input.cases.some((c) => c.baseline) ? 1 : 0) + (input.cases.some((c) => c.candidate) ? 1 : 0);
  const bothRan = variants === 2;
  if (input.calls.total < input.runs_planned) return unfinishedSuite(input, gate, bothRan, stopped);
  const m = measurementFor(input, gate, seed);
  const detail = m.detail!;
  const fixed: RuleResult[] = [];
  const comparisons: Comparison[] = [];
  const repeats = input.cases.length && variants ? Math.round(input.runs_planned / (input.cases.length * variants)) : 0;

  const holdoutCases = input.cases.filter(isHoldout).length;
  const holdoutRule = holdoutRuleFor(gate, holdoutCases);
  if (input.change === 'added' || input.change === 'cases_only' || !bothRan) {
    fixed.push(absolutePassRateRule(input, detail, repeats, gate.confidence));
  } else if (holdoutCases === input.cases.length) {
    fixed.push(notEvaluated('pass_rate', `every case is tagged ${HOLDOUT_TAG}, so there is no pass rate apart from the holdout row (see the holdout rule)`));
  } else if (!detail.delta) {
    fixed.push({
      rule: 'pass_rate',
      verdict: 'inconclusive',
      detail: `No case has a successful sample under both variants, so the pass rates can't be compared.`,
    });
  } else {
    comparisons.push(
      passRateComparison({
        rule: 'pass_rate',
        label: holdoutCases > 0 ? `Pass rate without the ${HOLDOUT_TAG} cases` : 'Pass rate',
        delta: detail.delta,
        excluded: detail.excluded,
        repeats,
        before: m.pass_rate.baseline ?? 0,
        after: m.pass_rate.candidate ?? 0,
        maxDrop: gate.pass_rate.max_drop,
        confidence: gate.confidence,
      }),
    );
  }

  if (holdoutRule) {
    const row = m.holdout;
    if (input.change === 'added' || input.change === 'cases_only' || !bothRan) {
      fixed.push(notEvaluated('holdout', 'there is no baseline to compare the holdout cases with'));
    } else if (holdoutCases === 0 || !row) {
      fixed.push(notEvaluated('holdout', `no case is tagged ${HOLDOUT_TAG}`));
    } else if (!detail.holdoutDelta) {
      fixed.push(notEvaluated('holdout', `no ${HOLDOUT_TAG} case has a successful sample under both variants`));
    } else {
      comparisons.push(
        passRateComparison({
          rule: 'holdout',
          label: `Holdout pass rate`,
          delta: detail.holdoutDelta,
          excluded: holdoutCases - detail.holdoutDelta.n,
          repeats,
          before: row.baseline ?? 0,
          after: row.candidate ?? 0,
          maxDrop: holdoutRule.max_drop,
          confidence: gate.confidence,
        }),
      );
    }
  }

  // Cached samples are not latency evidence: a measurement that says so is never recomputed into a comparison.
  const notCompared = input.measured.latency_ms.not_compared ?? m.latency_ms.not_compared;
  if (gate.latency_p95 && bothRan && notCompared === undefined && m.latency_ms.p95_ratio !== null && m.latency_ms.p95_ratio_ci && detail.p95Ratio) {
    comparisons.push(
      ratioComparison({
        rule: 'latency_p95',
        estimate: m.latency_ms.p95_ratio,
        ci: m.latency_ms.p95_ratio_ci,
        distribution: detail.p95Ratio,
        maxIncrease: gate.latency_p95.max_increase,
        // The cases actually in the interval (fresh pairs only), for the cases-needed estimate.
        n: detail.latencyCases,
        what: `p95 latency ${ms(m.latency_ms.baseline!.p95!)} → ${ms(m.latency_ms.candidate!.p95!)} (${times(m.latency_ms.p95_ratio)}, ${percent(gate.confidence)} CI ${times(m.latency_ms.p95_ratio_ci[0])} to ${times(m.latency_ms.p95_ratio_ci[1])})`,
        worse: (limit) => `more than ${limit} slower`,
      }),
    );
  } else if (gate.latency_p95 && bothRan) {
    fixed.push(notEvaluated('latency_p95', `latency was not compared: ${notCompared ?? 'no case has a successful call under both variants'}`));
  }

  if (gate.cost && bothRan && m.cost_usd.ratio !== null && m.cost_usd.ratio_ci && detail.costRatio) {
    comparisons.push(
      ratioComparison({
        rule: 'cost',
        estimate: m.cost_usd.ratio,
        ci: m.cost_usd.ratio_ci,
        distribution: detail.costRatio,
        maxIncrease: gate.cost.max_increase,
        n: detail.costCases,
        what: `Cost per case ${usd(m.cost_usd.baseline_per_case!)} → ${usd(m.cost_usd.candidate_per_case!)} (${change(m.cost_usd.ratio)}, ${percent(gate.confidence)} CI ${change(m.cost_usd.ratio_ci[0])} to ${change(m.cost_usd.ratio_ci[1])})`,
        worse: (limit) => `more than ${limit} costlier`,
      }),
    );
  } else if (gate.cost && bothRan) {
    const why =
      m.cost_usd.baseline_per_case === 0
        ? 'the baseline cost $0 per case, so a relative change is undefined; set provider.pricing (USD per million tokens) to gate cost'
        : m.cost_usd.ratio !== null
          ? "the baseline's cost per case varies too much across these cases to bound the ratio at this confidence; more cases would"
          : 'no case has a successful call under both variants';
    fixed.push(notEvaluated('cost', `cost was not compared: ${why}`));
  }

  fixed.push(...errorRateRule(input, gate));
  return { skipped: false, fixed, comparisons };
}

/** A configured rule that has nothing to decide on: neither pass nor fail, and the detail says why. */
function notEvaluated(rule: string, why: string): RuleResult {
  return { rule, verdict: 'skipped', detail: `Not evaluated: ${why}.` };
}

/**
 * A suite whose planned samples did not all finish (the run stopped early, or this is one shard of it): `error`,
 * with the statistical rules not evaluated. The error rate is still decided when the failures alone exceed the
 * limit over every planned call; otherwise it can't be judged on calls that never ran.
 */
/**
 * The holdout rule: `gate.holdout` when set; otherwise, when any case is tagged holdout, the pass-rate rule's own
 * tolerance. Fail closed (docs/fail-closed.md): tagging cases `holdout` moves them to their own row, never out of
 * the gate.
 */
function holdoutRuleFor(gate: GateConfig, holdoutCases: number): { max_drop: number } | undefined {
  return gate.holdout ?? (holdoutCases > 0 ? { max_drop: gate.pass_rate.max_drop } : undefined);
}

function unfinishedSuite(input: GateSuiteInput, gate: GateConfig, bothRan: boolean, stopped: string | undefined): SuiteDraft {
  const finished = `${count(input.calls.total)} of ${plural(input.runs_planned, 'planned sample')} finished`;
  const why = stopped ? `the run stopped early: ${stopped}` : 'the run stopped early (or this is one shard of it)';
  const notRun = `only ${finished}`;
  const fixed: RuleResult[] = [{ rule: 'completeness', verdict: 'error', detail: `Only ${finished}; ${why}. No rule can be decided on an unfinished run.` }];
  fixed.push(notEvaluated('pass_rate', notRun));
  if (holdoutRuleFor(gate, input.cases.filter(isHoldout).length) && bothRan) fixed.push(notEvaluated('holdout', notRun));
  if (gate.latency_p95 && bothRan) fixed.push(notEvaluated('latency_p95', notRun));
  if (gate.cost && bothRan) fixed.push(notEvaluated('cost', notRun));
  const errors = errorRateRule(input, gate);
  fixed.push(...errors.map((r) => (r.verdict === 'error' ? r : notEvaluated('error_rate', `${notRun} (${count(input.calls.failed)} failed); the rest never ran`))));
  return { skipped: false, fixed, comparisons: [] };
}

/** The measurement as given, or recomputed from the cases when it lacks its detail or used another confidence. */
function measurementFor(input: GateSuiteInput, gate: GateConfig, seed: number): SuiteMeasurement {
  if (input.measured.detail?.confidence === gate.confidence) return input.measured;
  return measureSuite(input.cases, { confidence: gate.confidence, seed, sequential: input.sequential ?? false });
}

function absolutePassRateRule(input: GateSuiteInput, detail: MeasurementDetail, repeats: number, confidence: number): RuleResult {
  const c = detail.candidate;
  const why =
    input.change === 'added' ? 'New prompt' : input.change === 'cases_only' ? 'Only cases or assertions changed' : input.cases.some((x) => x.candidate) ? 'No baseline ran' : 'No candidate ran';
  if (!c) return { rule: 'pass_rate', verdict: 'skipped', detail: `${why}: nothing to compare, so the pass rate is not gated.` };
  return {
    rule: 'pass_rate',
    verdict: 'skipped',
    detail: `${why}: pass rate ${percent(c.estimate)} (${percent(confidence)} CI ${percent(c.ci[0])} to ${percent(c.ci[1])}, ${sizeOf(c.n, repeats)}); nothing to compare, so it is not gated.`,
  };
}

const sizeOf = (n: number, repeats: number) => `${plural(n, 'case')}${repeats > 1 ? ` × ${repeats}` : ''}`;

function holmClause(pAdjusted: number, level: Level): string {
  return level.m > 1 ? `Holm-adjusted p = ${pValue(pAdjusted)} across ${level.m} comparisons` : `p = ${pValue(pAdjusted)}`;
}

/**
 * A paired pass-rate delta against −max_drop: the `pass_rate` rule on the cases not tagged `holdout`, the `holdout`
 * rule on those that are. Both are gated comparisons in the review's Holm family.
 */
function passRateComparison(args: {
  rule: 'pass_rate' | 'holdout';
  label: string;
  delta: PairedDelta;
  excluded: number;
  repeats: number;
  before: number;
  after: number;
  maxDrop: number;
  confidence: number;
}): Comparison {
  const { delta, excluded, repeats, maxDrop } = args;
  const threshold = -maxDrop;
  const conf = percent(args.confidence);
  const left = excluded > 0 ? ` ${plural(excluded, 'case')} without a successful sample under both variants left out.` : '';
  const what = `${args.label} ${percent(args.before)} → ${percent(args.after)} (${points(delta.estimate)}, ${conf} CI ${points(delta.ci[0], '')} to ${points(delta.ci[1], '')}, ${sizeOf(delta.n, repeats)})`;
  const allowed = maxDrop > 0 ? `a drop of more than ${dropPoints(maxDrop)}` : 'any drop';
  return {
    rule: args.rule,
    pWorse: pValueBelow(delta, threshold),
    finish(pAdjusted, level) {
      const base = { rule: args.rule, p_adjusted: pAdjusted };
      if (pAdjusted < (1 - level.confidence) / 2) {
        const worse = maxDrop > 0 ? `worse than the allowed drop of ${dropPoints(maxDrop)}` : 'confidently lower';
        return { ...base, verdict: 'fail', detail: `${what}: ${worse} (${holmClause(pAdjusted, level)}).${left}` };
      }
      if (delta.ci[0] >= threshold) {
        return { ...base, verdict: 'pass', detail: `${what}: rules out ${allowed}.${left}` };
      }
      const leansWorse = delta.center < threshold;
      const confidence = leansWorse ? 1 - (1 - level.confidence) / level.m : level.confidence;
      const gap = Math.abs(delta.center - threshold);
      const cases = casesNeeded({ sd: delta.sd, gap, confidence });
      const k = repeatsNeeded({ sd: delta.sd, withinVariance: delta.withinVariance, repeats: Math.max(1, repeats), n: delta.n, gap, confidence });
      let rest: string;
      if (leansWorse && delta.ci[1] < threshold) {
        rest = `below the threshold, but not after Holm adjustment for ${level.m} comparisons (adjusted p = ${pValue(pAdjusted)})`;
      } else {
        rest = `can't tell yet whether it ${maxDrop > 0 ? `dropped by more than ${dropPoints(maxDrop)}` : 'dropped'}`;
      }
      if (cases !== null) {
        const more = k !== null && k > repeats ? ` (or ${k} repeats on these ${count(delta.n)} cases)` : '';
        rest += `; about ${plural(cases, 'case')}${more} would settle it`;
      } else {
        rest += `; the estimate sits so close to the threshold that more than ${count(10_000)} cases would be needed`;
      }
      if (delta.ci[0] < 0) rest += `. The data do rule out a drop of more than ${dropPoints(-delta.ci[0])}`;
      return { ...base, verdict: 'inconclusive', detail: `${what}: ${rest}.${left}`, cases_needed: cases };
    },
  };
}

function ratioComparison(args: {
  rule: 'latency_p95' | 'cost';
  estimate: number;
  ci: [number, number];
  distribution: Float64Array;
  maxIncrease: number;
  n: number;
  what: string;
  worse: (limit: string) => string;
}): Comparison {
  const threshold = 1 + args.maxIncrease;
  const limit = change(threshold).replace(/^\+/, '');
  return {
    rule: args.rule,
    pWorse: bootstrapPValueAbove(args.distribution, threshold),
    finish(pAdjusted, level) {
      const base = { rule: args.rule, p_adjusted: pAdjusted };
      if (pAdjusted < (1 - level.confidence) / 2) {
        return { ...base, verdict: 'fail', detail: `${args.what}: ${args.worse(limit)} (${holmClause(pAdjusted, level)}).` };
      }
      if (args.ci[1] <= threshold) {
        return { ...base, verdict: 'pass', detail: `${args.what}: rules out an increase of more than ${limit}.` };
      }
      const cases = casesNeededForRatio({ n: args.n, estimate: args.estimate, ci: args.ci, threshold });
      let rest =
        args.ci[0] > threshold
          ? `above the threshold, but not after Holm adjustment for ${level.m} comparisons (adjusted p = ${pValue(pAdjusted)})`
          : `can't tell yet whether it rose by more than ${limit}`;
      rest += cases !== null ? `; about ${plural(cases, 'case')} would settle it` : `; more than ${count(10_000)} cases would be needed to settle it`;
      return { ...base, verdict: 'inconclusive', detail: `${args.what}: ${rest}.`, cases_needed: cases };
    },
  };
}

function errorRateRule(input: GateSuiteInput, gate: GateConfig): RuleResult[] {
  if (input.runs_planned <= 0) return [];
  const rate = input.calls.failed / input.runs_planned;
  const limit = percent(gate.max_error_rate);
  const counted = `${count(input.calls.failed)} of ${plural(input.runs_planned, 'planned call')} failed after retries (${percent(rate)})`;
  if (rate > gate.max_error_rate) {
    return [{ rule: 'error_rate', verdict: 'error', detail: `Too many failed calls: ${counted}, over the ${limit} limit; the numbers may be biased by which cases failed.` }];
  }
  // The limit holds for each variant too. Failed samples are left out of the statistics, so failures on one side
  // only — say, the candidate's prompt overflowing the context window on the long cases — would otherwise hide
  // exactly the cases where it regressed, behind an overall rate that looks small (docs/change-note.md).
  const ran = (['baseline', 'candidate'] as const).filter((v) => input.cases.some((c) => c[v] !== null));
  if (ran.length === 2) {
    const perVariant = input.runs_planned / 2;
    const failed = (v: 'baseline' | 'candidate') => input.cases.reduce((n, c) => n + (c[v]?.errors ?? 0), 0);
    for (const v of ran) {
      const other = v === 'baseline' ? 'candidate' : 'baseline';
      const vRate = failed(v) / perVariant;
      if (vRate > gate.max_error_rate) {
        return [
          {
            rule: 'error_rate',
            verdict: 'error',
            detail:
              `Too many failed calls on one side: ${count(failed(v))} of ${plural(perVariant, `${v} call`)} failed after retries (${percent(vRate)}), ` +
              `over the ${limit} limit (the ${other}'s: ${count(failed(other))}). Failed samples are left out of the statistics, so they could hide a regression on exactly those cases.`,
          },
        ];
      }
    }
  }
  return [{ rule: 'error_rate', verdict: 'pass', detail: `${counted}, within the ${limit} limit.` }];
}
