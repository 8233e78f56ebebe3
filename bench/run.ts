/**
 * `npm run bench -- [--cases 50] [--repeats 3] [--latency 200] [--concurrency 8]`: a whole review (real git repo,
 * real HTTP to the bundled server, statistics, report) of N cases × 2 variants × k repeats. Prints wall time, the
 * ideal (calls × latency / concurrency), their ratio, promptgate's own overhead per call, peak RSS and calls.
 * `--scale` runs 10,000 cases × 2 × 3 against a zero-latency server to measure memory and per-call overhead.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { review } from '../src/review.js';
import { startFakeLlm } from '../tools/fake-llm/index.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '50' },
    repeats: { type: 'string', default: '3' },
    latency: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    scale: { type: 'boolean', default: false },
  },
});
const cases = values.scale ? 10_000 : Number(values.cases);
const repeats = values.scale ? 3 : Number(values.repeats);
const latency = values.scale ? 0 : Number(values.latency);
const concurrency = values.scale ? 64 : Number(values.concurrency);

function makeRepo(): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-bench-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' } }).trim();
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'prompts'));
  mkdirSync(join(dir, 'evals'));
  writeFileSync(
    join(dir, 'promptgate.yml'),
    `version: 1\nprovider: { model: bench, pricing: { input_per_mtok: 0.15, output_per_mtok: 0.6 } }\nsuites:\n  - name: bench\n    prompt: prompts/p.txt\n    cases: evals/c.jsonl\n    assert: [{ type: contains, value: "echo" }]\n    repeats: ${repeats}\nrun: { concurrency: ${concurrency}, max_retries: 3 }\n`,
  );
  writeFileSync(join(dir, 'evals/c.jsonl'), Array.from({ length: cases }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `question ${i}` } })).join('\n') + '\n');
  writeFileSync(join(dir, 'prompts/p.txt'), 'Answer: {{q}}');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const base = git('rev-parse', 'HEAD');
  writeFileSync(join(dir, 'prompts/p.txt'), 'Answer briefly: {{q}}');
  git('commit', '-q', '-am', 'head');
  return { dir, base };
}

/**
 * The model server runs in its own process, as a provider would, so peak RSS below is promptgate's alone.
 * (In-process, the server's own buffers would be counted as promptgate's.)
 */
async function startServerProcess(latencyMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/fake-llm/main.ts', '--port', '0', '--latency', String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const m = /(http:\/\/\S+\/v1)/.exec(text);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, close: async () => void child.kill('SIGINT') };
}

const repo = makeRepo();
const server = values.scale ? await startServerProcess(latency) : await startFakeLlm({ latencyMs: latency });
const t0 = performance.now();
const out = await review({ repoDir: repo.dir, base: repo.base, head: 'HEAD', env: { OPENAI_API_KEY: 'bench' }, overrides: { baseUrl: server.url }, noCache: true });
const wall = performance.now() - t0;
await server.close();
rmSync(repo.dir, { recursive: true, force: true });

const calls = out.report.calls.total;
const ideal = (calls * latency) / concurrency;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`review of ${cases} cases × 2 variants × ${repeats} repeats, server latency ${latency} ms, concurrency ${concurrency}`);
console.log(`calls made          ${calls} (${out.report.calls.failed} failed)`);
console.log(`wall time           ${(wall / 1000).toFixed(2)} s`);
if (latency > 0) {
  console.log(`ideal               ${(ideal / 1000).toFixed(2)} s  (calls × latency / concurrency)`);
  console.log(`ratio               ${(wall / ideal).toFixed(3)}  (target ≤ 1.10)`);
}
console.log(`overhead per call   ${(((wall - ideal) / calls) * 1000).toFixed(0)} µs of wall time beyond the ideal`);
console.log(`peak RSS            ${peakRssMb.toFixed(0)} MB${values.scale ? '  (target < 300 MB)' : ''}`);
console.log(`verdict             ${out.report.verdict}`);
