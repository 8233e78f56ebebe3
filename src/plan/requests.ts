import { checkAssertions, templateAssertions } from '../assertions/index.js';
import type { AssertionSpec } from '../assertions/schema.js';
import type { EvalCase } from '../cases/types.js';
import { PromptgateError } from '../errors.js';
import { renderMessages } from '../prompts/index.js';
import { cacheKey } from '../run/index.js';
import type { Endpoint, SampleRequest, Variant } from '../run/types.js';
import type { PlannedSuite, PlannedVariant } from './suites.js';

/** Variables a template sees for one case: its vars, plus `expected` (DESIGN §1). */
export function caseVars(c: EvalCase): Record<string, unknown> {
  return c.expected === undefined ? { ...c.vars } : { expected: c.expected, ...c.vars };
}

/**
 * Every model call a suite needs: cases × variants × repeats, rendered and with templated assertions.
 * Rendering everything up front means a missing variable or a bad regex stops the review before the first
 * (paid) call, with the case and variable named.
 */
export function planRequests(
  suite: PlannedSuite,
  endpointFor: (variant: PlannedVariant) => Endpoint,
): SampleRequest[] {
  const requests: SampleRequest[] = [];
  const variants: [Variant, PlannedVariant | null][] = [
    ['baseline', suite.baseline],
    ['candidate', suite.candidate],
  ];
  for (const [variant, v] of variants) {
    if (!v) continue;
    const endpoint = endpointFor(v);
    for (const c of suite.cases) {
      const vars = caseVars(c);
      const where = { file: v.path, caseId: c.id };
      const messages = renderMessages(v.doc.messages, vars, where);
      const assert: AssertionSpec[] = templateAssertions([...suite.assert, ...c.assert], vars, where);
      checkAssertions(assert, where);
      for (let i = 0; i < suite.repeats; i++) {
        requests.push({
          suite: suite.name,
          variant,
          caseId: c.id,
          sampleIndex: i,
          endpoint,
          messages,
          assert,
          cacheKey: cacheKey(endpoint, messages, i),
        });
      }
    }
  }
  if (requests.length === 0 && suite.cases.length === 0 && !suite.message) {
    throw new PromptgateError(`suite "${suite.name}" has no cases to run`, { file: suite.prompt });
  }
  return requests;
}

/** Deterministic slice `index` (1-based) of `count` shards: every shard gets every `count`-th request. */
export function shardSlice<T>(requests: T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard || shard.count === 1) return requests;
  return requests.filter((_, i) => i % shard.count === shard.index - 1);
}
