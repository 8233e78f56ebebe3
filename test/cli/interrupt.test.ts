import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * Ctrl-C in the middle of a review: the `promptgate` bin (the launcher in front of the CLI bundle) passes the
 * signal on, the review stops cleanly, reports what finished, and a rerun resumes.
 */

const BIN = resolve('dist/cli/launch.js');

function run(cwd: string, args: string[], env: Record<string, string>, interrupt?: { afterMs: number; signal: NodeJS.Signals }) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (interrupt) setTimeout(() => child.kill(interrupt.signal), interrupt.afterMs);
    child.on('exit', (code, signal) => done({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
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
    const server = await startFakeLlm({ latencyMs: 40, apiKey: 'k' });
    const repo = slowReview();
    const args = ['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'];
    const first = await run(repo.dir, args, { OPENAI_API_KEY: 'k' }, { afterMs: 700, signal: 'SIGINT' });
    expect(first.stderr).toContain('SIGINT received');
    expect(first.code).toBe(2);
    const partial = ReportSchema.parse(JSON.parse(readFileSync(join(repo.dir, 'r.json'), 'utf8')));
    expect(partial.partial).toBe(true);
    expect(partial.verdict).toBe('error');
    expect(partial.calls.total).toBeGreaterThan(0);
    expect(partial.calls.total).toBeLessThan(120);
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
    const server = await startFakeLlm({ latencyMs: 40, apiKey: 'k' });
    const repo = slowReview();
    const report = join(repo.dir, 'r.json');
    const args = ['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'];
    const launcher = await run(repo.dir, args, { OPENAI_API_KEY: 'k' }, { afterMs: 700, signal: 'SIGKILL' });
    expect(launcher.code).toBe(-1);
    // The review runs on in its own process group until it notices the launcher is gone, then stops cleanly.
    for (let i = 0; i < 100 && !existsSync(report); i++) await new Promise((r) => setTimeout(r, 50));
    const partial = ReportSchema.parse(JSON.parse(readFileSync(report, 'utf8')));
    expect(partial.partial).toBe(true);
    expect(partial.calls.total).toBeLessThan(120);
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
    while (server.stats().completions < 10 || server.stats().requests < 12) await new Promise((r) => setTimeout(r, 20));
    const t0 = Date.now();
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 300));
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
