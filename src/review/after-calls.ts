/**
 * What a review needs only once its model calls are out: the statistics, the report and its warm-up. The sampling
 * step (./sampling.ts) loads it with `import()` — when the first calls are on their way, or when a look or the
 * report needs it — so that none of it is loaded, or its modules run, before the first model call
 * (docs/architecture.md, "Start-up"). In the CLI's bundle it is a chunk of its own, with the statistics library.
 */
export { buildReport } from '../report/build.js';
export { warmReportCode } from '../report/warm.js';
export { prepareStatistics } from '../stats/prepare.js';
export { withSamplingNotes } from './notes.js';
