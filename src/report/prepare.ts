import { analyseCases, type CaseAnalysis } from './case-analysis.js';
import { diffView, type DiffView } from './diff.js';
import type { SuiteReport } from './schema.js';

/**
 * What every rendering of a suite needs, computed once: to fit its size limit the note may be rendered several
 * times, and a suite can hold thousands of cases and a megabyte of diff.
 */
export interface PreparedSuite {
  suite: SuiteReport;
  flips: CaseAnalysis;
  diff: DiffView | null;
  /** The by-tag rows, worst first, so the rows that survive a size cut are the ones a reviewer needs. */
  tags: NonNullable<SuiteReport['by_tag']>;
}

export function prepareSuite(s: SuiteReport): PreparedSuite {
  return {
    suite: s,
    flips: analyseCases(s),
    diff: s.change_detail?.diff ? diffView(s.change_detail.diff) : null,
    tags: [...(s.by_tag ?? [])].sort((a, b) => (a.delta ?? Infinity) - (b.delta ?? Infinity) || a.tag.localeCompare(b.tag)),
  };
}
