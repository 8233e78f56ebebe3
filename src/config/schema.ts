import { z } from 'zod';
import { AssertionSpecSchema } from '../assertions/schema.js';
import { ModelParamsSchema } from '../prompts/params.js';

/** `promptgate.yml` (docs/contract.md §2). Every object is strict: an unknown key is an error, never ignored. */

export const PricingSchema = z.strictObject({
  input_per_mtok: z.number().nonnegative(),
  output_per_mtok: z.number().nonnegative(),
});

// Model parameters belong to the prompt formats, below the config (docs/architecture.md, "Layers"); the config's
// users take them from here as before.
export { ModelParamsSchema, type ModelParams } from '../prompts/params.js';

export const ProviderSchema = z.strictObject({
  model: z.string().min(1).optional(),
  base_url: z.string().min(1).optional(),
  api_key_env: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name like OPENAI_API_KEY')
    .optional(),
  params: ModelParamsSchema.optional(),
  pricing: PricingSchema.optional(),
});
export type ProviderConfig = z.infer<typeof ProviderSchema>;

export const SuiteSchema = z.strictObject({
  name: z.string().min(1),
  prompt: z.string().min(1),
  cases: z.string().min(1).optional(),
  assert: z.array(AssertionSpecSchema).optional(),
  repeats: z.number().int().min(1).max(100).optional(),
  provider: ProviderSchema.optional(),
  // Suite-level shorthands for the most common overrides (equivalent to provider.model / provider.params).
  model: z.string().min(1).optional(),
  params: ModelParamsSchema.optional(),
});
export type SuiteConfig = z.infer<typeof SuiteSchema>;

export const GateSchema = z.strictObject({
  confidence: z.number().gt(0.5).lt(1).default(0.95),
  pass_rate: z.strictObject({ max_drop: z.number().min(0).max(1).default(0) }).default({ max_drop: 0 }),
  latency_p95: z.strictObject({ max_increase: z.number().min(0).default(0.25) }).optional(),
  cost: z.strictObject({ max_increase: z.number().min(0).default(0.2) }).optional(),
  max_error_rate: z.number().min(0).max(1).default(0.05),
  inconclusive: z.enum(['neutral', 'failure']).default('neutral'),
  /** The rule on the cases tagged `holdout` alone (docs/contract.md §15); absent: pass_rate's max_drop (docs/change-note.md). */
  holdout: z.strictObject({ max_drop: z.number().min(0).max(1).default(0) }).optional(),
});
export type GateConfig = z.infer<typeof GateSchema>;

export const RunSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(256).default(8),
  timeout_s: z.number().positive().default(60),
  max_retries: z.number().int().min(0).max(20).default(5),
  budget_usd: z.number().positive().optional(),
  cache_dir: z.string().default('.promptgate/cache'),
  /** Client-side requests-per-minute limit (0 or absent: none). Extension, see README. */
  rpm: z.number().positive().optional(),
  /** Client-side tokens-per-minute limit (0 or absent: none). Extension, see README. */
  tpm: z.number().positive().optional(),
  /** `fixed`: every case gets `repeats` samples. `sequential`: rounds that stop when every gated rule is decided,
   *  `repeats` is then the most a case may get (docs/sequential.md). */
  sampling: z.enum(['fixed', 'sequential']).default('fixed'),
});
export type RunConfig = z.infer<typeof RunSchema>;

export const ConfigSchema = z.strictObject({
  version: z.literal(1),
  provider: ProviderSchema.default({}),
  suites: z.array(SuiteSchema).min(1),
  gate: GateSchema.default(GateSchema.parse({})),
  run: RunSchema.default(RunSchema.parse({})),
});
export type Config = z.infer<typeof ConfigSchema>;
