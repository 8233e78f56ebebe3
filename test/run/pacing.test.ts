import { describe, expect, it } from 'vitest';
import { Pacer, SlidingWindow } from '../../src/run/pacing.js';

/** The pacing rules on a clock the test controls. */

describe('SlidingWindow', () => {
  it('lets `limit` starts through per window, then waits for the oldest to leave', () => {
    const w = new SlidingWindow(3, 1_000);
    for (const t of [0, 100, 200]) {
      expect(w.waitFor(t, 1)).toBe(0);
      w.add(t, 1);
    }
    expect(w.waitFor(300, 1)).toBe(700);
    expect(w.waitFor(1_000, 1)).toBe(0);
  });

  it('weighs starts (tokens) and waits until enough weight has left', () => {
    const w = new SlidingWindow(1_000, 60_000);
    w.add(0, 400);
    w.add(10_000, 400);
    expect(w.waitFor(20_000, 300)).toBe(40_000); // the first 400 must leave
    expect(w.waitFor(20_000, 900)).toBe(50_000); // both must leave
    expect(w.waitFor(60_000, 300)).toBe(0);
  });

  it('lets a single start heavier than the whole limit go when the window is empty', () => {
    const w = new SlidingWindow(100, 60_000);
    expect(w.waitFor(0, 500)).toBe(0);
    w.add(0, 500);
    expect(w.waitFor(1, 1)).toBe(59_999);
  });
});

describe('Pacer', () => {
  it('halves on a 429 once per window of calls, pauses every start until retry-after, and grows back one at a time', () => {
    const p = new Pacer({ concurrency: 8 });
    const marks = Array.from({ length: 8 }, () => p.started(0, 10));
    expect(marks.at(-1)).toEqual({ requests: 8, tokens: 80 });
    // Three 429s from the same burst: one cut.
    p.rateLimitedAt(100, 0, 500);
    p.rateLimitedAt(101, 0, 500);
    p.rateLimitedAt(102, 0, 500);
    expect(p.limit).toBe(4);
    expect(p.cuts).toBe(1);
    expect(p.rateLimited).toBe(3);
    expect(p.delay(300, 10)).toBe(302); // until the last 429's retry-after: 102 + 500
    expect(p.delay(602, 10)).toBe(0);
    // A 429 for a call started after the cut cuts again.
    p.rateLimitedAt(700, 650, 0);
    expect(p.limit).toBe(2);
    // Additive increase: one more after each full window of successes, never above the configured concurrency.
    p.succeeded();
    expect(p.limit).toBe(2);
    p.succeeded();
    expect(p.limit).toBe(3);
    for (let i = 0; i < 100; i++) p.succeeded();
    expect(p.limit).toBe(8);
  });

  it('spends the x-ratelimit-remaining-requests quota and waits for its reset, then probes once', () => {
    const p = new Pacer({ concurrency: 8 });
    const m = p.started(0, 1);
    p.observe({ remainingRequests: 2, resetRequestsMs: 1_000 }, 10, m);
    expect(p.delay(10, 1)).toBe(0);
    p.started(10, 1);
    expect(p.delay(11, 1)).toBe(0);
    p.started(11, 1);
    expect(p.delay(12, 1)).toBe(998);
    // Past the reset: one probe, not a burst.
    expect(p.delay(1_010, 1)).toBe(0);
    const probe = p.started(1_010, 1);
    expect(p.delay(1_011, 1)).toBeGreaterThan(0);
    // The probe's answer sets the quota again.
    p.observe({ remainingRequests: 5, resetRequestsMs: 1_000 }, 1_020, probe);
    for (let i = 0; i < 5; i++) {
      expect(p.delay(1_020, 1)).toBe(0);
      p.started(1_020, 1);
    }
    expect(p.delay(1_020, 1)).toBeGreaterThan(0);
  });

  it('reads a header against the starts made since its call: a late answer cannot raise the quota', () => {
    const p = new Pacer({ concurrency: 16 });
    const first = p.started(0, 1);
    for (let i = 0; i < 9; i++) p.started(0, 1);
    // The first call's answer says 12 left, but 9 calls started after it may not have been counted: at most 3.
    p.observe({ remainingRequests: 12, resetRequestsMs: 5_000 }, 5, first);
    for (let i = 0; i < 3; i++) {
      expect(p.delay(5, 1)).toBe(0);
      p.started(5, 1);
    }
    expect(p.delay(5, 1)).toBe(5_000);
    // A fresher answer (from the last call) can raise it; a stale one cannot lower what a fresher one proved.
    const last = p.started(5_000, 1);
    p.observe({ remainingRequests: 4, resetRequestsMs: 5_000 }, 5_001, last);
    p.observe({ remainingRequests: 12, resetRequestsMs: 5_000 }, 5_002, first);
    let allowed = 0;
    while (p.delay(5_002, 1) === 0 && allowed < 100) {
      p.started(5_002, 1);
      allowed++;
    }
    expect(allowed).toBe(4);
  });

  it('waits for x-ratelimit-remaining-tokens to cover the next call', () => {
    const p = new Pacer({ concurrency: 8 });
    const m = p.started(0, 100);
    p.observe({ remainingTokens: 250, resetTokensMs: 2_000 }, 0, m);
    expect(p.delay(0, 200)).toBe(0);
    p.started(0, 200);
    expect(p.delay(0, 100)).toBe(2_000);
  });

  it('keeps client-side rpm and tpm limits over a 60 s window', () => {
    const rpm = new Pacer({ concurrency: 8, rpm: 2 });
    rpm.started(0, 1);
    rpm.started(1_000, 1);
    expect(rpm.delay(2_000, 1)).toBe(58_000);
    expect(rpm.delay(60_000, 1)).toBe(0);
    const tpm = new Pacer({ concurrency: 8, tpm: 1_000 });
    tpm.started(0, 600);
    expect(tpm.delay(1, 300)).toBe(0);
    expect(tpm.delay(1, 500)).toBe(59_999);
  });
});
