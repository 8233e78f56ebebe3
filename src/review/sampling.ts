import { gradeOutput } from '../assertions/index.js';
import type { Config } from '../config/schema.js';
import type { PlannedSuite } from '../plan/suites.js';
import { onConnect } from '../providers/http-fetch.js';
import type { BuildArgs } from '../report/build.js';
import type { Report } from '../report/schema.js';
import { countCalls, pickGivenRecords } from '../results/given.js';
import { runSamples, type ResponseCache, type ReviewProgress } from '../run/index.js';
import { MERGE_FALLBACK, SHARD_FALLBACK, sampleSuites } from './rounds.js';
import type { SampleRecord, SampleRequest } from '../run/types.js';

/**
 * A review's sampling step, from the planned requests to the report (docs/sequential.md): the design that runs,
 * each round through the runner (or taken from given samples), each look decided by the gate, and the report
 * built at the confidence of the look the run stopped at, with the notes on how the suites were sampled.
 */

export interface ReviewSamplingArgs {
  planned: PlannedSuite[];
  /** Every request of the fixed design, in plan order (after sharding). */
  requests: SampleRequest[];
  gate: Config['gate'];
  run: Config['run'];
  /** `--sampling` / the Action's input, else `run.sampling`. */
  requested: 'fixed' | 'sequential';
  /** Samples computed elsewhere (`promptgate merge`): no model is called. */
  given?: SampleRecord[];
  shard?: { index: number; count: number };
  cache: ResponseCache | null;
  budgetUsd?: number;
  concurrency: number;
  /** The head commit: seeds the sequential design's continuation coins. */
  head: string;
  skeleton: BuildArgs['skeleton'];
  signal?: AbortSignal;
  forceStop?: AbortSignal;
  onProgress?: (p: ReviewProgress) => void;
  log: (line: string) => void;
}

const sharded = (shard: ReviewSamplingArgs['shard']) => !!shard && shard.count > 1;

/** Why a sequential request runs the fixed design: a merge of shard files, or a shard. */
export function samplingFallback(requested: 'fixed' | 'sequential', given: boolean, shard: ReviewSamplingArgs['shard']): string | undefined {
  if (requested !== 'sequential') return undefined;
  return given ? MERGE_FALLBACK : sharded(shard) ? SHARD_FALLBACK : undefined;
}

/** How long after the first connection to a model the sample-free preparation starts. */
export const PREPARE_AFTER_MS = 25;

/**
 * Runs `work` once the first model calls are on their way — {@link PREPARE_AFTER_MS} after the first connection to a
 * model is made, by when the calls the concurrency allows have followed it — so that it fills the wait for their
 * answers instead of delaying them (docs/architecture.md, "Start-up"). Never when no model is called (every sample
 * from the cache), nor after the returned function is called.
 */
