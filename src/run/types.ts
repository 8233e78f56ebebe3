import type { ChatMessage } from '../prompts/types.js';
import type { ModelParams } from '../config/schema.js';
import type { AssertionSpec } from '../assertions/schema.js';

export type Variant = 'baseline' | 'candidate';

/** Where and how to call a model: one resolved provider (one `openai` client per distinct endpoint + key). */
export interface Endpoint {
  /** OpenAI-compatible base URL, e.g. https://api.openai.com/v1 */
  baseURL: string;
  apiKey: string;
  model: string;
  params: ModelParams;
  pricing?: { input_per_mtok: number; output_per_mtok: number };
  /** The environment variable the key came from, so a rejected key names the variable to check. */
  apiKeyEnv?: string;
}

/** One planned model call. */
export interface SampleRequest {
  suite: string;
  variant: Variant;
  caseId: string;
  /** 0..repeats-1 */
  sampleIndex: number;
  endpoint: Endpoint;
  messages: ChatMessage[];
  /** Assertions to grade this sample with (suite + case), `value`s already templated with the case vars. */
  assert: AssertionSpec[];
  /** Content address: sha256 over (endpoint host, model, params, messages, sample index). Not the key. */
  cacheKey: string;
}

/** The model's answer to one call. */
export interface ModelOutput {
  text: string;
  toolCalls?: { name: string; arguments: string }[];
  latencyMs: number;
  usage: { input: number; output: number };
  finishReason?: string;
  /** The `model` field of the response: the version the provider reports having used. */
  model?: string;
}

/**
 * One finished sample: the unit of the pipeline's results, of shard files and of merging.
 * `ok: false` is a call that failed after retries: an error, never an assertion failure.
 */
export type SampleRecord = {
  suite: string;
  variant: Variant;
  caseId: string;
  sampleIndex: number;
  cached: boolean;
  retries: number;
  costUsd: number;
} & (
  | {
      ok: true;
      output: ModelOutput;
      passed: boolean;
      /** In [0,1]; 1/0 for pass/fail unless an assertion scores. */
      score: number;
      /** First failing assertion's reason, when it failed. */
      reason?: string;
    }
  | { ok: false; error: string }
);

export interface CallCounts {
  total: number;
  cached: number;
  failed: number;
  retried: number;
}
