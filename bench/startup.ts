/**
 * `npm run bench:startup -- [--runs 9] [--node PATH] [--no-review]`
 *
 * What a user waits for before promptgate does anything, through the `promptgate` bin (dist/cli/launch.js) as a
 * user starts it, on the Node given by --node (default: the one running this):
 * - `promptgate --version`: wall time from spawn to exit, median of --runs (target ≤ 0.3 s);
 * - `promptgate run`: time from spawn until the first model call arrives at a local OpenAI-compatible server
 *   (tools/fake-llm, in this process, so both times come from one clock), median of --runs (target ≤ 0.5 s);
 * - the 300-call review of `npm run bench` (bench/run.ts): its wall time's ratio to calls × latency ÷ concurrency
 *   (target ≤ 1.05), unless --no-review; and beside it the floor on this machine: the same calls made by a bare
 *   openai SDK client and by a bare node:http client that do nothing else (bench/floor.mjs).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFakeLlm } from '../tools/fake-llm/index.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    node: { type: 'string', default: process.execPath },
    'no-review': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number ≥ 1');
const node = values.node.includes('/') ? resolve(values.node) : values.node;
const BIN = resolve('dist/cli/launch.js');

const now = () => performance.timeOrigin + performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${(x / 1000).toFixed(3)} s`;
const spread = (xs: number[]) => `median ${ms(median(xs))} (min ${ms(Math.min(...xs))}, max ${ms(Math.max(...xs))}, ${xs.length} runs)`;

function git(dir: string, ...args: string[]): string {
  const who = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...who } }).trim();
}

/** Spawns the bin and resolves with the exit code once it has ended. */
function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(node, [BIN, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => (code !== null && code <= 1 ? done(code) : fail(new Error(`promptgate ${args.join(' ')} exited with ${code}: ${stderr}`))));
  });
}

async function versionWall(): Promise<number[]> {
  const out: number[] = [];
  await runBin(['--version'], process.cwd()); // warm the file cache
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await runBin(['--version'], process.cwd());
    out.push(now() - t0);
  }
  return out;
}

/** A repo whose head commit changes the prompt: one suite of 4 cases. */
function makeRepo(): { dir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-startup-'));
  git(dir, 'init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'prompts'));
  mkdirSync(join(dir, 'evals'));
  writeFileSync(
    join(dir, 'promptgate.yml'),
    'version: 1\nprovider: { model: bench }\nsuites:\n  - name: bench\n    prompt: prompts/p.txt\n    cases: evals/c.jsonl\n    assert: [{ type: contains, value: "echo" }]\n    repeats: 1\n',
  );
  writeFileSync(join(dir, 'evals/c.jsonl'), Array.from({ length: 4 }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `question ${i}` } })).join('\n') + '\n');
  writeFileSync(join(dir, 'prompts/p.txt'), 'Answer: {{q}}');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  writeFileSync(join(dir, 'prompts/p.txt'), 'Answer briefly: {{q}}');
  git(dir, 'commit', '-q', '-am', 'head');
  return { dir, base };
}

async function firstCall(): Promise<number[]> {
  let first: number | undefined;
  const server = await startFakeLlm({
    responder: (req) => {
      first ??= now();
      return { content: `echo ${req.messages.at(-1)?.content ?? ''}`, latencyMs: 0 };
    },
  });
  const repo = makeRepo();
  const env = { ...process.env, OPENAI_API_KEY: 'bench' };
  const args = ['run', '--base', repo.base, '--base-url', server.url, '--no-cache', '--quiet'];
  const out: number[] = [];
  try {
    await runBin(args, repo.dir, env); // warm the file cache
    for (let i = 0; i < runs; i++) {
      first = undefined;
      const t0 = now();
      await runBin(args, repo.dir, env);
      if (first === undefined) throw new Error('the review made no model call');
      out.push(first - t0);
    }
  } finally {
    await server.close();
    rmSync(repo.dir, { recursive: true, force: true });
  }
  return out;
}

/** `npm run bench`'s 300-call review (bench/run.ts, defaults) on the same Node, or its floor client; the ratio line. */
function reviewRatio(client = 'promptgate'): Promise<string> {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', tsx, resolve('bench/run.ts'), '--node', node, '--client', client], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const wall = /^wall time\s+(.*)$/m.exec(out)?.[1];
      const ratio = /^ratio\s+([\d.]+)/m.exec(out)?.[1];
      if (code !== 0 || !ratio) fail(new Error(`bench/run.ts exited with ${code}:\n${out}`));
      else done(`${ratio}× the ideal (wall ${wall})`);
    });
  });
}

const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
console.log(`promptgate start-up through ${BIN}; Node ${version}`);
console.log(`--version wall          ${spread(await versionWall())}  (target ≤ 0.300 s)`);
console.log(`first model call        ${spread(await firstCall())} after spawn  (target ≤ 0.500 s)`);
if (!values['no-review']) {
  console.log(`300-call review         ${await reviewRatio()}  (target ≤ 1.05)`);
  // The least any client takes for the same calls here: what is left of the target for promptgate's own work.
  console.log(`  same calls, floor     a bare openai SDK client ${await reviewRatio('sdk')}`);
  console.log(`                        a bare node:http client ${await reviewRatio('raw')}`);
}
