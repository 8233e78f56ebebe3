import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import { continuationCoin } from '../../src/review/rounds.js';
import { CONTINUATION } from '../../src/stats/sequential.js';
import { passProbabilityResponder, startFakeLlm, type FakeLlm } from '../../tools/fake-llm/index.js';
import { BIN, runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';
import { until } from '../support/until.js';

/**
 * `run --sampling sequential` through the shipped bin, against the local model server answering PASS with the
 * probability each case's prompt states (passProbabilityResponder), in real git repos.
 */

const ENV = { OPENAI_API_KEY: 'k' };

/** A repo whose head changes the prompt; case i passes with probability base(i) at base and head(i) at head. */
function repo(n: number, base: (i: number) => number, head: (i: number) => number, repeats = 5) {
  const r = new TempRepo();
  const cases = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `q${i}`, pb: base(i), ph: head(i) } })).join('\n');
  r.write({
    'promptgate.yml': `version: 1\nsuites:\n  - name: s\n    prompt: p.txt\n    cases: c.jsonl\n    assert: [{ type: contains, value: PASS }]\n    repeats: ${repeats}\nrun: { concurrency: 4 }\n`,
    'p.txt': 'Q {{q}} pass-probability={{pb}}',
    'c.jsonl': cases,
  }).commit('base');
  r.write({ 'p.txt': 'Q {{q}}, briefly. pass-probability={{ph}}' }).commit('head');
  return r;
}

const readReport = (dir: string, file = 'r.json'): Report => ReportSchema.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));

async function server(): Promise<FakeLlm> {
  return startFakeLlm({ apiKey: 'k', responder: passProbabilityResponder });
}

