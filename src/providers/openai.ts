import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatMessage } from '../prompts/types.js';
import type { Endpoint, ModelOutput } from '../run/types.js';

/** What the provider said about its limits, from the `x-ratelimit-*` / `retry-after` headers of any response. */
export interface RateInfo {
  remainingRequests?: number;
  resetRequestsMs?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
  retryAfterMs?: number;
}

/**
 * A failed call, classified. `retryable`: 408/409/429/5xx, timeouts, dropped connections, bodies that are not a
 * chat completion. Not retryable: 400/401/403/404/422 — retrying cannot fix a wrong key, model or request, and
 * `fatal` ones (401/403/404) stop the review at once with one message instead of N identical errors.
 */
export class CallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly fatal: boolean,
    readonly status?: number,
    readonly rate: RateInfo = {},
  ) {
    super(message);
    this.name = 'CallError';
  }
}

const clients = new Map<string, OpenAI>();

/** One SDK client per (base URL, key). promptgate owns retries and pacing, so the SDK's own retries are off. */
export function clientFor(endpoint: Pick<Endpoint, 'baseURL' | 'apiKey'>): OpenAI {
  const key = `${endpoint.baseURL}\0${endpoint.apiKey}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({ baseURL: endpoint.baseURL, apiKey: endpoint.apiKey, maxRetries: 0 });
    clients.set(key, client);
  }
  return client;
}

/** "1s", "6m0s", "20ms", "0.5s", or plain seconds → milliseconds (OpenAI's reset header format). */
export function parseDuration(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const plain = Number(text);
  if (Number.isFinite(plain)) return plain * 1000;
  let ms = 0;
  let matched = false;
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    matched = true;
    const n = Number(m[1]);
    ms += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
  }
  return matched ? ms : undefined;
}

export function rateInfo(headers: Headers | undefined): RateInfo {
  if (!headers) return {};
  const num = (name: string) => {
    const v = headers.get(name);
    return v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
  };
  const retryAfterMs = num('retry-after-ms') ?? (() => {
    const v = headers.get('retry-after');
    if (!v) return undefined;
    const s = Number(v);
    if (Number.isFinite(s)) return s * 1000;
    const date = Date.parse(v);
    return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
  })();
  return {
    remainingRequests: num('x-ratelimit-remaining-requests'),
    resetRequestsMs: parseDuration(headers.get('x-ratelimit-reset-requests')),
    remainingTokens: num('x-ratelimit-remaining-tokens'),
    resetTokensMs: parseDuration(headers.get('x-ratelimit-reset-tokens')),
    retryAfterMs,
  };
}

/**
 * One chat completion. The sample index travels in `x-promptgate-sample` (ignored by real providers; lets a
 * gateway or the local test server tell repeats apart).
 */
export async function callChat(
  endpoint: Endpoint,
  messages: ChatMessage[],
  sampleIndex: number,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ output: ModelOutput; rate: RateInfo }> {
  const started = performance.now();
  try {
    const { data, response } = await clientFor(endpoint)
      .chat.completions.create(
        { ...(endpoint.params as Record<string, unknown>), model: endpoint.model, messages } as OpenAI.ChatCompletionCreateParamsNonStreaming,
        { timeout: opts.timeoutMs, signal: opts.signal, headers: { 'x-promptgate-sample': String(sampleIndex) } },
      )
      .withResponse();
    const latencyMs = performance.now() - started;
    const rate = rateInfo(response.headers);
    const choice = data?.choices?.[0];
    if (!choice || !choice.message) throw new CallError('the response has no choices', true, false, response.status, rate);
    const toolCalls = (choice.message.tool_calls ?? []).flatMap((t) => ('function' in t && t.function ? [{ name: t.function.name, arguments: t.function.arguments }] : []));
    return {
      output: {
        text: choice.message.content ?? '',
        ...(toolCalls.length ? { toolCalls } : {}),
        latencyMs,
        usage: { input: data.usage?.prompt_tokens ?? 0, output: data.usage?.completion_tokens ?? 0 },
        ...(choice.finish_reason ? { finishReason: choice.finish_reason } : {}),
      },
      rate,
    };
  } catch (err) {
    throw classify(err, endpoint);
  }
}

function classify(err: unknown, endpoint: Endpoint): CallError {
  if (err instanceof CallError) return err;
  if (err instanceof APIUserAbortError) return new CallError('aborted', false, false);
  if (err instanceof APIConnectionTimeoutError) return new CallError('timed out', true, false);
  if (err instanceof APIConnectionError) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return new CallError(`cannot connect to ${endpoint.baseURL}: ${cause?.code ?? cause?.message ?? err.message}`, true, false);
  }
  if (err instanceof APIError) {
    const status = err.status;
    const rate = rateInfo(err.headers as Headers | undefined);
    const text = `HTTP ${status}: ${err.message.replace(/^\d{3}\s*/, '').slice(0, 200)}`;
    if (status === undefined || status === 408 || status === 409 || status === 429 || status >= 500) return new CallError(text, true, false, status, rate);
    if (status === 401) return new CallError(`${text} — the API key was rejected by ${endpoint.baseURL}; check the key (api_key_env / api-key)`, false, true, status, rate);
    if (status === 403) return new CallError(`${text} — the key may not use model "${endpoint.model}" at ${endpoint.baseURL}`, false, true, status, rate);
    if (status === 404) return new CallError(`${text} — check model "${endpoint.model}" and base_url ${endpoint.baseURL}`, false, true, status, rate);
    return new CallError(text, false, false, status, rate);
  }
  // A body that is not JSON, or not a chat completion, lands here (SyntaxError/TypeError from the SDK): retryable.
  return new CallError(`bad response: ${(err as Error)?.message ?? String(err)}`, true, false);
}
