import type { Config, ModelParams, SuiteConfig } from '../config/schema.js';
import { expandEnv } from '../config/load.js';
import type { PromptDoc } from '../prompts/types.js';
import { PromptgateError } from '../errors.js';
import { hostOf } from '../run/cache.js';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_KEY_ENV = 'OPENAI_API_KEY';

/** What a variant runs with, before the API key is looked up. Compared across base and head to spot setting changes. */
export interface VariantSettings {
  model: string;
  baseURL: string;
  params: ModelParams;
  apiKeyEnv: string;
  pricing?: { input_per_mtok: number; output_per_mtok: number };
}

export interface SettingsContext {
  env: Record<string, string | undefined>;
  configFile: string | null;
  overrides: { baseUrl?: string };
  zeroConfig?: { baseUrl: string; model?: string };
}

/**
 * Effective settings for one suite at one side (base or head). Precedence, most specific last:
 * provider defaults < the suite's `provider` < the suite's `model`/`params` < the prompt file's own settings
 * (front matter, GitHub Models `model`/`modelParameters`). The Action's `base-url` input / `--base-url` wins for
 * the endpoint, so tests and gateways can redirect every call.
 */
export function variantSettings(config: Config | null, suite: SuiteConfig | null, doc: PromptDoc, ctx: SettingsContext): VariantSettings {
  const provider = config?.provider ?? {};
  const sp = suite?.provider ?? {};
  const file = ctx.configFile ?? 'promptgate.yml';
  const rawModel = doc.model ?? suite?.model ?? sp.model ?? provider.model ?? ctx.zeroConfig?.model ?? DEFAULT_MODEL;
  const rawBase = ctx.overrides.baseUrl ?? sp.base_url ?? provider.base_url ?? ctx.zeroConfig?.baseUrl ?? OPENAI_BASE_URL;
  const params: ModelParams = { ...provider.params, ...sp.params, ...suite?.params, ...doc.params };
  for (const key of Object.keys(params) as (keyof ModelParams)[]) if (params[key] === undefined) delete params[key];
  return {
    model: expandEnv(rawModel, ctx.env, { file, key: 'model' }),
    baseURL: expandEnv(rawBase, ctx.env, { file, key: 'base_url' }).replace(/\/+$/, ''),
    params,
    apiKeyEnv: sp.api_key_env ?? provider.api_key_env ?? DEFAULT_KEY_ENV,
    pricing: sp.pricing ?? provider.pricing,
  };
}

/** Human-readable differences between two variants' settings: "model: a → b", "temperature: 0.7 → 0.2". */
export function settingsChanges(before: VariantSettings, after: VariantSettings): string[] {
  const out: string[] = [];
  if (before.model !== after.model) out.push(`model: ${before.model} → ${after.model}`);
  if (before.baseURL !== after.baseURL) out.push(`endpoint: ${hostOf(before.baseURL)} → ${hostOf(after.baseURL)}`);
  const keys = new Set([...Object.keys(before.params), ...Object.keys(after.params)]);
  for (const key of [...keys].sort()) {
    const a = JSON.stringify((before.params as Record<string, unknown>)[key]);
    const b = JSON.stringify((after.params as Record<string, unknown>)[key]);
    if (a !== b) out.push(`${key}: ${a ?? 'unset'} → ${b ?? 'unset'}`);
  }
  return out;
}


/** The API key for a variant: `--api-key`/`api-key` input, else the env var the config names. */
export function apiKeyFor(settings: VariantSettings, ctx: { env: Record<string, string | undefined>; apiKey?: string; fallback?: string }): string {
  const key = ctx.apiKey ?? ctx.env[settings.apiKeyEnv] ?? ctx.fallback;
  if (!key) {
    throw new PromptgateError(`no API key: the environment variable ${settings.apiKeyEnv} is not set`, {
      hint: `export ${settings.apiKeyEnv}=… (in Actions: pass it as the api-key input from a secret), or set provider.api_key_env to the variable that holds it`,
    });
  }
  return key;
}