describe('sequential sampling through the CLI', () => {
  it('decides a clear regression in fewer calls than the fixed design, and the report says how it sampled', async () => {
    const llm = await server();
    // 40 cases that always pass at base; half always fail at head: a 50-point drop, clear after one round.
    const r = repo(
      40,
      () => 1,
      (i) => (i % 2 ? 0 : 1),
    );
    const common = ['run', '--base', 'HEAD~1', '--base-url', llm.url, '--no-cache'];
    const fixed = await runBin(r.dir, [...common, '--json', 'fixed.json'], ENV);
    const seq = await runBin(r.dir, [...common, '--sampling', 'sequential', '--json', 'seq.json'], ENV);
    expect(fixed.code, fixed.stderr).toBe(1);
    expect(seq.code, seq.stderr).toBe(1);
    const f = readReport(r.dir, 'fixed.json');
    const s = readReport(r.dir, 'seq.json');
    expect(f.verdict).toBe('fail');
    expect(s.verdict).toBe('fail');
    expect(f.suites[0]!.sampling).toEqual({ mode: 'fixed', rounds: 1, samples_used: 400, samples_max: 400, reused: 0 });
    expect(s.suites[0]!.sampling).toEqual({ mode: 'sequential', rounds: 1, samples_used: 80, samples_max: 400, reused: 0 });
    expect(s.calls.total).toBe(80);
    expect(llm.stats().completions).toBe(480);
    expect(s.notes?.some((n) => n.startsWith('Sequential sampling (docs/sequential.md)'))).toBe(true);
    await llm.close();
    r.cleanup();
  });

  it('adds samples only where they disagree, and says what an inconclusive suite calls for', async () => {
    const llm = await server();
    // No change; 20 of 30 cases always pass, 10 are coin flips: only those get repeats 3–5.
    const r = repo(
      30,
      (i) => (i < 10 ? 0.5 : 1),
      (i) => (i < 10 ? 0.5 : 1),
    );
    const run = await runBin(r.dir, ['run', '--base', 'HEAD~1', '--base-url', llm.url, '--sampling', 'sequential', '--json', 'r.json'], ENV);
    expect(run.code, run.stderr).toBe(0);
    const report = readReport(r.dir);
    const sampling = report.suites[0]!.sampling!;
    expect(sampling.rounds).toBe(3);
    // Rounds 1 and 2: 2 × 30 × 2; round 3: 3 more per variant for each case whose samples disagreed (coin flips only),
    // and for an always-passing case exactly when its coin (suite, case, head commit) says so.
    const flagged = report.suites[0]!.cases.filter((c) => c.baseline!.runs === 5).map((c) => Number(c.id.slice(1)));
    const head = r.git('rev-parse', 'HEAD').trim();
    const byCoin = Array.from({ length: 20 }, (_, j) => j + 10).filter((i) => continuationCoin(head, 's', `c${i}`) < CONTINUATION.unanimous);
    expect(flagged.filter((i) => i >= 10)).toEqual(byCoin);
    expect(sampling.samples_used).toBe(120 + flagged.length * 6);
    expect(sampling.samples_used).toBeLessThan(sampling.samples_max);
    expect(report.suites[0]!.verdict).toBe('inconclusive');
    // The delta and its interval come from the design's unbiased estimator, not the plain means of the rows shown.
    const rows = report.suites[0]!.cases;
    const plain = rows.reduce((sum, c) => sum + c.candidate!.passed / c.candidate!.runs - c.baseline!.passed / c.baseline!.runs, 0) / rows.length;
    const pr = report.suites[0]!.pass_rate;
    expect(Math.abs(pr.delta! - plain)).toBeGreaterThan(1e-9);
    expect(pr.delta!).toBeCloseTo(pr.candidate! - pr.baseline!, 12);
    expect(report.notes?.some((n) => /^s: still inconclusive after its most samples; .* more (cases|repeats)/.test(n))).toBe(true);
    await llm.close();
    r.cleanup();
  });

  it('baselines already in the cache are taken, not paid for again: a second push pays for the candidate only', async () => {
    const llm = await server();
    const r = repo(
      30,
      () => 1,
      (i) => (i % 3 ? 1 : 0),
    );
    const args = ['run', '--base', 'HEAD~2', '--base-url', llm.url, '--sampling', 'sequential', '--json', 'r.json'];
    // A first candidate, then a second push with another wording: the base's rendered messages are the same.
    r.write({ 'p.txt': 'Q {{q}}, short. pass-probability={{ph}}' }).commit('second push');
    await runBin(r.dir, ['run', '--base', 'HEAD~2', '--head', 'HEAD~1', '--base-url', llm.url, '--sampling', 'sequential', '--json', 'first.json'], ENV);
    const before = llm.stats().completions;
    const second = await runBin(r.dir, args, ENV);
    expect(second.code, second.stderr).toBe(1);
    const report = readReport(r.dir);
    const sampling = report.suites[0]!.sampling!;
    const paid = llm.stats().completions - before;
    expect(sampling.reused).toBeGreaterThan(0);
    expect(sampling.reused).toBe(report.calls.cached);
    expect(paid).toBe(report.calls.total - report.calls.cached);
    // Every baseline sample of the second run came from the cache.
    expect(sampling.reused).toBe(sampling.samples_used / 2);
    await llm.close();
    r.cleanup();
  });

  it('a sharded run falls back to the fixed design and says so; merge still gives the verdict', async () => {
    const llm = await server();
    const r = repo(
      20,
      () => 1,
      (i) => (i % 2 ? 0 : 1),
      2,
    );
    const shard = (i: number) => runBin(r.dir, ['run', '--base', 'HEAD~1', '--base-url', llm.url, '--sampling', 'sequential', '--shard', `${i}/2`, '--json', `s${i}.json`], ENV);
    const first = await shard(1);
    await shard(2);
    // The shard file holds the samples (every planned one of its slice); the shard says why it ran fixed.
    expect(JSON.parse(readFileSync(join(r.dir, 's1.json'), 'utf8')).records).toHaveLength(40);
    expect(first.stderr).toContain('Sequential sampling was asked for, but a sharded run uses the fixed design');
    const merged = await runBin(r.dir, ['merge', 's1.json', 's2.json', '--json', 'm.json'], ENV);
    expect(merged.code, merged.stderr).toBe(1);
    const m = readReport(r.dir, 'm.json');
    expect(m.verdict).toBe('fail');
    expect(m.suites[0]!.sampling).toMatchObject({ mode: 'fixed', samples_used: 80, samples_max: 80 });
    expect(m.calls.total).toBe(80);
    await llm.close();
    r.cleanup();
  });

  it('an interrupted sequential run reports what finished as partial, and the rerun resumes from the cache', async () => {
    // 70 answers (round 1 is 60), then calls are held until the review has taken the Ctrl-C.
    let release!: () => void;
    const gate = new Promise<void>((done) => (release = done));
    let answered = 0;
    const llm = await startFakeLlm({
      apiKey: 'k',
      responder: async (req) => {
        if (++answered > 70) await gate;
        return passProbabilityResponder(req);
      },
    });
    const r = repo(
      30,
      (i) => (i < 10 ? 0.5 : 1),
      (i) => (i < 10 ? 0.5 : 1),
    );
    const args = [BIN, 'run', '--base', 'HEAD~1', '--base-url', llm.url, '--sampling', 'sequential', '--json', 'r.json'];
    const child = spawn(process.execPath, args, { cwd: r.dir, env: { PATH: process.env.PATH ?? '', ...ENV } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
    await until(() => llm.stats().requests >= 74, 'round 2 under way with calls held');
    child.kill('SIGINT');
    await until(() => stderr.includes('SIGINT received'), 'the review to take the Ctrl-C');
    release();
    expect(await exited).toBe(2);
    const partial = readReport(r.dir);
    expect(partial.partial).toBe(true);
    expect(partial.verdict).toBe('error');
    expect(partial.suites[0]!.sampling).toMatchObject({ mode: 'sequential', rounds: 2 });
    expect(partial.calls.total).toBe(74);

    const again = await runBin(r.dir, args.slice(1), ENV);
    expect(again.code, again.stderr).toBe(0);
    const full = readReport(r.dir);
    expect(full.partial).toBeUndefined();
    expect(full.calls.cached).toBe(74);
    expect([...llm.stats().byKey.values()].every((n) => n === 1)).toBe(true);
    await llm.close();
    r.cleanup();
  });
});
