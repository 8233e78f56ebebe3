import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import type { ChatMessage } from '../prompts/types.js';
import { safeUrl } from '../redact.js';
import { nodeFetch, RESPONSE_TOO_LARGE } from './http-fetch.js';
import type { Endpoint, ModelOutput } from './types.js';

/** What the provider said about its limits, from the `x-ratelimit-*` / `retry-after` headers of any response. */
export interface RateInfo {
  limitRequests?: number;
  remainingRequests?: number;
  resetRequestsMs?: number;
  remainingTokens?: number;
  resetTokensMs?: number;
  retryAfterMs?: number;
}

/**
 * How a failed call may be handled:
 * - `retryable`: 408/409/429/5xx, timeouts, dropped connections, bodies that are not a chat completion.
 * - `rejected`: 400/413/422 and other 4xx — this request is wrong and retrying cannot fix it. The runner treats
 *   it as fatal before the endpoint has answered once (a bad parameter fails every call alike) and as one
 *   sample's error after (one case's prompt too long for the context window).
 * - `fatal`: 401/403/404 — a wrong key, model or URL; the review stops with one message.
 * - `aborted`: the caller's signal fired.
 */
export type CallErrorKind = 'retryable' | 'rejected' | 'fatal' | 'aborted';

export class CallError extends Error {
  readonly kind: CallErrorKind;
  readonly status?: number;
  readonly rate: RateInfo;
  /**
   * Set when the call never got an HTTP answer: the connection was refused, the host name did not resolve, the
   * connection dropped or the call timed out. The code is Node's (`ECONNREFUSED`, `ENOTFOUND`, …) or `TIMEOUT`.
   * The runner gives an endpoint that has never answered only a few such attempts (docs/reliability.md).
   */
  readonly unreachable?: string;

  constructor(kind: CallErrorKind, message: string, extra: { status?: number; rate?: RateInfo; cause?: unknown; unreachable?: string } = {}) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.name = 'CallError';
    this.kind = kind;
    this.status = extra.status;
    this.rate = extra.rate ?? {};
    if (extra.unreachable !== undefined) this.unreachable = extra.unreachable;
  }
}

/**
 * An endpoint, plus what the caller knows for messages: the environment variable its key came from (a rejected
 * key names the variable to check) and where its model is set (default `provider.model`; a grader's is the
 * assertion's `model`).
 */
export type CallEndpoint = Endpoint & { apiKeyEnv?: string; modelSetting?: string };

/** Where a user sets the endpoint, for the fix in a message. */
const BASE_URL_SETTING = "base_url (provider.base_url or the suite's provider.base_url in promptgate.yml, --base-url, or the Action's base-url input)";

/**
 * Why `url` cannot be an endpoint's base URL (not a URL, or not http/https), or undefined when it can. Checked
 * before any call: no retry can fix it.
 */
export function baseUrlProblem(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `the base URL ${JSON.stringify(safeUrl(url))} is not a URL; set ${BASE_URL_SETTING} to an http(s) URL such as https://api.openai.com/v1`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return `the base URL ${JSON.stringify(safeUrl(url))} is not an http(s) URL; set ${BASE_URL_SETTING} to one such as https://api.openai.com/v1`;
  }
  return undefined;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);

/** What an unreachable code means, in words, for `host` (host:port). */
function unreachableWhat(code: string, host: string): string {
  if (code === 'ECONNREFUSED') return `connection refused: nothing is listening on ${host} (ECONNREFUSED)`;
  if (DNS_CODES.has(code)) return `host not found: the name ${JSON.stringify(host.replace(/:\d+$/, ''))} does not resolve (${code})`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return `no route to ${host} (${code})`;
  return code;
}

/** The fix for an endpoint that never answered, by the code of its last attempt. */
export function unreachableFix(code: string): string {
  if (DNS_CODES.has(code)) return `check the host name in ${BASE_URL_SETTING}`;
  if (code === 'TIMEOUT') return `check ${BASE_URL_SETTING} and that the server is up, or raise run.timeout_s if it is slow to start`;
  return `check ${BASE_URL_SETTING} and that the server is running`;
}

const clients = new Map<string, OpenAI>();

/**
 * One SDK client per (base URL, key). promptgate owns retries and pacing, so the SDK's own retries are off; calls
 * go through {@link nodeFetch} (see there for why).
 */
