/**
 * `npm run bench -- [--cases 50] [--repeats 3] [--latency 200] [--concurrency 8] [--runner] [--cache] [--rerun]`
 * `npm run bench -- --scale`   10,000 cases × 2 variants × 3 repeats against a zero-latency server.
 *
 * N cases × 2 variants × k repeats against the bundled OpenAI-compatible server, run in its own process so the
 * CPU time and peak RSS printed here are promptgate's alone. By default a whole review (a real git repo, the
 * config, prompts, runner, statistics and report); with --runner, runSamples on its own. Prints:
 * - wall time, the ideal (calls × latency / concurrency) and their ratio (target ≤ 1.10 at 300 calls, 200 ms, 8);
 * - peak RSS (target < 300 MB for --scale);
 * - calls made, as promptgate and as the server counted them;
 * - promptgate's overhead per call: CPU time of this process per call (runner, SDK, HTTP, cache, grading), and
 *   wall time beyond the ideal.
 * --cache uses the response cache (a fresh directory); --rerun then runs the same review again on it, which must
 * make zero calls.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gradeOutput } from '../src/assertions/index.js';
import { review } from '../src/review.js';
import { cacheKey, diskCache, runSamples } from '../src/run/index.js';
import type { Endpoint, SampleRequest } from '../src/run/types.js';
import { startFakeLlmProcess } from '../tools/fake-llm/child.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '50' },
    repeats: { type: 'string', default: '3' },
    latency: { type: 'string', default: '200' },
    concurrency: { type: 'string' },
    scale: { type: 'boolean', default: false },
    runner: { type: 'boolean', default: false },
    cache: { type: 'boolean', default: false },
    rerun: { type: 'boolean', default: false },
  },
});
const cases = values.scale ? 10_000 : Number(values.cases);
const repeats = values.scale ? 3 : Number(values.repeats);
const latency = values.scale ? 0 : Number(values.latency);
const concurrency = Number(values.concurrency ?? (values.scale ? 16 : 8));
for (const [name, v] of Object.entries({ cases, repeats, latency, concurrency })) {
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
}
const useCache = values.cache || values.rerun;

function git(dir: string, ...args: string[]): string {
  const who = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...who } }).trim();
}

/** A repo whose head commit changes the prompt: one suite, `cases` cases, `repeats` repeats. */
function makeRepo(): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-bench-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'prompts'));
  mkdirSync(join(dir, 'evals'));
  writeFileSync(
    join(dir, 'promptgate.yml'),
    `version: 1\nprovider: { model: bench, pricing: { input_per_mtok: 0.15, output_per_mtok: 0.6 } }\nsuites:\n  - name: bench\n    prompt: prompts/p.txt\n    cases: evals/c.jsonl\n    assert: [{ type: contains, value: "echo" }]\n    repeats: ${repeats}\nrun: { concurrency: ${concurrency}, max_retries: 3 }\n`,
  );
  writeFileSync(join(dir, 'evals/c.jsonl'), Array.from({ length: cases }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `question ${i}` } })).join('\n') + '\n');
  writeFileSync(join(dir, 'prompts/p.txt'), 'Answer: {{q}}');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'prompts/p.txt'), 'Answer briefly: {{q}}');
  git(dir, 'commit', '-q', '-am', 'head');
  return { dir, base };
}

function plan(url: string): SampleRequest[] {
  const out: SampleRequest[] = [];
  const assert = [{ type: 'contains', value: 'echo' }];
  for (const [variant, prompt] of [['baseline', 'Answer'], ['candidate', 'Answer briefly']] as const) {
    const endpoint: Endpoint = { baseURL: url, apiKey: 'bench', model: 'bench', params: {}, pricing: { input_per_mtok: 0.15, output_per_mtok: 0.6 } };
    for (let c = 0; c < cases; c++) {
      const messages = [{ role: 'user' as const, content: `${prompt}: question ${c}` }];
      for (let i = 0; i < repeats; i++) out.push({ suite: 'bench', variant, caseId: `c${c}`, sampleIndex: i, endpoint, messages, assert, cacheKey: cacheKey(endpoint, messages, i) });
    }
  }
  return out;
}

interface Pass {
  wallMs: number;
  cpuMs: number;
  calls: { total: number; cached: number; failed: number; retried: number };
  note: string;
}

const server = await startFakeLlmProcess(['--latency', String(latency)]);
const repo = values.runner ? null : makeRepo();
// A review keeps its cache in the repo (run.cache_dir); the runner alone gets a fresh directory.
const cacheDir = useCache && !repo ? mkdtempSync(join(tmpdir(), 'promptgate-bench-cache-')) : null;

async function once(): Promise<Pass> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  let calls: Pass['calls'];
  let note: string;
  if (repo) {
    const out = await review({
      repoDir: repo.dir,
      base: repo.base,
      head: 'HEAD',
      env: { OPENAI_API_KEY: 'bench' },
      overrides: { baseUrl: server.url },
      noCache: !useCache,
    });
    calls = out.report.calls;
    note = `verdict ${out.report.verdict}`;
  } else {
    const out = await runSamples(plan(server.url), {
      concurrency,
      timeoutMs: 30_000,
      maxRetries: 3,
      cache: cacheDir ? diskCache(cacheDir) : null,
      grade: async (q, output) => gradeOutput(q.assert, output),
    });
    calls = out.calls;
    note = `peak concurrency ${out.pacing.peakConcurrency}`;
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000, calls, note };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const first = await once();
  const made = first.calls.total - first.calls.cached;
  const ideal = (made * latency) / concurrency;
  console.log(`${repo ? 'review' : 'runner'} of ${cases} cases × 2 variants × ${repeats} repeats, server latency ${latency} ms, concurrency ${concurrency}${useCache ? ', response cache on' : ''}`);
  console.log(`calls made          ${made} (${first.calls.failed} failed, ${first.calls.retried} retried); ${first.note}`);
  console.log(`wall time           ${s(first.wallMs)}`);
  if (latency > 0) {
    console.log(`ideal               ${s(ideal)}  (calls × latency / concurrency)`);
    console.log(`ratio               ${(first.wallMs / ideal).toFixed(3)}  (target ≤ 1.10)`);
  }
  console.log(`overhead per call   ${((first.cpuMs / Math.max(1, made)) * 1000).toFixed(0)} µs CPU in promptgate's process; ${(((first.wallMs - ideal) / Math.max(1, made)) * 1000).toFixed(0)} µs wall beyond the ideal`);
  console.log(`peak RSS            ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB${values.scale ? '  (target < 300 MB)' : ''}`);
  if (values.rerun) {
    const second = await once();
    console.log(`rerun, same cache   ${s(second.wallMs)}: ${second.calls.total - second.calls.cached} calls made, ${second.calls.cached} from the cache`);
  }
} finally {
  const stats = await server.stop();
  console.log(`server counted      ${stats.completions} completions of ${stats.keys} distinct samples; ${stats.keysCompletedTwice} completed twice`);
  if (repo) rmSync(repo.dir, { recursive: true, force: true });
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
}
