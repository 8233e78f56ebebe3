/**
 * `npm run bench:rate -- [--rpm 120] [--window 5000] [--calls 400] [--concurrency 16] [--latency 20] [--no-headers]`
 *
 * The runner against a server that enforces a request limit per sliding window, answering 429 (with
 * `retry-after`) beyond it and sending `x-ratelimit-*` headers on every answer (not with --no-headers, which
 * leaves the runner only its 429s to go by). Prints the achieved rate as a fraction of the limit (target ≥ 0.9),
 * the 429s it drew, how often it halved its concurrency, and whether any sample was lost or paid for twice.
 */
import { parseArgs } from 'node:util';
import { cacheKey, runSamples } from '../src/run/index.js';
import type { Endpoint, SampleRequest } from '../src/run/types.js';
import { startFakeLlm } from '../tools/fake-llm/index.js';

const { values } = parseArgs({
  options: {
    rpm: { type: 'string', default: '120' },
    window: { type: 'string', default: '5000' },
    calls: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '16' },
    latency: { type: 'string', default: '20' },
    'no-headers': { type: 'boolean', default: false },
  },
});
const limit = Number(values.rpm);
const windowMs = Number(values.window);
const n = Number(values.calls);
const server = await startFakeLlm({ rpm: limit, windowMs, latencyMs: Number(values.latency), rateHeaders: !values['no-headers'] });
const endpoint: Endpoint = { baseURL: server.url, apiKey: 'k', model: 'm', params: {} };
const requests: SampleRequest[] = Array.from({ length: n }, (_, i) => {
  const messages = [{ role: 'user' as const, content: `question ${i}` }];
  return { suite: 's', variant: 'candidate', caseId: `c${i}`, sampleIndex: 0, endpoint, messages, assert: [], cacheKey: cacheKey(endpoint, messages, 0) };
});
const t0 = performance.now();
const out = await runSamples(requests, {
  concurrency: Number(values.concurrency),
  timeoutMs: 10_000,
  maxRetries: 10,
  cache: null,
  grade: async () => ({ passed: true, score: 1 }),
});
const wall = performance.now() - t0;
const stats = server.stats();
await server.close();
// Under a sliding window of `limit` requests, the fastest any client can finish n calls is one full window per
// `limit` calls after the first batch: floor((n − 1) / limit) windows. Achieved rate / limit = that ideal / wall.
const idealMs = Math.floor((n - 1) / limit) * windowMs;
const lost = n - out.records.filter((r) => r.ok).length;
const twice = [...stats.byKey.values()].filter((k) => k > 1).length;
console.log(`limit               ${limit} requests per ${windowMs / 1000} s window${values['no-headers'] ? ', no x-ratelimit headers' : ''}`);
console.log(`calls               ${n} in ${(wall / 1000).toFixed(2)} s; lost ${lost}; paid twice ${twice}`);
console.log(`429s drawn          ${stats.faults.rpm ?? 0} (concurrency halved ${out.pacing.cuts}×, ${out.pacing.peakConcurrency} → ${out.pacing.finalConcurrency} at the end)`);
console.log(`fastest possible    ${(idealMs / 1000).toFixed(2)} s`);
console.log(`achieved / limit    ${(idealMs / wall).toFixed(3)}  (target ≥ 0.9)`);
