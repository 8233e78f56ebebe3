import { describe, expect, it } from 'vitest';
import { GateSchema } from '../../src/config/schema.js';
import { evaluateGate, type GateSuiteInput } from '../../src/gate/index.js';
import type { ChangeKind } from '../../src/report/schema.js';
import { measureSuite, type CaseSamples } from '../../src/stats/index.js';
import { holdoutCases } from '../stats/holdout-world.js';

/**
 * The optional `holdout` rule: the pass-rate rule on the holdout cases alone, in the review's Holm family. Reference
 * p-values from test/stats/reference_values.py (one-sided t on the REST and HOLD pairs, Holm over the two).
 */

const P_WORSE_REST = 0.6494511124046144;
const P_WORSE_HOLD = 0.0012746899423148328;

function input(cases: CaseSamples[], over: { change?: ChangeKind; finished?: number } = {}): GateSuiteInput {
  const variants = (cases.some((c) => c.baseline) ? 1 : 0) + (cases.some((c) => c.candidate) ? 1 : 0);
  const planned = cases.length * 3 * variants;
  return {
    name: 'triage',
    change: over.change ?? 'modified',
    measured: measureSuite(cases, { confidence: 0.95 }),
    cases,
    calls: { total: over.finished ?? planned, failed: 0 },
    runs_planned: planned,
  };
}

const rule = (r: ReturnType<typeof evaluateGate>, name: string) => r.suites[0]!.rules.find((x) => x.rule === name);

describe('holdout rule', () => {
  it('fails a confident drop on the holdout cases, Holm-adjusted together with the pass rate on the rest', () => {
    const gate = GateSchema.parse({ holdout: { max_drop: 0 } });
    const r = evaluateGate([input(holdoutCases())], gate);
    const holdout = rule(r, 'holdout')!;
    const passRate = rule(r, 'pass_rate')!;
    expect(holdout.verdict).toBe('fail');
    // Holm over two: the smaller p doubled, the larger kept (it is already above the doubled one).
    expect(holdout.p_adjusted).toBeCloseTo(2 * P_WORSE_HOLD, 5);
    expect(passRate.p_adjusted).toBeCloseTo(P_WORSE_REST, 5);
    expect(passRate.verdict).toBe('inconclusive');
    expect(holdout.detail).toBe('Holdout pass rate 93.3% → 23.3% (-70 points, 95% CI -100 to -30.7, 10 cases × 3): confidently lower (Holm-adjusted p = 0.0025 across 2 comparisons).');
    expect(passRate.detail).toMatch(/^Pass rate without the holdout cases 83\.3% → 86\.1% \(\+2\.8 points, 95% CI -12\.4 to \+17\.8, 12 cases × 3\): /);
    expect(r.suites[0]!.rules.map((x) => x.rule)).toEqual(['pass_rate', 'holdout', 'error_rate']);
    expect(r.verdict).toBe('fail');
    expect(r.notes[0]).toMatch(/^2 gated comparisons \(pass rate, holdout pass rate\); Holm-adjusted/);
  });

  it('passes when the holdout interval rules out a drop beyond max_drop', () => {
    const gate = GateSchema.parse({ holdout: { max_drop: 1 } });
    const r = evaluateGate([input(holdoutCases())], gate);
    expect(rule(r, 'holdout')).toMatchObject({ verdict: 'pass' });
  });

  it("without gate.holdout, gates the holdout cases at the pass-rate rule's max_drop: tagging never takes a case out of the gate", () => {
    const r = evaluateGate([input(holdoutCases())], GateSchema.parse({ pass_rate: { max_drop: 0 } }));
    expect(rule(r, 'holdout')).toMatchObject({ verdict: 'fail' });
    expect(rule(r, 'holdout')!.p_adjusted).toBeCloseTo(2 * P_WORSE_HOLD, 5);
    expect(r.verdict).toBe('fail');
    expect(r.notes[0]).toMatch(/^2 gated comparisons \(pass rate, holdout pass rate\)/);
    // With no case tagged holdout there is no holdout rule and the family is the pass rate alone.
    const none = evaluateGate([input(holdoutCases().map((c) => ({ ...c, tags: [] })))], GateSchema.parse({}));
    expect(rule(none, 'holdout')).toBeUndefined();
    expect(none.notes[0]).toMatch(/^1 gated comparison \(pass rate\)/);
  });

  it('is not evaluated, and not in the family, when there is nothing to decide on', () => {
    const gate = GateSchema.parse({ holdout: { max_drop: 0.05 } });
    const none = evaluateGate([input(holdoutCases().map((c) => ({ ...c, tags: [] })))], gate);
    expect(rule(none, 'holdout')).toEqual({ rule: 'holdout', verdict: 'skipped', detail: 'Not evaluated: no case is tagged holdout.' });
    expect(none.notes[0]).toMatch(/^1 gated comparison/);
    const added = evaluateGate(
      [
        input(
          holdoutCases().map((c) => ({ ...c, baseline: null })),
          { change: 'added' },
        ),
      ],
      gate,
    );
    expect(rule(added, 'holdout')).toMatchObject({ verdict: 'skipped', detail: 'Not evaluated: there is no baseline to compare the holdout cases with.' });
    const unfinished = evaluateGate([input(holdoutCases(), { finished: 10 })], gate);
    expect(rule(unfinished, 'holdout')).toMatchObject({ verdict: 'skipped' });
    expect(unfinished.suites[0]!.verdict).toBe('error');
  });

  it('with every case a holdout case, the pass-rate rule points to it', () => {
    const only = holdoutCases().filter((c) => c.tags.includes('holdout'));
    const r = evaluateGate([input(only)], GateSchema.parse({ holdout: { max_drop: 0 } }));
    expect(rule(r, 'pass_rate')).toEqual({
      rule: 'pass_rate',
      verdict: 'skipped',
      detail: 'Not evaluated: every case is tagged holdout, so there is no pass rate apart from the holdout row (see the holdout rule).',
    });
    expect(rule(r, 'holdout')!.verdict).toBe('fail');
    expect(rule(r, 'holdout')!.p_adjusted).toBeCloseTo(P_WORSE_HOLD, 5);
  });
});
