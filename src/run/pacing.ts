import type { RateInfo } from '../providers/openai.js';

/**
 * Weighted starts in a sliding window: the client-side `rpm` (weight 1 a call) and `tpm` (weight = estimated
 * tokens) limits. Kept as parallel arrays with a moving head so a long run costs O(1) per start.
 */
export class SlidingWindow {
  private times: number[] = [];
  private weights: number[] = [];
  private head = 0;
  private total = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Milliseconds until `weight` more fits in the window; 0 when it fits now. */
  waitFor(now: number, weight: number): number {
    this.expire(now);
    // A single call heavier than the whole limit still goes, alone, rather than never.
    if (this.total + weight <= this.limit || this.head === this.times.length) return 0;
    let freed = 0;
    for (let k = this.head; k < this.times.length; k++) {
      freed += this.weights[k]!;
      if (this.total - freed + weight <= this.limit) return Math.max(1, this.times[k]! + this.windowMs - now);
    }
    return Math.max(1, this.times[this.times.length - 1]! + this.windowMs - now);
  }

  add(now: number, weight: number): void {
    this.expire(now);
    this.times.push(now);
    this.weights.push(weight);
    this.total += weight;
  }

  private expire(now: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) {
      this.total -= this.weights[this.head]!;
      this.head++;
    }
    if (this.head > 4096 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.weights = this.weights.slice(this.head);
      this.head = 0;
    }
  }
}

export interface PacerOptions {
  /** The most calls in flight; also where the adaptive limit starts. */
  concurrency: number;
  /** Client-side requests per minute. */
  rpm?: number;
  /** Client-side tokens per minute (estimated: input ≈ characters / 4, output = max_tokens). */
  tpm?: number;
}

/** How long a quota probe may go unanswered before the next one, and the reset assumed when a header gives none. */
const PROBE_MS = 1_000;

interface Quota {
  /** A lower bound on what the provider would still accept now. */
  remaining: number;
  resetAt: number;
}

/** Starts so far, counted when a call starts; a response's headers are read against its call's mark. */
export interface StartMark {
  requests: number;
  tokens: number;
}

/**
 * When the next call may start, from what the run has seen so far.
 *
 * - Calls in flight follow AIMD (additive increase, multiplicative decrease — Jacobson, "Congestion Avoidance
 *   and Control", SIGCOMM 1988): start at `concurrency`, halve on a 429, add one after a full window of
 *   successes, never above `concurrency`. Only a 429 from a call started after the last cut cuts again, so one
 *   burst of 429s from the same window halves once, not once per call.
 * - A 429 pauses every start until its `retry-after`.
 * - `x-ratelimit-remaining-requests` / `-tokens` are a quota to spend. A header counts the calls that reached
 *   the provider before it was written, which may miss any call started after the one it answers; so the quota
 *   is the header's count less every start since that call — a lower bound, never stale upwards when answers
 *   arrive out of order. Each start spends one; at zero, starts wait for `x-ratelimit-reset-*`, then one probe
 *   call reads the fresh count. A review thus slows down as the window runs out instead of after a burst of 429s.
 * - Optional client-side rpm/tpm windows keep a review under a quota the provider does not announce.
 */
export class Pacer {
  /** Calls allowed in flight now. */
  limit: number;
  /** How often the limit was halved, and how many 429s were seen: for benchmarks and logs. */
  cuts = 0;
  rateLimited = 0;
  private readonly max: number;
  private streak = 0;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  private pauseUntil = 0;
  private requests: Quota | null = null;
  private startedRequests = 0;
  private startedTokens = 0;
  private tokens: Quota | null = null;
  private readonly rpm?: SlidingWindow;
  private readonly tpm?: SlidingWindow;

  constructor(opts: PacerOptions) {
    this.max = Math.max(1, Math.floor(opts.concurrency));
    this.limit = this.max;
    if (opts.rpm) this.rpm = new SlidingWindow(opts.rpm, 60_000);
    if (opts.tpm) this.tpm = new SlidingWindow(opts.tpm, 60_000);
  }

  /** Milliseconds to wait before a call of `tokens` estimated tokens may start; 0 = now. Ignores the in-flight limit. */
  delay(now: number, tokens: number): number {
    if (now < this.pauseUntil) return this.pauseUntil - now;
    // Past the reset, one probe goes out and its answer sets the quota; a probe that brings no answer is followed
    // by another a second later, not by a burst.
    if (this.requests && this.requests.remaining <= 0) {
      if (now < this.requests.resetAt) return this.requests.resetAt - now;
      this.requests = { remaining: 1, resetAt: now + PROBE_MS };
    }
    if (this.tokens && this.tokens.remaining < tokens) {
      if (now < this.tokens.resetAt) return this.tokens.resetAt - now;
      this.tokens = { remaining: tokens, resetAt: now + PROBE_MS };
    }
    return Math.max(this.rpm?.waitFor(now, 1) ?? 0, this.tpm?.waitFor(now, tokens) ?? 0);
  }

  started(now: number, tokens: number): StartMark {
    this.startedRequests++;
    this.startedTokens += tokens;
    if (this.requests) this.requests.remaining--;
    if (this.tokens) this.tokens.remaining -= tokens;
    this.rpm?.add(now, 1);
    this.tpm?.add(now, tokens);
    return { requests: this.startedRequests, tokens: this.startedTokens };
  }

  /** Headers of any response, success or error, to the call started at `mark`. */
  observe(rate: RateInfo, now: number, mark?: StartMark): void {
    if (rate.remainingRequests !== undefined) {
      const since = mark ? this.startedRequests - mark.requests : 0;
      this.requests = this.bound(this.requests, rate.remainingRequests - since, now, rate.resetRequestsMs);
    }
    if (rate.remainingTokens !== undefined) {
      const since = mark ? this.startedTokens - mark.tokens : 0;
      this.tokens = this.bound(this.tokens, rate.remainingTokens - since, now, rate.resetTokensMs);
    }
  }

  private bound(quota: Quota | null, remaining: number, now: number, resetMs: number | undefined): Quota {
    const resetAt = now + (resetMs ?? PROBE_MS);
    if (!quota || now >= quota.resetAt) return { remaining, resetAt };
    return { remaining: Math.max(quota.remaining, remaining), resetAt };
  }

  succeeded(): void {
    if (++this.streak >= this.limit) {
      this.streak = 0;
      if (this.limit < this.max) this.limit++;
    }
  }

  /** A 429 for a call started at `startedAt`; `waitMs` is its retry-after, or the backoff when it gave none. */
  rateLimitedAt(now: number, startedAt: number, waitMs: number): void {
    this.rateLimited++;
    this.streak = 0;
    if (startedAt >= this.lastCutAt && this.limit > 1) {
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.cuts++;
      this.lastCutAt = now;
    }
    this.pauseUntil = Math.max(this.pauseUntil, now + waitMs);
  }
}
