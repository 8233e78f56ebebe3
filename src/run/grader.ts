import type { AssertionSpec, GraderRequest } from '../assertions/index.js';
import type { CallEndpoint } from '../providers/openai.js';
import type { ChatMessage } from '../prompts/types.js';
import type { Endpoint, ModelOutput } from './types.js';

/**
 * Room for the judge's reply. A judge that reasons before it answers (promptgate's own rubric prompt invites it,
 * and chat models do it unasked) needs a few hundred tokens; 1024 leaves room for a long explanation while
 * bounding a runaway one. Providers bill the tokens written, not this limit, so room costs nothing unless used;
 * the budget guard counts the whole limit as the upper end (docs/reliability.md).
 */
export const JUDGE_MAX_TOKENS = 1024;

/** Where a grader's model is set, for messages about it. */
const GRADER_MODEL_SETTING = "the llm_rubric assertion's `model` (a GitHub Models evaluator's modelId)";

/**
 * The endpoint a grader calls: the sample's endpoint (URL, key, pricing), with the assertion's own model when it
 * names one, at temperature 0 and {@link JUDGE_MAX_TOKENS}.
 */
export function graderEndpoint(endpoint: Endpoint, model?: string): CallEndpoint {
  return { ...endpoint, model: model ?? endpoint.model, params: { temperature: 0, max_tokens: JUDGE_MAX_TOKENS }, modelSetting: GRADER_MODEL_SETTING };
}

export function graderMessages(req: GraderRequest): ChatMessage[] {
  return [...(req.system ? [{ role: 'system' as const, content: req.system }] : []), { role: 'user', content: req.prompt }];
}

/** How many grader calls grading one sample takes: one per `llm_rubric` assertion. */
export function graderCallsFor(assert: readonly AssertionSpec[]): number {
  let n = 0;
  for (const a of assert) if (a.type === 'llm_rubric') n++;
  return n;
}

/**
 * The judge's answer text, or an error when the reply was cut off: a verdict that may sit in the missing part is
 * not one to read (the sample becomes a grading error, never a silent fail).
 */
export function judgeAnswer(output: ModelOutput, endpoint: Pick<Endpoint, 'model' | 'params'>): string {
  if (output.finishReason === 'length') {
    throw new Error(`the judge's reply was cut off at ${String(endpoint.params.max_tokens ?? JUDGE_MAX_TOKENS)} tokens (model "${endpoint.model}"); ask for a shorter answer in the rubric`);
  }
  return output.text;
}
