import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { slowStart, startFakeLlm, type FakeLlm, type FakeRequest, type RequestClock } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * Latency measures the prompt, not the order of calls (docs/statistics.md): the `promptgate` bin against a provider
 * that is slow for its first 32 requests (150 ms, then 50 ms). Run every baseline call first and the baseline
 * eats the whole slow start: a change that does nothing measured ×0.3, one that is truly 30% slower ×0.4. With
 * the calls interleaved pair by pair, both variants meet the slow start alike.
 *
 * 24 cases × 2 repeats = 48 calls per variant; the p95 sits between the 3rd and 4th slowest, and about 16 calls
 * of each variant fall in the slow start, so both p95s are slow-start calls. What can still differ is timing
 * noise — the client's and the server's timers and event loops, a few ms on an idle machine and more on a loaded
 * CI runner — on top of 150 ms. So the no-op must measure 1 ± 0.1 (15 ms of one-sided noise), and the 30%
 * slower change 1.3 ± 0.1.
 */

const BIN = resolve('dist/cli/launch.js');
const SLOW_REQUESTS = 32;

const CASES = Array.from({ length: 24 }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `question ${i}` } })).join('\n');
const CONFIG = `version: 1
provider:
  model: test-model
  params: { temperature: 0.5, max_tokens: 16 }
suites:
  - name: s
    prompt: p.txt
    cases: c.jsonl
    assert: [{ type: contains, value: echo }]
    repeats: 2
run: { concurrency: 4, timeout_s: 10 }
`;

function bin(cwd: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** A server slow for its first SLOW_REQUESTS requests, counted from the first request it sees. */
async function slowStartServer(candidateFactor: number): Promise<FakeLlm> {
  const schedule = slowStart({ slowMs: 150, thenMs: 50, requests: SLOW_REQUESTS });
  const latencyMs = (req: FakeRequest, at: RequestClock) => {
    const slowPrompt = req.messages.some((m) => m.content.includes('Take your time'));
    return schedule(req, at) * (slowPrompt ? candidateFactor : 1);
  };
  return startFakeLlm({ latencyMs, apiKey: 'k' });
}

async function review(before: string, after: string, candidateFactor: number) {
  const server = await slowStartServer(candidateFactor);
  const repo = new TempRepo();
  repo.write({ 'promptgate.yml': CONFIG, 'p.txt': before, 'c.jsonl': CASES }).commit('base');
  repo.write({ 'p.txt': after }).commit('head');
  const args = ['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'];
  const first = await bin(repo.dir, args, { OPENAI_API_KEY: 'k' });
  expect(first.code, first.stderr).toBe(0);
  const report = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
  expect(server.stats().completions).toBe(96);
  return { server, repo, args, report, latency: report.suites[0]!.latency_ms };
}

let servers: FakeLlm[] = [];
let repos: TempRepo[] = [];
beforeAll(() => {
  servers = [];
  repos = [];
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const r of repos) r.cleanup();
});

describe('p95 latency against a provider slower for its first requests', () => {
  it('a change that does nothing (a whitespace edit) measures ×1 ± 0.1; a rerun from the cache does not compare', async () => {
    const r = await review('Answer: {{q}}', 'Answer:  {{q}}', 1);
    servers.push(r.server);
    repos.push(r.repo);
    expect(r.latency.not_compared).toBeUndefined();
    expect(r.latency.p95_ratio).toBeGreaterThan(0.9);
    expect(r.latency.p95_ratio).toBeLessThan(1.1);
    // Both p95s are slow-start calls.
    expect(r.latency.baseline!.p95).toBeGreaterThanOrEqual(150);
    expect(r.latency.candidate!.p95).toBeGreaterThanOrEqual(150);
    // The interval does not claim a change of more than 5% either way.
    expect(r.latency.p95_ratio_ci![0]).toBeLessThan(1.05);
    expect(r.latency.p95_ratio_ci![1]).toBeGreaterThan(0.95);

    // The same review again: every answer from the response cache, so no latency was measured.
    const again = await bin(r.repo.dir, r.args, { OPENAI_API_KEY: 'k' });
    expect(again.code, again.stderr).toBe(0);
    const cached = ReportSchema.parse(JSON.parse(readFileSync(join(r.repo.dir, 'r.json'), 'utf8')));
    expect(cached.calls).toMatchObject({ total: 96, cached: 96 });
    expect(cached.suites[0]!.latency_ms).toMatchObject({ p95_ratio: null, p95_ratio_ci: null, not_compared: expect.stringMatching(/response cache/) });
    expect(r.server.stats().completions).toBe(96);
  });

  it('a candidate truly 30% slower measures ×1.3 ± 0.1', async () => {
    const r = await review('Answer: {{q}}', 'Take your time. Answer: {{q}}', 1.3);
    servers.push(r.server);
    repos.push(r.repo);
    expect(r.latency.p95_ratio).toBeGreaterThan(1.2);
    expect(r.latency.p95_ratio).toBeLessThan(1.4);
  });
});
