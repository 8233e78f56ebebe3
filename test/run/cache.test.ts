import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PromptgateError } from '../../src/errors.js';
import { endpointId } from '../../src/run/cache.js';
import { cacheKey, checkBudgetPricing, diskCache, estimateCost } from '../../src/run/index.js';
import type { Endpoint, ModelOutput, SampleRequest } from '../../src/run/types.js';

const endpoint: Endpoint = { baseURL: 'https://api.openai.com/v1', apiKey: 'sk-1', model: 'gpt-4o-mini', params: { temperature: 0.7, max_tokens: 100 } };
const messages = [{ role: 'user' as const, content: 'Classify: refund please' }];
const output: ModelOutput = { text: 'billing', latencyMs: 812, usage: { input: 9, output: 1 }, finishReason: 'stop' };

describe('cacheKey', () => {
  it('is a sha256 hex digest, stable across parameter order, API key, credentials in the URL and a trailing slash', () => {
    const key = cacheKey(endpoint, messages, 0);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey({ ...endpoint, params: { max_tokens: 100, temperature: 0.7 } }, messages, 0)).toBe(key);
    expect(cacheKey({ ...endpoint, apiKey: 'sk-2' } as Endpoint, messages, 0)).toBe(key);
    expect(cacheKey({ ...endpoint, baseURL: 'https://api.openai.com/v1/' }, messages, 0)).toBe(key);
    expect(cacheKey({ ...endpoint, baseURL: 'https://API.openai.com:443/v1' }, messages, 0)).toBe(key);
    expect(cacheKey({ ...endpoint, baseURL: 'https://user:s3cret@api.openai.com/v1?api-key=s3cret' }, messages, 0)).toBe(key);
  });

  it('keys on the whole base URL: two gateways on one host do not share answers', () => {
    const at = (baseURL: string) => cacheKey({ ...endpoint, baseURL }, messages, 0);
    expect(at('https://gw.example.com/a/v1')).not.toBe(at('https://gw.example.com/b/v1'));
    expect(at('https://gw.example.com:8443/a/v1')).not.toBe(at('https://gw.example.com/a/v1'));
    expect(at('http://gw.example.com/a/v1')).not.toBe(at('https://gw.example.com/a/v1'));
    expect(endpointId('https://token:s3cret@gw.example.com:8443/a/v1/?key=s3cret')).toBe('https://gw.example.com:8443/a/v1');
  });

  it('changes with the host, model, params, messages and sample index', () => {
    const key = cacheKey(endpoint, messages, 0);
    const others = [
      cacheKey({ ...endpoint, baseURL: 'https://models.github.ai/inference' }, messages, 0),
      cacheKey({ ...endpoint, model: 'gpt-4o' }, messages, 0),
      cacheKey({ ...endpoint, params: { temperature: 0.2, max_tokens: 100 } }, messages, 0),
      cacheKey(endpoint, [{ role: 'user', content: 'Classify: refund please!' }], 0),
      cacheKey(endpoint, [{ role: 'system', content: 'Classify: refund please' }], 0),
      cacheKey(endpoint, messages, 1),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

describe('diskCache', () => {
  it('stores one file per key under a two-character directory, atomically, and reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const cache = diskCache(dir);
    const key = cacheKey(endpoint, messages, 0);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, output);
    expect(await cache.get(key)).toEqual(output);
    expect(await diskCache(dir).get(key)).toEqual(output);
    expect(readdirSync(dir)).toEqual([key.slice(0, 2)]);
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]); // no temp file left behind
    expect(JSON.parse(readFileSync(join(dir, key.slice(0, 2), `${key}.json`), 'utf8'))).toEqual(output);
  });

  it('treats a corrupt or foreign file as a miss, and overwrites it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const cache = diskCache(dir);
    const key = cacheKey(endpoint, messages, 3);
    await cache.set(key, output);
    const path = join(dir, key.slice(0, 2), `${key}.json`);
    writeFileSync(path, '{"text":"bill');
    expect(await cache.get(key)).toBeUndefined();
    writeFileSync(path, JSON.stringify({ answer: 'billing' }));
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, output);
    expect(await cache.get(key)).toEqual(output);
  });

  it('survives many concurrent writes of the same key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'promptgate-cache-'));
    const cache = diskCache(dir);
    const key = cacheKey(endpoint, messages, 4);
    await Promise.all(Array.from({ length: 20 }, (_, i) => cache.set(key, { ...output, latencyMs: i })));
    const got = await cache.get(key);
    expect(got?.text).toBe('billing');
    expect(readdirSync(join(dir, key.slice(0, 2)))).toEqual([`${key}.json`]);
  });
});

