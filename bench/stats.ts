/**
 * `npm run bench:stats`: the numbers behind the statistics' promises (docs/contract.md §5), with more trials than the test
 * suite (test/stats/coverage.test.ts) uses.
 *
 * 1. Coverage of the 95% pass-rate-delta interval on the contract grid (docs/contract.md §5), next to the plain paired t (the yardstick),
 *    with the median width relative to it and the rate of `fail` on no-op changes.
 * 2. Robustness: other Beta shapes, other confidence levels, rates near 0, fewer cases.
 * 3. Coverage of the absolute-rate interval (added prompts, cases-only changes).
 * 4. The "no-op PR" comparison: 50 cases × 3 at p ≈ 0.8, three ways to decide.
 * 5. measureSuite on 10,000 cases × 3 repeats (with the 10,000-resample bootstrap).
 * 6. The alternatives src/stats/intervals.ts weighed, on the cells that decide between them.
 * 7. Coverage of the 95% intervals on the p95-latency ratio (cluster bootstrap, expanded percentile) and the cost
 *    ratio (Fieller), next to the plain percentile bootstrap, on lognormal latencies and costs with per-case
 *    effects (test/stats/latency-world.ts), true ratio 1 and 1.3.
 * 8. The statistics after a review's last model call, for a 50-case, 3-repeat suite at 10,000 resamples: the
 *    confidence grids' level points from the general t quantile (before) and from the fast grid (now), and
 *    measureSuite with its resample draws made during the calls (prepareStatistics) or not.
 *
 * Options: --trials N (default 20000 per cell; the ratio tables use a tenth), --quick (2000), --post-sampling
 * (section 8 only).
 */
import { GateSchema } from '../src/config/schema.js';
import { evaluateGate } from '../src/gate/index.js';
import { mean } from 'simple-statistics';
import {
  bootstrapInterval,
  clusterBootstrap,
  expandedLevel,
  expandedPercentileInterval,
  fiellerRatio,
  meanRatioStatistic,
  measureSuite,
  pairedDeltaInterval,
  proportionInterval,
  quantileRatioStatistic,
  tCritical,
  tQuantile,
  type CaseSamples,
} from '../src/stats/index.js';
import { prepareResamples } from '../src/stats/bootstrap.js';
import { fastNormalCdf, tQuantileGrid } from '../src/stats/t-grid.js';
import { simulateRatioCases, type RatioWorld } from '../test/stats/latency-world.js';
import { plainPairedT } from '../test/stats/plain-paired-t.js';
import { caseRates, pairsOf, seededRandom, simulateCases, type Random, type World } from '../test/stats/superpopulation.js';

const args = process.argv.slice(2);
const trialsArg = args.indexOf('--trials');
const TRIALS = trialsArg >= 0 ? Number(args[trialsArg + 1]) : args.includes('--quick') ? 2_000 : 20_000;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const pad = (s: string | number, w: number) => String(s).padStart(w);

interface Cell extends World {
  n: number;
  k: number;
  confidence?: number;
}

function deltaCoverage(cell: Cell, trials: number, seed: number) {
  const random = seededRandom(seed);
  const confidence = cell.confidence ?? 0.95;
  let ours = 0;
  let plain = 0;
  let fails = 0;
  const ratios: number[] = [];
  for (let t = 0; t < trials; t++) {
    const pairs = pairsOf(simulateCases(random, cell, cell.n, cell.k));
    const ci = pairedDeltaInterval(pairs, confidence)!.ci;
    const yard = plainPairedT(pairs, confidence);
    if (ci[0] <= cell.delta && cell.delta <= ci[1]) ours++;
    if (yard[0] <= cell.delta && cell.delta <= yard[1]) plain++;
    // With one gated comparison and max_drop 0, `fail` is exactly "the interval lies below 0".
    if (ci[1] < 0) fails++;
    if (yard[1] > yard[0]) ratios.push((ci[1] - ci[0]) / (yard[1] - yard[0]));
  }
  return { ours: ours / trials, plain: plain / trials, fails: fails / trials, widthRatio: ratios.length ? median(ratios) : NaN };
}

