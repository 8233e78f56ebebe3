import { describe, expect, it } from 'vitest';
import { checkConclusion } from '../../src/gate/index.js';
import type { Report, Verdict } from '../../src/report/schema.js';

const report = (verdict: Verdict, over: Partial<Pick<Report, 'inconclusive_policy' | 'partial'>> = {}) => ({ verdict, ...over });

describe('checkConclusion', () => {
  it('pass and skipped succeed; fail, error and a missing report fail', () => {
    expect(checkConclusion(report('pass'), false)).toBe('success');
    expect(checkConclusion(report('skipped'), true)).toBe('success');
    expect(checkConclusion(report('fail'), false)).toBe('failure');
    expect(checkConclusion(report('error'), false)).toBe('failure');
    expect(checkConclusion(null, false)).toBe('failure');
  });

  it('inconclusive is neutral unless the config (gate.inconclusive) or the Action input says failure', () => {
    expect(checkConclusion(report('inconclusive'), false)).toBe('neutral');
    expect(checkConclusion(report('inconclusive', { inconclusive_policy: 'neutral' }), false)).toBe('neutral');
    expect(checkConclusion(report('inconclusive', { inconclusive_policy: 'failure' }), false)).toBe('failure');
    expect(checkConclusion(report('inconclusive'), true)).toBe('failure');
    expect(checkConclusion(report('inconclusive', { inconclusive_policy: 'neutral' }), true)).toBe('failure');
    // The policy is about inconclusive verdicts only.
    expect(checkConclusion(report('pass', { inconclusive_policy: 'failure' }), false)).toBe('success');
  });

  it('an interrupted job with a partial report, or none, is cancelled; a finished report keeps its conclusion', () => {
    expect(checkConclusion(report('error', { partial: true }), false, { interrupted: true })).toBe('cancelled');
    expect(checkConclusion(null, false, { interrupted: true })).toBe('cancelled');
    expect(checkConclusion(report('pass'), false, { interrupted: true })).toBe('success');
    expect(checkConclusion(report('error', { partial: true }), false)).toBe('failure');
  });
});
