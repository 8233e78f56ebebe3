/**
 * `npm run bench:rate -- [--rpm 120] [--window 5000] [--calls 400]`: the runner against a server that enforces a
 * request limit per window (answering 429 with retry-after and x-ratelimit-* headers beyond it). Prints the
 * achieved rate as a fraction of the limit (target ≥ 0.9), the 429s it drew, and whether any sample was lost.
 */
import { parseArgs } from 'node:util';
import { cacheKey, runSamples } from '../src/run/index.js';
import type { Endpoint, SampleRequest } from '../src/run/types.js';
import { startFakeLlm } from '../tools/fake-llm/index.js';

const { values } = parseArgs({
  options: { rpm: { type: 'string', default: '120' }, window: { type: 'string', default: '5000' }, calls: { type: 'string', default: '400' }, concurrency: { type: 'string', default: '16' } },
});
const limit = Number(values.rpm);
const windowMs = Number(values.window);
const n = Number(values.calls);
const server = await startFakeLlm({ rpm: limit, windowMs, latencyMs: 20 });
const endpoint: Endpoint = { baseURL: server.url, apiKey: 'k', model: 'm', params: {} };
const requests: SampleRequest[] = Array.from({ length: n }, (_, i) => {
  const messages = [{ role: 'user' as const, content: `q${i}` }];
  return { suite: 's', variant: 'candidate', caseId: `c${i}`, sampleIndex: 0, endpoint, messages, assert: [], cacheKey: cacheKey(endpoint, messages, 0) };
});
const t0 = performance.now();
const out = await runSamples(requests, { concurrency: Number(values.concurrency), timeoutMs: 10_000, maxRetries: 10, cache: null, grade: async () => ({ passed: true, score: 1 }) });
const wall = performance.now() - t0;
await server.close();
// Under a sliding window of `limit` requests, the fastest any client can finish n calls is one full window per
// `limit` calls after the first batch: floor((n − 1) / limit) windows. Achieved rate / limit = that ideal / wall.
const idealMs = Math.floor((n - 1) / limit) * windowMs;
console.log(`limit               ${limit} requests per ${windowMs / 1000} s window`);
console.log(`calls               ${n} in ${(wall / 1000).toFixed(2)} s; lost ${n - out.records.filter((r) => r.ok).length}`);
console.log(`429s drawn          ${server.stats().faults.rpm ?? 0}`);
console.log(`fastest possible    ${(idealMs / 1000).toFixed(2)} s`);
console.log(`achieved / limit    ${(idealMs / wall).toFixed(3)}  (target ≥ 0.9)`);
