/**
 * What decided a verdict, in words: which rules a suite's verdict rests on, and why a review or a suite ended in
 * `error`. The note, its headlines and the check title all say it the same way (see docs/change-note.md).
 */
import type { Report, RuleResult, SuiteReport } from './schema.js';

const RULE_LABEL: Record<string, string> = {
  completeness: 'completeness',
  pass_rate: 'pass rate',
  holdout: 'holdout pass rate',
  latency_p95: 'p95 latency',
  cost: 'cost',
  error_rate: 'error rate',
};

/** A rule as a reader names it: `latency_p95` → "p95 latency"; an unknown rule by its name. */
export function ruleLabel(rule: string): string {
  return RULE_LABEL[rule] ?? rule.replace(/_/g, ' ');
}

/** The review-level note that says the run stopped early (review() writes "Partial: <why>"). */
const STOP_PREFIX = 'Partial: ';

/** Why the run stopped early (a rejected key or model, the budget, an interruption), when it did. */
export function stopCause(report: Pick<Report, 'notes'>): string | null {
  const note = report.notes?.find((n) => n.startsWith(STOP_PREFIX));
  return note ? note.slice(STOP_PREFIX.length) : null;
}

/** Whether a review note is the stop cause (shown at the top of the note, not again among the notes). */
export function isStopNote(note: string): boolean {
  return note.startsWith(STOP_PREFIX);
}

/** The first clause of a rule's detail: up to its first "; ", or the whole detail without its final period. */
function firstClause(detail: string): string {
  const cut = detail.indexOf('; ');
  return (cut > 0 ? detail.slice(0, cut) : detail).replace(/\.$/, '');
}

/** Why a suite ended in `error`, in one line: its message, else the first clause of its first `error` rule. */
export function suiteErrorCause(s: SuiteReport): string | null {
  if (s.verdict !== 'error') return null;
  if (s.message) return s.message;
  const rule = s.rules.find((r) => r.verdict === 'error');
  return rule ? firstClause(rule.detail) : null;
}

/** The rules of a given outcome, as labels: ["cost", "p95 latency"]. */
function labelsOf(rules: readonly RuleResult[], verdict: RuleResult['verdict']): string[] {
  return rules.filter((r) => r.verdict === verdict).map((r) => ruleLabel(r.rule));
}

/**
 * A suite's verdict with the rules it rests on: "inconclusive: cost", "fail: pass rate; inconclusive: cost".
 * `pass`, `skipped` and `error` stay one word (an error says its cause right after).
 */
export function verdictWithRules(s: SuiteReport): string {
  if (s.verdict === 'fail') {
    const failing = labelsOf(s.rules, 'fail');
    const open = labelsOf(s.rules, 'inconclusive');
    if (failing.length === 0) return 'fail';
    return `fail: ${failing.join(', ')}${open.length ? `; inconclusive: ${open.join(', ')}` : ''}`;
  }
  if (s.verdict === 'inconclusive') {
    const open = labelsOf(s.rules, 'inconclusive');
    return open.length ? `inconclusive: ${open.join(', ')}` : 'inconclusive';
  }
  return s.verdict;
}

/** The rules behind a fail or inconclusive verdict, for a title: "cost", "pass rate, p95 latency". */
export function decidingRules(s: SuiteReport): string {
  if (s.verdict !== 'fail' && s.verdict !== 'inconclusive') return '';
  return labelsOf(s.rules, s.verdict).join(', ');
}

export interface ErrorCause {
  /** The suites it belongs to; empty for the review's own (the run stopped). */
  suites: string[];
  text: string;
}

/**
 * Why a review ended in `error`, most important first: the reason the run stopped, then each errored suite's own
 * cause unless it only repeats that reason (a suite that errored because the run stopped, or whose message quotes
 * the same failure). Empty for any other verdict.
 */
export function errorCauses(report: Report): ErrorCause[] {
  if (report.verdict !== 'error') return [];
  const causes: ErrorCause[] = [];
  const stop = stopCause(report);
  if (stop) causes.push({ suites: [], text: stop });
  for (const s of report.suites) {
    const cause = suiteErrorCause(s);
    if (!cause || erroredByStop(s, stop)) continue;
    const same = causes.find((c) => c.text.includes(cause) || cause.includes(c.text));
    if (!same) causes.push({ suites: [s.name], text: cause });
    else if (same.suites.length > 0) same.suites.push(s.name);
  }
  return causes;
}

/**
 * Whether a suite's error is the run's stop and nothing more: its only `error` rule is `completeness`, or its
 * message quotes the stop's reason.
 */
export function erroredByStop(s: SuiteReport, stop: string | null): boolean {
  if (stop === null || s.verdict !== 'error') return false;
  const errors = s.rules.filter((r) => r.verdict === 'error');
  if (errors.length > 0 && errors.every((r) => r.rule === 'completeness')) return true;
  return s.message?.includes(stop) ?? false;
}

/**
 * A suite's line when the run's stop is its whole error: how much finished, pointing up to the reason, instead of
 * the reason again. "Only 1 of 96 planned samples finished: the run stopped early (see above)".
 */
export function stoppedSuiteCause(s: SuiteReport): string {
  const rule = s.rules.find((r) => r.rule === 'completeness');
  return `${rule ? `${firstClause(rule.detail)}: t` : 'T'}he run stopped early (see above)`;
}

/**
 * "Error — the run stopped early" for the review's own cause; "Error" when the cause is every suite's (or there is
 * one suite); else "Error in <suites>". `escapeName` makes the suite names safe for where the label goes.
 */
export function errorLabel(c: ErrorCause, suiteCount: number, escapeName: (text: string, max: number) => string): string {
  if (c.suites.length === 0) return 'Error — the run stopped early';
  if (suiteCount <= 1 || c.suites.length === suiteCount) return 'Error';
  const names = c.suites
    .slice(0, 3)
    .map((n) => escapeName(n, 60))
    .join(', ');
  return `Error in ${names}${c.suites.length > 3 ? ` and ${c.suites.length - 3} more` : ''}`;
}
