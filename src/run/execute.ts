import { CallError, callChat, type RateInfo } from '../providers/openai.js';
import { costOf, estimateCall } from './budget.js';
import type { ResponseCache } from './cache.js';
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
  signal?: AbortSignal;
  grade: (req: SampleRequest, output: ModelOutput) => Promise<{ passed: boolean; score: number; reason?: string }>;
  onProgress?: (p: { done: number; total: number; cached: number; failed: number; etaMs: number | null }) => void;
  onRecord?: (r: SampleRecord) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The call itself; injectable for tests of the scheduler. */
  call?: typeof callChat;
}

export interface RunOutcome {
  records: SampleRecord[];
  calls: CallCounts;
  stopped?: { reason: 'budget' | 'aborted' | 'fatal'; message: string };
  /** The highest concurrency reached and how often it was cut, for benchmarks. */
  pacing: { peakConcurrency: number; cuts: number; rateLimited: number };
}

const BASE_BACKOFF_MS = 250;
const BUDGET_MARGIN = 1.5;
const MAX_BACKOFF_MS = 30_000;

/**
 * Run every sample: cache first, then the model, as fast as the provider allows and no faster.
 *
 * Pacing is AIMD on the number of calls in flight (as TCP does for packets): start at `concurrency`, halve on a
 * 429 and pause every start until its `retry-after`, add one after a window of successes, never above
 * `concurrency`. `x-ratelimit-remaining-*` at zero pauses starts until the matching reset; optional client-side
 * rpm/tpm windows keep a review under a known quota. Retries use full-jitter exponential backoff (AWS
 * Architecture Blog, "Exponential Backoff And Jitter", 2015), never shorter than the server's `retry-after`.
 * Written by hand because p-limit/p-queue have a fixed concurrency and no notion of a server telling us to wait.
 */
