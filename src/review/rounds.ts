import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { PlannedSuite } from '../plan/suites.js';
import type { SuiteReport, Verdict } from '../report/schema.js';
import { lookConfidences, roundIndexes, roundsFor } from '../stats/sequential-design.js';
import type { RunOutcome } from '../run/execute.js';
import type { CallCounts, SampleRecord, SampleRequest } from '../run/types.js';

/**
 * Sampling a review's suites: in one go (`fixed`), or in rounds that stop when every gated rule is decided
 * (`sequential`, docs/sequential.md). The design (which sample indexes a round adds, the confidence of each look)
 * is src/stats/sequential.ts; this is the loop that runs it on real calls. Every round runs through the one
 * runner (interleaving, cache, pacing, retries, the running budget and interrupts hold as in a fixed run), in
 * plan order: a round's requests are a subsequence of the fixed plan, so the pairs stay adjacent.
 */

export type SuiteSampling = NonNullable<SuiteReport['sampling']>;

export interface SamplingArgs {
  mode: 'fixed' | 'sequential';
  /** Why a sequential request runs as fixed (a shard, a merge), said in the report. */
  fallback?: string;
  planned: PlannedSuite[];
  /** Every request of the fixed design (the most a sequential run may make), in plan order. */
  requests: SampleRequest[];
  confidence: number;
  /**
   * What each case's continuation coin is seeded with besides the suite and the case (the head commit): the same
   * review replays the same rounds, and another head draws afresh (docs/sequential.md).
   */
  seed: string;
  budgetUsd?: number;
  /** Runs one round's requests with what is left of the budget. */
  run: (requests: SampleRequest[], budgetUsd: number | undefined) => Promise<Pick<RunOutcome, 'records' | 'calls' | 'stopped' | 'warnings'>>;
  /**
   * Each suite's verdict at a look: the gate on the records so far, at `confidence`, with `scheduled` samples
   * planned per suite (so a suite is complete when every scheduled sample finished); `sequential` names the suites
   * sampled in rounds (their intervals use the design's estimator).
   */
  decide: (records: SampleRecord[], scheduled: Map<string, number>, confidence: number, sequential: ReadonlySet<string>) => Promise<Map<string, Verdict>>;
  log?: (line: string) => void;
}

export interface SamplingOutcome {
  records: SampleRecord[];
  calls: CallCounts;
  stopped?: { reason: string; message: string };
  warnings: string[];
  /** Samples scheduled per sequential suite: what the gate's completeness rule counts against (fixed suites: their plan). */
  scheduled: Map<string, number>;
  sampling: Map<string, SuiteSampling>;
  /** The confidence of the look the run stopped at: the report's intervals are computed at it. */
  confidence: number;
  /** Sequential suites, for the notes. */
  sequential: Set<string>;
}

const key = (suite: string, caseId: string) => `${suite}\0${caseId}`;

/**
 * A case's continuation coin, uniform on [0, 1): 48 bits of sha256 over (seed, suite, case id). It depends on
 * nothing the samples say, which is what keeps the estimate unbiased (src/stats/sequential.ts), and on nothing
 * that changes between a run and its rerun, which is what lets an interrupted run resume from the cache.
 */
export function continuationCoin(seed: string, suite: string, caseId: string): number {
  return (
    createHash('sha256')
      .update(canonicalJson(['promptgate-continuation', seed, suite, caseId]))
      .digest()
      .readUIntBE(0, 6) /
    2 ** 48
  );
}

/** A suite compared in rounds: both variants run and something changed; otherwise it runs fixed. */
const isSequential = (s: PlannedSuite) => !!s.baseline && !!s.candidate && !s.message && s.change !== 'unchanged';

/** Decided: a look at which the gate says pass, fail or error leaves nothing for more samples to settle. */
const DECIDED: ReadonlySet<Verdict> = new Set<Verdict>(['pass', 'fail', 'error', 'skipped']);

