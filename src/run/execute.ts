import type { GraderRequest } from '../assertions/index.js';
import { PromptgateError } from '../errors.js';
import { onConnect } from '../providers/http-fetch.js';
import { baseUrlProblem, CallError, callChat, classify, unreachableFix, type CallEndpoint } from '../providers/openai.js';
import type { ChatMessage } from '../prompts/types.js';
import { safeUrl } from '../redact.js';
import { checkBudgetPricing, costOf, estimateGrading, estimateUsage } from './budget.js';
import { cacheKey, type ResponseCache } from './cache.js';
import { graderEndpoint, graderMessages, judgeAnswer } from './grader.js';
import { Pacer, type StartMark } from './pacing.js';
import type { CallCounts, ModelOutput, SampleRecord, SampleRequest } from './types.js';

/** What the runner hands each `grade` call. */
export interface GradeTools {
  /**
   * The judge for `llm_rubric`: one model call on the sample's endpoint (the assertion's model when it names one),
   * made by the runner like any sample call — it waits for a slot under the same pacing, is retried the same way,
   * counts against the budget and adds its cost to the sample's. Answers are cached; a cut-off reply throws.
   */
  grader: (req: GraderRequest) => Promise<string>;
}

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
   * After `signal`, stops waiting for the calls in flight: the run returns without them (a second Ctrl-C, or the
   * SIGTERM a CI runner sends shortly before it kills the job). Their answers are still cached if they arrive before
   * the process exits. Samples whose answer is already in are still cached, graded and recorded — they are paid for —
   * unless their grading waits on a grader call (a call in flight too), and for at most {@link FORCED_STOP_GRACE_MS}.
   */
  forceStop?: AbortSignal;
  /** Grades one output; `run.grader` is the paced, budgeted judge for `llm_rubric` (see {@link GradeTools}). */
  grade: (req: SampleRequest, output: ModelOutput, run: GradeTools) => Promise<{ passed: boolean; score: number; reason?: string }>;
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
  /** Samples (the report's `calls`): one per finished sample. */
  calls: CallCounts;
  /** Grader answers asked for by `llm_rubric` assertions: how many, from the cache, failed after retries, retries. */
  graders: CallCounts;
  stopped?: { reason: 'budget' | 'aborted' | 'fatal'; message: string };
  /** How the run paced itself, for benchmarks and logs. `modelCalls` counts every call started, graders included. */
  pacing: { peakConcurrency: number; finalConcurrency: number; cuts: number; rateLimited: number; modelCalls: number; graderCalls: number };
  /** Problems that cost nothing now but should be said (a cache that cannot be written). */
  warnings: string[];
}

/**
 * How long a forced stop still waits for samples whose answer is in to be cached, graded and recorded: short, for
 * a forced stop is often a SIGTERM with a SIGKILL 2.5 s behind it (GitHub's runner), and the report is still to come.
 */
export const FORCED_STOP_GRACE_MS = 500;
const BASE_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 30_000;
/** Estimates (characters / 4) can fall short of real usage, so the running guard keeps this margin on calls not yet paid. */
const BUDGET_MARGIN = 1.5;
/** Cache reads at once: enough to hide disk latency, few enough to stay far from the open-files limit. */
const CACHE_READS = 32;
/**
 * An endpoint never reached (no connection, no answer) gets this many attempts in all when each ends without a
 * connection (refused, host not found, no connection before the timeout), waiting these long in between: a
 * refused port or an unknown host does not heal in seconds, and a resolver's passing EAI_AGAIN gets two more
 * chances over two seconds. Then the run stops with one message (docs/reliability.md).
 */
const UNREACHABLE_ATTEMPTS = 3;
const UNREACHABLE_WAITS_MS = [500, 1_500];

/** What one sample's grading spent on grader calls, and what it still holds of the budget it reserved for them. */
interface GradingState {
  costUsd: number;
  reserve: number;
  /** A grader call was refused because the run stopped: the sample is left out, not recorded as an error. */
  stoppedOut: boolean;
  /** Its grader calls not answered yet. */
  graderCalls: number;
}

