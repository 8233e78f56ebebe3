import { setImmediate as nextTurn } from 'node:timers/promises';
import { count, pValue, usd } from '../format/numbers.js';
import { renderChangeNote } from './markdown.js';
import { ReportSchema, type Report } from './schema.js';

/**
 * Does early, while the model calls are in flight, what the report's first use would otherwise do after the last
 * one (docs/architecture.md, "Start-up"): start Intl's number formatting and collation (their first use loads ICU's
 * data: 17–60 ms on a CI machine); then, each in a turn of its own, build a made-up report (`build`: the review's
 * own suites over a few made-up samples), parse it with the report schema and render its change note, so that the
 * code of each — and the parsers zod compiles for each nested schema the first time it meets one — is ready when
 * the real report comes. Nothing it does changes a report, and nothing it builds is kept; it never rejects.
 */
export async function warmReportCode(build: () => Report): Promise<void> {
  await nextTurn();
  attempt(() => {
    count(1234);
    pValue(0.01);
    usd(0.001);
    'case 2'.localeCompare('case 10', 'en', { numeric: true });
  });
  await nextTurn();
  const report = attempt(build);
  if (!report) return;
  await nextTurn();
  attempt(() => ReportSchema.parse(report));
  await nextTurn();
  attempt(() => renderChangeNote(report, { target: 'cli' }));
}

function attempt<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch {
    // Only a head start: what fails here, the report meets, and reports, itself when it runs.
    return undefined;
  }
}
