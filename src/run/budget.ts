import type { AssertionSpec } from '../assertions/index.js';
import { PromptgateError } from '../errors.js';
import { JUDGE_MAX_TOKENS } from './grader.js';
import type { Endpoint, SampleRequest } from './types.js';

/** Output tokens assumed for a call without `max_tokens`. */
const DEFAULT_OUTPUT_TOKENS = 256;
/** Characters promptgate wraps around a rubric and the answer it grades (the instructions of the grading prompt). */
const GRADER_PROMPT_CHARS = 400;

export function costOf(endpoint: Pick<Endpoint, 'pricing'>, usage: { input: number; output: number }): number {
  const p = endpoint.pricing;
  return p ? (usage.input * p.input_per_mtok + usage.output * p.output_per_mtok) / 1e6 : 0;
}

/**
 * Tokens one call may use: input ≈ characters / 4 (OpenAI's rule of thumb for English text), output = max_tokens
 * (or 256). Providers count max_tokens against tokens-per-minute limits the same way, so the pacer uses it too.
 */
export function estimateUsage(req: Pick<SampleRequest, 'endpoint' | 'messages'>): { input: number; output: number } {
  let chars = 0;
  for (const m of req.messages) chars += m.content.length;
  return { input: Math.ceil(chars / 4), output: Number(req.endpoint.params.max_tokens ?? DEFAULT_OUTPUT_TOKENS) };
}

/** Upper-end estimate of one call's cost. */
export function estimateCall(req: Pick<SampleRequest, 'endpoint' | 'messages'>): number {
  return costOf(req.endpoint, estimateUsage(req));
}

/**
 * Tokens the grader call for one `llm_rubric` assertion on one sample may use, before the sample's answer is
 * known: the rubric and its instructions, plus the answer at its longest (the sample's `max_tokens`), in; the
 * judge's whole room out. Priced at the sample's endpoint, whose key and prices the grader uses.
 */
export function estimateGraderUsage(req: Pick<SampleRequest, 'endpoint'>, spec: AssertionSpec): { input: number; output: number } {
  const chars = String(spec.value ?? '').length + (typeof spec.system === 'string' ? spec.system.length : 0) + GRADER_PROMPT_CHARS;
  return { input: Math.ceil(chars / 4) + Number(req.endpoint.params.max_tokens ?? DEFAULT_OUTPUT_TOKENS), output: JUDGE_MAX_TOKENS };
}

/** Upper-end estimate of what grading one sample costs: one grader call per `llm_rubric` assertion. */
export function estimateGrading(req: Pick<SampleRequest, 'endpoint' | 'assert'>): { usd: number; calls: number } {
  let usd = 0;
  let calls = 0;
  for (const spec of req.assert) {
    if (spec.type !== 'llm_rubric') continue;
    calls++;
    usd += costOf(req.endpoint, estimateGraderUsage(req, spec));
  }
  return { usd, calls };
}

/**
 * The budget guard's estimate before a run (docs/reliability.md): every sample's call, plus one grader call per
 * `llm_rubric` assertion of each graded sample. `calls` counts both; `unknownPricing` when some endpoint has no
 * prices (see {@link checkBudgetPricing}).
 */
export function estimateCost(requests: readonly SampleRequest[]): { usd: number; calls: number; graderCalls: number; unknownPricing: boolean } {
  let usd = 0;
  let graderCalls = 0;
  let unknownPricing = false;
  for (const r of requests) {
    if (!r.endpoint.pricing) unknownPricing = true;
    usd += estimateCall(r);
    const g = estimateGrading(r);
    usd += g.usd;
    graderCalls += g.calls;
  }
  return { usd, calls: requests.length + graderCalls, graderCalls, unknownPricing };
}

/**
 * A budget with no prices to count is no budget: every call would count as $0 and the guard would never stop.
 * Throws, naming each suite and model without `pricing`, when `budgetUsd` is set and some request that will be
 * called (its grader calls included: they use the sample's prices) has none. Pass the requests the run will call
 * (all planned ones is stricter and also right). Nothing to do without a budget.
 */
export function checkBudgetPricing(requests: readonly SampleRequest[], budgetUsd: number | undefined): void {
  if (budgetUsd === undefined) return;
  const unpriced = new Map<string, { suite: string; model: string }>();
  for (const r of requests) {
    if (r.endpoint.pricing) continue;
    const key = `${r.suite}\0${r.endpoint.model}`;
    if (!unpriced.has(key)) unpriced.set(key, { suite: r.suite, model: r.endpoint.model });
  }
  if (unpriced.size === 0) return;
  const list = [...unpriced.values()];
  const named =
    list
      .slice(0, 3)
      .map((u) => `suite "${u.suite}" (model "${u.model}")`)
      .join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
  throw new PromptgateError(
    `a budget of $${budgetUsd.toFixed(2)} is set, but ${named} ${list.length === 1 ? 'has' : 'have'} no pricing: ${list.length === 1 ? 'its' : 'their'} calls would count as $0 and the budget could not stop them`,
    {
      hint: "add `pricing: { input_per_mtok: …, output_per_mtok: … }` (USD per million tokens) under `provider` in promptgate.yml, or under the suite's `provider`; or drop the budget (run.budget_usd, --budget-usd, or the Action's budget-usd input). Without a promptgate.yml there is nowhere to set prices: add one, or drop the budget.",
    },
  );
}

/**
 * The check before the first call: the estimated cost of the calls that are not cached, against the budget. Returns
 * the log line, and the refusal message when the estimate is over (then nothing may start).
 */
export function budgetPreflight(uncached: SampleRequest[], budgetUsd: number): { line: string; refusal?: string } {
  checkBudgetPricing(uncached, budgetUsd);
  const estimate = estimateCost(uncached);
  const graderNote = estimate.graderCalls ? `, ${estimate.graderCalls} of them grader calls` : '';
  const line = `Estimated cost: $${estimate.usd.toFixed(4)} for ${estimate.calls} uncached calls${graderNote} (budget $${budgetUsd.toFixed(2)}).`;
  if (estimate.usd <= budgetUsd) return { line };
  return {
    line,
    refusal: `Refused to start: the estimated cost $${estimate.usd.toFixed(2)} for ${estimate.calls} calls is over the budget of $${budgetUsd.toFixed(2)}. Raise run.budget_usd (or --budget-usd / budget-usd), lower repeats, or trim the eval set.`,
  };
}