function printDeltaTable(title: string, cells: Cell[], trials: number) {
  console.log(`\n${title} (${trials.toLocaleString('en-US')} trials per cell)`);
  console.log('    n   k  rate   delta  kappa  conf   coverage  plain t  width/plain t  fail (no-op)');
  let worst = Infinity;
  cells.forEach((cell, i) => {
    const r = deltaCoverage(cell, trials, 0xc0ffee + i * 7919);
    worst = Math.min(worst, r.ours - (cell.confidence ?? 0.95));
    console.log(
      `${pad(cell.n, 5)} ${pad(cell.k, 3)} ${pad(cell.baselineRate.toFixed(2), 5)} ${pad(cell.delta.toFixed(2), 7)} ${pad(cell.concentration ?? 2, 6)} ${pad(cell.confidence ?? 0.95, 5)} ` +
        `${pad(pct(r.ours), 10)} ${pad(pct(r.plain), 8)} ${pad(Number.isNaN(r.widthRatio) ? '–' : `${r.widthRatio.toFixed(3)}×`, 14)} ${pad(cell.delta === 0 ? pct(r.fails) : '', 13)}`,
    );
  });
  console.log(`  lowest coverage relative to nominal: ${worst >= 0 ? '+' : ''}${(worst * 100).toFixed(1)} points`);
}

function designGrid(): Cell[] {
  return [20, 100].flatMap((n) => [1, 5].flatMap((k) => [0.5, 0.95].flatMap((baselineRate) => [0, -0.1].map((delta) => ({ n, k, baselineRate, delta })))));
}

function robustness(): Cell[] {
  const hard = { n: 20, k: 1, baselineRate: 0.95, delta: -0.1 };
  return [
    { ...hard, concentration: 1 },
    { ...hard, concentration: 10 },
    { ...hard, confidence: 0.9 },
    { ...hard, confidence: 0.99 },
    { n: 20, k: 3, baselineRate: 0.95, delta: -0.1 },
    { n: 10, k: 1, baselineRate: 0.95, delta: -0.1 },
    { n: 10, k: 3, baselineRate: 0.5, delta: -0.1 },
    { n: 20, k: 1, baselineRate: 0.05, delta: 0.1 },
    { n: 20, k: 1, baselineRate: 0.99, delta: 0 },
    { n: 50, k: 3, baselineRate: 0.8, delta: -0.05 },
    { n: 300, k: 1, baselineRate: 0.9, delta: -0.02 },
  ];
}

function absoluteCoverage(trials: number) {
  console.log(`\nAbsolute pass rate (added prompts, cases-only changes): coverage of the 95% interval (${trials.toLocaleString('en-US')} trials per cell)`);
  console.log('    n   k  rate   coverage  plain t');
  let i = 0;
  for (const n of [20, 100]) {
    for (const k of [1, 5]) {
      for (const rate of [0.5, 0.95, 0.99]) {
        const random = seededRandom(0xabc + i++);
        let covered = 0;
        let plain = 0;
        for (let t = 0; t < trials; t++) {
          const perCase: number[][] = [];
          for (let c = 0; c < n; c++) {
            const p = caseRates(random, { baselineRate: rate, delta: 0 }).baseline;
            perCase.push(Array.from({ length: k }, () => (random() < p ? 1 : 0)));
          }
          const ci = proportionInterval(perCase, 0.95)!.ci;
          if (ci[0] <= rate && rate <= ci[1]) covered++;
          const [lo, hi] = pseudoT(
            perCase.map((c) => mean(c)),
            [],
            0.95,
          );
          if (lo <= rate && rate <= hi) plain++;
        }
        console.log(`${pad(n, 5)} ${pad(k, 3)} ${pad(rate.toFixed(2), 5)} ${pad(pct(covered / trials), 10)} ${pad(pct(plain / trials), 8)}`);
      }
    }
  }
}

function noOpComparison(trials: number, concentration: number) {
  const gate = GateSchema.parse({});
  const random: Random = seededRandom(0x0f00d);
  let lower = 0;
  let dropOver5 = 0;
  let paired = 0;
  for (let t = 0; t < trials; t++) {
    const cases = simulateCases(random, { baselineRate: 0.8, delta: 0, concentration }, 50, 3);
    const m = measureSuite(cases, { confidence: gate.confidence });
    const drop = m.pass_rate.baseline! - m.pass_rate.candidate!;
    if (drop > 0) lower++;
    if (drop > 0.05) dropOver5++;
    const verdict = evaluateGate([{ name: 's', change: 'modified', measured: m, cases, calls: { total: 300, failed: 0 }, runs_planned: 300 }], gate).verdict;
    if (verdict === 'fail') paired++;
  }
  const population = concentration === Infinity ? 'every case passes with p = 0.8' : `per-case p ~ Beta, mean 0.8, κ = ${concentration}`;
  console.log(`\nNo-op PRs (50 cases × 3, ${population}; the change does nothing; ${trials.toLocaleString('en-US')} simulated PRs): share that "fail"`);
  console.log(`  naive "fail if the new % is lower":        ${pct(lower / trials)}`);
  console.log(`  "fail if it drops by more than 5 points":  ${pct(dropOver5 / trials)}`);
  console.log(`  paired interval (promptgate gate):         ${pct(paired / trials)}`);
}

