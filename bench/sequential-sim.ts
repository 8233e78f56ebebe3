/**
 * `npx tsx bench/sequential-sim.ts [--prs 2000] [--cases 100] [--repeats 5] [--coverage 10000]`
 *
 * The sequential design in process, on the world of bench/sequential-world.ts: the same rounds, allocation and
 * per-look decisions as a review (src/stats/sequential.ts; the gate's pass-rate rule, max_drop 0, 95%), without
 * a model or the CLI — fast enough to tune the look weights. `npm run bench:sequential` runs both designs through
 * the real CLI.
 */
import { parseArgs } from 'node:util';
import { CONTINUATION, lookConfidences, type Continuation, passRateDecision, roundIndexes, roundsFor, sequentialDelta } from '../src/stats/sequential.js';
import { caseRates } from '../test/stats/superpopulation.js';
import { seededRandom, worldCases, type Change, type Random, type SimCase } from './sequential-world.js';

export interface SimResult {
  calls: number;
  decision: 'pass' | 'fail' | 'inconclusive';
  rounds: number;
  /** The interval reported when the run stopped (at that look's confidence). */
  ci: [number, number] | null;
}

const draw = (random: Random, p: number) => (random() < p ? 1 : 0);

export function runFixed(random: Random, cases: SimCase[], repeats: number, confidence = 0.95, maxDrop = 0): SimResult {
  const pairs = cases.map((c) => ({
    baseline: Array.from({ length: repeats }, () => draw(random, c.baseline)),
    candidate: Array.from({ length: repeats }, () => draw(random, c.candidate)),
  }));
  const d = passRateDecision(pairs, confidence, maxDrop);
  return { calls: 2 * repeats * cases.length, decision: d.decision, rounds: 1, ci: d.delta?.ci ?? null };
}

/** Variants of the design, for tuning: the continuation chance of unanimous cases and the per-case estimator. */
export interface SequentialOptions {
  continueUnanimous?: number;
  /** 'unbiased': the design's estimator (sequentialDelta); 'plain': the mean of whatever samples a case got. */
  estimator?: 'unbiased' | 'plain';
  /** Share of the error rate per look (default: the design's, src/stats/sequential.ts). */
  weights?: readonly number[];
}

export function runSequential(random: Random, cases: SimCase[], repeats: number, confidence = 0.95, maxDrop = 0, opts: SequentialOptions = {}): SimResult {
  const q: Continuation = { unanimous: opts.continueUnanimous ?? CONTINUATION.unanimous };
  const caseDelta = opts.estimator === 'plain' ? undefined : sequentialDelta(q);
  const levels = lookConfidences(confidence, repeats, opts.weights);
  const pairs = cases.map(() => ({ baseline: [] as number[], candidate: [] as number[] }));
  // Each case's coin, drawn apart from its samples (a review hashes suite, case and head: src/review/rounds.ts).
  const coins = cases.map(() => random());
  let calls = 0;
  let decision: SimResult['decision'] = 'inconclusive';
  let ci: SimResult['ci'] = null;
  let round = 0;
  for (round = 1; round <= roundsFor(repeats); round++) {
    cases.forEach((c, i) => {
      for (const _ of roundIndexes(round, repeats, pairs[i]!, coins[i]!, q)) {
        pairs[i]!.baseline.push(draw(random, c.baseline));
        pairs[i]!.candidate.push(draw(random, c.candidate));
        calls += 2;
      }
    });
    const d = passRateDecision(pairs, levels[round - 1]!, maxDrop, caseDelta);
    decision = d.decision;
    ci = d.delta?.ci ?? null;
    if (decision !== 'inconclusive') break;
  }
  return { calls, decision, rounds: Math.min(round, roundsFor(repeats)), ci };
}

export interface Summary {
  calls: number;
  falseFail: number;
  power: number;
  gainPass: number;
  trials: number;
}

