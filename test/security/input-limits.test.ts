import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * No input file can exhaust memory, overflow the stack or crash the process (docs/input-limits.md). Under
 * `pull_request_target` the prompt text is a stranger's; the config and eval sets are outside input in every event.
 * Each hostile file below goes through the shipped bin (the launcher in front of the CLI bundle) in a real git repo:
 * the review must stop within seconds, exit 2 with one message naming the file and the limit, and stay small.
 *
 * Before these limits: the 4 MB prompt ran the review out of its 1 GB heap and the launcher ran it again with
 * Node's defaults (67 s, 2.4 GB of RSS, a native stack trace); the deep case was a bare "Maximum call stack size
 * exceeded"; the 10 MiB variable was sent in full (1.2 GB of RSS); the 65 MiB eval set was read in full.
 */

const BIN = resolve('dist/cli/launch.js');
/** GNU time reports the peak RSS of the bin and the review it runs (the largest of the process tree). */
const TIME = process.platform === 'linux' && existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
/** Far below the review's 1 GB heap cap; a clean stop on any of these files takes under 250 MB. */
const MODEST_RSS_MB = 400;
/** The launcher's line when the first attempt runs out of memory (src/launch.ts). */
const OOM_RERUN = /ran out of memory/;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb?: number;
}

const running = new Set<ChildProcess>();
const repos: TempRepo[] = [];
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm({ apiKey: 'k' });
});
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  for (const r of repos) r.cleanup();
  await llm.close();
});

/** `promptgate run` in `cwd` as a user runs it; resolves when the process exits, with its peak RSS where measurable. */
function review(cwd: string): Promise<Run> {
  const args = [BIN, 'run', '--base', 'main', '--base-url', llm.url, '-q'];
  const timeDir = mkdtempSync(join(tmpdir(), 'promptgate-rss-'));
  const rssFile = join(timeDir, 'rss');
  const [command, argv] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(command, argv, { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, OPENAI_API_KEY: 'k' } });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      running.delete(child);
      const rss = TIME && existsSync(rssFile) ? /(\d+)\s*$/.exec(readFileSync(rssFile, 'utf8'))?.[1] : undefined;
      rmSync(timeDir, { recursive: true, force: true });
      done({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms: Date.now() - started, ...(rss ? { peakRssMb: Number(rss) / 1024 } : {}) });
    });
  });
}

/** A repo whose head commit changes `files` on top of a working base: the suite runs, on the head's eval set. */
function repoWith(base: Record<string, string>, head: Record<string, string>): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  repo.write(base).commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write(head).commit('head');
  return repo;
}

const CONFIG = (prompt: string, cases: string) => `version: 1\nprovider: { model: m }\nsuites:\n  - { name: s, prompt: ${prompt}, cases: ${cases}, repeats: 1 }\n`;
const CHAT = (content: string) =>
  JSON.stringify([
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content },
  ]);