function bigSuite(): CaseSamples[] {
  const random = seededRandom(42);
  return simulateCases(random, { baselineRate: 0.8, delta: 0 }, 10_000, 3, { withCalls: true });
}

function timing() {
  const cases = bigSuite();
  // One case with errors, so the bootstrap takes its general path too.
  cases[0]!.baseline = { ...cases[0]!.baseline!, scores: [1], latenciesMs: [500], costUsd: [0.0004], errors: 2 };
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    measureSuite(cases, { confidence: 0.95 });
    times.push(performance.now() - t0);
  }
  console.log(`\nmeasureSuite, 10,000 cases × 3 repeats, 10,000 bootstrap resamples: median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`);
}

/** A t interval on per-case values with weighted pseudo-observations: the family the alternatives belong to. */
function pseudoT(values: number[], pseudo: [value: number, weight: number][], confidence: number): [number, number] {
  const total = values.length + pseudo.reduce((a, [, w]) => a + w, 0);
  const center = (values.reduce((a, v) => a + v, 0) + pseudo.reduce((a, [v, w]) => a + v * w, 0)) / total;
  const squares = values.reduce((a, v) => a + (v - center) ** 2, 0) + pseudo.reduce((a, [v, w]) => a + w * (v - center) ** 2, 0);
  const half = tCritical(confidence, values.length - 1) * Math.sqrt(squares / (total - 1) / total);
  return [center - half, center + half];
}

function alternatives(trials: number) {
  const methods: Record<string, (k: number) => [number, number][]> = {
    'plain paired t': () => [],
    'Agresti–Min, ½ in all four cells (per sample)': (k) => [
      [1, 1 / (2 * k)],
      [-1, 1 / (2 * k)],
      [0, 1 / k],
    ],
    '½ pseudo-case each way, not scaled by k': () => [
      [1, 0.5],
      [-1, 0.5],
    ],
    'chosen: ½ pseudo-sample each way': (k) => [
      [1, 1 / (2 * k)],
      [-1, 1 / (2 * k)],
    ],
  };
  const cells: Cell[] = [
    { n: 20, k: 1, baselineRate: 0.95, delta: -0.1 },
    { n: 20, k: 5, baselineRate: 0.95, delta: -0.1 },
    { n: 100, k: 5, baselineRate: 0.5, delta: 0 },
  ];
  console.log(`\nAlternatives (coverage / median width relative to plain t; ${trials.toLocaleString('en-US')} trials per cell)`);
  console.log(`  ${'method'.padEnd(48)}${cells.map((c) => `n=${c.n} k=${c.k} p=${c.baselineRate} δ=${c.delta}`.padStart(30)).join('')}`);
  const results = cells.map((cell, i) => {
    const random = seededRandom(0xa17 + i);
    const covered: Record<string, number> = {};
    const widths: Record<string, number[]> = {};
    for (const name in methods) [covered[name], widths[name]] = [0, []];
    for (let t = 0; t < trials; t++) {
      const pairs = pairsOf(simulateCases(random, cell, cell.n, cell.k));
      const d = pairs.map((p) => mean(p.candidate) - mean(p.baseline));
      const plain = pseudoT(d, [], 0.95);
      for (const [name, pseudo] of Object.entries(methods)) {
        const [lo, hi] = pseudoT(d, pseudo(cell.k), 0.95);
        if (lo <= cell.delta && cell.delta <= hi) covered[name]!++;
        if (plain[1] > plain[0]) widths[name]!.push((hi - lo) / (plain[1] - plain[0]));
      }
    }
    return Object.fromEntries(Object.keys(methods).map((name) => [name, `${pct(covered[name]! / trials)} / ${median(widths[name]!).toFixed(2)}×`]));
  });
  for (const name of Object.keys(methods)) console.log(`  ${name.padEnd(48)}${results.map((r) => r[name]!.padStart(30)).join('')}`);
}

interface RatioCell extends RatioWorld {
  n: number;
  k: number;
}

