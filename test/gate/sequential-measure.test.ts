import { describe, expect, it } from 'vitest';
import { GateSchema } from '../../src/config/schema.js';
import { evaluateGate, type GateSuiteInput } from '../../src/gate/index.js';
import { measureSuite, type CaseSamples } from '../../src/stats/index.js';

/**
 * A suite sampled by the sequential design is measured with its estimator (docs/sequential.md) — also when the gate
 * has to measure it again at its own confidence, not only when buildReport's measurement is reused.
 */

const variant = (scores: number[]) => ({ scores, latenciesMs: scores.map(() => 100), costUsd: scores.map(() => 0), errors: 0 });

function cases(): CaseSamples[] {
  const out: CaseSamples[] = [];
  for (let i = 0; i < 24; i++) {
    // Unanimous after two samples (stopped), disagreeing ones continued to five: the plain mean and the design's
    // estimate differ on such data.
    const continued = i % 3 === 0;
    const base = continued ? [1, 0, 1, 1, 0] : [1, 1];
    const cand = continued ? [0, 0, 1, 0, 0] : i % 4 === 0 ? [0, 0] : [1, 1];
    out.push({ id: `c${i}`, tags: [], baseline: variant(base), candidate: variant(cand) });
  }
  return out;
}

function input(sequential: boolean, measuredAt: number): GateSuiteInput {
  const cs = cases();
  const samples = cs.reduce((n, c) => n + c.baseline!.scores.length + c.candidate!.scores.length, 0);
  return {
    name: 's',
    change: 'modified',
    measured: measureSuite(cs, { confidence: measuredAt, sequential }),
    cases: cs,
    calls: { total: samples, failed: 0 },
    runs_planned: samples,
    sequential,
  };
}

const passRate = (i: GateSuiteInput) => evaluateGate([i], GateSchema.parse({ confidence: 0.95 })).suites[0]!.rules.find((r) => r.rule === 'pass_rate')!;

describe('gate re-measurement of a sequential suite', () => {
  it('uses the design estimator when it measures again at the gate confidence', () => {
    const reused = passRate(input(true, 0.95));
    const remeasured = passRate(input(true, 0.9));
    const plain = passRate(input(false, 0.95));
    expect(remeasured.detail).toBe(reused.detail);
    expect(plain.detail).not.toBe(reused.detail);
  });
});
