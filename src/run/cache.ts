import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../canonical-json.js';
import type { ChatMessage } from '../prompts/types.js';
import type { Endpoint, ModelOutput, SampleRequest } from './types.js';

export interface ResponseCache {
  get(key: string): Promise<ModelOutput | undefined>;
  set(key: string, value: ModelOutput): Promise<void>;
}

/** The host of an endpoint URL (the URL itself when it does not parse). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The endpoint part of a cache key: scheme, host, port and path of the base URL — never its userinfo or query
 * (where credentials travel), so a key never holds a secret and a rotated token keeps the cache. Two gateways on
 * one host (`https://gw/a/v1`, `https://gw/b/v1`) are different endpoints; a trailing slash, the host's case and a
 * default port are not a difference. The text itself when it does not parse (such a URL is never called).
 */
export function endpointId(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * Content address of one sample (docs/reliability.md): endpoint (see {@link endpointId}), model, params, rendered
 * messages, sample index.
 */
export function cacheKey(endpoint: Pick<Endpoint, 'baseURL' | 'model' | 'params'>, messages: ChatMessage[], sampleIndex: number): string {
  return createHash('sha256')
    .update(canonicalJson([endpointId(endpoint.baseURL), endpoint.model, endpoint.params, messages, sampleIndex]))
    .digest('hex');
}

/**
 * Responses on disk, one file per sample (`dir/ab/abcdef….json`), written atomically (temp file + rename) the
 * moment a call finishes, so a killed run loses nothing it paid for. A corrupt or unreadable file is a miss.
 */
export function diskCache(dir: string): ResponseCache {
  const made = new Set<string>();
  const pathOf = (key: string) => join(dir, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      try {
        const value = JSON.parse(await readFile(pathOf(key), 'utf8')) as ModelOutput;
        return typeof value?.text === 'string' && typeof value.latencyMs === 'number' && value.usage ? value : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const sub = join(dir, key.slice(0, 2));
      if (!made.has(sub)) {
        await mkdir(sub, { recursive: true });
        made.add(sub);
      }
      const tmp = `${pathOf(key)}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, JSON.stringify(value));
      await rename(tmp, pathOf(key));
    },
  };
}

/** The requests whose response is not in the cache yet: what a run will pay for. */
export async function filterUncached(requests: SampleRequest[], cache: ResponseCache): Promise<SampleRequest[]> {
  const out: SampleRequest[] = [];
  for (const r of requests) if ((await cache.get(r.cacheKey)) === undefined) out.push(r);
  return out;
}
