import type { ModelParams } from '../prompts/params.js';

// What a provider is given and what it answers: the provider owns these shapes, and the runner (run/types.ts)
// builds on them, so providers/ never imports from the layers above it (docs/architecture.md).

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
