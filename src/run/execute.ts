import { PromptgateError } from '../errors.js';
import { CallError, callChat, classify } from '../providers/openai.js';
import { costOf, estimateUsage } from './budget.js';
import type { ResponseCache } from './cache.js';
import { Pacer, type StartMark } from './pacing.js';
import type { CallCounts, ModelOutput, SampleRecord, SampleRequest } from './types.js';

export interface RunOptions {
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  /** Client-side requests-per-minute limit. */
  rpm?: number;
  /** Client-side tokens-per-minute limit (estimated tokens per call). */
  tpm?: number;
  cache: ResponseCache | null;
  budgetUsd?: number;
  /** Stops starting calls; calls in flight finish and are cached (they are paid for), then the run returns. */
  signal?: AbortSignal;
  /**
   * After `signal`, stops waiting for the calls in flight: the run returns at once without them (a second Ctrl-C,
   * or the SIGTERM a CI runner sends shortly before it kills the job). Their answers are still cached if they
   * arrive before the process exits.
   */
  forceStop?: AbortSignal;
  grade: (req: SampleRequest, output: ModelOutput) => Promise<{ passed: boolean; score: number; reason?: string }>;
  onProgress?: (p: { done: number; total: number; cached: number; failed: number; etaMs: number | null }) => void;
  /** Called as each sample finishes. */
  onRecord?: (r: SampleRecord) => void;
  /** Every wait of the scheduler goes through this when given (tests record or shorten waits). */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source, in [0, 1). */
  random?: () => number;
  /** The call itself; injectable for tests of the scheduler. */
  call?: typeof callChat;
}

export interface RunOutcome {
  /** One per request that finished, in request order; unstarted or unfinished requests of a stopped run are absent. */
  records: SampleRecord[];
  calls: CallCounts;
  stopped?: { reason: 'budget' | 'aborted' | 'fatal'; message: string };
  /** How the run paced itself, for benchmarks and logs. */
  pacing: { peakConcurrency: number; finalConcurrency: number; cuts: number; rateLimited: number; modelCalls: number };
  /** Problems that cost nothing now but should be said (a cache that cannot be written). */
  warnings: string[];
}

const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
/** Estimates (characters / 4) can fall short of real usage, so the running guard keeps this margin on calls not yet paid. */
const BUDGET_MARGIN = 1.5;
/** Cache reads at once: enough to hide disk latency, few enough to stay far from the open-files limit. */
const CACHE_READS = 32;

/**
 * Run every sample: cache first, then the model, as fast as the provider allows and no faster (pacing: see
 * {@link Pacer}). A failed call is retried with full-jitter exponential backoff (Brooker, "Exponential Backoff
 * And Jitter", AWS Architecture Blog, 2015), never sooner than the server's `retry-after`; after `maxRetries` it
 * is the sample's error — never a failed assertion. Each output is cached the moment its call returns, before
 * grading, so an interrupted run resumes without paying twice. Hand-written rather than p-limit/p-queue because
 * their concurrency is fixed and they have no notion of a server asking us to wait.
 */
