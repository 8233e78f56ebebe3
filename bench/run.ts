/**
 * `npm run bench -- [--cases 50] [--repeats 3] [--latency 200] [--concurrency 8] [--runner] [--cache] [--rerun] [--node PATH]`
 * `npm run bench -- --client sdk|raw`   the same calls made by a client that does nothing else (bench/floor.mjs).
 * `npm run bench -- --scale`   10,000 cases × 2 variants × 3 repeats against a zero-latency server.
 *
 * N cases × 2 variants × k repeats against the bundled OpenAI-compatible server (in its own process). By default a
 * whole review exactly as users run it: the `promptgate` bin (dist/cli/launch.js, which starts the CLI bundle with
 * its heap settings) on a real git repo, in child processes whose peak RSS and CPU time bench/rusage-hook.cjs
 * records — so the numbers are promptgate's alone, on the Node given by --node (default: the one running this).
 * With --runner, runSamples on its own in this process. With --client sdk or raw, the floor: the same calls made by
 * a bare openai SDK client or a bare node:http one (bench/floor.mjs), on the same Node, which is the least any
 * client could take on this machine. Prints:
 * - wall time, the ideal (calls × latency / concurrency) and their ratio (target ≤ 1.05 at 300 calls, 200 ms, 8);
 * - peak RSS of the review process and of the launcher (target < 300 MB for --scale);
 * - calls made, as promptgate and as the server counted them;
 * - promptgate's overhead per call: CPU time per call (runner, SDK, HTTP, cache, grading, statistics, report), and
 *   wall time beyond the ideal.
 * --cache uses the response cache (a fresh directory); --rerun then runs the same review again on it, which must
 * make zero calls.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gradeOutput } from '../src/assertions/index.js';
import { ReportSchema } from '../src/report/schema.js';
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
    node: { type: 'string', default: process.execPath },
    client: { type: 'string', default: 'promptgate' },
  },
});
if (!['promptgate', 'sdk', 'raw'].includes(values.client)) throw new Error('--client must be promptgate, sdk or raw');
const floor = values.client === 'promptgate' ? null : values.client;
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
  for (const [variant, prompt] of [
    ['baseline', 'Answer'],
    ['candidate', 'Answer briefly'],
  ] as const) {
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
  /** Peak RSS in MB: of this process (--runner), or of the review process and the launcher in front of it. */
  rss: { review: number; launcher?: number; launcherPrivate?: number };
}

const server = await startFakeLlmProcess(['--latency', String(latency)]);
const repo = values.runner || floor ? null : makeRepo();
// A review keeps its cache in the repo (run.cache_dir); the runner alone gets a fresh directory.
const cacheDir = useCache && !repo ? mkdtempSync(join(tmpdir(), 'promptgate-bench-cache-')) : null;

const BIN = resolve('dist/cli/launch.js');
const HOOK = resolve('bench/rusage-hook.cjs');

interface Usage {
  role: string;
  maxRssKb: number;
  privateKbAtExit?: number;
  cpuUs: number;
}

/**
 * Runs `script` with `args` on --node under bench/rusage-hook.cjs: its exit code, wall time, and the line of peak RSS
 * and CPU time every process it started wrote when it exited.
 */
async function timedWithUsage(script: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; wallMs: number; procs: Usage[] }> {
  const usage = join(tmpdir(), `promptgate-bench-rusage-${process.pid}-${Date.now()}.jsonl`);
  const t0 = performance.now();
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(values.node, ['--require', HOOK, script, ...args], { cwd, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env, PROMPTGATE_BENCH_RUSAGE: usage } });
    child.on('error', fail);
    child.on('exit', (c) => done(c ?? 2));
  });
  const wallMs = performance.now() - t0;
  const procs = readFileSync(usage, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Usage);
  rmSync(usage);
  return { code, wallMs, procs };
}

