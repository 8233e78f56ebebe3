import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, nodeFetch, onConnect, RESPONSE_TOO_LARGE } from '../../src/providers/http-fetch.js';

/** nodeFetch against a real HTTP server, side by side with the built-in fetch on the same answers. */

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serve(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => handler(req, body, res));
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => new Promise<void>((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('nodeFetch', () => {
  it('refuses a body over the cap, compressed (a gzip bomb) or not, without holding it in memory', async () => {
    // 40 MiB of zeros gzip to about 40 KB: a small body that would inflate past the cap.
    const bomb = gzipSync(Buffer.alloc(MAX_RESPONSE_BYTES + 8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const url = await serve((req, _body, res) => {
      if (req.url === '/bomb') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(bomb);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < MAX_RESPONSE_BYTES + 2 * chunk.length) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => {});
      more();
    });
    for (const path of ['/bomb', '/big']) {
      const err = await nodeFetch(url + path, { method: 'POST', body: '{}' }).then(
        () => null,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(err?.code, path).toBe(RESPONSE_TOO_LARGE);
      expect(err?.message).toContain('larger than 32 MiB');
    }
  });

  it('answers like the built-in fetch: status, ok, url, headers, json, and a body read once', async () => {
    const url = await serve((req, body, res) => {
      res.writeHead(req.url === '/missing' ? 404 : 200, 'Fine', { 'content-type': 'application/json', 'x-ratelimit-remaining-requests': '7', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body }));
    });
    const init = { method: 'POST', headers: new Headers({ authorization: 'Bearer k', 'content-type': 'application/json' }), body: '{"q":1}' };
    for (const path of ['/v1/chat', '/missing']) {
      const [mine, theirs] = [await nodeFetch(url + path, init), await fetch(url + path, init)];
      for (const r of [mine, theirs]) {
        expect(r.url).toBe(url + path);
        expect(r.headers.get('x-ratelimit-remaining-requests')).toBe('7');
      }
      expect([mine.status, mine.ok, mine.statusText]).toEqual([theirs.status, theirs.ok, theirs.statusText]);
      expect(mine.headers.get('set-cookie')).toBe(theirs.headers.get('set-cookie'));
      const copy = mine.clone();
      expect(await mine.json()).toEqual(await theirs.json());
      expect(await copy.text()).toContain('"auth":"Bearer k"');
      await expect(mine.text()).rejects.toThrow(TypeError);
    }
  });

  it('decodes a deflate body and says so in the headers', async () => {
    const url = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'deflate' });
      res.end(deflateSync('squeezed'));
    });
    const r = await nodeFetch(url);
    expect(await r.text()).toBe('squeezed');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect(r.headers.get('content-length')).toBe('8');
  });

  it('has no body for a 204, and fails when the connection drops mid-body', async () => {
    const url = await serve((req, _body, res) => {
      if (req.url === '/empty') {
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const empty = await nodeFetch(url + '/empty');
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    await expect(nodeFetch(url + '/cut')).rejects.toThrow();
  });

  it('tells onConnect listeners the origin of each connection made or reused, and nothing for a refused one', async () => {
    const url = await serve((_req, _body, res) => res.end('ok'));
    const seen: string[] = [];
    const stop = onConnect((origin) => seen.push(origin));
    try {
      await (await nodeFetch(`${url}/a`)).text();
      await (await nodeFetch(`${url}/b`)).text();
      const refused = await nodeFetch('http://127.0.0.1:9/v1').then(
        () => 'answered',
        (e: unknown) => String((e as { code?: string }).code),
      );
      expect(refused).toBe('ECONNREFUSED');
    } finally {
      stop();
    }
    expect(seen).toEqual([url, url]);
    await (await nodeFetch(`${url}/c`)).text();
    expect(seen).toHaveLength(2);
  });
});
