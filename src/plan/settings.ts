import type { Config, ModelParams, SuiteConfig } from '../config/schema.js';
import { expandEnv } from '../config/load.js';
import type { PromptDoc } from '../prompts/types.js';
import { PromptgateError } from '../errors.js';
import { hostOf } from '../run/cache.js';
import { secrets } from '../redact.js';
import type { Endpoint } from '../run/types.js';

const ENV_REFERENCE = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/;

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

/** A prompt file's own settings are left out (the untrusted head under pull_request_target: docs/security.md). */
export const NO_FILE_SETTINGS: Pick<PromptDoc, 'model' | 'params'> = { params: {} };

/**
 * Effective settings for one suite at one side (base or head). Precedence, most specific last:
 * provider defaults < the suite's `provider` < the suite's `model`/`params` < the prompt file's own settings
 * (front matter, GitHub Models `model`/`modelParameters`). The Action's `base-url` input / `--base-url` wins for
 * the endpoint, so tests and gateways can redirect every call.
 */
export function variantSettings(config: Config | null, suite: SuiteConfig | null, doc: Pick<PromptDoc, 'model' | 'params'> & { path?: string }, ctx: SettingsContext): VariantSettings {
  const provider = config?.provider ?? {};
  const sp = suite?.provider ?? {};
  const file = ctx.configFile ?? 'promptgate.yml';
  const configModel = suite?.model ?? sp.model ?? provider.model;
  const rawBase = ctx.overrides.baseUrl ?? sp.base_url ?? provider.base_url ?? ctx.zeroConfig?.baseUrl ?? OPENAI_BASE_URL;
  const params: ModelParams = { ...provider.params, ...sp.params, ...suite?.params, ...doc.params };
  for (const key of Object.keys(params) as (keyof ModelParams)[]) if (params[key] === undefined) delete params[key];
  // `${VAR}` is expanded only in promptgate.yml's own `model` and `base_url`, never in a value read from a prompt
  // file: a prompt file is text anyone who opens a PR can write, and an expanded variable would be sent to the
  // provider and printed in the note (docs/security.md).
  const expand = (value: string, key: string) => expandEnv(value, ctx.env, { file, key });
  let model: string;
  if (doc.model !== undefined) {
    if (ENV_REFERENCE.test(doc.model)) {
      throw new PromptgateError(`model "${doc.model}" refers to an environment variable, which a prompt file may not do`, {
        file: doc.path,
        hint: 'write the model name itself in the prompt file, or move the ${VAR} reference to `model:` in promptgate.yml (only promptgate.yml is expanded)',
      });
    }
    model = doc.model;
  } else {
    model = configModel !== undefined ? expand(configModel, 'model') : (ctx.zeroConfig?.model ?? DEFAULT_MODEL);
  }
  return {
    model,
    baseURL: expand(rawBase, 'base_url').replace(/\/+$/, ''),
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

/**
 * Resolves each planned variant's endpoint once, looking its key up only when asked — a review with nothing to run
 * never asks for one, and merging shard files (`noKeys`) calls no model and needs none. Every key and endpoint
 * credential is registered for redaction (docs/security.md). Without a config no key is read from the environment:
 * an OPENAI_API_KEY that happens to be set is never sent to GitHub Models; the caller's key or the zero-config
 * token is.
 */
export function endpointResolver(ctx: {
  hasConfig: boolean;
  env: Record<string, string | undefined>;
  apiKey?: string;
  zeroConfigKey?: string;
  noKeys?: boolean;
}): (v: { settings: VariantSettings }) => Endpoint {
  const endpoints = new Map<VariantSettings, Endpoint>();
  return (v) => {
    let e = endpoints.get(v.settings);
    if (!e) {
      const s = v.settings;
      const apiKey = ctx.noKeys ? '' : secrets.add(ctx.hasConfig ? apiKeyFor(s, { env: ctx.env, apiKey: ctx.apiKey }) : apiKeyFor(s, { env: {}, apiKey: ctx.apiKey, fallback: ctx.zeroConfigKey }));
      secrets.addUrl(s.baseURL);
      e = { baseURL: s.baseURL, apiKey, model: s.model, params: s.params, pricing: s.pricing, apiKeyEnv: ctx.apiKey ? undefined : s.apiKeyEnv };
      endpoints.set(s, e);
    }
    return e;
  };
}