describe('estimateCost', () => {
  const request = (e: Endpoint, content: string): SampleRequest => ({
    suite: 's',
    variant: 'candidate',
    caseId: 'c',
    sampleIndex: 0,
    endpoint: e,
    messages: [{ role: 'user', content }],
    assert: [],
    cacheKey: 'k',
  });

  it('prices input at characters / 4 and output at max_tokens (256 without)', () => {
    const priced: Endpoint = { ...endpoint, pricing: { input_per_mtok: 1, output_per_mtok: 4 } };
    const est = estimateCost([request(priced, 'x'.repeat(400)), request({ ...priced, params: {} }, 'x'.repeat(41))]);
    // (100 × 1 + 100 × 4) / 1e6 + (11 × 1 + 256 × 4) / 1e6
    expect(est.usd).toBeCloseTo((100 + 400 + 11 + 1024) / 1e6, 12);
    expect(est.calls).toBe(2);
    expect(est.unknownPricing).toBe(false);
  });

  it('says when some endpoint has no prices', () => {
    const est = estimateCost([request(endpoint, 'hello')]);
    expect(est).toEqual({ usd: 0, calls: 1, graderCalls: 0, unknownPricing: true });
  });

  it("counts one grader call per llm_rubric assertion, at the judge's whole room of output tokens", () => {
    const priced: Endpoint = { ...endpoint, params: { max_tokens: 100 }, pricing: { input_per_mtok: 1, output_per_mtok: 4 } };
    const plain = request(priced, 'x'.repeat(400));
    const rubric = 'y'.repeat(200);
    const graded = {
      ...plain,
      assert: [
        { type: 'llm_rubric', value: rubric },
        { type: 'contains', value: 'z' },
      ],
    };
    const est = estimateCost([plain, graded]);
    expect(est.calls).toBe(3);
    expect(est.graderCalls).toBe(1);
    // Model calls: 2 × (100 in, 100 out). Grader: (200 + 400 characters) / 4 + 100 answer tokens in, 1024 out.
    expect(est.usd).toBeCloseTo((2 * (100 + 400) + (250 + 1024 * 4)) / 1e6, 12);
  });
});

describe('checkBudgetPricing', () => {
  const request = (suite: string, model: string, pricing?: Endpoint['pricing']): SampleRequest => ({
    suite,
    variant: 'candidate',
    caseId: 'c',
    sampleIndex: 0,
    endpoint: { ...endpoint, model, ...(pricing ? { pricing } : {}) },
    messages,
    assert: [],
    cacheKey: 'k',
  });

  it('refuses a budget when some suite that will call a model has no prices, and names each one', () => {
    const priced = request('triage', 'gpt-4o-mini', { input_per_mtok: 0.15, output_per_mtok: 0.6 });
    expect(() => checkBudgetPricing([priced], 5)).not.toThrow();
    expect(() => checkBudgetPricing([request('triage', 'gpt-4o')], undefined)).not.toThrow();
    const fail = () => checkBudgetPricing([priced, request('triage', 'gpt-4o'), request('triage', 'gpt-4o'), request('summary', 'llama3')], 2.5);
    expect(fail).toThrow(PromptgateError);
    expect(fail).toThrow(
      'a budget of $2.50 is set, but suite "triage" (model "gpt-4o"), suite "summary" (model "llama3") have no pricing: their calls would count as $0 and the budget could not stop them',
    );
  });
});