/** One grader call the runner owes a grading in progress. */
interface GraderJob {
  grading: GradingState;
  endpoint: CallEndpoint;
  messages: ChatMessage[];
  retries: number;
  resolve: (output: ModelOutput) => void;
  reject: (err: unknown) => void;
}
/** A sample call (its index) or a grader call. */
type Job = number | GraderJob;

/** Per origin (scheme, host, port): has a connection to it ever been made, and which call is finding out. */
interface Reach {
  /** A connection was established (TCP, and TLS for https), or a call got an HTTP answer. */
  reached: boolean;
  /** Until then, the one call allowed in flight (or waiting to retry) to this origin. */
  probe: Job | null;
  faults: number;
  firstAt: number;
}

/** Thrown into a grading whose grader call the stopped run will not make: the sample is left out (partial run). */
const STOP = Symbol('stopped');

/**
 * Run every sample: cache first, then the model, as fast as the provider allows and no faster (pacing: see
 * {@link Pacer}). A failed call is retried with full-jitter exponential backoff (Brooker, "Exponential Backoff
 * And Jitter", AWS Architecture Blog, 2015), never sooner than the server's `retry-after`; after `maxRetries` it
 * is the sample's error — never a failed assertion. Each output is cached the moment its call returns, before
 * grading, so an interrupted run resumes without paying twice. Grader calls are model calls like the samples'
 * (see {@link GradeTools}). Until a connection to an origin has been made, one call at a time goes to it, and a
 * few attempts that get none stop the run (docs/reliability.md). Hand-written rather than p-limit/p-queue because
 * their concurrency is fixed and they have no notion of a server asking us to wait.
 */