/** The `promptgate` bin on the repo, as a user runs it; CPU time and peak RSS from bench/rusage-hook.cjs. */
async function reviewThroughBin(dir: string, base: string, url: string): Promise<Pass> {
  const args = ['run', '--base', base, '--head', 'HEAD', '--base-url', url, '--json', 'report.json', '--quiet', ...(useCache ? [] : ['--no-cache'])];
  const { code, wallMs, procs } = await timedWithUsage(BIN, args, dir, { OPENAI_API_KEY: 'bench' });
  if (code > 1) throw new Error(`promptgate exited with ${code}`);
  const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
  // A review of up to IN_PROCESS_MAX_SAMPLES runs in the bin's own process; a larger one behind the launcher.
  const launched = procs.find((p) => p.role === 'review');
  const bin = procs.find((p) => p.role === 'launcher');
  const review = launched ?? bin;
  const launcher = launched ? bin : undefined;
  if (!review) throw new Error('the review process left no resource usage');
  return {
    wallMs,
    cpuMs: procs.reduce((n, p) => n + p.cpuUs, 0) / 1000,
    calls: report.calls,
    note: `verdict ${report.verdict}; ${launched ? 'behind the launcher' : "in the bin's own process"}`,
    rss: {
      review: review.maxRssKb / 1024,
      ...(launcher ? { launcher: launcher.maxRssKb / 1024 } : {}),
      ...(launcher?.privateKbAtExit !== undefined ? { launcherPrivate: launcher.privateKbAtExit / 1024 } : {}),
    },
  };
}

/** bench/floor.mjs: the same calls by a client that does nothing else. */
async function floorClient(mode: string, url: string): Promise<Pass> {
  const total = cases * 2 * repeats;
  const { code, wallMs, procs } = await timedWithUsage(resolve('bench/floor.mjs'), [mode, url, String(total), String(concurrency)], process.cwd(), {});
  if (code !== 0) throw new Error(`bench/floor.mjs exited with ${code}`);
  const [proc] = procs;
  if (!proc) throw new Error('bench/floor.mjs left no resource usage');
  return {
    wallMs,
    cpuMs: proc.cpuUs / 1000,
    calls: { total, cached: 0, failed: 0, retried: 0 },
    note: `a bare ${mode === 'sdk' ? 'openai SDK' : 'node:http'} client`,
    rss: { review: proc.maxRssKb / 1024 },
  };
}

async function once(): Promise<Pass> {
  if (floor) return floorClient(floor, server.url);
  if (repo) return reviewThroughBin(repo.dir, repo.base, server.url);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const out = await runSamples(plan(server.url), {
    concurrency,
    timeoutMs: 30_000,
    maxRetries: 3,
    cache: cacheDir ? diskCache(cacheDir) : null,
    grade: async (q, output) => gradeOutput(q.assert, output),
  });
  const used = process.cpuUsage(cpu);
  return {
    wallMs: performance.now() - t0,
    cpuMs: (used.user + used.system) / 1000,
    calls: out.calls,
    note: `peak concurrency ${out.pacing.peakConcurrency}`,
    rss: { review: process.resourceUsage().maxRSS / 1024 },
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
try {
  const first = await once();
  const made = first.calls.total - first.calls.cached;
  const ideal = (made * latency) / concurrency;
  const node = execFileSync(values.node, ['--version'], { encoding: 'utf8' }).trim();
  console.log(
    `${floor ? `floor (bench/floor.mjs ${floor})` : repo ? 'review (the promptgate bin)' : 'runner (in process)'} of ${cases} cases × 2 variants × ${repeats} repeats, server latency ${latency} ms, concurrency ${concurrency}${useCache ? ', response cache on' : ''}; Node ${repo || floor ? node : process.version}`,
  );
  console.log(`calls made          ${made} (${first.calls.failed} failed, ${first.calls.retried} retried); ${first.note}`);
  console.log(`wall time           ${s(first.wallMs)}`);
  if (latency > 0) {
    console.log(`ideal               ${s(ideal)}  (calls × latency / concurrency)`);
    console.log(`ratio               ${(first.wallMs / ideal).toFixed(3)}  (target ≤ 1.05)`);
  }
  console.log(
    `overhead per call   ${((first.cpuMs / Math.max(1, made)) * 1000).toFixed(0)} µs CPU in ${floor ? 'the client' : repo ? "promptgate's processes" : "promptgate's process"}; ${(((first.wallMs - ideal) / Math.max(1, made)) * 1000).toFixed(0)} µs wall beyond the ideal`,
  );
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  // The launcher only waits: most of its RSS is the Node binary's pages, which the review process maps too.
  const { launcher: l, launcherPrivate: lp } = first.rss;
  const launcher = l === undefined ? '' : `; launcher ${mb(l)}${lp === undefined ? '' : ` (${mb(lp)} of it its own; the rest is the Node binary both map) → together ${mb(first.rss.review + lp)}`}`;
  console.log(`peak RSS            ${mb(first.rss.review)}${repo ? ' review process' : ''}${values.scale ? ' (target < 300 MB)' : ''}${launcher}`);
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
