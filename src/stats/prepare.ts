import { prepareGridLevels } from './bootstrap.js';
import { measureSuite } from './measure-suite.js';
import { DEFAULT_RESAMPLES, type CaseSamples } from './types.js';

/**
 * The statistics' work that does not need the samples, done while the model calls are in flight, so that the
 * statistics after the last call only do what the samples decide (docs/statistics.md, "How the grids are
 * prepared"):
 *
 * 1. one small measurement of a made-up suite (12 cases, 64 resamples, under 1 ms of work), so that the code of
 *    every comparison is compiled and has run before the real suites come in;
 * 2. the confidence grids' level points for each suite's number of cases (bootstrap.ts, prepareGridLevels), a few
 *    milliseconds at a time, yielding to the event loop between slices.
 *
 * Nothing a review reports depends on whether, or how far, this ran: it fills caches the measurement fills itself
 * when they are empty, with the same numbers. Never rejects (a failure here only leaves the work for later).
 */
export async function prepareStatistics(caseCounts: Iterable<number>, points = DEFAULT_RESAMPLES): Promise<void> {
  try {
    await new Promise<void>((resolve) => setImmediate(resolve));
    measureSuite(warmUpSuite(), { confidence: 0.95, resamples: 64 });
    await prepareGridLevels(caseCounts, points);
  } catch {
    // The measurement redoes whatever is missing.
  }
}

/** A small two-variant suite with every kind of value a measurement reads: scores, latencies, costs, a tag. */
function warmUpSuite(): CaseSamples[] {
  return Array.from({ length: 12 }, (_, i) => {
    const variant = (shift: number) => ({
      scores: [(i + shift) % 3 === 0 ? 0 : 1, 1],
      latenciesMs: [200 + ((i * 37 + shift) % 50), 210 + ((i * 11 + shift) % 40)],
      costUsd: [0.001 + i * 1e-5, 0.0011 + shift * 1e-5],
      errors: 0,
    });
    return { id: `warm-up-${i}`, tags: i % 2 ? ['odd'] : [], baseline: variant(0), candidate: variant(1) };
  });
}