export async function runSamples(requests: SampleRequest[], opts: RunOptions): Promise<RunOutcome> {
  const random = opts.random ?? Math.random;
  const call = opts.call ?? callChat;
  const total = requests.length;
  const records: (SampleRecord | undefined)[] = new Array(total);
  const retries = new Uint16Array(total);
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  const graders: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  const pacer = new Pacer({ concurrency: opts.concurrency, rpm: opts.rpm, tpm: opts.tpm });
  const pacing = { peakConcurrency: 0, finalConcurrency: 0, cuts: 0, rateLimited: 0, modelCalls: 0, graderCalls: 0 };
  const warnings: string[] = [];
  let stopped: RunOutcome['stopped'];
  let internalError: unknown;
  let done = 0;
  let paidDone = 0;
  const started = Date.now();
  const outcome = (): RunOutcome => {
    pacing.finalConcurrency = pacer.limit;
    pacing.cuts = pacer.cuts;
    pacing.rateLimited = pacer.rateLimited;
    return { records: records.filter((r): r is SampleRecord => r !== undefined), calls, graders, ...(stopped ? { stopped } : {}), pacing, warnings };
  };

  // 0. A base URL that is not one: no call could succeed, and no retry can fix it.
  const seenUrls = new Set<string>();
  for (const q of requests) {
    if (seenUrls.has(q.endpoint.baseURL)) continue;
    seenUrls.add(q.endpoint.baseURL);
    const problem = baseUrlProblem(q.endpoint.baseURL);
    if (problem) {
      stopped = { reason: 'fatal', message: problem };
      return outcome();
    }
  }

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

  // The scheduler's state (used from section 2 on; grading in section 1 may already queue grader calls).
  let queued = 0; // next index into `queue`
  const queue: number[] = [];
  const due: Job[] = []; // retries whose wait is over, and grader calls: they go before new samples
  const delayed: { job: Job; at: number }[] = [];
  // Endpoints (base URL + model) that answered at least once: a 400 from one of them is one request's problem.
  const answered = new Set<string>();
  const reachByUrl = new Map<string, Reach>();
  const reachByOrigin = new Map<string, Reach>();
  let active = 0;
  let activeSamples = 0;
  let grading = 0; // samples between their model answer and their record
  let gradingOnGrader = 0; // of those, the ones whose grading waits on a grader call (a call in flight)
  let feeders = 0; // workers still grading cached samples
  let spent = 0;
  let inflightEstimate = 0;
  let wake: (() => void) | null = null;
  const nudge = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const endpointKey = (e: CallEndpoint) => `${e.baseURL}\0${e.model}`;
  const reachOf = (baseURL: string): Reach => {
    let r = reachByUrl.get(baseURL);
    if (!r) {
      const origin = new URL(baseURL).origin;
      r = reachByOrigin.get(origin);
      if (!r) reachByOrigin.set(origin, (r = { reached: false, probe: null, faults: 0, firstAt: 0 }));
      reachByUrl.set(baseURL, r);
    }
    return r;
  };
  const jobEndpoint = (job: Job): CallEndpoint => (typeof job === 'number' ? requests[job]!.endpoint : job.endpoint);
  /**
   * After a budget stop, samples already answered may still be graded: their grading was reserved when they
   * started, and each grader call is checked against the budget again. Any other stop makes no call more.
   */
  const gradersOnly = () => stopped?.reason === 'budget' && !returned && !opts.signal?.aborted && !opts.forceStop?.aborted;
  // Calls the stopped run will not make: samples not started are left out, and so is a sample whose grader call
  // will not be made (its grading ends with STOP).
  const dropQueued = () => {
    queued = queue.length;
    const keep = gradersOnly();
    const drop = (job: Job) => {
      if (typeof job === 'number') return false;
      if (keep) return true;
      job.reject(STOP);
      return false;
    };
    const dueKept = due.filter(drop);
    const delayedKept = delayed.filter((d) => drop(d.job));
    due.length = 0;
    due.push(...dueKept);
    delayed.length = 0;
    delayed.push(...delayedKept);
  };

  /** The `run` argument of one sample's grading: its grader calls, their cost and the budget it reserved for them. */
  const toolsFor = (i: number, reserve: number) => {
    const q = requests[i]!;
    const state: GradingState = { costUsd: 0, reserve, stoppedOut: false, graderCalls: 0 };
    const tools: GradeTools = {
      grader: async (g) => {
        const e = graderEndpoint(q.endpoint, g.model);
        const messages = graderMessages(g);
        const key = cacheKey(e, messages, 0);
        graders.total++;
        let output = opts.cache ? await opts.cache.get(key) : undefined;
        if (output) {
          graders.cached++;
        } else {
          if ((stopped && !gradersOnly()) || returned) {
            state.stoppedOut = true;
            throw STOP;
          }
          // Counted once per sample, however many of its grader calls are out at once.
          if (state.graderCalls++ === 0) gradingOnGrader++;
          try {
            output = await new Promise<ModelOutput>((resolve, reject) => {
              due.push({ grading: state, endpoint: e, messages, retries: 0, resolve, reject });
              nudge();
            });
          } catch (err) {
            if (err === STOP) state.stoppedOut = true;
            else graders.failed++;
            throw err;
          } finally {
            if (--state.graderCalls === 0) gradingOnGrader--;
          }
          if (opts.cache) {
            try {
              await opts.cache.set(key, output);
            } catch (err) {
              if (warnings.length === 0) warnings.push(`the response cache could not be written (${err instanceof Error ? err.message : String(err)}); a rerun will call the model again`);
            }
          }
        }
        state.costUsd += costOf(e, output.usage);
        return judgeAnswer(output, e);
      },
    };
    return { tools, state };
  };

  /** Grade one output and record the sample. `costUsd` is its model call's; its grader calls' are added. */
  const graded = async (i: number, output: ModelOutput, cached: boolean, costUsd: number, reserve: number) => {
    const q = requests[i]!;
    const { tools, state } = toolsFor(i, reserve);
    let g: Awaited<ReturnType<RunOptions['grade']>>;
    try {
      g = await opts.grade(q, output, tools);
    } catch (err) {
      // A bad assertion is the user's to fix: stop and say so. Anything else (a grader model down) is this sample's error.
      if (err instanceof PromptgateError) throw err;
      if (state.stoppedOut) return;
      const why = err instanceof Error ? err.message : String(err);
      return finish(i, failure(q, i, cached, costUsd + state.costUsd, `grading failed: ${why}`));
    } finally {
      inflightEstimate -= state.reserve;
      state.reserve = 0;
    }
    const record: SampleRecord & { ok: true } = {
      suite: q.suite,
      variant: q.variant,
      caseId: q.caseId,
      sampleIndex: q.sampleIndex,
      cached,
      retries: retries[i]!,
      costUsd: costUsd + state.costUsd,
      ok: true,
      output,
      passed: g.passed,
      score: g.score,
    };
    if (g.reason) record.reason = g.reason;
    finish(i, record);
  };
  /** Where a grade that threw (a bad assertion, a bug) goes: the run stops and runSamples rethrows it. */
  const crashed = (err: unknown) => {
    internalError ??= err;
    stopped ??= { reason: 'fatal', message: err instanceof Error ? err.message : String(err) };
  };
  /** Grade a sample without letting the scheduler lose sight of it: `grading` counts it until its record is made. */
  const gradeAsync = async (i: number, output: ModelOutput, cached: boolean, costUsd: number, reserve: number, before?: () => Promise<void>) => {
    grading++;
    try {
      await before?.();
      await graded(i, output, cached, costUsd, reserve);
    } catch (err) {
      crashed(err);
    } finally {
      grading--;
      nudge();
    }
  };

  // 1. The cache: what was paid for once is never paid for again.
  const hits: (ModelOutput | undefined)[] = new Array(total);
  const hitList: number[] = [];
  if (opts.cache) {
    const cache = opts.cache;
    let next = 0;
    const reader = async () => {
      while (next < total) {
        const i = next++;
        hits[i] = await cache.get(requests[i]!.cacheKey);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CACHE_READS, total) }, reader));
    for (let i = 0; i < total; i++) (hits[i] ? hitList : queue).push(i);
  } else {
    for (let i = 0; i < total; i++) queue.push(i);
  }

  // A budget needs prices for whatever will be called: the samples not cached, and graders (on the samples' prices).
  if (opts.budgetUsd !== undefined) {
    const toCall = queue.map((i) => requests[i]!);
    for (const i of hitList) if (estimateGrading(requests[i]!).calls > 0) toCall.push(requests[i]!);
    checkBudgetPricing(toCall, opts.budgetUsd);
  }

  // Cached samples are graded while the model works on the rest: their graders may need calls, which queue like any.
  let hitNext = 0;
  const feed = async () => {
    while (hitNext < hitList.length && !opts.forceStop?.aborted && internalError === undefined) {
      const i = hitList[hitNext++]!;
      const hit = hits[i]!;
      hits[i] = undefined;
      await gradeAsync(i, hit, true, costOf(requests[i]!.endpoint, hit.usage), 0);
    }
  };
  for (let w = 0; w < Math.min(CACHE_READS, hitList.length); w++) {
    feeders++;
    void feed().finally(() => {
      feeders--;
      nudge();
    });
  }

  // 2. The model, paced.
  const onSuccess = (i: number, output: ModelOutput, reserve: number) => {
    const q = requests[i]!;
    const costUsd = costOf(q.endpoint, output.usage);
    spent += costUsd;
    const store = async () => {
      if (!opts.cache) return;
      try {
        await opts.cache.set(q.cacheKey, output);
      } catch (err) {
        if (warnings.length === 0) warnings.push(`the response cache could not be written (${err instanceof Error ? err.message : String(err)}); a rerun will call the model again`);
      }
    };
    // Cached before it is graded, so an interrupted run resumes without paying twice.
    return gradeAsync(i, output, false, costUsd, reserve, store);
  };

  /** The message that stops a run whose endpoint never answered. */
  const unreachable = (e: CallError, endpoint: CallEndpoint, reach: Reach, now: number) => {
    const what = e.unreachable === 'TIMEOUT' ? `cannot reach ${safeUrl(endpoint.baseURL)}: no answer within ${(opts.timeoutMs / 1000).toFixed(1)} s` : e.message;
    const over = ((now - reach.firstAt) / 1000).toFixed(1);
    return `${what} — it never answered (${reach.faults} attempts over ${over} s); ${unreachableFix(e.unreachable ?? '')}`;
  };

  /** A call failed. Returns the wait before it may be retried, or undefined when it will not be. */
  const onFailure = (job: Job, err: unknown, startedAt: number, mark: StartMark) => {
    const endpoint = jobEndpoint(job);
    const grader = typeof job !== 'number';
    const e = err instanceof CallError ? err : classify(err, endpoint);
    const now = Date.now();
    const tries = grader ? job.retries : retries[job]!;
    const backoff = random() * Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (tries + 1));
    pacer.observe(e.rate, now, mark);
    if (e.status === 429) pacer.rateLimitedAt(now, startedAt, e.rate.retryAfterMs ?? backoff);
    const reach = reachOf(endpoint.baseURL);
    const neverReached = e.unreachable !== undefined && !reach.reached;
    const end = (message: string) => {
      if (grader) job.reject(new Error(message, { cause: e }));
      else failed(job, message);
    };
    if (!neverReached) {
      // An HTTP answer, or a fault after a connection was made: the endpoint is there.
      if (e.unreachable === undefined) reach.reached = true;
      if (reach.probe === job) reach.probe = null;
    } else if (++reach.faults >= UNREACHABLE_ATTEMPTS && !stopped) {
      stopped = { reason: 'fatal', message: unreachable(e, endpoint, reach, now) };
      return end(stopped.message);
    }
    // After a stop, a sample that did not finish is absent (the run is partial), not an error.
    if (stopped && !(grader && gradersOnly())) {
      if (grader) job.reject(STOP);
      return;
    }
    const retry = (wait: number) => {
      if (grader) {
        job.retries++;
        graders.retried++;
      } else {
        retries[job]!++;
        calls.retried++;
      }
      delayed.push({ job, at: now + wait });
    };
    // An endpoint never reached: its probe tries again soon, whatever max_retries says; a few times, then stop.
    if (neverReached) return retry(UNREACHABLE_WAITS_MS[reach.faults - 1] ?? UNREACHABLE_WAITS_MS.at(-1)!);
    if (e.kind === 'fatal' || (e.kind === 'rejected' && !answered.has(endpointKey(endpoint)))) {
      const message = grader ? `the llm_rubric grader (model "${endpoint.model}"): ${e.message}` : e.message;
      stopped = { reason: 'fatal', message };
      return end(message);
    }
    if (e.kind === 'retryable' && tries < opts.maxRetries) return retry(Math.max(e.rate.retryAfterMs ?? 0, backoff));
    end(`${e.message}${tries > 0 ? ` (after ${tries} retries)` : ''}`);
  };

  /** One call: `estimate` is its own cost estimate, `reserve` what a sample holds for grading it (0 for a grader call). */
  const attempt = async (job: Job, startedAt: number, mark: StartMark, estimate: number, reserve: number) => {
    const endpoint = jobEndpoint(job);
    let result: Awaited<ReturnType<typeof callChat>> | undefined;
    let error: unknown;
    try {
      result =
        typeof job === 'number'
          ? await call(endpoint, requests[job]!.messages, requests[job]!.sampleIndex, { timeoutMs: opts.timeoutMs })
          : await call(endpoint, job.messages, 0, { timeoutMs: opts.timeoutMs });
    } catch (err) {
      error = err;
    }
    active--;
    if (typeof job === 'number') activeSamples--;
    inflightEstimate -= estimate;
    try {
      if (!result) {
        // A sample that will be retried reserves its grading again when it restarts.
        inflightEstimate -= reserve;
        onFailure(job, error, startedAt, mark);
        return;
      }
      const reach = reachOf(endpoint.baseURL);
      reach.reached = true;
      reach.probe = null;
      answered.add(endpointKey(endpoint));
      pacer.observe(result.rate, Date.now(), mark);
      pacer.succeeded();
      if (typeof job !== 'number') {
        spent += costOf(endpoint, result.output.usage);
        job.resolve(result.output);
        return;
      }
      void onSuccess(job, result.output, reserve);
    } catch (err) {
      crashed(err);
    } finally {
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

  // A connection made opens the origin to every call at once: the probe need not wait for the model's answer.
  for (const url of seenUrls) reachOf(url);
  let stopListening: (() => void) | null = onConnect((origin) => {
    const reach = reachByOrigin.get(origin);
    if (!reach || reach.reached) return;
    reach.reached = true;
    nudge();
    if ([...reachByOrigin.values()].every((r) => r.reached)) {
      stopListening?.();
      stopListening = null;
    }
  });
  opts.signal?.addEventListener('abort', nudge);
  opts.forceStop?.addEventListener('abort', nudge);
  let forcedAt: number | undefined;
  try {
    for (;;) {
      if ((opts.signal?.aborted || opts.forceStop?.aborted) && !stopped) stopped = { reason: 'aborted', message: 'the review was interrupted; the samples that finished are reported and cached' };
      const now = Date.now();
      // A forced stop returns without the calls in flight, once what was answered is recorded (or the grace is over;
      // measured on the monotonic clock, which a wall-clock step cannot stretch).
      if (opts.forceStop?.aborted && stopped) {
        forcedAt ??= performance.now();
        if (grading === gradingOnGrader || performance.now() - forcedAt >= FORCED_STOP_GRACE_MS) break;
      }
      if (stopped) dropQueued();
      if (delayed.length) {
        delayed.sort((a, b) => a.at - b.at);
        while (delayed.length && delayed[0]!.at <= now) {
          const { job } = delayed.shift()!;
          // A probe goes first: the calls to its origin wait behind it.
          if (reachOf(jobEndpoint(job).baseURL).probe === job) due.unshift(job);
          else due.push(job);
        }
      }
      let waitMs = Number.POSITIVE_INFINITY;
      while ((!stopped || gradersOnly()) && active < pacer.limit && (due.length > 0 || (!stopped && queued < queue.length))) {
        const job = due.length ? due[0]! : queue[queued]!;
        const endpoint = jobEndpoint(job);
        const reach = reachOf(endpoint.baseURL);
        // Until a connection to its origin is made, one call at a time finds out whether anything is there.
        if (!reach.reached && reach.probe !== null && reach.probe !== job) break;
        const messages = typeof job === 'number' ? requests[job]!.messages : job.messages;
        const usage = estimateUsage({ endpoint, messages });
        const tokens = usage.input + usage.output;
        const t = Date.now();
        const delay = pacer.delay(t, tokens);
        if (delay > 0) {
          waitMs = delay;
          break;
        }
        const estimate = costOf(endpoint, usage);
        // A sample reserves what grading it may cost, so the run does not start samples it could not afford to
        // grade; a grader call draws on its sample's reserve (a cached sample has none) before adding to the total.
        const reserve = typeof job === 'number' ? estimateGrading(requests[job]!).usd : 0;
        const fromReserve = typeof job === 'number' ? 0 : Math.min(job.grading.reserve, estimate);
        const adds = estimate + reserve - fromReserve;
        if (opts.budgetUsd !== undefined && spent + BUDGET_MARGIN * (inflightEstimate + adds) > opts.budgetUsd) {
          stopped ??= {
            reason: 'budget',
            message: `stopped before exceeding the budget of $${opts.budgetUsd.toFixed(2)} ($${spent.toFixed(4)} spent, ${total - done - activeSamples - grading} samples not run); raise run.budget_usd to finish`,
          };
          if (typeof job === 'number') break;
          // A grading the budget cannot pay for any more: that sample is left out.
          due.shift();
          job.reject(STOP);
          continue;
        }
        if (typeof job !== 'number') job.grading.reserve -= fromReserve;
        if (due.length) due.shift();
        else queued++;
        if (!reach.reached && reach.probe === null) {
          reach.probe = job;
          if (reach.faults === 0) reach.firstAt = t;
        }
        const mark = pacer.started(t, tokens);
        active++;
        inflightEstimate += adds;
        pacing.modelCalls++;
        if (typeof job === 'number') activeSamples++;
        else pacing.graderCalls++;
        pacing.peakConcurrency = Math.max(pacing.peakConcurrency, active);
        void attempt(job, t, mark, estimate, reserve);
      }
      if (stopped) dropQueued();
      if (delayed.length) waitMs = Math.min(waitMs, delayed[0]!.at - now);
      if (forcedAt !== undefined) waitMs = Math.min(waitMs, forcedAt + FORCED_STOP_GRACE_MS - performance.now());
      const nothingLeft = due.length === 0 && queued >= queue.length && delayed.length === 0;
      if (active === 0 && grading === 0 && feeders === 0 && (stopped || nothingLeft)) break;
      await wait(waitMs);
    }
  } finally {
    stopListening?.();
    opts.signal?.removeEventListener('abort', nudge);
    opts.forceStop?.removeEventListener('abort', nudge);
    returned = true;
    dropQueued();
  }
  if (internalError !== undefined) throw internalError;
  return outcome();
}
