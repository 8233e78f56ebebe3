import type { ChatMessage } from '../prompts/types.js';
import type { AssertionSpec } from '../assertions/schema.js';
import type { Endpoint, ModelOutput } from '../providers/types.js';

// The shapes a provider owns live with it; the runner's types build on them.
export type { Endpoint, ModelOutput } from '../providers/types.js';

export type Variant = 'baseline' | 'candidate';

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
