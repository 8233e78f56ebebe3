import { flakyAtBase, isHoldout } from '../stats/index.js';
import type { CaseReport, SuiteReport } from './schema.js';

/**
 * Which cases the note lists, and under which heading (see docs/change-note.md, "Flipped cases"): from the report
 * alone, so a report read back from disk sorts its cases the same way.
 *
 * - A **flip** is a case whose pass rate differs between the variants.
 * - A flip of a case **flaky at base** (its baseline samples disagree with each other) is listed apart: the
 *   model's own noise flips such a case, so a reviewer must not read it as the change's doing.
 * - A flip of a **holdout** case is listed by id only: nothing of a holdout case's output, expected value or
 *   failure reason is ever shown in the note.
 */
export interface CaseAnalysis {
  /** Flips that are neither flaky at base nor holdout: the pass rate fell, worst first. */
  regressions: CaseReport[];
  /** Flips that are neither flaky at base nor holdout: the pass rate rose, best first. */
  fixes: CaseReport[];
  /** Flips of cases flaky at base (not holdout): regressions worst first, then fixes best first. */
  flakyFlips: CaseReport[];
  /** Flips of holdout cases: regressions worst first, then fixes best first. Shown by id only. */
  holdoutFlips: CaseReport[];
  /** Every case flaky at base, in the report's order (holdout cases included: their ids are not withheld). */
  flaky: string[];
}

const caseRate = (v: CaseReport['baseline']) => (v && v.runs > 0 ? v.passed / v.runs : null);

/** Whether a case is flaky at base: the report's flag, or for a report written without it, the baseline counts. */
export function isFlakyAtBase(c: CaseReport): boolean {
  return c.flaky_at_base ?? flakyAtBase(c.baseline);
}

/**
 * Sorts a suite's cases for the note. Regressions by the size of the drop, fixes by the size of the gain, largest
 * first; ties by id (numeric-aware, so T-2 comes before T-10).
 */
export function analyseCases(s: SuiteReport): CaseAnalysis {
  const changed: { c: CaseReport; d: number }[] = [];
  for (const c of s.cases) {
    const b = caseRate(c.baseline);
    const k = caseRate(c.candidate);
    if (b !== null && k !== null && b !== k) changed.push({ c, d: k - b });
  }
  const byId = (a: CaseReport, b: CaseReport) => a.id.localeCompare(b.id, 'en', { numeric: true });
  const worstFirst = (list: { c: CaseReport; d: number }[]) => [
    ...list.filter((x) => x.d < 0).sort((a, b) => a.d - b.d || byId(a.c, b.c)),
    ...list.filter((x) => x.d > 0).sort((a, b) => b.d - a.d || byId(a.c, b.c)),
  ];
  const holdout = changed.filter((x) => isHoldout(x.c));
  const flaky = changed.filter((x) => !isHoldout(x.c) && isFlakyAtBase(x.c));
  const real = worstFirst(changed.filter((x) => !isHoldout(x.c) && !isFlakyAtBase(x.c)));
  return {
    regressions: real.filter((x) => x.d < 0).map((x) => x.c),
    fixes: real.filter((x) => x.d > 0).map((x) => x.c),
    flakyFlips: worstFirst(flaky).map((x) => x.c),
    holdoutFlips: worstFirst(holdout).map((x) => x.c),
    flaky: s.flaky_at_base ?? s.cases.filter(isFlakyAtBase).map((c) => c.id),
  };
}

/** The number of cases in the suite's main pass-rate row: every case but the holdout ones. */
export function mainCases(s: SuiteReport): number {
  return s.n_cases - (s.holdout?.n_cases ?? 0);
}
