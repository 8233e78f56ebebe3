import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A real HTTP server speaking the OpenAI chat-completions protocol, for demos, tests and benchmarks: no LLM can be
 * reached here, and a test against a real socket catches what a mocked SDK would not (headers, retries, timeouts).
 * Replies are a deterministic function of (model, messages, sample index), so faults, retries, ordering and caching
 * never change a result; faults are injected from a seeded generator per request attempt.
 */
export interface FakeRequest {
  model: string;
  messages: { role: string; content: string }[];
  params: Record<string, unknown>;
  sampleIndex: number;
  headers: Record<string, string | undefined>;
}
export interface FakeReply {
  content: string;
  toolCalls?: { name: string; arguments: string }[];
  latencyMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** The response's `model` field (default: the model asked for): the version "the provider" says it used. */
  model?: string;
}
export type Responder = (req: FakeRequest) => FakeReply | Promise<FakeReply>;
/** Where a chat-completions request falls in the server's life, for latency that changes during a run. */
export interface RequestClock {
  /** 0-based arrival order among chat-completions requests (a retried call arrives, and counts, again). */
  request: number;
  /** Milliseconds since the first chat-completions request arrived (0 for the first). */
  elapsedMs: number;
}
/** Latency of one request: a constant, or a function of the request and of when it arrived. */
export type LatencySchedule = number | ((req: FakeRequest, at: RequestClock) => number);

/**
 * A provider that is slow at first and then settles (cold caches, connection warm-up, a load spike at the start):
 * `slowMs` for the first `requests` chat-completions requests (or the first `ms` milliseconds, or both: slow while
 * either holds), `thenMs` after. Prefer `requests` in tests: it does not depend on how fast the machine is.
 */
export function slowStart(opts: { slowMs: number; thenMs: number; requests?: number; ms?: number }): (req: FakeRequest, at: RequestClock) => number {
  return (_req, at) => ((opts.requests !== undefined && at.request < opts.requests) || (opts.ms !== undefined && at.elapsedMs < opts.ms) ? opts.slowMs : opts.thenMs);
}
export interface FaultRates {
  rate429?: number;
  rate5xx?: number;
  hang?: number;
  reset?: number;
  truncated?: number;
  nonJson?: number;
  emptyChoices?: number;
}
export interface FakeLlmOptions {
  port?: number;
  host?: string;
  responder?: Responder;
  /** How long to wait before answering; a reply's own `latencyMs` takes precedence. See {@link slowStart}. */
  latencyMs?: LatencySchedule;
  faults?: FaultRates;
  faultSeed?: number;
  /** Enforced requests-per-minute limit (sliding 60 s window): 429 with retry-after and x-ratelimit-* headers. */
  rpm?: number;
  /** Length of the rate-limit window (default 60 s; shorter in tests and benchmarks). */
  windowMs?: number;
  /** Send `x-ratelimit-*` headers with `rpm` (default true); false leaves only the 429s and their retry-after. */
  rateHeaders?: boolean;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
  /** When set, a request for any other model gets 404 `model_not_found` (and `GET /v1/models` lists these). */
  models?: string[];
}
export interface FakeLlmStats {
  requests: number;
  completions: number;
  faults: Record<string, number>;
  /** Completions per (model, messages, sample index) digest: proves that no sample was paid for twice. */
  byKey: Map<string, number>;
}
export interface FakeLlm {
  url: string;
  close(): Promise<void>;
  stats(): FakeLlmStats;
}

/** The default model: echoes a short, deterministic answer derived from the request. */
export const echoResponder: Responder = (req) => {
  const last = req.messages[req.messages.length - 1]?.content ?? '';
  return { content: `echo ${digest(req).slice(0, 8)}: ${last.slice(0, 40)}` };
};

/**
 * A model whose answer passes with a probability the prompt states: the last message's `pass-probability=0.97`
 * makes it answer `PASS` with probability 0.97 and `FAIL` otherwise, drawn from a hash of (model, messages,
 * sample index) — so every sample of a case is an independent draw, and the same request always gets the same
 * answer (the cache and a rerun see what the first run saw). For simulated eval sets whose per-case pass
 * probabilities are known (bench/sequential.ts, test/cli/sequential.test.ts). No marker: `PASS`.
 */
export const passProbabilityResponder: Responder = (req) => {
  const last = req.messages[req.messages.length - 1]?.content ?? '';
  const m = /pass-probability=([0-9.]+)/.exec(last);
  const p = m ? Number(m[1]) : 1;
  const u = parseInt(digest(req).slice(0, 12), 16) / 2 ** 48;
  return { content: u < p ? 'PASS' : 'FAIL' };
};

export function digest(req: Pick<FakeRequest, 'model' | 'messages' | 'sampleIndex'>): string {
  return createHash('sha256')
    .update(JSON.stringify([req.model, req.messages, req.sampleIndex]))
    .digest('hex');
}

