import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { CaseSamples, VariantSamples } from '../../src/stats/index.js';

/**
 * A known super-population of eval cases, for coverage checks: each case has its own pass probability under the
 * baseline, drawn from Beta(κμ, κ(1−μ)) (mean μ; κ = 2 makes it uniform at μ = ½ and U-shaped near 0 or 1, like
 * real evals where most cases always pass or always fail), and the candidate moves every case the same way:
 *   δ ≤ 0: p_c = p_b · (μ + δ)/μ          δ > 0: 1 − p_c = (1 − p_b) · (1 − μ − δ)/(1 − μ)
 * so E[p_c − p_b] = δ exactly, the pairing is strong (a hard case stays hard), and every p stays in [0, 1].
 * Samples are independent Bernoulli draws given the case's p.
 */

export type Random = () => number;

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** Standard normal by Box–Muller (Box & Muller, Ann. Math. Statist. 29:610–611, 1958). */
function normal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang ("A simple method for generating gamma variables", ACM TOMS 26:363–372,
 * 2000), with their boost Gamma(a) = Gamma(a + 1) · U^{1/a} for a < 1.
 */
function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X/(X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a);
  const y = gamma(random, b);
  return x / (x + y);
}

export interface World {
  /** μ: mean baseline pass probability over the population of cases. */
  baselineRate: number;
  /** δ: true mean change in pass probability (candidate − baseline). */
  delta: number;
  /** κ of the Beta distribution (default 2); Infinity: every case has p = μ (independent samples, no clustering). */
  concentration?: number;
}

export function caseRates(random: Random, world: World): { baseline: number; candidate: number } {
  const mu = world.baselineRate;
  const kappa = world.concentration ?? 2;
  const baseline = kappa === Infinity ? mu : beta(random, kappa * mu, kappa * (1 - mu));
  const candidate = world.delta <= 0 ? (baseline * (mu + world.delta)) / mu : 1 - ((1 - baseline) * (1 - mu - world.delta)) / (1 - mu);
  return { baseline, candidate };
}

function variantSamples(random: Random, p: number, k: number, withCalls: boolean): VariantSamples {
  const scores: number[] = [];
  const latenciesMs: number[] = [];
  const costUsd: number[] = [];
  for (let j = 0; j < k; j++) {
    scores.push(random() < p ? 1 : 0);
    if (withCalls) {
      latenciesMs.push(400 + 800 * random());
      costUsd.push(0.0004);
    }
  }
  return { scores, latenciesMs, costUsd, errors: 0 };
}

/** n cases from the world, k samples per case per variant. */
export function simulateCases(random: Random, world: World, n: number, k: number, opts: { withCalls?: boolean } = {}): CaseSamples[] {
  const cases: CaseSamples[] = [];
  for (let i = 0; i < n; i++) {
    const p = caseRates(random, world);
    cases.push({
      id: `case-${i}`,
      tags: [],
      baseline: variantSamples(random, p.baseline, k, opts.withCalls ?? false),
      candidate: variantSamples(random, p.candidate, k, opts.withCalls ?? false),
    });
  }
  return cases;
}

/** Per-case paired scores, the input of pairedDeltaInterval. */
export function pairsOf(cases: readonly CaseSamples[]): { baseline: number[]; candidate: number[] }[] {
  return cases.map((c) => ({ baseline: c.baseline!.scores, candidate: c.candidate!.scores }));
}