export function clientFor(endpoint: Pick<Endpoint, 'baseURL' | 'apiKey'>): OpenAI {
  const key = `${endpoint.baseURL}\0${endpoint.apiKey}`;
  let client = clients.get(key);
  if (!client) {
    client = new OpenAI({ baseURL: endpoint.baseURL, apiKey: endpoint.apiKey, maxRetries: 0, fetch: nodeFetch });
    clients.set(key, client);
  }
  return client;
}

/** "1s", "6m0s", "20ms", "0.5s", or plain seconds → milliseconds (the format of OpenAI's `x-ratelimit-reset-*`). */
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

/**
 * Limits from response headers. `retry-after-ms` (OpenAI's, exact) wins over `retry-after`, which is seconds or
 * an HTTP date (RFC 9110 §10.2.3).
 */
export function rateInfo(headers: Headers | undefined, now = Date.now()): RateInfo {
  if (!headers) return {};
  const num = (name: string) => {
    const v = headers.get(name);
    return v === null || v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v);
  };
  const retryAfter = (): number | undefined => {
    const ms = num('retry-after-ms');
    if (ms !== undefined) return Math.max(0, ms);
    const v = headers.get('retry-after');
    if (!v) return undefined;
    const seconds = Number(v);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(v);
    return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
  };
  // Only the headers present become keys (added, not deleted afterwards: `delete` slows every later read).
  const info: RateInfo = {};
  const put = (key: keyof RateInfo, value: number | undefined) => {
    if (value !== undefined) info[key] = value;
  };
  put('limitRequests', num('x-ratelimit-limit-requests'));
  put('remainingRequests', num('x-ratelimit-remaining-requests'));
  put('resetRequestsMs', parseDuration(headers.get('x-ratelimit-reset-requests')));
  put('remainingTokens', num('x-ratelimit-remaining-tokens'));
  put('resetTokensMs', parseDuration(headers.get('x-ratelimit-reset-tokens')));
  put('retryAfterMs', retryAfter());
  return info;
}

/**
 * One chat completion. The sample index travels in `x-promptgate-sample` (ignored by real providers; lets a
 * gateway or the local test server tell repeats apart). The timeout covers the whole call, body included:
 * {@link nodeFetch} reads the body before it resolves, and the SDK's `timeout` runs until then.
 */
export async function callChat(
  endpoint: CallEndpoint,
  messages: ChatMessage[],
  sampleIndex: number,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ output: ModelOutput; rate: RateInfo }> {
  const started = performance.now();
  // The SDK insists on a positive integer.
  const timeoutMs = Math.max(1, Math.ceil(opts.timeoutMs));
  const problem = baseUrlProblem(endpoint.baseURL);
  if (problem) throw new CallError('fatal', problem);
  try {
    const { data, response } = await clientFor(endpoint)
      .chat.completions.create({ ...(endpoint.params as Record<string, unknown>), model: endpoint.model, messages } as OpenAI.ChatCompletionCreateParamsNonStreaming, {
        timeout: timeoutMs,
        signal: opts.signal,
        headers: { 'x-promptgate-sample': String(sampleIndex) },
      })
      .withResponse();
    const latencyMs = performance.now() - started;
    const rate = rateInfo(response.headers);
    // The SDK hands back a string when the body is not JSON (an HTML error page from a proxy, say).
    const completion = typeof data === 'object' && data !== null ? data : undefined;
    const choice = completion?.choices?.[0];
    if (!completion || !choice?.message) {
      const said = (completion as { error?: { message?: string } } | undefined)?.error?.message;
      const what = completion ? `a completion with no choices${said ? ` (${said})` : ''}` : `a ${response.headers.get('content-type') ?? 'non-JSON'} body, not a chat completion`;
      throw new CallError('retryable', `the server answered with ${what}`, { status: response.status, rate });
    }
    const toolCalls = (choice.message.tool_calls ?? []).flatMap((t) => (t.type === 'function' ? [{ name: t.function.name, arguments: t.function.arguments }] : []));
    const text = choice.message.content ?? '';
    // Some local servers omit `usage`; then ≈ characters / 4, the same rule the budget estimate uses.
    const usage = completion.usage
      ? { input: completion.usage.prompt_tokens ?? 0, output: completion.usage.completion_tokens ?? 0 }
      : { input: Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4), output: Math.ceil(text.length / 4) };
    // A plain literal, not spreads: outputs live as long as the review, and spread-built objects take twice the memory.
    const output: ModelOutput = { text, latencyMs, usage };
    if (toolCalls.length) output.toolCalls = toolCalls;
    if (choice.finish_reason) output.finishReason = choice.finish_reason;
    // The model version the provider says answered (docs/contract.md §15: drift issues name it then and now).
    if (typeof completion.model === 'string' && completion.model) output.model = completion.model.slice(0, 200);
    return { output, rate };
  } catch (err) {
    if (err instanceof APIConnectionTimeoutError) throw new CallError('retryable', `timed out after ${timeoutMs} ms`, { cause: err, unreachable: 'TIMEOUT' });
    if (opts.signal?.aborted) throw new CallError('aborted', 'aborted', { cause: err });
    throw classify(err, endpoint);
  }
}