export async function runSamples(requests: SampleRequest[], opts: RunOptions): Promise<RunOutcome> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = opts.random ?? Math.random;
  const call = opts.call ?? callChat;
  const total = requests.length;
  const records: (SampleRecord | undefined)[] = new Array(total);
  const retries = new Array<number>(total).fill(0);
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  const pacing = { peakConcurrency: 0, cuts: 0, rateLimited: 0 };
  let stopped: RunOutcome['stopped'];
  let done = 0;
  let uncachedDone = 0;
  const started = Date.now();

  const progress = () => {
    if (!opts.onProgress) return;
    const remaining = total - done;
    const etaMs = uncachedDone >= 3 ? ((Date.now() - started) / uncachedDone) * remaining : null;
    opts.onProgress({ done, total, cached: calls.cached, failed: calls.failed, etaMs: remaining === 0 ? 0 : etaMs });
  };
  const finish = (i: number, r: SampleRecord) => {
    records[i] = r;
    done++;
    calls.total++;
    if (r.cached) calls.cached++;
    else uncachedDone++;
    if (!r.ok) calls.failed++;
    opts.onRecord?.(r);
    progress();
  };
  const base = (q: SampleRequest, i: number, cached: boolean, costUsd: number) => ({
    suite: q.suite,
    variant: q.variant,
    caseId: q.caseId,
    sampleIndex: q.sampleIndex,
    cached,
    retries: retries[i]!,
    costUsd,
  });
  const graded = async (i: number, output: ModelOutput, cached: boolean) => {
    const q = requests[i]!;
    const g = await opts.grade(q, output);
    finish(i, { ...base(q, i, cached, costOf(q.endpoint, output.usage)), ok: true, output, passed: g.passed, score: g.score, ...(g.reason ? { reason: g.reason } : {}) });
  };

  // 1. The cache: what was paid for once is never paid for again.
  const pending: number[] = [];
  if (opts.cache) {
    const cache = opts.cache;
    const hits = await Promise.all(requests.map((q) => cache.get(q.cacheKey)));
    for (let i = 0; i < total; i++) {
      const hit = hits[i];
      if (hit) await graded(i, hit, true);
      else pending.push(i);
    }
  } else {
    for (let i = 0; i < total; i++) pending.push(i);
  }

  // 2. The model, paced.
  const max = Math.max(1, opts.concurrency);
  let limit = max;
  let active = 0;
  let streak = 0;
  let pauseUntil = 0;
  let spent = 0;
  let inflightEstimate = 0;
  const delayed: { i: number; at: number }[] = [];
  const startTimes: number[] = [];
  const tokenStarts: { at: number; tokens: number }[] = [];
  let wake: () => void = () => {};
  const nudge = () => wake();

  // The provider's own count of requests left in its window, less the calls already in flight: starts are spent
  // from it, so a review slows down before the window is exhausted instead of after a burst of 429s.
  let quota = null as { remaining: number; resetAt: number } | null;
  const noteRate = (rate: RateInfo) => {
    const now = Date.now();
    if (rate.remainingRequests !== undefined) {
      quota = { remaining: rate.remainingRequests - Math.max(0, active - 1), resetAt: now + (rate.resetRequestsMs || 1_000) };
    }
    if (rate.remainingTokens !== undefined && rate.remainingTokens <= 0 && rate.resetTokensMs !== undefined) pauseUntil = Math.max(pauseUntil, now + rate.resetTokensMs);
  };

  const attempt = async (i: number) => {
    const q = requests[i]!;
    const estimate = estimateCall(q);
    active++;
    inflightEstimate += estimate;
    pacing.peakConcurrency = Math.max(pacing.peakConcurrency, active);
    try {
      const { output, rate } = await call(q.endpoint, q.messages, q.sampleIndex, { timeoutMs: opts.timeoutMs });
      noteRate(rate);
      spent += costOf(q.endpoint, output.usage);
      await opts.cache?.set(q.cacheKey, output);
      if (++streak >= limit) {
        streak = 0;
        if (limit < max) limit++;
      }
      await graded(i, output, false);
    } catch (err) {
      const e = err instanceof CallError ? err : new CallError(String((err as Error)?.message ?? err), true, false);
      noteRate(e.rate);
      if (e.fatal) {
        stopped ??= { reason: 'fatal', message: e.message };
        finish(i, { ...base(q, i, false, 0), ok: false, error: e.message });
      } else if (e.retryable && retries[i]! < opts.maxRetries && !stopped) {
        retries[i]!++;
        calls.retried++;
        const backoff = random() * Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** retries[i]!);
        const wait = Math.max(e.rate.retryAfterMs ?? 0, backoff);
        if (e.status === 429) {
          pacing.rateLimited++;
          streak = 0;
          if (limit > 1) {
            limit = Math.max(1, Math.floor(limit / 2));
            pacing.cuts++;
          }
          pauseUntil = Math.max(pauseUntil, Date.now() + (e.rate.retryAfterMs ?? backoff));
        }
        delayed.push({ i, at: Date.now() + wait });
      } else {
        finish(i, { ...base(q, i, false, 0), ok: false, error: `${e.message}${retries[i]! > 0 ? ` (after ${retries[i]} retries)` : ''}` });
      }
    } finally {
      active--;
      inflightEstimate -= estimate;
      nudge();
    }
  };

  const inflight = new Set<Promise<void>>();
  for (;;) {
    if (opts.signal?.aborted && !stopped) stopped = { reason: 'aborted', message: 'the review was interrupted; the samples that finished are reported and cached' };
    const now = Date.now();
    for (let k = delayed.length - 1; k >= 0; k--) {
      if (delayed[k]!.at <= now) pending.unshift(delayed.splice(k, 1)[0]!.i);
    }
    if (stopped) {
      pending.length = 0;
      delayed.length = 0;
    }
    let waitMs = Infinity;
    while (!stopped && pending.length && active < limit) {
      const t = Date.now();
      if (t < pauseUntil) {
        waitMs = pauseUntil - t;
        break;
      }
      if (quota && quota.remaining <= 0) {
        if (t < quota.resetAt) {
          waitMs = quota.resetAt - t;
          break;
        }
        quota = null;
      }
      while (startTimes.length && startTimes[0]! <= t - 60_000) startTimes.shift();
      while (tokenStarts.length && tokenStarts[0]!.at <= t - 60_000) tokenStarts.shift();
      if (opts.rpm && startTimes.length >= opts.rpm) {
        waitMs = startTimes[0]! + 60_000 - t;
        break;
      }
      const i = pending[0]!;
      const q = requests[i]!;
      const tokens = Math.ceil(q.messages.reduce((n, m) => n + m.content.length, 0) / 4) + Number(q.endpoint.params.max_tokens ?? 256);
      if (opts.tpm && tokenStarts.length && tokenStarts.reduce((n, s) => n + s.tokens, 0) + tokens > opts.tpm) {
        waitMs = tokenStarts[0]!.at + 60_000 - t;
        break;
      }
      // Estimates (characters / 4, max_tokens) can fall short of real usage, so the guard keeps a 50% margin on
      // what is not yet spent.
      if (opts.budgetUsd !== undefined && spent + BUDGET_MARGIN * (inflightEstimate + estimateCall(q)) > opts.budgetUsd) {
        stopped = {
          reason: 'budget',
          message: `stopped before exceeding the budget of $${opts.budgetUsd.toFixed(2)} ($${spent.toFixed(4)} spent); raise run.budget_usd to finish`,
        };
        break;
      }
      pending.shift();
      if (quota) quota.remaining--;
      startTimes.push(t);
      tokenStarts.push({ at: t, tokens });
      const p = attempt(i);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    }
    if (delayed.length) waitMs = Math.min(waitMs, Math.max(0, Math.min(...delayed.map((d) => d.at)) - Date.now()));
    if (!pending.length && !delayed.length && active === 0) break;
    if (stopped && active === 0) break;
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const onAbort = () => wake();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    await Promise.race([woken, Number.isFinite(waitMs) ? sleep(Math.max(1, waitMs)) : new Promise<void>(() => {})]);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  await Promise.all(inflight);
  return { records: records.filter((r): r is SampleRecord => r !== undefined), calls, ...(stopped ? { stopped } : {}), pacing };
}
