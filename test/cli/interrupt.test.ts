import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { startFakeLlm } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/** Ctrl-C in the middle of a review: the bundled CLI stops cleanly, reports what finished, and a rerun resumes. */

const CLI = resolve('dist/cli/index.js');

function run(cwd: string, args: string[], env: Record<string, string>, interruptAfterMs?: number) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (interruptAfterMs !== undefined) setTimeout(() => child.kill('SIGINT'), interruptAfterMs);
    child.on('exit', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

describe('interrupting a review', () => {
  it('writes a partial report on SIGINT, and the next run pays only for what was missing', async () => {
    const server = await startFakeLlm({ latencyMs: 40, apiKey: 'k' });
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
    const args = ['run', '--base', 'HEAD~1', '--base-url', server.url, '--json', 'r.json'];
    const first = await run(repo.dir, args, { OPENAI_API_KEY: 'k' }, 700);
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
});
