import { afterEach, describe, expect, it } from 'vitest';
import { digest, slowStart, startFakeLlm, type FakeLlm, type FakeRequest, type RequestClock } from '../../tools/fake-llm/index.js';

/** The local OpenAI-compatible server, spoken to with plain fetch: what tests and benchmarks rely on. */

let servers: FakeLlm[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function server(opts: Parameters<typeof startFakeLlm>[0] = {}) {
  const s = await startFakeLlm(opts);
  servers.push(s);
  return s;
}

interface Completion {
  choices: { finish_reason: string; message: { content: string; tool_calls?: { function: { name: string; arguments: string } }[] } }[];
  usage: { prompt_tokens: number; completion_tokens: number };
}

async function chat(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k', ...headers },
    body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'Is this spam?' }], ...body }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Completion };
}

describe('fake LLM server', () => {
  it('answers as a function of (model, messages, sample index) only', async () => {
    const s = await server();
    const a = (await chat(s.url, { temperature: 1 }, { 'x-promptgate-sample': '0' })).json();
    const again = (await chat(s.url, { temperature: 0 }, { 'x-promptgate-sample': '0' })).json();
    const other = (await chat(s.url, {}, { 'x-promptgate-sample': '1' })).json();
    const otherModel = (await chat(s.url, { model: 'fake-model-2' }, { 'x-promptgate-sample': '0' })).json();
    expect(again.choices[0]!.message.content).toBe(a.choices[0]!.message.content);
    expect(other.choices[0]!.message.content).not.toBe(a.choices[0]!.message.content);
    expect(otherModel.choices[0]!.message.content).not.toBe(a.choices[0]!.message.content);
    const key = digest({ model: 'fake-model', messages: [{ role: 'user', content: 'Is this spam?' }], sampleIndex: 0 });
    expect(a.choices[0]!.message.content).toContain(key.slice(0, 8));
    expect(s.stats().byKey.get(key)).toBe(2);
    expect(s.stats().completions).toBe(4);
  });

  it('counts usage as characters / 4 when the responder gives none, and stops at max_tokens', async () => {
    const s = await server({ responder: () => ({ content: 'x'.repeat(100) }) });
    const full = (await chat(s.url, {})).json();
    expect(full.usage).toEqual({ prompt_tokens: Math.ceil('Is this spam?'.length / 4), completion_tokens: 25, total_tokens: 4 + 25 });
    expect(full.choices[0]!.finish_reason).toBe('stop');
    const cut = (await chat(s.url, { max_tokens: 5 })).json();
    expect(cut.choices[0]!.message.content).toHaveLength(20);
    expect(cut.choices[0]!.finish_reason).toBe('length');
  });

  it('returns tool calls from the responder', async () => {
    const s = await server({ responder: () => ({ content: '', toolCalls: [{ name: 'refund', arguments: '{"amount":5}' }] }) });
    const c = (await chat(s.url, {})).json();
    expect(c.choices[0]!.finish_reason).toBe('tool_calls');
    expect(c.choices[0]!.message.tool_calls?.[0]?.function).toEqual({ name: 'refund', arguments: '{"amount":5}' });
  });

  it('lists models, checks the key, and 404s an unknown model or route', async () => {
    const s = await server({ apiKey: 'k', models: ['m1', 'm2'] });
    const models = (await (await fetch(`${s.url}/models`, { headers: { authorization: 'Bearer k' } })).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect((await chat(s.url, { model: 'm1' }, { authorization: 'Bearer nope' })).status).toBe(401);
    const unknown = await chat(s.url, { model: 'm3' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('model_not_found');
    expect((await chat(s.url.replace('/v1', '/v2'), { model: 'm1' })).status).toBe(404);
    expect((await chat(s.url, { model: 'm1' })).status).toBe(200);
  });

  it('waits the configured latency', async () => {
    const s = await server({ latencyMs: 120 });
    const t0 = performance.now();
    await chat(s.url, {});
    expect(performance.now() - t0).toBeGreaterThanOrEqual(115);
  });

  it("a latency schedule sees each request's arrival order and time, retries and faulted requests counted", async () => {
    const seen: RequestClock[] = [];
    const s = await server({
      latencyMs: (_req, at) => {
        seen.push(at);
        return 0;
      },
      apiKey: 'k',
    });
    for (let i = 0; i < 5; i++) await chat(s.url, {});
    expect((await chat(s.url, {}, { authorization: 'Bearer nope' })).status).toBe(401); // not a chat request that arrived
    await chat(s.url, {});
    expect(seen.map((c) => c.request)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(seen[0]!.elapsedMs).toBe(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.elapsedMs).toBeGreaterThanOrEqual(seen[i - 1]!.elapsedMs);
  });

  it('slowStart: slow for the first N requests and/or the first M ms, then fast', async () => {
    const req = {} as FakeRequest;
    const byCount = slowStart({ slowMs: 300, thenMs: 20, requests: 3 });
    expect([0, 1, 2, 3, 4].map((request) => byCount(req, { request, elapsedMs: 99_999 }))).toEqual([300, 300, 300, 20, 20]);
    const byTime = slowStart({ slowMs: 300, thenMs: 20, ms: 1_000 });
    expect([0, 999, 1_000].map((elapsedMs) => byTime(req, { request: 0, elapsedMs }))).toEqual([300, 300, 20]);
    const either = slowStart({ slowMs: 300, thenMs: 20, requests: 2, ms: 1_000 });
    expect(either(req, { request: 5, elapsedMs: 10 })).toBe(300);
    expect(either(req, { request: 1, elapsedMs: 5_000 })).toBe(300);
    expect(either(req, { request: 5, elapsedMs: 5_000 })).toBe(20);
    // On a real server: the first two calls wait the slow latency.
    const s = await server({ latencyMs: slowStart({ slowMs: 150, thenMs: 0, requests: 2 }) });
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      await chat(s.url, {});
      expect(performance.now() - t0).toBeGreaterThanOrEqual(145);
    }
  });

  it('enforces an RPM limit with 429, retry-after, retry-after-ms and x-ratelimit-* headers', async () => {
    const s = await server({ rpm: 3, windowMs: 400 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await chat(s.url, {}));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get('x-ratelimit-remaining-requests'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0]!.headers.get('x-ratelimit-limit-requests')).toBe('3');
    const limited = answers[3]!;
    const waitMs = Number(limited.headers.get('retry-after-ms'));
    expect(waitMs).toBeGreaterThan(300);
    expect(waitMs).toBeLessThanOrEqual(400);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(limited.headers.get('x-ratelimit-reset-requests')).toMatch(/^0\.\d{3}s$/);
    await new Promise((r) => setTimeout(r, waitMs + 5));
    expect((await chat(s.url, {})).status).toBe(200);
    expect(s.stats().faults.rpm).toBe(1);
  });

  it('draws the same faults for the same seed and sequence of requests', async () => {
    const run = async (seed: number) => {
      const s = await server({ faults: { rate429: 0.2, rate5xx: 0.2, emptyChoices: 0.1, nonJson: 0.1 }, faultSeed: seed });
      const statuses: string[] = [];
      for (let i = 0; i < 40; i++) {
        const a = await chat(s.url, {});
        statuses.push(a.status === 200 ? (a.text.startsWith('<html>') ? 'html' : a.json().choices.length ? 'ok' : 'empty') : String(a.status));
      }
      return { statuses, faults: s.stats().faults };
    };
    const first = await run(42);
    const second = await run(42);
    const other = await run(43);
    expect(second).toEqual(first);
    expect(other.statuses).not.toEqual(first.statuses);
    expect(first.statuses).toContain('429');
    expect(first.statuses.some((x) => /^50[023]$/.test(x))).toBe(true);
    expect(first.statuses).toContain('ok');
    expect(Object.values(first.faults).reduce((a, b) => a + b, 0)).toBe(first.statuses.filter((x) => x !== 'ok').length);
  });

  it('a hanging request does not keep close() waiting', async () => {
    const s = await startFakeLlm({ faults: { hang: 1 } });
    const pending = chat(s.url, {}).catch(() => 'dropped');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await s.close();
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await pending).toBe('dropped');
    expect(s.stats().faults.hang).toBe(1);
  });
});
