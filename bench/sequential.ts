/**
 * `npm run bench:sequential -- [--prs 60] [--cases 100] [--repeats 5] [--sim 3000]`
 *
 * Both sampling designs side by side on the same simulated PRs (bench/sequential-world.ts: no-ops, 10-point drops
 * and 10-point gains in turn), each PR a real git repo in a temp dir reviewed by the shipped bin
 * (`dist/cli/launch.js run --sampling fixed|sequential --no-cache`) against the local model server answering PASS
 * with each case's pass probability (tools/fake-llm, `--responder pass-probability`). Prints, per design, model
 * calls per PR, the false-fail rate at no change, the power at the 10-point drop and the pass rate at the gain, with
 * Monte Carlo standard errors, and the ratio of calls. The PRs through the CLI are few (a run is a process and
 * 1,000 calls); the in-process simulation of the same design (bench/sequential-sim.ts, `--sim` PRs) gives the
 * rates to a useful precision.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ReportSchema } from '../src/report/schema.js';
import { startFakeLlmProcess } from '../tools/fake-llm/child.js';
import { simulate } from './sequential-sim.js';
import { seededRandom, worldCases, type Change } from './sequential-world.js';

const { values } = parseArgs({
  options: {
    prs: { type: 'string', default: '60' },
    cases: { type: 'string', default: '100' },
    repeats: { type: 'string', default: '5' },
    sim: { type: 'string', default: '3000' },
  },
});
const prs = Number(values.prs);
const n = Number(values.cases);
const repeats = Number(values.repeats);
const BIN = resolve('dist/cli/launch.js');

function git(dir: string, ...args: string[]) {
  const who = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  execFileSync('git', args, { cwd: dir, env: { ...process.env, ...who } });
}

function makePr(pr: number, change: Change, random: () => number): string {
  const dir = mkdtempSync(join(tmpdir(), 'promptgate-seq-'));
  const cases = worldCases(random, n, change);
  git(dir, 'init', '-q', '-b', 'main');
  writeFileSync(
    join(dir, 'promptgate.yml'),
    `version: 1\nprovider: { model: sim }\nsuites:\n  - name: sim\n    prompt: p.txt\n    cases: c.jsonl\n    assert: [{ type: contains, value: PASS }]\n    repeats: ${repeats}\nrun: { concurrency: 16 }\n`,
  );
  writeFileSync(join(dir, 'c.jsonl'), cases.map((c, i) => JSON.stringify({ id: `c${i}`, vars: { q: `q${i}`, pb: c.baseline, ph: c.candidate } })).join('\n') + '\n');
  writeFileSync(join(dir, 'p.txt'), `PR ${pr}. Q {{q}} pass-probability={{pb}}`);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  writeFileSync(join(dir, 'p.txt'), `PR ${pr}. Q {{q}}, reworded. pass-probability={{ph}}`);
  git(dir, 'commit', '-q', '-am', 'head');
  return dir;
}

interface Tally {
  calls: number;
  noop: number;
  falseFail: number;
  drop: number;
  power: number;
  gain: number;
  gainPass: number;
}
const blank = (): Tally => ({ calls: 0, noop: 0, falseFail: 0, drop: 0, power: 0, gain: 0, gainPass: 0 });

const server = await startFakeLlmProcess(['--responder', 'pass-probability']);
const tallies = { fixed: blank(), sequential: blank() };
const random = seededRandom(2024);
const started = Date.now();
try {
  for (let pr = 0; pr < prs; pr++) {
    const change = (['noop', 'drop', 'gain'] as const)[pr % 3]!;
    const dir = makePr(pr, change, random);
    for (const design of ['fixed', 'sequential'] as const) {
      const out = spawnSync(process.execPath, [BIN, 'run', '--base', 'HEAD~1', '--base-url', server.url, '--sampling', design, '--no-cache', '--quiet', '--json', `${design}.json`], {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, OPENAI_API_KEY: 'sim' },
        encoding: 'utf8',
      });
      if (out.status !== 0 && out.status !== 1) throw new Error(`PR ${pr} (${design}) exited ${out.status}: ${out.stderr}`);
      const report = ReportSchema.parse(JSON.parse(readFileSync(join(dir, `${design}.json`), 'utf8')));
      const t = tallies[design];
      t.calls += report.calls.total;
      t[change]++;
      if (change === 'noop' && report.verdict === 'fail') t.falseFail++;
      if (change === 'drop' && report.verdict === 'fail') t.power++;
      if (change === 'gain' && report.verdict === 'pass') t.gainPass++;
    }
    rmSync(dir, { recursive: true, force: true });
    process.stderr.write(`\r${pr + 1}/${prs} PRs`);
  }
} finally {
  await server.stop();
}
process.stderr.write('\n');

const rate = (k: number, of: number) => (of === 0 ? '—' : `${((100 * k) / of).toFixed(1)}% ± ${((100 * Math.sqrt((k / of) * (1 - k / of))) / Math.sqrt(of)).toFixed(1)}`);
console.log(`Through the CLI: ${prs} simulated PRs × 2 designs, ${n} cases, up to ${repeats} repeats (${((Date.now() - started) / 1000).toFixed(0)} s); ± is one Monte Carlo standard error`);
console.log('design      calls/PR  false-fail (no-op)   power (10-pt drop)   pass (10-pt gain)');
for (const [name, t] of Object.entries(tallies)) {
  console.log(`${name.padEnd(10)} ${(t.calls / prs).toFixed(0).padStart(9)}  ${rate(t.falseFail, t.noop).padEnd(19)}  ${rate(t.power, t.drop).padEnd(19)}  ${rate(t.gainPass, t.gain)}`);
}
console.log(`ratio of calls (sequential ÷ fixed): ${(tallies.sequential.calls / tallies.fixed.calls).toFixed(3)}`);

const simPrs = Number(values.sim);
if (simPrs > 0) {
  const sim = simulate(simPrs, n, repeats);
  console.log(`\nIn process (bench/sequential-sim.ts): ${simPrs} simulated PRs, the same design and world`);
  const se = (p: number) => (100 * Math.sqrt((p * (1 - p)) / sim.fixed.trials)).toFixed(1);
  for (const [name, s] of Object.entries(sim)) {
    console.log(
      `${name.padEnd(10)} ${s.calls.toFixed(0).padStart(9)}  ${`${(100 * s.falseFail).toFixed(1)}% ± ${se(s.falseFail)}`.padEnd(19)}  ${`${(100 * s.power).toFixed(1)}% ± ${se(s.power)}`.padEnd(19)}  ${(100 * s.gainPass).toFixed(1)}% ± ${se(s.gainPass)}`,
    );
  }
  console.log(`ratio of calls (sequential ÷ fixed): ${(sim.sequential.calls / sim.fixed.calls).toFixed(3)}`);
}
