import type { Endpoint, SampleRequest } from './types.js';

/** Output tokens assumed for a call without `max_tokens`. */
const DEFAULT_OUTPUT_TOKENS = 256;

export function costOf(endpoint: Pick<Endpoint, 'pricing'>, usage: { input: number; output: number }): number {
  const p = endpoint.pricing;
  return p ? (usage.input * p.input_per_mtok + usage.output * p.output_per_mtok) / 1e6 : 0;
}

/** Upper-end estimate of one call: input ≈ characters / 4, output = max_tokens (or 256). */
export function estimateCall(req: Pick<SampleRequest, 'endpoint' | 'messages'>): number {
  const input = Math.ceil(req.messages.reduce((n, m) => n + m.content.length, 0) / 4);
  const output = Number(req.endpoint.params.max_tokens ?? DEFAULT_OUTPUT_TOKENS);
  return costOf(req.endpoint, { input, output });
}

/** The budget guard's estimate before a run (DESIGN §6). */
export function estimateCost(requests: SampleRequest[]): { usd: number; calls: number; unknownPricing: boolean } {
  let usd = 0;
  let unknownPricing = false;
  for (const r of requests) {
    if (!r.endpoint.pricing) unknownPricing = true;
    usd += estimateCall(r);
  }
  return { usd, calls: requests.length, unknownPricing };
}
