import { createHash } from 'node:crypto';
import { checkAssertions, templateAssertions } from '../assertions/index.js';
import type { AssertionSpec } from '../assertions/schema.js';
import { canonicalJson } from '../canonical-json.js';
import type { RenderBudget } from '../config/limits.js';
import type { EvalCase } from '../cases/types.js';
import { PromptgateError } from '../errors.js';
import { renderMessages } from '../prompts/index.js';
import { cacheKey } from '../run/index.js';
import type { Endpoint, SampleRequest, Variant } from '../run/types.js';
import type { PlannedSuite, PlannedVariant } from './suites.js';

/** Variables a template sees for one case: its vars, plus `expected` (docs/contract.md §1). */
export function caseVars(c: EvalCase): Record<string, unknown> {
  return c.expected === undefined ? { ...c.vars } : { expected: c.expected, ...c.vars };
}

/**
 * Every model call a suite needs: cases × repeats × variants, rendered and with templated assertions.
 * Rendering everything up front means a missing variable or a bad regex stops the review before the first
 * (paid) call, with the case and variable named.
 *
 * The order is the order calls start in (see docs/statistics.md, "Both variants meet the same provider"): case by
 * case and sample by sample, the baseline's and the candidate's call for the same (case, sample) are adjacent,
 * in an order within the pair that a coin decides ({@link candidateFirst}). So connection warm-up, concurrency
 * ramp-up, rate-limit pauses and provider drift fall on both variants alike, instead of on whichever ran first.
 */
export function planRequests(
  suite: PlannedSuite,
  endpointFor: (variant: PlannedVariant) => Endpoint,
  /** One per review: every rendered prompt of the review counts against it (docs/input-limits.md). */
  renderBudget?: RenderBudget,
): SampleRequest[] {
  const requests: SampleRequest[] = [];
  const variants: [Variant, PlannedVariant | null][] = [
    ['baseline', suite.baseline],
    ['candidate', suite.candidate],
  ];
  const ran = variants.flatMap(([variant, v]) => (v ? [{ variant, v, endpoint: endpointFor(v) }] : []));
  for (const c of suite.cases) {
    const vars = caseVars(c);
    const rendered = ran.map(({ variant, v, endpoint }) => {
      const where = { file: v.path, caseId: c.id };
      const messages = renderMessages(v.doc.messages, vars, where, renderBudget);
      const assert: AssertionSpec[] = templateAssertions([...suite.assert, ...c.assert], vars, where);
      checkAssertions(assert, where);
      return { variant, endpoint, messages, assert };
    });
    for (let i = 0; i < suite.repeats; i++) {
      const pair = rendered.map(({ variant, endpoint, messages, assert }) => ({
        suite: suite.name,
        variant,
        caseId: c.id,
        sampleIndex: i,
        endpoint,
        messages,
        assert,
        cacheKey: cacheKey(endpoint, messages, i),
      }));
      if (pair.length === 2 && candidateFirst(suite.name, c.id, i)) pair.reverse();
      requests.push(...pair);
    }
  }
  if (requests.length === 0 && suite.cases.length === 0 && !suite.message) {
    throw new PromptgateError(`suite "${suite.name}" has no cases to run`, { file: suite.prompt });
  }
  return requests;
}

/**
 * The coin that orders one (case, sample) pair: a bit of sha256 over (suite, case id, sample index). Seeded by the
 * plan itself, so the same plan gives the same order on every run, rerun and shard, and it does not depend on the
 * rest of the eval set (adding a case does not reshuffle the others). Over many pairs each variant goes first half
 * the time, so even an advantage for the first call of a pair (a warm connection) cancels out.
 */
export function candidateFirst(suite: string, caseId: string, sampleIndex: number): boolean {
  return (
    (createHash('sha256')
      .update(canonicalJson(['promptgate-pair-order', suite, caseId, sampleIndex]))
      .digest()[0]! &
      1) ===
    1
  );
}

/** What a shard needs to know of a request to keep pairs together. */
export interface PairKey {
  suite: string;
  caseId: string;
  sampleIndex: number;
}

/**
 * Deterministic slice `index` (1-based) of `count` shards. The unit is the pair (the adjacent requests of one
 * suite, case and sample index, see {@link planRequests}), and every shard gets every `count`-th pair: both
 * variants of a pair run in the same shard, side by side on the same machine and provider, and every shard gets
 * the same mix of baselines and candidates. Cutting every `count`-th request instead would, with 2 shards, give
 * one shard all the calls that come first in their pair and the other all the second ones.
 */
export function shardSlice<T extends PairKey>(requests: T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard || shard.count === 1) return requests;
  const out: T[] = [];
  let pair = -1;
  let previous: T | undefined;
  for (const r of requests) {
    if (!previous || r.suite !== previous.suite || r.caseId !== previous.caseId || r.sampleIndex !== previous.sampleIndex) pair++;
    previous = r;
    if (pair % shard.count === shard.index - 1) out.push(r);
  }
  return out;
}

/** Samples a suite plans: cases × repeats × the variants that run. */
export function plannedSamples(s: Pick<PlannedSuite, 'cases' | 'repeats' | 'baseline' | 'candidate'>): number {
  return s.cases.length * s.repeats * ((s.baseline ? 1 : 0) + (s.candidate ? 1 : 0));
}
