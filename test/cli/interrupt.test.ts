import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { echoResponder, startFakeLlm, type FakeLlm } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';
import { until } from '../support/until.js';

/**
 * Ctrl-C in the middle of a review: the `promptgate` bin (the launcher in front of the CLI bundle) passes the
 * signal on, the review stops cleanly, reports what finished, and a rerun resumes.
 *
 * Every step waits for what it needs to have happened (calls answered, a line printed, a file written), never for
 * a length of time: on a loaded machine nothing may have happened after any fixed delay.
 */

const BIN = resolve('dist/cli/launch.js');

/**
 * A model server that answers the first `free` calls at once and holds every later one until `release()`: the
 * review is caught mid-way however slow the machine, with exactly the held calls in flight.
 */
async function gatedServer(free: number): Promise<{ server: FakeLlm; release: () => void }> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let answered = 0;
  const server = await startFakeLlm({
    apiKey: 'k',
    responder: async (req) => {
      if (++answered > free) await gate;
      return echoResponder(req);
    },
  });
  return { server, release };
}

function run(cwd: string, args: string[], env: Record<string, string>, interrupt?: { when: () => boolean; signal: NodeJS.Signals; after?: (stderr: () => string) => Promise<void> }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
    void (async () => {
      if (interrupt) {
        await until(interrupt.when, 'the review to be under way');
        child.kill(interrupt.signal);
        await interrupt.after?.(() => stderr);
      }
      const { code, signal } = await exited;
      done({ code: code ?? (signal ? -1 : -2), stdout, stderr });
    })().catch(fail);
  });
}

function slowReview() {
  const repo = new TempRepo();
  const cases = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `q${i}` } })).join('\n');
  repo
    .write({
      'promptgate.yml': `version: 1\nsuites:\n  - name: s\n    prompt: p.txt\n    cases: c.jsonl\n    assert: [{ type: contains, value: echo }]\n    repeats: 2\nrun: { concurrency: 2 }\n`,
      'p.txt': 'a {{q}}',
      'c.jsonl': cases,
    })
    .commit('base');
  repo.write({ 'p.txt': 'b {{q}}' }).commit('head');
  return repo;
}

describe('interrupting a review', () => {
  it('writes a partial report on SIGINT, and the next run pays only for what was missing', async () => {
    // Ten answers, then two calls held in flight (concurrency 2) until the review has taken the Ctrl-C.
    const { server, release } = await gatedServer(10);
    const repo = slowReview();
    const args = ['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'];
    const first = await run(
      repo.dir,
      args,
      { OPENAI_API_KEY: 'k' },
      {
        when: () => server.stats().requests >= 12,
        signal: 'SIGINT',
        after: async (stderr) => {
          await until(() => stderr().includes('SIGINT received'), 'the review to take the Ctrl-C');
          release();
        },
      },
    );
    expect(first.stderr).toContain('SIGINT received');
    expect(first.code).toBe(2);
    const partial = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(partial.partial).toBe(true);
    expect(partial.verdict).toBe('error');
    // The ten answered and the two in flight, which finish and count: no call was started after the Ctrl-C.
    expect(partial.calls.total).toBe(12);
    expect(first.stdout).toMatch(/partial results/i);

    const second = await run(repo.dir, args, { OPENAI_API_KEY: 'k' });
    expect(second.code, second.stderr).toBe(0);
    const full = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(full.partial).toBeUndefined();
    expect(full.calls).toMatchObject({ total: 120, cached: partial.calls.total });
    expect([...server.stats().byKey.values()].every((n) => n === 1)).toBe(true);
    await server.close();
    repo.cleanup();
  });

  it('still writes the partial report when the launcher itself is killed', async () => {
    const { server, release } = await gatedServer(10);
    const repo = slowReview();
    const report = join(repo.dir, 'r.json');
    const args = ['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'];
    let stderr = () => '';
    // A review this small runs in the bin's own process; the limit at 0 puts it behind the launcher, as a large one is.
    const launcher = await run(
      repo.dir,
      args,
      { OPENAI_API_KEY: 'k', PROMPTGATE_IN_PROCESS_MAX_SAMPLES: '0' },
      { when: () => server.stats().requests >= 12, signal: 'SIGKILL', after: async (s) => void (stderr = s) },
    );
    expect(launcher.code).toBe(-1);
    // The review runs on in its own process group until it notices the launcher is gone (its stderr is still ours),
    // then stops starting calls and writes what finished.
    await until(() => stderr().includes('the launcher exited, finishing in-flight samples'), 'the review to notice the launcher is gone');
    release();
    await until(() => existsSync(report), 'the partial report');
    const partial = ReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    expect(partial.partial).toBe(true);
    expect(partial.calls.total).toBe(12);
    await server.close();
    repo.cleanup();
  });

  it('a second Ctrl-C stops waiting for calls in flight: the partial report comes at once', async () => {
    // The first ten answers come at once; the rest would take 20 s each.
    let answered = 0;
    const server = await startFakeLlm({ apiKey: 'k', latencyMs: () => (++answered <= 10 ? 1 : 20_000) });
    const repo = slowReview();
    const child = spawn(process.execPath, [BIN, 'run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'], {
      cwd: repo.dir,
      env: { PATH: process.env.PATH ?? '', OPENAI_API_KEY: 'k' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
    await until(() => server.stats().completions >= 10 && server.stats().requests >= 12, 'ten answers and two calls in flight');
    const t0 = Date.now();
    child.kill('SIGINT');
    await until(() => stderr.includes('SIGINT received, finishing'), 'the review to take the first Ctrl-C');
    child.kill('SIGINT');
    expect(await exited).toBe(2);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(stderr).toContain('SIGINT received again: stopping now');
    const partial = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(partial).toMatchObject({ partial: true, verdict: 'error', calls: { total: 10 } });
    await server.close();
    repo.cleanup();
  });
});