export async function sampleSuites(args: SamplingArgs): Promise<SamplingOutcome> {
  const { planned, requests } = args;
  const max = new Map<string, number>();
  for (const q of requests) max.set(q.suite, (max.get(q.suite) ?? 0) + 1);
  const sequential = new Set(args.mode === 'sequential' ? planned.filter(isSequential).map((s) => s.name) : []);
  const records: SampleRecord[] = [];
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  const warnings: string[] = [];
  const scheduled = new Map<string, number>();
  const rounds = new Map<string, number>();
  let stopped: SamplingOutcome['stopped'];
  let spent = 0;

  const repeatsOf = new Map(planned.map((s) => [s.name, s.repeats]));
  const looks = Math.max(1, ...[...sequential].map((name) => roundsFor(repeatsOf.get(name) ?? 1)));
  const levels = sequential.size > 0 ? lookConfidences(args.confidence, looks === 1 ? 1 : looks) : [args.confidence];
  // Scores so far per (suite, case), both variants: what the next round's allocation reads.
  const scores = new Map<string, { baseline: number[]; candidate: number[] }>();
  const open = new Set(sequential);
  let confidence = args.confidence;

  for (let round = 1; round <= looks; round++) {
    const batch = requests.filter((q) => {
      if (!sequential.has(q.suite)) return round === 1;
      if (!open.has(q.suite)) return false;
      const s = scores.get(key(q.suite, q.caseId)) ?? { baseline: [], candidate: [] };
      return roundIndexes(round, repeatsOf.get(q.suite)!, s, continuationCoin(args.seed, q.suite, q.caseId)).includes(q.sampleIndex);
    });
    if (batch.length === 0 && round > 1) break;
    for (const q of batch) {
      if (!sequential.has(q.suite)) continue;
      scheduled.set(q.suite, (scheduled.get(q.suite) ?? 0) + 1);
      rounds.set(q.suite, round);
    }
    if (sequential.size > 0) args.log?.(`Round ${round}: ${batch.length} samples${round > 1 ? ` (${open.size} suite${open.size === 1 ? '' : 's'} not decided yet)` : ''}.`);
    const outcome = await args.run(batch, args.budgetUsd === undefined ? undefined : args.budgetUsd - spent);
    warnings.push(...outcome.warnings.filter((w) => !warnings.includes(w)));
    calls.total += outcome.calls.total;
    calls.cached += outcome.calls.cached;
    calls.failed += outcome.calls.failed;
    calls.retried += outcome.calls.retried;
    for (const r of outcome.records) {
      records.push(r);
      if (!r.cached) spent += r.costUsd;
      if (!r.ok) continue;
      const k = key(r.suite, r.caseId);
      const s = scores.get(k) ?? { baseline: [], candidate: [] };
      s[r.variant].push(r.passed ? 1 : 0);
      scores.set(k, s);
    }
    confidence = levels[round - 1] ?? args.confidence;
    if (outcome.stopped) {
      stopped = outcome.stopped;
      break;
    }
    if (open.size === 0 || round === looks) break;
    const verdicts = await args.decide(records, scheduled, confidence, sequential);
    for (const name of [...open]) if (DECIDED.has(verdicts.get(name) ?? 'inconclusive')) open.delete(name);
    if (open.size === 0) break;
  }

  const reused = new Map<string, number>();
  for (const r of records) if (r.cached) reused.set(r.suite, (reused.get(r.suite) ?? 0) + 1);
  const sampling = new Map<string, SuiteSampling>();
  for (const s of planned) {
    if (s.message) continue;
    const isSeq = sequential.has(s.name);
    const used = isSeq ? (scheduled.get(s.name) ?? 0) : (max.get(s.name) ?? 0);
    sampling.set(s.name, {
      mode: isSeq ? 'sequential' : 'fixed',
      rounds: isSeq ? (rounds.get(s.name) ?? 1) : 1,
      samples_used: used,
      samples_max: max.get(s.name) ?? 0,
      reused: reused.get(s.name) ?? 0,
      ...(args.fallback ? { fallback: args.fallback } : {}),
    });
  }
  return { records, calls, ...(stopped ? { stopped } : {}), warnings, scheduled, sampling, confidence, sequential };
}

export const SHARD_FALLBACK = 'a sharded run uses the fixed design: deciding when to stop needs every sample of a suite in one run, and a shard sees one slice of them';
export const MERGE_FALLBACK = 'merged shard results are fixed-design samples (a sharded run uses the fixed design)';
