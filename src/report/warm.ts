import { count, pValue, usd } from '../format/numbers.js';
import { ReportSchema, type Report } from './schema.js';

/**
 * Does early, while the model calls are in flight, what the report's first use would otherwise do after the last
 * one (docs/architecture.md, "Start-up"): start Intl's number formatting and collation (their first use loads ICU's
 * data: 17–60 ms on a CI machine) and compile the report schema's zod parser. Nothing it does changes a report; it
 * never rejects.
 */
export function warmReportCode(skeleton: Report): Promise<void> {
  const turn = (work: () => void) =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        try {
          work();
        } catch {
          // Only a head start: the report does the same work itself when it runs.
        }
        resolve();
      }),
    );
  return turn(() => {
    count(1234);
    pValue(0.01);
    usd(0.001);
    'case 2'.localeCompare('case 10', 'en', { numeric: true });
  }).then(() => turn(() => ReportSchema.parse(skeleton)));
}
