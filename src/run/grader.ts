import type { GraderRequest } from '../assertions/index.js';
import { CallError, callChat } from '../providers/openai.js';
import type { ChatMessage } from '../prompts/types.js';
import { cacheKey, type ResponseCache } from './cache.js';
import type { Endpoint } from './types.js';

/**
 * The grader behind `llm_rubric` (and GitHub Models `llm` evaluators): the same endpoint as the sample it grades,
 * with the assertion's own model when it names one, at temperature 0. Its answers go through the response cache,
 * keyed by the grader's model and full prompt, so re-grading a cached sample costs nothing.
 */
export function makeGrader(endpoint: Endpoint, opts: { cache: ResponseCache | null; timeoutMs: number; maxRetries: number }) {
  return async (req: GraderRequest): Promise<string> => {
    const e: Endpoint = { ...endpoint, model: req.model ?? endpoint.model, params: { temperature: 0, max_tokens: 64 } };
    const messages: ChatMessage[] = [...(req.system ? [{ role: 'system' as const, content: req.system }] : []), { role: 'user', content: req.prompt }];
    const key = cacheKey(e, messages, 0);
    const hit = await opts.cache?.get(key);
    if (hit) return hit.text;
    let lastError: unknown;
    for (let attempt = 0; attempt <= opts.maxRetries; attempt++) {
      try {
        const { output } = await callChat(e, messages, 0, { timeoutMs: opts.timeoutMs });
        await opts.cache?.set(key, output);
        return output.text;
      } catch (err) {
        lastError = err;
        if (!(err instanceof CallError) || err.kind !== 'retryable' || attempt === opts.maxRetries) break;
        // Full-jitter backoff, never sooner than the server's retry-after (as the sample runner does).
        const wait = Math.max(err.rate.retryAfterMs ?? 0, Math.min(10_000, 250 * 2 ** attempt) * Math.random());
        await new Promise((r) => setTimeout(r, wait));
      }
    }
    throw lastError;
  };
}