/** mulberry32: a tiny seeded generator, enough for fault draws (not for statistics). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeLlm(opts: FakeLlmOptions = {}): Promise<FakeLlm> {
  const responder = opts.responder ?? echoResponder;
  const random = seeded(opts.faultSeed ?? 1);
  const stats: FakeLlmStats = { requests: 0, completions: 0, faults: {}, byKey: new Map() };
  const window: number[] = [];
  const windowMs = opts.windowMs ?? 60_000;
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  let chatRequests = 0;
  let firstChatAt: number | undefined;
  const fault = (kind: string) => (stats.faults[kind] = (stats.faults[kind] ?? 0) + 1);

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const expire = (now: number) => {
    while (window.length && window[0]! <= now - windowMs) window.shift();
  };
  const rateHeaders = (now: number): Record<string, string> => {
    if (!opts.rpm || opts.rateHeaders === false) return {};
    expire(now);
    // A sliding window frees capacity when its oldest request leaves it: that is when `remaining` next grows.
    const resetMs = window.length ? Math.max(0, window[0]! + windowMs - now) : 0;
    return {
      'x-ratelimit-limit-requests': String(opts.rpm),
      'x-ratelimit-remaining-requests': String(Math.max(0, opts.rpm - window.length)),
      'x-ratelimit-reset-requests': `${(resetMs / 1000).toFixed(3)}s`,
    };
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    stats.requests++;
    const path = (req.url ?? '').replace(/\?.*$/, '');
    if (opts.apiKey !== undefined && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return json(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (req.method === 'GET' && path === '/v1/models') return json(res, 200, { object: 'list', data: (opts.models ?? ['fake-model']).map((id) => ({ id, object: 'model', owned_by: 'promptgate' })) });
    if (req.method !== 'POST' || path !== '/v1/chat/completions') return json(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error' } });
    let body: { model?: string; messages?: FakeRequest['messages']; [k: string]: unknown };
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return json(res, 400, { error: { message: 'body is not JSON' } });
    }
    if (typeof body.model !== 'string' || !Array.isArray(body.messages)) return json(res, 400, { error: { message: 'model and messages are required', type: 'invalid_request_error' } });
    if (opts.models && !opts.models.includes(body.model)) {
      return json(res, 404, { error: { message: `The model \`${body.model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found' } });
    }

    const now = Date.now();
    firstChatAt ??= now;
    const clock: RequestClock = { request: chatRequests++, elapsedMs: now - firstChatAt };
    if (opts.rpm) {
      expire(now);
      const headers = rateHeaders(now);
      if (window.length >= opts.rpm) {
        fault('rpm');
        const waitMs = Math.max(1, window[0]! + windowMs - now);
        return json(
          res,
          429,
          { error: { message: 'Rate limit reached for requests', type: 'requests' } },
          { ...headers, 'retry-after': String(Math.ceil(waitMs / 1000)), 'retry-after-ms': String(waitMs) },
        );
      }
      window.push(now);
    }
    const f = opts.faults ?? {};
    const draw = random();
    let acc = 0;
    const hit = (rate: number | undefined) => {
      acc += rate ?? 0;
      return draw < acc;
    };
    if (hit(f.rate429)) {
      fault('429');
      return json(res, 429, { error: { message: 'Rate limit reached', type: 'requests' } }, { 'retry-after-ms': '20', 'retry-after': '0' });
    }
    if (hit(f.rate5xx)) {
      fault('5xx');
      return json(res, [500, 502, 503][Math.floor(random() * 3)]!, { error: { message: 'The server had an error while processing your request' } });
    }
    if (hit(f.hang)) {
      fault('hang');
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return; // never answers; the client's timeout must fire
    }
    if (hit(f.reset)) {
      fault('reset');
      req.socket.destroy();
      return;
    }
    const request: FakeRequest = {
      model: body.model,
      messages: body.messages,
      params: Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'model' && k !== 'messages')),
      sampleIndex: Number(req.headers['x-promptgate-sample'] ?? 0),
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v])),
    };
    const reply = { ...(await responder(request)) };
    // Like a real model, stop at max_tokens (≈ 4 characters a token).
    const maxTokens = typeof body.max_tokens === 'number' ? body.max_tokens : undefined;
    let finish = reply.toolCalls?.length ? 'tool_calls' : 'stop';
    if (maxTokens !== undefined && !reply.usage && reply.content.length > maxTokens * 4) {
      reply.content = reply.content.slice(0, maxTokens * 4);
      finish = 'length';
    }
    const latency = reply.latencyMs ?? (typeof opts.latencyMs === 'function' ? opts.latencyMs(request, clock) : (opts.latencyMs ?? 0));
    if (latency > 0) await sleep(latency);
    if (hit(f.truncated)) {
      fault('truncated');
      res.writeHead(200, { 'content-type': 'application/json', ...rateHeaders(Date.now()) });
      res.end('{"id":"chatcmpl-x","choices":[{"index":0,"mess');
      return;
    }
    if (hit(f.nonJson)) {
      fault('nonJson');
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
      return;
    }
    if (hit(f.emptyChoices)) {
      fault('emptyChoices');
      return json(res, 200, { id: 'chatcmpl-x', object: 'chat.completion', created: 0, model: body.model, choices: [] }, rateHeaders(Date.now()));
    }
    const key = digest(request);
    stats.completions++;
    stats.byKey.set(key, (stats.byKey.get(key) ?? 0) + 1);
    const promptTokens = reply.usage?.prompt_tokens ?? Math.ceil(body.messages.reduce((n, m) => n + String(m.content).length, 0) / 4);
    const completionTokens = reply.usage?.completion_tokens ?? Math.max(1, Math.ceil(reply.content.length / 4));
    return json(
      res,
      200,
      {
        id: `chatcmpl-${key.slice(0, 12)}`,
        object: 'chat.completion',
        created: Math.floor(now / 1000),
        model: reply.model ?? body.model,
        choices: [
          {
            index: 0,
            finish_reason: finish,
            message: {
              role: 'assistant',
              content: reply.content,
              ...(reply.toolCalls?.length ? { tool_calls: reply.toolCalls.map((t, i) => ({ id: `call_${i}`, type: 'function', function: { name: t.name, arguments: t.arguments } })) } : {}),
            },
          },
        ],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
      },
      rateHeaders(Date.now()),
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: { message: String(err) } });
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/v1`,
    stats: () => stats,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.destroy();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