/** Every failure as a CallError whose message says what to do about it. URLs in messages carry no credentials. */
export function classify(err: unknown, endpoint: CallEndpoint): CallError {
  if (err instanceof CallError) return err;
  if (err instanceof APIUserAbortError) return new CallError('aborted', 'aborted', { cause: err });
  if (err instanceof APIConnectionTimeoutError) return new CallError('retryable', 'timed out', { cause: err, unreachable: 'TIMEOUT' });
  const where = safeUrl(endpoint.baseURL);
  const model = `model "${endpoint.model}"`;
  if (err instanceof APIConnectionError) {
    const cause = (err as { cause?: { code?: string; message?: string; cause?: { code?: string } } }).cause;
    const code = cause?.code ?? cause?.cause?.code;
    // A body over the size cap is this request's fault, not the network's: never retried (docs/reliability.md).
    if (code === RESPONSE_TOO_LARGE) return new CallError('rejected', `${cause?.message ?? 'the response is too large'} (${where}); a chat completion is never this large`, { cause: err });
    const why = code ? unreachableWhat(code, hostPort(endpoint.baseURL)) : (cause?.message ?? err.message);
    return new CallError('retryable', `cannot reach ${where}: ${why}`, { cause: err, ...(code ? { unreachable: code } : {}) });
  }
  if (err instanceof APIError) {
    const status = err.status;
    const rate = rateInfo(err.headers as Headers | undefined);
    const said = err.message.replace(/^\d{3}\s*/, '').slice(0, 300);
    const text = `HTTP ${status ?? '?'}: ${said}`;
    const extra = { status, rate, cause: err };
    const keyFrom = endpoint.apiKeyEnv ? `the environment variable ${endpoint.apiKeyEnv}` : 'the variable named by provider.api_key_env';
    const modelSetting = endpoint.modelSetting ?? 'provider.model';
    if (status === undefined || status === 408 || status === 409 || status === 429 || status >= 500) return new CallError('retryable', text, extra);
    if (status === 401) return new CallError('fatal', `${text} — ${where} rejected the API key (${model}); check ${keyFrom} (or the Action's api-key input)`, extra);
    if (status === 403) {
      return new CallError('fatal', `${text} — the API key from ${keyFrom} may not use ${model} at ${where}; check the key's permissions (GitHub Models: permissions: models: read)`, extra);
    }
    if (status === 404) return new CallError('fatal', `${text} — no ${model} at ${where}; check ${modelSetting} and provider.base_url (it usually ends in /v1)`, extra);
    return new CallError('rejected', `${text} — ${model} at ${where} rejected the request; check provider.params`, extra);
  }
  // The SDK refusing its own configuration (no key, a bad option) will refuse every call alike.
  if (err instanceof OpenAIError) return new CallError('fatal', `the OpenAI client refused the call for ${where}: ${err.message}`, { cause: err });
  // The SDK parses JSON bodies itself: a truncated one surfaces here as a SyntaxError, a dropped body as a TypeError.
  return new CallError('retryable', `bad response: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

/** host:port of a URL (the text itself when it does not parse), for messages. */
function hostPort(url: string): string {
  try {
    const u = new URL(url);
    return u.port ? u.host : `${u.hostname}:${u.protocol === 'https:' ? 443 : 80}`;
  } catch {
    return url;
  }
}
