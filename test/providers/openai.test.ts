import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIError } from 'openai';
import { CallError, callChat, classify, parseDuration, rateInfo, type CallEndpoint } from '../../src/providers/openai.js';
import { startFakeLlm, type FakeLlm, type FakeRequest } from '../../tools/fake-llm/index.js';

/** callChat over real HTTP: the bundled server for the protocol, a scripted one for the odd answers. */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function fake(opts: Parameters<typeof startFakeLlm>[0] = {}): Promise<FakeLlm> {
  const s = await startFakeLlm(opts);
  closers.push(() => s.close());
  return s;
}

/** A server that answers every request with `handler`; returns its /v1 URL. */
async function scripted(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

const endpoint = (baseURL: string, extra: Partial<CallEndpoint> = {}): CallEndpoint => ({ baseURL, apiKey: 'k', model: 'fake-model', params: {}, ...extra });
const user = (content: string) => [{ role: 'user' as const, content }];

async function failure(p: Promise<unknown>): Promise<CallError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CallError);
  return err as CallError;
}

describe('callChat', () => {
  it("a response that inflates past the size cap is this call's error, never retried as a network fault", async () => {
    const url = await scripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.alloc(40 * 1024 * 1024)));
    });
    const err = await failure(callChat(endpoint(url), user('x'), 0, { timeoutMs: 10_000 }));
    expect(err.kind).toBe('rejected');
    expect(err.message).toMatch(/larger than 32 MiB .*127\.0\.0\.1/);
  });

  it('returns the text, usage, finish reason and latency, and sends the sample index and params', async () => {
    const seen: FakeRequest[] = [];
    const s = await fake({
      apiKey: 'k',
      latencyMs: 30,
      responder: (req) => {
        seen.push(req);
        return { content: `answer ${req.sampleIndex}`, usage: { prompt_tokens: 11, completion_tokens: 3 } };
      },
    });
    const { output, rate } = await callChat(endpoint(s.url, { params: { temperature: 0.2, max_tokens: 50 } }), user('hello'), 2, { timeoutMs: 5_000 });
    expect(output.text).toBe('answer 2');
    expect(output.usage).toEqual({ input: 11, output: 3 });
    expect(output.finishReason).toBe('stop');
    expect(output.latencyMs).toBeGreaterThanOrEqual(29);
    expect(rate).toEqual({});
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-promptgate-sample']).toBe('2');
    expect(seen[0]!.params).toMatchObject({ temperature: 0.2, max_tokens: 50 });
    expect(seen[0]!.messages).toEqual([{ role: 'user', content: 'hello' }]);
  });

  it('returns tool calls', async () => {
    const s = await fake({ responder: () => ({ content: '', toolCalls: [{ name: 'lookup', arguments: '{"id":7}' }] }) });
    const { output } = await callChat(endpoint(s.url), user('x'), 0, { timeoutMs: 5_000 });
    expect(output.toolCalls).toEqual([{ name: 'lookup', arguments: '{"id":7}' }]);
    expect(output.finishReason).toBe('tool_calls');
  });

  it('reads x-ratelimit-* headers from a successful answer', async () => {
    const s = await fake({ rpm: 10 });
    const { rate } = await callChat(endpoint(s.url), user('x'), 0, { timeoutMs: 5_000 });
    expect(rate.limitRequests).toBe(10);
    expect(rate.remainingRequests).toBe(9);
    expect(rate.resetRequestsMs).toBeGreaterThan(59_000);
  });

  it('estimates usage as characters / 4 when the server sends none', async () => {
    const url = await scripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'twelve chars' } }] }));
    });
    const { output } = await callChat(endpoint(url), user('0123456789abcdef'), 0, { timeoutMs: 5_000 });
    expect(output.usage).toEqual({ input: 4, output: 3 });
  });

  it('reads a gzip-encoded body', async () => {
    const url = await scripted((_req, res) => {
      const body = JSON.stringify({
        id: 'x',
        object: 'chat.completion',
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'zipped' } }],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      });
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(body));
    });
    const { output } = await callChat(endpoint(url), user('x'), 0, { timeoutMs: 5_000 });
    expect(output.text).toBe('zipped');
  });

  it('a rejected key is fatal and names the environment variable to check', async () => {
    const s = await fake({ apiKey: 'right' });
    const e = await failure(callChat(endpoint(s.url, { apiKey: 'wrong', apiKeyEnv: 'TRIAGE_KEY' }), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe('fatal');
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/HTTP 401: Incorrect API key provided/);
    expect(e.message).toMatch(/check the environment variable TRIAGE_KEY/);
  });

  it('an unknown model is fatal and names the model and base_url', async () => {
    const s = await fake({ models: ['gpt-4o-mini'] });
    const e = await failure(callChat(endpoint(s.url, { model: 'gpt-4o-mimi' }), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe('fatal');
    expect(e.status).toBe(404);
    expect(e.message).toContain('gpt-4o-mimi');
    expect(e.message).toContain(s.url);
  });

  it('401, 403 and 404 name the endpoint without its credentials, the model, and the variable the key came from', async () => {
    const status = { code: 401 };
    const url = await scripted((_req, res) => {
      res.writeHead(status.code, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `status ${status.code}` } }));
    });
    const withCredentials = url.replace('http://', 'http://proxyuser:pr0xy-s3cret@') + '?api-key=qu3ry-s3cret';
    const e = endpoint(withCredentials, { model: 'gpt-4o-mini', apiKeyEnv: 'TRIAGE_KEY' });
    const messages: Record<number, string> = {};
    for (const code of [401, 403, 404]) {
      status.code = code;
      const err = await failure(callChat(e, user('x'), 0, { timeoutMs: 5_000 }));
      expect(err.kind).toBe('fatal');
      messages[code] = err.message;
    }
    const safe = `${url}?api-key=***`;
    expect(messages[401]).toBe(`HTTP 401: status 401 — ${safe} rejected the API key (model "gpt-4o-mini"); check the environment variable TRIAGE_KEY (or the Action's api-key input)`);
    expect(messages[403]).toBe(
      `HTTP 403: status 403 — the API key from the environment variable TRIAGE_KEY may not use model "gpt-4o-mini" at ${safe}; check the key's permissions (GitHub Models: permissions: models: read)`,
    );
    expect(messages[404]).toBe(`HTTP 404: status 404 — no model "gpt-4o-mini" at ${safe}; check provider.model and provider.base_url (it usually ends in /v1)`);
    for (const m of Object.values(messages)) expect(m).not.toMatch(/s3cret|proxyuser/);
  });

  it('a base URL that is not an http(s) URL is fatal before any request', async () => {
    for (const [url, what] of [
      ['notaurl', 'is not a URL'],
      ['ftp://models.example.test/v1', 'is not an http(s) URL'],
    ] as const) {
      const e = await failure(callChat(endpoint(url), user('x'), 0, { timeoutMs: 5_000 }));
      expect(e.kind).toBe('fatal');
      expect(e.message).toContain(`the base URL "${url}" ${what}; set base_url (provider.base_url`);
    }
  });

  it('a wrong base_url path is fatal (404) too', async () => {
    const s = await fake();
    const e = await failure(callChat(endpoint(s.url.replace(/\/v1$/, '/v2')), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe('fatal');
    expect(e.message).toMatch(/base_url/);
  });

  it.each([
    [403, 'fatal'],
    [400, 'rejected'],
    [422, 'rejected'],
    [408, 'retryable'],
    [409, 'retryable'],
    [500, 'retryable'],
    [502, 'retryable'],
    [503, 'retryable'],
  ] as const)('HTTP %i is %s', async (status, kind) => {
    const url = await scripted((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `status ${status}` } }));
    });
    const e = await failure(callChat(endpoint(url), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toContain(`status ${status}`);
  });

  it('a 429 is retryable and carries retry-after-ms and the x-ratelimit-* headers', async () => {
    const url = await scripted((_req, res) => {
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': '2',
        'retry-after-ms': '1500',
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '1.5s',
        'x-ratelimit-remaining-tokens': '900',
        'x-ratelimit-reset-tokens': '6m0s',
      });
      res.end(JSON.stringify({ error: { message: 'Rate limit reached' } }));
    });
    const e = await failure(callChat(endpoint(url), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe('retryable');
    expect(e.status).toBe(429);
    expect(e.rate).toEqual({ retryAfterMs: 1500, remainingRequests: 0, resetRequestsMs: 1500, remainingTokens: 900, resetTokensMs: 360_000 });
  });

  it('a server that never answers times out (retryable) at the deadline', async () => {
    const s = await fake({ faults: { hang: 1 } });
    const t0 = performance.now();
    const e = await failure(callChat(endpoint(s.url), user('x'), 0, { timeoutMs: 250 }));
    const elapsed = performance.now() - t0;
    expect(e.kind).toBe('retryable');
    expect(e.message).toMatch(/timed out after 250 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('the timeout covers a body that stalls after the headers', async () => {
    const url = await scripted((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":"x","choices":[');
      // …and nothing more.
    });
    const t0 = performance.now();
    const e = await failure(callChat(endpoint(url), user('x'), 0, { timeoutMs: 250 }));
    expect(e.kind).toBe('retryable');
    expect(e.message).toMatch(/timed out/);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it.each([
    ['reset', /cannot reach http:\/\/127\.0\.0\.1:\d+\/v1: ECONNRESET/],
    ['truncated', /bad response: .*JSON/],
    ['nonJson', /text\/html body, not a chat completion/],
    ['emptyChoices', /no choices/],
  ] as const)('%s is retryable', async (fault, message) => {
    const s = await fake({ faults: { [fault]: 1 } });
    const e = await failure(callChat(endpoint(s.url), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe('retryable');
    expect(e.message).toMatch(message);
    expect(s.stats().faults[fault]).toBe(1);
  });

  it('a connection refused is retryable, marked unreachable, and names the base URL', async () => {
    const e = await failure(callChat(endpoint('http://127.0.0.1:9/v1'), user('x'), 0, { timeoutMs: 5_000 }));
    expect(e.kind).toBe('retryable');
    expect(e.unreachable).toBe('ECONNREFUSED');
    expect(e.message).toBe('cannot reach http://127.0.0.1:9/v1: connection refused: nothing is listening on 127.0.0.1:9 (ECONNREFUSED)');
  });

  it("the caller's signal aborts the call", async () => {
    const s = await fake({ latencyMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const t0 = performance.now();
    const e = await failure(callChat(endpoint(s.url), user('x'), 0, { timeoutMs: 5_000, signal: controller.signal }));
    expect(e.kind).toBe('aborted');
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('rate headers', () => {
  it('parses OpenAI reset durations', () => {
    expect(parseDuration('1s')).toBe(1000);
    expect(parseDuration('6m0s')).toBe(360_000);
    expect(parseDuration('20ms')).toBe(20);
    expect(parseDuration('0.5s')).toBe(500);
    expect(parseDuration('1h2m3s')).toBe(3_723_000);
    expect(parseDuration('2')).toBe(2000);
    expect(parseDuration('')).toBeUndefined();
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration(null)).toBeUndefined();
  });

  it('prefers retry-after-ms, and reads retry-after as seconds or an HTTP date', () => {
    expect(rateInfo(new Headers({ 'retry-after': '3', 'retry-after-ms': '250' })).retryAfterMs).toBe(250);
    expect(rateInfo(new Headers({ 'retry-after': '3' })).retryAfterMs).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(rateInfo(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now).retryAfterMs).toBe(5000);
    expect(rateInfo(new Headers({ 'retry-after': 'later' })).retryAfterMs).toBeUndefined();
    expect(rateInfo(new Headers({}))).toEqual({});
  });
});

describe('classify', () => {
  it('treats the SDK refusing its own configuration as fatal, and an unknown throw as retryable', () => {
    const e = endpoint('http://127.0.0.1:1/v1');
    expect(classify(new OpenAIError('The apiKey option must be set'), e).kind).toBe('fatal');
    expect(classify(new SyntaxError('Unexpected end of JSON input'), e).kind).toBe('retryable');
  });
});
