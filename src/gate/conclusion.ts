import type { Verdict } from './verdict.js';

/** A GitHub check run's conclusion, as promptgate uses them. */
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled';

/**
 * The check's conclusion for a review (see docs/change-note.md, "Verdicts and the check"):
 * - `pass` and `skipped` (no prompt changes) → success, so a required check never blocks an unrelated PR;
 * - `fail` and `error` → failure; no report at all (the review crashed) → failure: a merge gate fails closed;
 * - `inconclusive` → neutral, or failure when either the config's `gate.inconclusive: failure` (the report's
 *   `inconclusive_policy`) or the Action's `fail-on-inconclusive` input says so;
 * - an interrupted job (`interrupted`: the runner cancelled it) whose report is partial, or that has no report →
 *   cancelled: what finished is reported, but nothing was decided.
 */
export function checkConclusion(
  report: { verdict: Verdict; inconclusive_policy?: 'neutral' | 'failure'; partial?: boolean } | null,
  failOnInconclusive: boolean,
  opts: { interrupted?: boolean } = {},
): CheckConclusion {
  if (opts.interrupted && (report === null || report.partial === true)) return 'cancelled';
  if (report === null) return 'failure';
  switch (report.verdict) {
    case 'pass':
    case 'skipped':
      return 'success';
    case 'inconclusive':
      return failOnInconclusive || report.inconclusive_policy === 'failure' ? 'failure' : 'neutral';
    case 'fail':
    case 'error':
      return 'failure';
  }
}
