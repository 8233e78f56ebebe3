import { setImmediate as nextTurn } from 'node:timers/promises';
import { prepareGridLevels, prepareResamples } from './bootstrap.js';
import { measureSuite } from './measure-suite.js';
import { normalCdf, tCdf, tCritical } from './t-distribution.js';
import { DEFAULT_RESAMPLES, type CaseSamples } from './types.js';

/**
 * The statistics' work that does not need the samples, done while the model calls are in flight, so that the
 * statistics after the last call only do what the samples decide (docs/statistics.md, "How the grids are
 * prepared"):
 *
 * 1. a first call of each general t function, then small measurements of a made-up suite (12 cases, 64 and then
 *    4 × 500 resamples), each in a turn of its own, so that the code of every comparison is compiled, and its hot
 *    loops optimised, before the real suites come in;
 * 2. the confidence grids' level points for each suite's number of cases (bootstrap.ts, prepareGridLevels);
 * 3. the latency bootstrap's resample draws for each suite's number of cases (bootstrap.ts, prepareResamples): they
 *    depend on the seed and the counts, not on the samples.
 *
 * Each is done a few milliseconds at a time, yielding to the event loop between slices; the first calls compile
 * code and take longer, once (5–15 ms each on a busy 2-core machine).
 *
 * Nothing a review reports depends on whether, or how far, this ran: it fills caches the measurement fills itself
 * when they are empty, with the same numbers. Never rejects (a failure here only leaves the work for later).
 */
export async function prepareStatistics(caseCounts: Iterable<number>, points = DEFAULT_RESAMPLES): Promise<void> {
  try {
    // The general t functions first, each in a turn of its own (their first call compiles a good deal of code).
    for (const warm of [() => tCritical(0.95, 11), () => tCdf(-1, 11), () => normalCdf(-1)]) {
      await nextTurn();
      warm();
    }
    // Then small measurements, their bootstraps reading draws made ahead as the real ones will: the first compiles
    // the comparisons, the next four (2,000 resamples in all, a turn each) run the hot loops long enough for them to
    // be optimised before the real bootstrap's 10,000.
    const warmUp = warmUpSuite();
    for (const resamples of [64, 500, 500, 500, 500]) {
      await prepareResamples(warmUp.length, { resamples });
      await nextTurn();
      measureSuite(warmUp, { confidence: 0.95, resamples });
    }
    const counts = [...new Set(caseCounts)];
    await prepareGridLevels(counts, points);
    for (const nCases of counts) await prepareResamples(nCases, { resamples: points });
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
