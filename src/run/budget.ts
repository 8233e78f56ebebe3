import type { Endpoint, SampleRequest } from './types.js';

/** Output tokens assumed for a call without `max_tokens`. */
const DEFAULT_OUTPUT_TOKENS = 256;

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

/** The budget guard's estimate before a run (DESIGN §6): `unknownPricing` when some endpoint has no prices. */
export function estimateCost(requests: SampleRequest[]): { usd: number; calls: number; unknownPricing: boolean } {
  let usd = 0;
  let unknownPricing = false;
  for (const r of requests) {
    if (!r.endpoint.pricing) unknownPricing = true;
    usd += estimateCall(r);
  }
  return { usd, calls: requests.length, unknownPricing };
}