/** One line `promptgate: <file>[:line[:col]]: <message>`, one hint line, nothing else: no stack, no V8 report. */
function expectOneMessage(run: Run, file: string, message: RegExp): void {
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr.slice(0, 2000)).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^promptgate: ${file.replaceAll('.', '\\.')}(:\\d+){0,2}: ${message.source}`));
  expect(lines[1]).toMatch(/^ {2}hint: \S/);
  expect(run.stderr).not.toMatch(/\n\s+at |RangeError|FATAL|Native stack|<--- /);
}

function expectCleanStop(run: Run): void {
  expect(run.stderr).not.toMatch(OOM_RERUN);
  expect(run.code, run.stderr.slice(0, 2000)).toBe(2);
  expect(run.ms).toBeLessThan(30_000);
  if (run.peakRssMb !== undefined) expect(run.peakRssMb).toBeLessThan(MODEST_RSS_MB);
}

describe('hostile input files stop the review cleanly', () => {
  const slow = { timeout: 240_000 };

  it("a 4 MB chat JSON prompt nested 2,000,000 deep in the pull request's head", slow, async () => {
    const before = llm.stats().completions;
    const deep = '['.repeat(2_000_000) + ']'.repeat(2_000_000);
    const repo = repoWith({ 'promptgate.yml': CONFIG('p.json', 'c.jsonl'), 'p.json': CHAT('{{q}}'), 'c.jsonl': '{"q": "hi"}\n' }, { 'p.json': deep });
    const run = await review(repo.dir);
    expectCleanStop(run);
    expectOneMessage(run, 'p.json', /is 3\.8 MiB, more than the 1 MiB limit for a prompt file/);
    expect(llm.stats().completions).toBe(before);
  });

  it('the same prompt just under the size limit: nested 500,000 deep', slow, async () => {
    const deep = '['.repeat(500_000) + ']'.repeat(500_000);
    const repo = repoWith({ 'promptgate.yml': CONFIG('p.json', 'c.jsonl'), 'p.json': CHAT('{{q}}'), 'c.jsonl': '{"q": "hi"}\n' }, { 'p.json': deep });
    const run = await review(repo.dir);
    expectCleanStop(run);
    expectOneMessage(run, 'p.json', /nests lists and objects more than 64 levels deep, the limit/);
    expect(run.stderr).toMatch(/^promptgate: p\.json:1:65: /);
  });

  it('an eval case nested 10,000 deep', slow, async () => {
    const deep = `{"q": "hi"}\n{"q": ${'['.repeat(10_000)}"x"${']'.repeat(10_000)}}\n`;
    const repo = repoWith({ 'promptgate.yml': CONFIG('p.txt', 'evals/c.jsonl'), 'p.txt': 'Answer: {{q}}', 'evals/c.jsonl': '{"q": "hi"}\n' }, { 'p.txt': 'Reply: {{q}}', 'evals/c.jsonl': deep });
    const run = await review(repo.dir);
    expectCleanStop(run);
    expectOneMessage(run, 'evals/c.jsonl', /nests lists and objects more than 64 levels deep, the limit/);
    expect(run.stderr).toMatch(/^promptgate: evals\/c\.jsonl:2:70: /);
  });

  it('an eval set over the size limit (65 MiB)', slow, async () => {
    const big = `{"q": "${'x'.repeat(65 * 1024 * 1024)}"}\n`;
    const repo = repoWith({ 'promptgate.yml': CONFIG('p.txt', 'c.jsonl'), 'p.txt': 'Answer: {{q}}', 'c.jsonl': '{"q": "hi"}\n' }, { 'p.txt': 'Reply: {{q}}', 'c.jsonl': big });
    const run = await review(repo.dir);
    expectCleanStop(run);
    expectOneMessage(run, 'c.jsonl', /is 65\.0 MiB, more than the 64 MiB limit for an eval set/);
  });

  it('a 10 MiB variable rendered into every message of the prompt', slow, async () => {
    const before = llm.stats().completions;
    const cases = `{"id": "small", "q": "hi"}\n${JSON.stringify({ id: 'big', q: 'y'.repeat(10 * 1024 * 1024) })}\n`;
    const three = JSON.stringify(['Context: {{q}}', 'Question: {{q}}', 'Again: {{q}}'].map((content) => ({ role: 'user', content })));
    // The baseline does not use the variable, so the candidate is the variant that renders it.
    const repo = repoWith({ 'promptgate.yml': CONFIG('p.json', 'c.jsonl'), 'p.json': CHAT('Say hi'), 'c.jsonl': cases }, { 'p.json': three });
    const run = await review(repo.dir);
    expectCleanStop(run);
    expectOneMessage(run, 'p.json', /renders a prompt of 31,457,306 characters, more than the limit of 4,194,304 characters per rendered prompt \(case "big"\)/);
    expect(llm.stats().completions).toBe(before);
  });

  it('a config whose aliases expand a few lines into millions of values', slow, async () => {
    let laughs = 'x0: &x0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 9; i++) laughs += `x${i}: &x${i} [${Array.from({ length: 10 }, () => `*x${i - 1}`).join(', ')}]\n`;
    const config = laughs + CONFIG('p.txt', 'c.jsonl');
    const repo = repoWith({ 'promptgate.yml': CONFIG('p.txt', 'c.jsonl'), 'p.txt': 'Answer: {{q}}', 'c.jsonl': '{"q": "hi"}\n' }, { 'promptgate.yml': config, 'p.txt': 'Reply: {{q}}' });
    const run = await review(repo.dir);
    expectCleanStop(run);
    expectOneMessage(run, 'promptgate.yml', /expands to more than 1,000,000 values or 1 MiB of text once its aliases \(\*name\) are resolved/);
  });
});
