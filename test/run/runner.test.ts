import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PromptgateError } from '../../src/errors.js';
import { gradeOutput } from '../../src/assertions/grade.js';
import { CallError, callChat } from '../../src/providers/openai.js';
import { FORCED_STOP_GRACE_MS } from '../../src/run/execute.js';
import { cacheKey, checkBudgetPricing, diskCache, estimateCost, runSamples, type ResponseCache, type RunOptions } from '../../src/run/index.js';
import type { Endpoint, ModelOutput, SampleRecord, SampleRequest } from '../../src/run/types.js';
import { echoResponder, startFakeLlm, type FakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';

/** The runner against a real local server that throttles and fails the way providers do. */

function plan(url: string, cases: number, repeats: number, endpoint: Partial<Endpoint> = {}): SampleRequest[] {
  const out: SampleRequest[] = [];
  for (const variant of ['baseline', 'candidate'] as const) {
    const e: Endpoint = { baseURL: url, apiKey: 'k', model: 'm', params: { max_tokens: 8 }, ...endpoint };
    for (let c = 0; c < cases; c++) {
      const messages = [{ role: 'user' as const, content: `${variant} prompt for case ${c}` }];
      for (let i = 0; i < repeats; i++) {
        out.push({ suite: 's', variant, caseId: `c${c}`, sampleIndex: i, endpoint: e, messages, assert: [], cacheKey: cacheKey(e, messages, i) });
      }
    }
  }
  return out;
}

/** Pass when the reply's digest starts with an even hex digit: deterministic, about half of the samples. */
const grade: RunOptions['grade'] = async (_q, out: ModelOutput) => {
  const passed = parseInt(/echo ([0-9a-f])/.exec(out.text)?.[1] ?? '1', 16) % 2 === 0;
  return { passed, score: passed ? 1 : 0 };
};

const base = { concurrency: 16, timeoutMs: 2_000, maxRetries: 8, cache: null, grade } satisfies Partial<RunOptions>;
const key = (r: SampleRecord) => `${r.variant}/${r.caseId}/${r.sampleIndex}`;

let servers: FakeLlm[] = [];
async function server(opts: Parameters<typeof startFakeLlm>[0] = {}) {
  const s = await startFakeLlm({ apiKey: 'k', ...opts });
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A stop and then a forced stop (a second Ctrl-C), both given when the `n`-th grading starts (`graded()`). */
function stopsAtGrading(n: number) {
  const stop = new AbortController();
  const force = new AbortController();
  let started = 0;
  let forcedAt = 0;
  return {
    options: { signal: stop.signal, forceStop: force.signal },
    graded: () => {
      if (++started !== n) return;
      stop.abort();
      forcedAt = Date.now();
      force.abort();
    },
    forcedAt: () => forcedAt,
  };
}

describe('runSamples', () => {
  it('gives exactly the same samples through 429s, 5xx, hangs and connection resets, with no fault counted as a failure', async () => {
    const clean = await server();
    const faulty = await server({ faults: { rate429: 0.05, rate5xx: 0.02, hang: 0.01, reset: 0.01 }, faultSeed: 7 });
    const a = await runSamples(plan(clean.url, 200, 3), { ...base });
    const b = await runSamples(plan(faulty.url, 200, 3), { ...base, timeoutMs: 400 });
    const faults = faulty.stats().faults;
    expect(faults['429']).toBeGreaterThan(20);
    expect(faults['5xx']).toBeGreaterThan(5);
    expect(faults.hang).toBeGreaterThan(2);
    expect(faults.reset).toBeGreaterThan(2);
    expect(b.calls.failed).toBe(0);
    expect(b.records.filter((r) => !r.ok)).toEqual([]);
    expect(b.calls.retried).toBeGreaterThanOrEqual(Object.values(faults).reduce((x, y) => x + y, 0));
    expect(b.records).toHaveLength(1200);
    const summary = (rs: SampleRecord[]) => rs.map((r) => (r.ok ? `${key(r)} ${r.output.text} ${r.passed}` : `${key(r)} error`));
    expect(summary(b.records)).toEqual(summary(a.records));
    expect(b.pacing.cuts).toBeGreaterThan(0); // 429s made it back off
  });

  it('records a sample as an error after max_retries, never as a failed assertion', async () => {
    const broken = await server({ faults: { rate5xx: 1 } });
    const out = await runSamples(plan(broken.url, 2, 1), { ...base, maxRetries: 2, random: () => 0 });
    expect(out.records).toHaveLength(4);
    for (const r of out.records) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/HTTP 50\d.*after 2 retries/);
    }
    expect(broken.stats().requests).toBe(12);
  });

  it.each(['rate429', 'rate5xx', 'hang', 'reset', 'truncated', 'nonJson', 'emptyChoices'] as const)('retries %s until the call succeeds, with the same outputs', async (kind) => {
    const clean = await server();
    const faulty = await server({ faults: { [kind]: 0.3 }, faultSeed: 11 });
    const a = await runSamples(plan(clean.url, 10, 2), { ...base });
    // Only a hang needs the timeout to end it; elsewhere a short one would also cut slow answers on a loaded
    // machine, and count retries no fault caused.
    const b = await runSamples(plan(faulty.url, 10, 2), { ...base, timeoutMs: kind === 'hang' ? 1_000 : 10_000, random: () => 0 });
    const drawn = Object.values(faulty.stats().faults).reduce((x, y) => x + y, 0);
    expect(drawn).toBeGreaterThan(0);
    expect(b.calls.retried).toBe(drawn);
    expect(b.records.reduce((n, r) => n + r.retries, 0)).toBe(drawn);
    expect(b.calls.failed).toBe(0);
    const texts = (rs: SampleRecord[]) => rs.map((r) => (r.ok ? `${key(r)} ${r.output.text} ${r.output.usage.output}` : `${key(r)} error`));
    expect(texts(b.records)).toEqual(texts(a.records));
  });

  it('stops at the first rejected key with one clear message instead of an error per sample', async () => {
    const s = await server({ apiKey: 'right' });
    const out = await runSamples(plan(s.url, 50, 2), { ...base, concurrency: 4 });
    expect(out.stopped?.reason).toBe('fatal');
    expect(out.stopped?.message).toMatch(/401.*API key/);
    // The calls already in flight when the first 401 came back, and nothing after; one error, not a hundred.
    expect(s.stats().requests).toBeLessThanOrEqual(4);
    expect(out.records).toHaveLength(1);
    expect(out.calls.failed).toBe(1);
    expect(out.calls.retried).toBe(0);
  });

  it("a 400 before the endpoint ever answered stops the run; after, it is that sample's error", async () => {
    const rejected = () => new CallError('rejected', "HTTP 400: Unsupported parameter: 'temperature'", { status: 400 });
    const first = await runSamples(plan('http://unused', 5, 2), {
      ...base,
      concurrency: 1,
      call: async () => {
        throw rejected();
      },
    });
    expect(first.stopped).toEqual({ reason: 'fatal', message: rejected().message });
    expect(first.records).toHaveLength(1);

    let n = 0;
    const later = await runSamples(plan('http://unused', 5, 2), {
      ...base,
      concurrency: 1,
      call: async () => {
        if (++n === 3) throw new CallError('rejected', 'HTTP 400: maximum context length exceeded', { status: 400 });
        return { output: { text: 'echo 0', latencyMs: 1, usage: { input: 1, output: 1 } }, rate: {} };
      },
    });
    expect(later.stopped).toBeUndefined();
    expect(later.records).toHaveLength(20);
    expect(later.records.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error))).toEqual(['HTTP 400: maximum context length exceeded']);
    expect(later.calls.retried).toBe(0);
  });

  it('waits at least as long as Retry-After says', async () => {
    const starts: number[] = [];
    const call: RunOptions['call'] = async () => {
      starts.push(Date.now());
      if (starts.length === 1) throw new CallError('retryable', 'HTTP 429', { status: 429, rate: { retryAfterMs: 300 } });
      return { output: { text: 'echo 0', latencyMs: 1, usage: { input: 1, output: 1 } }, rate: {} };
    };
    const out = await runSamples(plan('http://unused', 1, 1).slice(0, 1), { ...base, call, random: () => 0 });
    expect(out.records[0]!.ok).toBe(true);
    expect(out.records[0]!.retries).toBe(1);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(295);
  });

  it('honours retry-after-ms from a real 429', async () => {
    const s = await server({ rpm: 1, windowMs: 300 });
    const t0 = performance.now();
    const out = await runSamples(plan(s.url, 1, 1), { ...base, concurrency: 2, random: () => 0 });
    const elapsed = performance.now() - t0;
    expect(out.records.map((r) => r.ok)).toEqual([true, true]);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(s.stats().completions).toBe(2);
  });

  it('a second identical run makes zero calls and gives the same samples', async () => {
    const s = await server();
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const requests = plan(s.url, 20, 3);
    const first = await runSamples(requests, { ...base, cache: diskCache(dir) });
    const before = s.stats().requests;
    expect(before).toBe(120);
    const second = await runSamples(requests, { ...base, cache: diskCache(dir) });
    expect(s.stats().requests).toBe(before);
    expect(second.calls).toEqual({ total: 120, cached: 120, failed: 0, retried: 0 });
    expect(second.pacing.modelCalls).toBe(0);
    const strip = (rs: SampleRecord[]) => rs.map((r) => ({ ...r, cached: false }));
    expect(strip(second.records)).toEqual(strip(first.records));
  });

  it('on abort, lets calls in flight finish and caches them, starts nothing more, and marks the run partial', async () => {
    const controller = new AbortController();
    let arrived = 0;
    // The abort comes when the fourth call reaches the server: four in flight, none answered yet.
    const s = await server({
      latencyMs: 200,
      responder: (req) => {
        if (++arrived === 4) controller.abort();
        return echoResponder(req);
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const out = await runSamples(plan(s.url, 10, 1), { ...base, concurrency: 4, cache: diskCache(dir), signal: controller.signal });
    expect(out.stopped?.reason).toBe('aborted');
    expect(out.records).toHaveLength(4);
    expect(out.records.every((r) => r.ok)).toBe(true);
    expect(s.stats().requests).toBe(4);
    const resumed = await runSamples(plan(s.url, 10, 1), { ...base, concurrency: 4, cache: diskCache(dir) });
    expect(resumed.calls.cached).toBe(4);
    expect(s.stats().requests).toBe(20);
  });

  it('on a forced stop, returns at once without the calls in flight, whose answers are still cached when they come', async () => {
    const stop = new AbortController();
    const force = new AbortController();
    let arrived = 0;
    let forcedAt = 0;
    const s = await server({
      latencyMs: 400,
      responder: (req) => {
        if (++arrived === 4) {
          stop.abort();
          forcedAt = Date.now();
          force.abort();
        }
        return echoResponder(req);
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const disk = diskCache(dir);
    let stored = 0;
    let allStored!: () => void;
    const fourStored = new Promise<void>((r) => (allStored = r));
    const cache: ResponseCache = {
      get: (k) => disk.get(k),
      set: async (k, v) => {
        await disk.set(k, v);
        if (++stored === 4) allStored();
      },
    };
    const out = await runSamples(plan(s.url, 10, 1), { ...base, concurrency: 4, cache, signal: stop.signal, forceStop: force.signal });
    expect(Date.now() - forcedAt).toBeLessThan(300);
    expect(out.stopped?.reason).toBe('aborted');
    expect(out.records).toHaveLength(0);
    expect(out.calls.total).toBe(0);
    // The four abandoned calls finish in the background and land in the cache; the outcome already returned stays as it was.
    await fourStored;
    expect(out.calls.total).toBe(0);
    const resumed = await runSamples(plan(s.url, 10, 1), { ...base, concurrency: 4, cache: diskCache(dir) });
    expect(resumed.calls.cached).toBe(4);
  });

  it('a forced stop still records the samples whose answers are in — not one whose grading waits on a grader call in flight', async () => {
    // Samples answer at once; the grader's call (its prompt says JUDGE) would take 20 s.
    const s = await server({ latencyMs: (req) => (req.messages.some((m) => m.content.includes('JUDGE')) ? 20_000 : 1) });
    const stops = stopsAtGrading(5);
    let releaseGrading!: () => void;
    const graded = new Promise<void>((r) => (releaseGrading = r));
    // Each grading holds until the forced stop has come: the answers are in, their records not made yet.
    stops.options.forceStop.addEventListener('abort', () => setImmediate(releaseGrading));
    const out = await runSamples(plan(s.url, 3, 1), {
      ...base,
      ...stops.options,
      concurrency: 6,
      grade: async (q, output, run) => {
        if (q.caseId === 'c0' && q.variant === 'baseline') {
          await run.grader({ prompt: 'JUDGE this' });
          return { passed: true, score: 1 };
        }
        stops.graded();
        await graded;
        return grade(q, output, run);
      },
    });
    expect(out.stopped?.reason).toBe('aborted');
    // Five of six recorded; the one waiting on its grader's call is left out, and the run did not wait 20 s for it.
    expect(out.records.map(key).sort()).toEqual(['baseline/c1/0', 'baseline/c2/0', 'candidate/c0/0', 'candidate/c1/0', 'candidate/c2/0']);
    expect(out.calls.total).toBe(5);
  });

  it('a forced stop waits at most FORCED_STOP_GRACE_MS for a grading that does not end', async () => {
    const s = await server({ latencyMs: 1 });
    const stops = stopsAtGrading(3);
    const out = await runSamples(plan(s.url, 2, 1), {
      ...base,
      ...stops.options,
      concurrency: 4,
      grade: async (q, output, run) => {
        if (q.caseId === 'c0' && q.variant === 'baseline') return new Promise(() => {});
        stops.graded();
        return grade(q, output, run);
      },
    });
    const waited = Date.now() - stops.forcedAt();
    expect(out.records).toHaveLength(3);
    expect(waited).toBeGreaterThanOrEqual(FORCED_STOP_GRACE_MS - 20);
    expect(waited).toBeLessThan(FORCED_STOP_GRACE_MS + 5_000);
  });

  it('a grader that fails makes that sample an error without calling the model again; a bad assertion stops the run', async () => {
    const s = await server();
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    let graded = 0;
    const out = await runSamples(plan(s.url, 3, 1), {
      ...base,
      cache: diskCache(dir),
      grade: async (q, output, run) => {
        if (q.caseId === 'c1' && q.variant === 'candidate') throw new Error('grader model unavailable');
        graded++;
        return grade(q, output, run);
      },
    });
    expect(s.stats().requests).toBe(6);
    expect(graded).toBe(5);
    const broken = out.records.filter((r) => !r.ok);
    expect(broken.map((r) => `${r.variant}/${r.caseId}: ${r.ok ? '' : r.error}`)).toEqual(['candidate/c1: grading failed: grader model unavailable']);
    // Re-grading takes the output from the cache.
    const again = await runSamples(plan(s.url, 3, 1), { ...base, cache: diskCache(dir) });
    expect(again.calls.cached).toBe(6);
    expect(s.stats().requests).toBe(6);
    await expect(
      runSamples(plan(s.url, 3, 1), {
        ...base,
        grade: async () => {
          throw new PromptgateError('regex: invalid pattern "(" ', { caseId: 'c0' });
        },
      }),
    ).rejects.toThrow(PromptgateError);
  });

  it('reports progress as samples finish, cached ones included', async () => {
    const s = await server();
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    await runSamples(plan(s.url, 5, 1), { ...base, cache: diskCache(dir) });
    const seen: { done: number; total: number; cached: number; etaMs: number | null }[] = [];
    const onRecord: SampleRecord[] = [];
    await runSamples(plan(s.url, 10, 1), { ...base, cache: diskCache(dir), onProgress: (p) => seen.push(p), onRecord: (r) => onRecord.push(r) });
    expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(seen.every((p) => p.total === 20)).toBe(true);
    expect(seen[9]!.cached).toBe(10);
    expect(seen.at(-1)!.etaMs).toBe(0);
    expect(onRecord).toHaveLength(20);
    expect(onRecord.filter((r) => r.cached)).toHaveLength(10);
  });

  it('resumes an interrupted run from the cache without paying for any sample twice', async () => {
    const s = await server({ latencyMs: 2 });
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const requests = plan(s.url, 100, 3);
    const controller = new AbortController();
    let seen = 0;
    const first = await runSamples(requests, {
      ...base,
      cache: diskCache(dir),
      signal: controller.signal,
      onRecord: () => {
        if (++seen === 250) controller.abort();
      },
    });
    expect(first.stopped?.reason).toBe('aborted');
    expect(first.records.length).toBeGreaterThanOrEqual(250);
    expect(first.records.length).toBeLessThan(600);
    const second = await runSamples(requests, { ...base, cache: diskCache(dir) });
    expect(second.records).toHaveLength(600);
    expect(second.calls.cached).toBe(first.records.length);
    expect([...s.stats().byKey.values()].every((n) => n === 1)).toBe(true);
    expect(s.stats().completions).toBe(600);
  });

  it('finishes under an enforced rate limit with no sample lost, pacing by the x-ratelimit headers', async () => {
    const s = await server({ rpm: 40, windowMs: 1_000 });
    const out = await runSamples(plan(s.url, 20, 3), { ...base });
    expect(out.records).toHaveLength(120);
    expect(out.records.every((r) => r.ok)).toBe(true);
    // Pacing from the headers keeps 429s rare: far fewer than one per call.
    expect(s.stats().faults.rpm ?? 0).toBeLessThan(20);
  });

  it('refuses nothing under budget, and stops before exceeding it mid-run', async () => {
    const s = await server();
    const pricing = { input_per_mtok: 1_000, output_per_mtok: 1_000 };
    const requests = plan(s.url, 50, 2, { pricing });
    const estimate = estimateCost(requests);
    expect(estimate.calls).toBe(200);
    expect(estimate.unknownPricing).toBe(false);
    const budget = estimate.usd / 10;
    const out = await runSamples(requests, { ...base, concurrency: 4, budgetUsd: budget });
    expect(out.stopped?.reason).toBe('budget');
    expect(out.records.length).toBeGreaterThan(0);
    expect(out.records.length).toBeLessThan(200);
    const spent = out.records.reduce((n, r) => n + r.costUsd, 0);
    expect(spent).toBeLessThanOrEqual(budget);
  });
});

/** A port nothing listens on: bound by a server that is closed again at once. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** callChat, counting the attempts the runner makes. */
function counted() {
  const seen = { attempts: 0 };
  const call: RunOptions['call'] = (...args) => {
    seen.attempts++;
    return callChat(...args);
  };
  return { seen, call };
}

describe('an endpoint that never answered', () => {
  it('connection refused: the run stops within seconds after three attempts, with one message that names the endpoint without credentials', async () => {
    const port = await closedPort();
    const { seen, call } = counted();
    const t0 = performance.now();
    // Defaults of a real run: 40 samples, 5 retries each, would be 240 attempts and minutes of backoff.
    const out = await runSamples(plan(`http://user:hunter2-secret@127.0.0.1:${port}/v1`, 20, 1), { ...base, concurrency: 8, maxRetries: 5, call });
    const elapsed = performance.now() - t0;
    expect(out.stopped?.reason).toBe('fatal');
    expect(out.stopped?.message).toBe(
      `cannot reach http://127.0.0.1:${port}/v1: connection refused: nothing is listening on 127.0.0.1:${port} (ECONNREFUSED) — it never answered (3 attempts over ${out.stopped?.message.match(/over (\d+\.\d) s/)?.[1]} s); check base_url (provider.base_url or the suite's provider.base_url in promptgate.yml, --base-url, or the Action's base-url input) and that the server is running`,
    );
    expect(out.stopped?.message).not.toContain('hunter2');
    expect(seen.attempts).toBe(3);
    expect(elapsed).toBeLessThan(5_000);
    // One error record (the probe's), not one per sample.
    expect(out.records).toHaveLength(1);
    expect(out.calls.failed).toBe(1);
  });

  it('a host that does not resolve stops the run the same way', async () => {
    const { seen, call } = counted();
    const t0 = performance.now();
    const out = await runSamples(plan('http://llm.promptgate-test.invalid/v1', 20, 1), { ...base, concurrency: 8, maxRetries: 5, call });
    expect(out.stopped?.reason).toBe('fatal');
    expect(out.stopped?.message).toMatch(
      /^cannot reach http:\/\/llm\.promptgate-test\.invalid\/v1: host not found: the name "llm\.promptgate-test\.invalid" does not resolve \((ENOTFOUND|EAI_AGAIN)\) — it never answered \(3 attempts over \d+\.\d s\); check the host name in base_url/,
    );
    expect(seen.attempts).toBe(3);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('a base URL that is not a URL stops the run before any call', async () => {
    for (const url of ['notaurl', 'ftp://example.test/v1']) {
      const { seen, call } = counted();
      const out = await runSamples(plan(url, 5, 1), { ...base, call });
      expect(out.stopped?.reason).toBe('fatal');
      expect(out.stopped?.message).toMatch(new RegExp(`^the base URL "${url.replace(/[./]/g, '\\$&')}" is not (a|an http\\(s\\)) URL; set base_url \\(provider\\.base_url`));
      expect(seen.attempts).toBe(0);
      expect(out.records).toEqual([]);
    }
  });

  it('once it has answered, a refused connection is retried like any fault, and the run finishes when the server is back', async () => {
    const first = await server();
    const port = Number(new URL(first.url).port);
    let ok = 0;
    let refused = 0;
    let backAgain: FakeLlm | undefined;
    const call: RunOptions['call'] = async (...args) => {
      try {
        const r = await callChat(...args);
        // The server goes away right after its first answer…
        if (++ok === 1) await first.close();
        return r;
      } catch (err) {
        // …and comes back after more refusals than a never-answered endpoint would get.
        if (err instanceof CallError && err.unreachable && ++refused === 5) backAgain = await server({ port });
        throw err;
      }
    };
    const out = await runSamples(plan(first.url, 5, 1), { ...base, concurrency: 1, maxRetries: 8, random: () => 0, call });
    expect(out.stopped).toBeUndefined();
    expect(refused).toBe(5);
    expect(out.records).toHaveLength(10);
    expect(out.records.every((r) => r.ok)).toBe(true);
    expect(out.calls.retried).toBe(5);
    expect(backAgain!.stats().completions).toBe(9);
  });

  it('the first call goes alone only until a connection is made, not until the model answers', async () => {
    let arrived = 0;
    let second!: () => void;
    const secondArrived = new Promise<void>((r) => (second = r));
    const s = await server({
      responder: async (req) => {
        // The first answer is held until a second call reaches the server: a runner that waited for it would hang.
        if (++arrived === 1) await secondArrived;
        else second();
        return echoResponder(req);
      },
    });
    const out = await runSamples(plan(s.url, 8, 1), { ...base, concurrency: 8, timeoutMs: 30_000 });
    expect(out.records.every((r) => r.ok)).toBe(true);
    expect(out.calls.retried).toBe(0);
    expect(out.pacing.peakConcurrency).toBe(8);
  });
});

/** A judge on the fake server: grading prompts get `judge(prompt)`, everything else the echo. */
function judging(
  judge: (prompt: string) => string | { content: string; usage?: { prompt_tokens: number; completion_tokens: number } },
  sampleUsage?: { prompt_tokens: number; completion_tokens: number },
) {
  return (req: FakeRequest) => {
    const last = req.messages[req.messages.length - 1]!.content;
    if (last.startsWith('Grade the output')) {
      const j = judge(last);
      return typeof j === 'string' ? { content: j } : j;
    }
    return { ...echoResponder(req), ...(sampleUsage ? { usage: sampleUsage } : {}) };
  };
}
const rubric = (requests: SampleRequest[], value = 'The answer is an echo.') => requests.map((r) => ({ ...r, assert: [{ type: 'llm_rubric', value }] }));
const gradeWithRubric: RunOptions['grade'] = (q, out, run) => gradeOutput(q.assert, out, { grader: run.grader });

describe('grader calls', () => {
  it('wait for a slot like sample calls: the server never has more than `concurrency` requests at once', async () => {
    let now = 0;
    let most = 0;
    const answer = judging(() => 'SCORE: 1');
    const s = await server({
      responder: async (req) => {
        most = Math.max(most, ++now);
        // Server-side latency, so that calls overlap; released by a timer, not awaited by the test.
        await new Promise((r) => setTimeout(r, 15));
        now--;
        return answer(req);
      },
    });
    const out = await runSamples(rubric(plan(s.url, 20, 1)), { ...base, concurrency: 3, grade: gradeWithRubric });
    expect(out.stopped).toBeUndefined();
    expect(out.records.every((r) => r.ok && r.passed)).toBe(true);
    expect(s.stats().requests).toBe(80);
    expect(out.pacing.graderCalls).toBe(40);
    expect(out.pacing.modelCalls).toBe(80);
    expect(out.graders).toEqual({ total: 40, cached: 0, failed: 0, retried: 0 });
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
    expect(out.pacing.peakConcurrency).toBeLessThanOrEqual(3);
  });

  it("add their cost to the sample's, and are cached: a second run pays for nothing", async () => {
    const s = await server({ responder: judging(() => ({ content: 'SCORE: 1', usage: { prompt_tokens: 100, completion_tokens: 50 } }), { prompt_tokens: 10, completion_tokens: 5 }) });
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const requests = rubric(plan(s.url, 3, 1, { pricing: { input_per_mtok: 1e6, output_per_mtok: 1e6 } })); // $1 a token
    const first = await runSamples(requests, { ...base, cache: diskCache(dir), grade: gradeWithRubric });
    expect(first.records.map((r) => r.costUsd)).toEqual(Array(6).fill(15 + 150));
    expect(s.stats().requests).toBe(12);
    const second = await runSamples(requests, { ...base, cache: diskCache(dir), grade: gradeWithRubric });
    expect(s.stats().requests).toBe(12);
    expect(second.graders).toEqual({ total: 6, cached: 6, failed: 0, retried: 0 });
    expect(second.records.map((r) => r.costUsd)).toEqual(Array(6).fill(15 + 150));
    const strip = (rs: SampleRecord[]) => rs.map((r) => ({ ...r, cached: false }));
    expect(strip(second.records)).toEqual(strip(first.records));
  });

  it('count against the budget: a budget that fits the sample calls but not their grading stops the run before it is exceeded', async () => {
    const s = await server({ responder: judging(() => 'SCORE: 1') });
    const pricing = { input_per_mtok: 1_000, output_per_mtok: 1_000 };
    const bare = plan(s.url, 20, 1, { pricing });
    const graded = rubric(bare);
    const models = estimateCost(bare);
    const both = estimateCost(graded);
    // The up-front estimate has one grader call per graded sample, at the judge's whole room of tokens.
    expect(both.calls).toBe(80);
    expect(both.graderCalls).toBe(40);
    expect(both.usd).toBeGreaterThan(models.usd * 10);
    // Room for every sample call twice over, and for grading two samples at a time by the estimate.
    const budget = models.usd * 2 + (2 * (both.usd - models.usd)) / 40;
    const ungraded = await runSamples(bare, { ...base, concurrency: 4, budgetUsd: budget });
    expect(ungraded.stopped).toBeUndefined();
    const out = await runSamples(graded, { ...base, concurrency: 4, budgetUsd: budget, grade: gradeWithRubric });
    expect(out.stopped?.reason).toBe('budget');
    expect(out.records.length).toBeGreaterThan(0);
    expect(out.records.length).toBeLessThan(40);
    expect(out.records.reduce((n, r) => n + r.costUsd, 0)).toBeLessThanOrEqual(budget);
  });

  it("have room to reason, and a judge's reply cut off at max_tokens is that sample's grading error, not a silent fail", async () => {
    const reasoning = (chars: number) => `${'The answer repeats the prompt, as an echo does. '.repeat(Math.ceil(chars / 48)).slice(0, chars)}\nSCORE: 1`;
    const seen: number[] = [];
    const s = await server({
      responder: (req) => {
        if (req.messages.at(-1)!.content.startsWith('Grade the output')) seen.push(Number(req.params.max_tokens));
        // About 500 tokens of reasoning for case c0, 1500 (past the judge's room) for c1.
        return judging((prompt) => reasoning(prompt.includes('case 0') ? 2_000 : 6_000))(req);
      },
    });
    const out = await runSamples(rubric(plan(s.url, 2, 1, { params: { max_tokens: 100 } })), { ...base, grade: gradeWithRubric });
    expect(seen).toEqual([1024, 1024, 1024, 1024]);
    const byCase = (id: string) => out.records.filter((r) => r.caseId === id);
    expect(byCase('c0').every((r) => r.ok && r.passed)).toBe(true);
    for (const r of byCase('c1')) {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBe(`grading failed: the judge's reply was cut off at 1024 tokens (model "m"); ask for a shorter answer in the rubric`);
    }
  });

  it('a grader model the endpoint does not have stops the run with one message naming it', async () => {
    const s = await server({ models: ['m'], responder: judging(() => 'SCORE: 1') });
    const requests = plan(s.url, 5, 1).map((r) => ({ ...r, assert: [{ type: 'llm_rubric', value: 'polite?', model: 'judge-x' }] }));
    const out = await runSamples(requests, { ...base, concurrency: 2, grade: gradeWithRubric });
    expect(out.stopped?.reason).toBe('fatal');
    expect(out.stopped?.message).toMatch(/^the llm_rubric grader \(model "judge-x"\): HTTP 404: .* no model "judge-x" at http:\/\/127\.0\.0\.1:\d+\/v1; check the llm_rubric assertion's `model`/);
    expect(out.records.filter((r) => !r.ok)).toHaveLength(1);
  });
});

describe('a budget without prices', () => {
  it('is refused before any call, naming the suite and model', async () => {
    const s = await server();
    const requests = plan(s.url, 3, 1);
    const err = await runSamples(requests, { ...base, budgetUsd: 5 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PromptgateError);
    expect((err as PromptgateError).message).toBe('a budget of $5.00 is set, but suite "s" (model "m") has no pricing: its calls would count as $0 and the budget could not stop them');
    expect((err as PromptgateError).hint).toMatch(/under `provider` in promptgate\.yml, or under the suite's `provider`; or drop the budget/);
    expect(s.stats().requests).toBe(0);
    expect(() => checkBudgetPricing(requests, undefined)).not.toThrow();
    expect(() => checkBudgetPricing(plan(s.url, 3, 1, { pricing: { input_per_mtok: 1, output_per_mtok: 1 } }), 5)).not.toThrow();
  });
});