/** The ratio intervals promptgate reports, and the plain percentile bootstrap, on the same simulated reviews. */
function ratioCoverage(cell: RatioCell, trials: number, seed: number, resamples: number) {
  const random = seededRandom(seed);
  const truth = cell.trueRatio;
  const counts = { p95: 0, p95Percentile: 0, cost: 0, costPercentile: 0, costUnbounded: 0 };
  const widths = { p95: [] as number[], cost: [] as number[] };
  const covers = (ci: readonly [number, number] | null) => ci === null || (ci[0] <= truth && truth <= ci[1]);
  for (let t = 0; t < trials; t++) {
    const cases = simulateRatioCases(random, cell, cell.n, cell.k);
    const b = cases.map((c) => c.baseline!);
    const c = cases.map((c) => c.candidate!);
    const [latency, cost] = clusterBootstrap(
      cell.n,
      [
        quantileRatioStatistic(
          b.map((v) => v.latenciesMs),
          c.map((v) => v.latenciesMs),
        ),
        meanRatioStatistic(
          b.map((v) => mean(v.costUsd)),
          c.map((v) => mean(v.costUsd)),
        ),
      ],
      { seed: t + 1, resamples },
    );
    const expanded = expandedPercentileInterval(latency!, 0.95, cell.n)!;
    const percentile = bootstrapInterval(latency!, 0.95)!;
    const fieller = fiellerRatio(
      b.map((v, i) => ({ baseline: mean(v.costUsd), candidate: mean(c[i]!.costUsd) })),
      0.95,
      2,
    )!.ci;
    const costPercentile = bootstrapInterval(cost!, 0.95)!;
    if (covers(expanded)) counts.p95++;
    if (covers(percentile)) counts.p95Percentile++;
    if (covers(fieller)) counts.cost++;
    if (fieller === null) counts.costUnbounded++;
    if (covers(costPercentile)) counts.costPercentile++;
    widths.p95.push(Math.log(expanded[1] / expanded[0]) / Math.log(percentile[1] / percentile[0]));
    if (fieller) widths.cost.push(Math.log(fieller[1] / fieller[0]) / Math.log(costPercentile[1] / costPercentile[0]));
  }
  return { ...counts, p95Width: median(widths.p95), costWidth: widths.cost.length ? median(widths.cost) : NaN };
}

function printRatioTable(title: string, cells: RatioCell[], trials: number, resamples: number) {
  console.log(`\n${title} (${trials.toLocaleString('en-US')} trials per cell, ${resamples.toLocaleString('en-US')} resamples each)`);
  console.log('    n   k  ratio  call sd  cost sd │ p95: expanded  percentile  width ÷ perc. │ cost: Fieller  percentile  width ÷ perc.');
  const worst = { p95: Infinity, cost: Infinity };
  cells.forEach((cell, i) => {
    const r = ratioCoverage(cell, trials, 0x1a7e + i * 7919, resamples);
    const share = (x: number) => pct(x / trials);
    worst.p95 = Math.min(worst.p95, r.p95 / trials);
    worst.cost = Math.min(worst.cost, r.cost / trials);
    const unbounded = r.costUnbounded ? ` (${r.costUnbounded} unbounded)` : '';
    console.log(
      `${pad(cell.n, 5)} ${pad(cell.k, 3)} ${pad(cell.trueRatio.toFixed(1), 6)} ${pad((cell.callSd ?? 0.3).toFixed(1), 8)} ${pad((cell.costCaseSd ?? 0.5).toFixed(1), 8)} │ ` +
        `${pad(share(r.p95), 13)} ${pad(share(r.p95Percentile), 11)} ${pad(`${r.p95Width.toFixed(2)}×`, 14)} │ ` +
        `${pad(share(r.cost), 13)} ${pad(share(r.costPercentile), 11)} ${pad(Number.isNaN(r.costWidth) ? '–' : `${r.costWidth.toFixed(2)}×`, 14)}${unbounded}`,
    );
  });
  console.log(`  lowest coverage: p95 ratio ${pct(worst.p95)}, cost ratio ${pct(worst.cost)}`);
}

function ratioGrid(): RatioCell[] {
  return [20, 50, 100].flatMap((n) => [1, 3].flatMap((k) => [1, 1.3].map((trueRatio) => ({ n, k, trueRatio }))));
}