export async function runSamples(requests: SampleRequest[], opts: RunOptions): Promise<RunOutcome> {
  const random = opts.random ?? Math.random;
  const call = opts.call ?? callChat;
  const total = requests.length;
  const records: (SampleRecord | undefined)[] = new Array(total);
  const retries = new Uint16Array(total);
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  const pacer = new Pacer({ concurrency: opts.concurrency, rpm: opts.rpm, tpm: opts.tpm });
  const pacing = { peakConcurrency: 0, finalConcurrency: 0, cuts: 0, rateLimited: 0, modelCalls: 0 };
  const warnings: string[] = [];
  let stopped: RunOutcome['stopped'];
  let internalError: unknown;
  let done = 0;
  let paidDone = 0;
  const started = Date.now();

  const progress = () => {
    if (!opts.onProgress) return;
    const remaining = total - done;
    const etaMs = remaining === 0 ? 0 : paidDone >= 3 ? ((Date.now() - started) / paidDone) * remaining : null;
    opts.onProgress({ done, total, cached: calls.cached, failed: calls.failed, etaMs });
  };
  // Set when the run has returned: a call abandoned by a forced stop that finishes later is cached, not reported.
  let returned = false;
  const finish = (i: number, r: SampleRecord) => {
    if (returned) return;
    records[i] = r;
    done++;
    calls.total++;
    if (r.cached) calls.cached++;
    else paidDone++;
    if (!r.ok) calls.failed++;
    opts.onRecord?.(r);
    progress();
  };
  // Records are built as plain literals, one shape each: at 60,000 samples a spread-built record costs twice the memory.
  const failure = (q: SampleRequest, i: number, cached: boolean, costUsd: number, error: string): SampleRecord => ({
    suite: q.suite,
    variant: q.variant,
    caseId: q.caseId,
    sampleIndex: q.sampleIndex,
    cached,
    retries: retries[i]!,
    costUsd,
    ok: false,
    error,
  });
  const failed = (i: number, error: string) => finish(i, failure(requests[i]!, i, false, 0, error));
  const graded = async (i: number, output: ModelOutput, cached: boolean, costUsd = costOf(requests[i]!.endpoint, output.usage)) => {
    const q = requests[i]!;
    let g: Awaited<ReturnType<RunOptions['grade']>>;
    try {
      g = await opts.grade(q, output);
    } catch (err) {
      // A bad assertion is the user's to fix: stop and say so. Anything else (a grader model down) is this sample's error.
      if (err instanceof PromptgateError) throw err;
      return finish(i, failure(q, i, cached, costUsd, `grading failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    const record: SampleRecord & { ok: true } = {
      suite: q.suite,
      variant: q.variant,
      caseId: q.caseId,
      sampleIndex: q.sampleIndex,
      cached,
      retries: retries[i]!,
      costUsd,
      ok: true,
      output,
      passed: g.passed,
      score: g.score,
    };
    if (g.reason) record.reason = g.reason;
    finish(i, record);
  };

  // 1. The cache: what was paid for once is never paid for again.
  const queue: number[] = [];
  if (opts.cache) {
    const cache = opts.cache;
    const hits: (ModelOutput | undefined)[] = new Array(total);
    let next = 0;
    const reader = async () => {
      while (next < total) {
        const i = next++;
        hits[i] = await cache.get(requests[i]!.cacheKey);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CACHE_READS, total) }, reader));
    for (let i = 0; i < total; i++) {
      const hit = hits[i];
      hits[i] = undefined;
      if (hit) await graded(i, hit, true);
      else queue.push(i);
    }
  } else {
    for (let i = 0; i < total; i++) queue.push(i);
  }

  // 2. The model, paced.
  let queued = 0; // next index into `queue`
  const due: number[] = []; // retries whose wait is over: they go before new work
  const delayed: { i: number; at: number }[] = [];
  // Endpoints (base URL + model) that answered at least once: a 400 from one of them is one request's problem.
  const answered = new Set<string>();
  let active = 0;
  let spent = 0;
  let inflightEstimate = 0;
  let wake: (() => void) | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const endpointId = (q: SampleRequest) => `${q.endpoint.baseURL}\0${q.endpoint.model}`;

  const onSuccess = async (i: number, output: ModelOutput) => {
    const q = requests[i]!;
    answered.add(endpointId(q));
    const costUsd = costOf(q.endpoint, output.usage);
    spent += costUsd;
    if (opts.cache) {
      try {
        await opts.cache.set(q.cacheKey, output);
      } catch (err) {
        if (warnings.length === 0) warnings.push(`the response cache could not be written (${err instanceof Error ? err.message : String(err)}); a rerun will call the model again`);
      }
    }
    await graded(i, output, false, costUsd);
  };

  const onFailure = (i: number, err: unknown, startedAt: number, mark: StartMark) => {
    const q = requests[i]!;
    const e = err instanceof CallError ? err : classify(err, q.endpoint);
    const now = Date.now();
    const backoff = random() * Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (retries[i]! + 1));
    pacer.observe(e.rate, now, mark);
    if (e.status === 429) pacer.rateLimitedAt(now, startedAt, e.rate.retryAfterMs ?? backoff);
    // After a stop, a sample that did not finish is absent (the run is partial), not an error.
    if (stopped) return;
    if (e.kind === 'fatal' || (e.kind === 'rejected' && !answered.has(endpointId(q)))) {
      stopped = { reason: 'fatal', message: e.message };
      return failed(i, e.message);
    }
    if (e.kind === 'retryable' && retries[i]! < opts.maxRetries) {
      retries[i]!++;
      calls.retried++;
      delayed.push({ i, at: now + Math.max(e.rate.retryAfterMs ?? 0, backoff) });
      return;
    }
    failed(i, `${e.message}${retries[i]! > 0 ? ` (after ${retries[i]} retries)` : ''}`);
  };

  const attempt = async (i: number, startedAt: number, mark: StartMark, estimate: number) => {
    const q = requests[i]!;
    try {
      let result: Awaited<ReturnType<typeof callChat>>;
      try {
        result = await call(q.endpoint, q.messages, q.sampleIndex, { timeoutMs: opts.timeoutMs });
      } catch (err) {
        onFailure(i, err, startedAt, mark);
        return;
      }
      pacer.observe(result.rate, Date.now(), mark);
      pacer.succeeded();
      await onSuccess(i, result.output);
    } catch (err) {
      internalError ??= err;
      stopped ??= { reason: 'fatal', message: err instanceof Error ? err.message : String(err) };
    } finally {
      active--;
      inflightEstimate -= estimate;
      nudge();
    }
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      wake = () => {
        if (timer) clearTimeout(timer);
        resolve();
      };
      if (!Number.isFinite(ms)) return;
      if (opts.sleep) void opts.sleep(ms).then(nudge);
      else timer = setTimeout(nudge, Math.max(1, ms));
    });

  opts.signal?.addEventListener('abort', nudge);
  opts.forceStop?.addEventListener('abort', nudge);
  try {
    for (;;) {
      if ((opts.signal?.aborted || opts.forceStop?.aborted) && !stopped) stopped = { reason: 'aborted', message: 'the review was interrupted; the samples that finished are reported and cached' };
      if (opts.forceStop?.aborted && stopped) break;
      if (stopped) {
        queued = queue.length;
        due.length = 0;
        delayed.length = 0;
      }
      const now = Date.now();
      if (delayed.length) {
        delayed.sort((a, b) => a.at - b.at);
        while (delayed.length && delayed[0]!.at <= now) due.push(delayed.shift()!.i);
      }
      let waitMs = Number.POSITIVE_INFINITY;
      while (!stopped && active < pacer.limit && (due.length > 0 || queued < queue.length)) {
        const i = due.length ? due[0]! : queue[queued]!;
        const q = requests[i]!;
        const usage = estimateUsage(q);
        const tokens = usage.input + usage.output;
        const t = Date.now();
        const delay = pacer.delay(t, tokens);
        if (delay > 0) {
          waitMs = delay;
          break;
        }
        const estimate = costOf(q.endpoint, usage);
        if (opts.budgetUsd !== undefined && spent + BUDGET_MARGIN * (inflightEstimate + estimate) > opts.budgetUsd) {
          stopped = {
            reason: 'budget',
            message: `stopped before exceeding the budget of $${opts.budgetUsd.toFixed(2)} ($${spent.toFixed(4)} spent, ${total - done - active} samples not run); raise run.budget_usd to finish`,
          };
          break;
        }
        if (due.length) due.shift();
        else queued++;
        const mark = pacer.started(t, tokens);
        active++;
        inflightEstimate += estimate;
        pacing.modelCalls++;
        pacing.peakConcurrency = Math.max(pacing.peakConcurrency, active);
        void attempt(i, t, mark, estimate);
      }
      if (delayed.length) waitMs = Math.min(waitMs, delayed[0]!.at - now);
      const nothingLeft = due.length === 0 && queued >= queue.length && delayed.length === 0;
      if (active === 0 && (stopped || nothingLeft)) break;
      await wait(waitMs);
    }
  } finally {
    opts.signal?.removeEventListener('abort', nudge);
    opts.forceStop?.removeEventListener('abort', nudge);
  }
  returned = true;
  if (internalError !== undefined) throw internalError;
  pacing.finalConcurrency = pacer.limit;
  pacing.cuts = pacer.cuts;
  pacing.rateLimited = pacer.rateLimited;
  return { records: records.filter((r): r is SampleRecord => r !== undefined), calls, ...(stopped ? { stopped } : {}), pacing, warnings };
}
