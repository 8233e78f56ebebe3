import { normalQuantile, type CaseSamples } from '../../src/stats/index.js';
import type { Random } from './superpopulation.js';

/**
 * Known populations of call latencies and costs, for the coverage of the p95-ratio and cost-ratio intervals.
 *
 * Latency of call j of case i under a variant, on the log scale:
 *   log L = log 800 ms + a_i + d_ij + e_ijv (+ log m + h_i for the candidate)
 * a_i ~ N(0, caseSd²): some inputs are slower for both variants (longer answers); d_ij ~ N(0, pairSd²): the
 * provider's state when the pair ran (both calls of a pair share it: they were started side by side); e ~ N(0,
 * callSd²): each call's own noise; h_i ~ N(0, heterogeneity²): the change slows some cases more than others.
 * Each variant's calls are lognormal overall, so the true p95s, and their ratio, are exact:
 *   p95 ratio = m · exp(z₉₅ · (σ_candidate − σ_baseline)), σ² = caseSd² + pairSd² + callSd² (+ heterogeneity²).
 *
 * Cost of a call: exp(b_i + u_ijv) (· m · exp(g_i) for the candidate), b ~ N(0, costCaseSd²) (input length,
 * skewed across cases), u ~ N(0, 0.3²) (output length), g ~ N(0, heterogeneity²); the true ratio of mean cost
 * per case is m · exp(heterogeneity²/2). `trueRatio` sets m so that both true ratios are exactly the given one.
 */
export interface RatioWorld {
  /** The true p95-latency ratio and the true cost-per-case ratio, candidate / baseline. */
  trueRatio: number;
  /** SD of the per-case effect on log latency (default 0.5). */
  caseSd?: number;
  /** SD of the per-call noise on log latency (default 0.3). */
  callSd?: number;
  /** SD of the per-pair (shared) provider effect on log latency (default 0.1). */
  pairSd?: number;
  /** SD of the per-case effect of the change on log latency and log cost (default 0.15 when trueRatio ≠ 1, else 0). */
  heterogeneity?: number;
  /** SD of the per-case effect on log cost (default 0.5; 1.0 is a heavy skew: one case costing 10× another is common). */
  costCaseSd?: number;
}

const Z95 = normalQuantile(0.95);

function normal(random: Random): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function parameters(world: RatioWorld) {
  const caseSd = world.caseSd ?? 0.5;
  const callSd = world.callSd ?? 0.3;
  const pairSd = world.pairSd ?? 0.1;
  const het = world.heterogeneity ?? (world.trueRatio === 1 ? 0 : 0.15);
  const sigmaBaseline = Math.sqrt(caseSd ** 2 + pairSd ** 2 + callSd ** 2);
  const sigmaCandidate = Math.sqrt(sigmaBaseline ** 2 + het ** 2);
  return {
    caseSd,
    callSd,
    pairSd,
    het,
    costCaseSd: world.costCaseSd ?? 0.5,
    latencyFactor: world.trueRatio / Math.exp(Z95 * (sigmaCandidate - sigmaBaseline)),
    costFactor: world.trueRatio / Math.exp((het * het) / 2),
  };
}

/** n cases × k samples per variant, every sample a success measured in this run (so all are latency evidence). */
export function simulateRatioCases(random: Random, world: RatioWorld, n: number, k: number): CaseSamples[] {
  const p = parameters(world);
  const cases: CaseSamples[] = [];
  for (let i = 0; i < n; i++) {
    const a = p.caseSd * normal(random);
    const h = p.het * normal(random);
    const b = p.costCaseSd * normal(random);
    const g = p.het * normal(random);
    const baseline = { scores: [] as number[], latenciesMs: [] as number[], costUsd: [] as number[], errors: 0 };
    const candidate = { scores: [] as number[], latenciesMs: [] as number[], costUsd: [] as number[], errors: 0 };
    for (let j = 0; j < k; j++) {
      const d = p.pairSd * normal(random);
      baseline.scores.push(1);
      candidate.scores.push(1);
      baseline.latenciesMs.push(800 * Math.exp(a + d + p.callSd * normal(random)));
      candidate.latenciesMs.push(800 * p.latencyFactor * Math.exp(a + d + h + p.callSd * normal(random)));
      baseline.costUsd.push(0.001 * Math.exp(b + 0.3 * normal(random)));
      candidate.costUsd.push(0.001 * p.costFactor * Math.exp(b + g + 0.3 * normal(random)));
    }
    cases.push({ id: `case-${i}`, tags: [], baseline, candidate });
  }
  return cases;
}