export function simulate(prs: number, n: number, repeats: number, seed = 1): { fixed: Summary; sequential: Summary } {
  const random = seededRandom(seed);
  const out = { fixed: blank(), sequential: blank() };
  const changes: Change[] = ['noop', 'drop', 'gain'];
  for (let t = 0; t < prs; t++) {
    const change = changes[t % 3]!;
    const cases = worldCases(random, n, change);
    for (const [design, run] of [
      ['fixed', runFixed],
      ['sequential', runSequential],
    ] as const) {
      const r = run(random, cases, repeats);
      const s = out[design];
      s.calls += r.calls;
      if (change === 'noop' && r.decision === 'fail') s.falseFail++;
      if (change === 'drop' && r.decision === 'fail') s.power++;
      if (change === 'gain' && r.decision === 'pass') s.gainPass++;
    }
  }
  const per = Math.ceil(prs / 3);
  for (const s of Object.values(out)) {
    s.trials = per;
    s.calls /= prs;
    s.falseFail /= per;
    s.power /= per;
    s.gainPass /= per;
  }
  return out;
}

function blank(): Summary {
  return { calls: 0, falseFail: 0, power: 0, gainPass: 0, trials: 0 };
}

/**
 * Coverage of the interval a sequential review reports when it stops, of the true mean delta of the
 * super-population of test/stats/superpopulation.ts, per cell of the grid; `plain` is the same design estimated by
 * the plain mean of the samples each case got (what the estimator replaced).
 */
export function coverageGrid(trials: number): { n: number; repeats: number; rate: number; delta: number; unbiased: number; plain: number }[] {
  const rows = [];
  for (const n of [20, 100]) {
    for (const repeats of [2, 3, 5]) {
      for (const rate of [0.5, 0.95, 0.05]) {
        for (const delta of [0, rate === 0.05 ? 0.1 : -0.1]) {
          const row = { n, repeats, rate, delta, unbiased: 0, plain: 0 };
          for (const estimator of ['unbiased', 'plain'] as const) {
            const random = seededRandom(n * 1_000_003 + repeats * 10_007 + Math.round(rate * 100) * 101 + Math.round(delta * 10));
            let covered = 0;
            for (let t = 0; t < trials; t++) {
              const cases = Array.from({ length: n }, () => caseRates(random, { baselineRate: rate, delta }));
              const ci = runSequential(random, cases, repeats, 0.95, 0, { estimator }).ci!;
              if (ci[0] <= delta && delta <= ci[1]) covered++;
            }
            row[estimator] = covered / trials;
          }
          rows.push(row);
        }
      }
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      prs: { type: 'string', default: '3000' },
      cases: { type: 'string', default: '100' },
      repeats: { type: 'string', default: '5' },
      coverage: { type: 'string', default: '0' },
    },
  });
  const r = simulate(Number(values.prs), Number(values.cases), Number(values.repeats));
  const se = (p: number) => Math.sqrt((p * (1 - p)) / r.fixed.trials);
  const pct = (p: number) => `${(100 * p).toFixed(1)}% ±${(100 * se(p)).toFixed(1)}`;
  for (const [name, s] of Object.entries(r)) {
    console.log(`${name.padEnd(10)} calls/PR ${s.calls.toFixed(0).padStart(5)}  false-fail ${pct(s.falseFail)}  power(drop) ${pct(s.power)}  pass(gain) ${pct(s.gainPass)}`);
  }
  console.log(`ratio of calls: ${(r.sequential.calls / r.fixed.calls).toFixed(3)}`);
  const trials = Number(values.coverage);
  if (trials > 0) {
    console.log(`\nCoverage of the final 95% interval, ${trials} simulated reviews per row (super-population of test/stats/superpopulation.ts)`);
    console.log('cases repeats  rate  delta  unbiased estimator  plain mean');
    for (const row of coverageGrid(trials)) {
      console.log(
        `${String(row.n).padStart(5)} ${String(row.repeats).padStart(7)}  ${row.rate.toFixed(2)}  ${row.delta.toFixed(2).padStart(5)}  ${`${(100 * row.unbiased).toFixed(1)}%`.padStart(18)}  ${`${(100 * row.plain).toFixed(1)}%`.padStart(10)}`,
      );
    }
  }
}