export function whenCallsAreOut(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = onConnect(() => {
    stop();
    timer = setTimeout(work, PREPARE_AFTER_MS);
    timer.unref();
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}

/**
 * Made-up answers for the first {@link WARM_UP_CASES} cases of each suite, both variants, for the report's warm-up
 * (report/warm.ts): every answer passes but one in three of the candidate's, latencies and usage vary.
 */
export function warmUpRecords(requests: SampleRequest[]): SampleRecord[] {
  const cases = new Map<string, Set<string>>();
  const out: SampleRecord[] = [];
  for (const q of requests) {
    let seen = cases.get(q.suite);
    if (!seen) cases.set(q.suite, (seen = new Set()));
    if (!seen.has(q.caseId)) {
      if (seen.size >= WARM_UP_CASES) continue;
      seen.add(q.caseId);
    }
    const i = out.length;
    out.push({
      suite: q.suite,
      variant: q.variant,
      caseId: q.caseId,
      sampleIndex: q.sampleIndex,
      cached: false,
      retries: 0,
      costUsd: 0.0001,
      ok: true,
      output: { text: 'warm-up', latencyMs: 150 + ((i * 37) % 100), usage: { input: 20 + (i % 7), output: 5 + (i % 3) } },
      passed: q.variant === 'baseline' || i % 3 !== 0,
      score: q.variant === 'baseline' || i % 3 !== 0 ? 1 : 0,
    });
  }
  return out;
}
const WARM_UP_CASES = 4;

export async function sampleAndReport(args: ReviewSamplingArgs): Promise<{ report: Report; records: SampleRecord[] }> {
  const { planned, gate, run: runConfig, given, log } = args;
  const fallback = samplingFallback(args.requested, !!given, args.shard);
  if (fallback) log(`Sequential sampling was asked for, but ${fallback}.`);
  if (!given) log(`Running ${args.requests.length} samples (${planned.length} suite${planned.length === 1 ? '' : 's'}, concurrency ${args.concurrency}).`);
  // The statistics' and the report's sample-free work runs while the model calls are in flight (docs/statistics.md).
  // Loaded when first needed: once the calls are out, or at the first look or report (./after-calls.ts).
  let loaded: Promise<typeof import('./after-calls.js')> | undefined;
  const late = () => (loaded ??= import('./after-calls.js'));
  const cancelPreparation = given
    ? () => {}
    : whenCallsAreOut(() => {
        late().then(
          ({ buildReport, prepareStatistics, warmReportCode }) => {
            void prepareStatistics(planned.map((s) => s.cases.length));
            void warmReportCode(() => {
              const records = warmUpRecords(args.requests);
              return buildReport({ planned, records, calls: countCalls(records), gateConfig: gate, skeleton: args.skeleton, sharded: false });
            });
          },
          // Only a head start: the look or the report that needs the module meets the failure, and reports it.
          () => {},
        );
      });
  const sampled = await sampleSuites({
    mode: fallback ? 'fixed' : args.requested,
    fallback,
    planned,
    requests: args.requests,
    confidence: gate.confidence,
    seed: args.head,
    budgetUsd: args.budgetUsd,
    log,
    decide: async (records, scheduled, confidence, sequential) => {
      const { buildReport } = await late();
      const look = buildReport({ planned, records, calls: countCalls(records), gateConfig: { ...gate, confidence }, skeleton: args.skeleton, sharded: false, scheduled, sequential });
      return new Map(look.suites.map((s) => [s.name, s.verdict]));
    },
    run: async (batch, budgetLeft) => {
      if (given) {
        const records = pickGivenRecords(batch, given);
        return { records, calls: countCalls(records), warnings: [] };
      }
      return runSamples(batch, {
        concurrency: args.concurrency,
        timeoutMs: runConfig.timeout_s * 1000,
        maxRetries: runConfig.max_retries,
        rpm: runConfig.rpm,
        tpm: runConfig.tpm,
        cache: args.cache,
        budgetUsd: budgetLeft,
        signal: args.signal,
        forceStop: args.forceStop,
        // Graders (llm_rubric) are model calls: paced, retried, budgeted and cached like the samples (docs/reliability.md).
        grade: (req, output, run) => gradeOutput(req.assert, output, { grader: run.grader }),
        onProgress: args.onProgress,
      });
    },
  }).finally(cancelPreparation);
  for (const w of sampled.warnings) log(`warning: ${w}`);
  const { buildReport, withSamplingNotes } = await late();
  const built = buildReport({
    planned,
    records: sampled.records,
    calls: sampled.calls,
    gateConfig: { ...gate, confidence: sampled.confidence },
    skeleton: args.skeleton,
    stopped: sampled.stopped,
    sharded: sharded(args.shard),
    scheduled: sampled.scheduled,
    sampling: sampled.sampling,
    sequential: sampled.sequential,
  });
  return { report: withSamplingNotes(built, planned, sampled, gate.confidence), records: sampled.records };
}