function ratioRobustness(): RatioCell[] {
  return [
    // Below the latency comparison's threshold (10 cases and 20 pairs): shown for what it would give.
    { n: 10, k: 1, trueRatio: 1.3 },
    // At the threshold.
    { n: 10, k: 2, trueRatio: 1 },
    { n: 10, k: 2, trueRatio: 1.3 },
    { n: 5, k: 4, trueRatio: 1.3 },
    // Heavier tails: per-call noise twice as large; costs ten times as skewed across cases.
    { n: 20, k: 1, trueRatio: 1.3, callSd: 0.6, costCaseSd: 1 },
    { n: 50, k: 1, trueRatio: 1.3, callSd: 0.6, costCaseSd: 1 },
    { n: 100, k: 3, trueRatio: 1, callSd: 0.6, costCaseSd: 1 },
    { n: 10, k: 3, trueRatio: 1.3, costCaseSd: 1 },
  ];
}

/** Section 8: what the statistics after the last model call cost, before and now (docs/statistics.md). */
async function postSampling() {
  const points = 10_000;
  const median5 = (f: (i: number) => void) => median(Array.from({ length: 5 }, (_, i) => time(() => f(i))));
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  // The two grids' level points for n cases: the expanded levels and Fieller's t critical values.
  const slow = (n: number) => {
    for (let j = 0; j < points; j++) {
      expandedLevel((j + 0.5) / points, n);
      tQuantile(1 - (j + 0.5) / points, n - 1);
    }
  };
  const fast = (n: number) => {
    const t = tQuantileGrid(n - 1, points);
    const scale = Math.sqrt(n / (n - 1));
    for (let j = 0; j < points; j++) fastNormalCdf(scale * t[j]!);
  };
  slow(20);
  fast(20);
  const before = median5((i) => slow(50 + i));
  const now = median5((i) => fast(50 + i));
  const random = seededRandom(0x5ca1e);
  const cases: CaseSamples[] = Array.from({ length: 50 }, (_, i) => {
    const variant = () => ({
      scores: [0, 1, 2].map(() => (random() < 0.8 ? 1 : 0)),
      latenciesMs: [0, 1, 2].map(() => Math.round(200 * Math.exp(0.3 * (random() - 0.5)))),
      costUsd: [0, 1, 2].map(() => 0.001 * (1 + random() / 10)),
      errors: 0,
    });
    return { id: `c${i}`, tags: [], baseline: variant(), candidate: variant() };
  });
  measureSuite(cases, { confidence: 0.95 });
  const drawing = median5((i) => measureSuite(cases, { confidence: 0.95, seed: 100 + i }));
  for (let i = 0; i < 5; i++) await prepareResamples(50, { seed: 200 + i });
  const drawn = median5((i) => measureSuite(cases, { confidence: 0.95, seed: 200 + i }));
  console.log(`\nStatistics after the last model call: one suite of 50 cases × 3 repeats, ${points.toLocaleString('en-US')} resamples (median of 5, in one warm process)`);
  console.log(`  grid level points (2 × ${points.toLocaleString('en-US')}): general t quantile (before) ${before.toFixed(1)} ms, fast t grid (now) ${now.toFixed(1)} ms`);
  console.log(`  measureSuite with the grids ready: drawing its resamples ${drawing.toFixed(1)} ms, resamples drawn during the calls ${drawn.toFixed(1)} ms`);
  console.log(`  before: ${(before + drawing).toFixed(1)} ms; now, prepared while the calls run: ${drawn.toFixed(1)} ms`);
}

const started = performance.now();
await postSampling();
if (args.includes('--post-sampling')) process.exit(0);
printDeltaTable('Pass-rate delta, 95% interval, contract grid', designGrid(), TRIALS);
printDeltaTable('Robustness (beyond the contract grid)', robustness(), Math.max(1_000, Math.round(TRIALS / 4)));
absoluteCoverage(Math.max(1_000, Math.round(TRIALS / 4)));
noOpComparison(Math.max(1_000, Math.round(TRIALS / 4)), Infinity);
noOpComparison(Math.max(1_000, Math.round(TRIALS / 4)), 2);
timing();
alternatives(Math.max(1_000, Math.round(TRIALS / 4)));
printRatioTable('p95-latency and cost ratios, 95% intervals', ratioGrid(), Math.max(200, Math.round(TRIALS / 10)), 2_000);
printRatioTable('Ratios: robustness (thresholds, heavier tails, heavier skew)', ratioRobustness(), Math.max(200, Math.round(TRIALS / 10)), 2_000);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
