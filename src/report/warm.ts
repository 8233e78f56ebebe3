import { setImmediate as nextTurn } from 'node:timers/promises';
import { count, pValue, usd } from '../format/numbers.js';
import { ReportSchema, type Report } from './schema.js';

/**
 * Does early, while the model calls are in flight, what the report's first use would otherwise do after the last
 * one (docs/architecture.md, "Start-up"): start Intl's number formatting and collation (their first use loads ICU's
 * data: 17–60 ms on a CI machine) and compile the report schema's zod parser. Nothing it does changes a report; it
 * never rejects.
 */
export async function warmReportCode(skeleton: Report): Promise<void> {
  await nextTurn();
  attempt(() => {
    count(1234);
    pValue(0.01);
    usd(0.001);
    'case 2'.localeCompare('case 10', 'en', { numeric: true });
  });
  await nextTurn();
  attempt(() => ReportSchema.parse(skeleton));
}

function attempt(work: () => void): void {
  try {
    work();
  } catch {
    // Only a head start: what fails here, the report meets, and reports, itself when it runs.
  }
}
