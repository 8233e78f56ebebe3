import http from 'node:http';
import https from 'node:https';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';

/**
 * `fetch` for the openai SDK (its documented `fetch` option) over node:http/https with keep-alive agents.
 *
 * Why not Node's built-in fetch: it builds WHATWG streams, a Request and several AbortSignals for every call.
 * On 60,000 calls against a zero-latency server (bench/run.ts) this one takes promptgate from ≈ 550 to ≈ 300 µs
 * of CPU per call and from 361 to 276 MB peak RSS, because the garbage per call is what lets V8's heap grow.
 *
 * The whole body is read before the promise resolves, so the caller's signal covers the body too (no streaming:
 * promptgate never streams), and it comes back as a {@link BufferedResponse} rather than a WHATWG Response, whose
 * body stream would cost another ≈ 12 KB of garbage per call. Anything this does not handle — a Request object,
 * a streamed body — goes to the built-in fetch.
 */
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * The largest response body read, before and after decompression. A chat completion is kilobytes; without a cap a
 * 1 MB gzip body that inflates to 900 MB (a hostile or broken endpoint) took a review to 5.6 GB of memory.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** The code of the error a response over {@link MAX_RESPONSE_BYTES} rejects with (see providers/openai.ts). */
export const RESPONSE_TOO_LARGE = 'PROMPTGATE_RESPONSE_TOO_LARGE';

function tooLarge(host: string): Error {
  return Object.assign(new Error(`the response from ${host} is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`), { code: RESPONSE_TOO_LARGE });
}

type Decoder = (buf: Buffer, opts: { maxOutputLength: number }, cb: (err: Error | null, out: Buffer) => void) => void;
const decoders: Record<string, Decoder> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  deflate: inflate,
  br: brotliDecompress,
};

/**
 * What the openai SDK reads of a non-streamed response — status, ok, url, headers, text(), json() — over a body
 * already in memory. `body` is null: nothing here is ever streamed (the SDK only cancels it, which null allows).
 */
export class BufferedResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  readonly body = null;
  bodyUsed = false;

  constructor(
    private readonly data: Buffer | null,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  private take(): Buffer | null {
    if (this.bodyUsed) throw new TypeError('Body is unusable: Body has already been read');
    this.bodyUsed = true;
    return this.data;
  }
  async text(): Promise<string> {
    return this.take()?.toString('utf8') ?? '';
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const data = this.take();
    return data ? new Uint8Array(data).buffer : new ArrayBuffer(0);
  }
  clone(): BufferedResponse {
    if (this.bodyUsed) throw new TypeError('Response.clone: Body has already been consumed');
    return new BufferedResponse(this.data, this.status, this.statusText, this.headers, this.url);
  }
}

const connectListeners = new Set<(origin: string) => void>();

/**
 * Calls `listener` with the origin (`scheme://host:port`) of every connection a call of {@link nodeFetch} gets from
 * now on, once it is established (TCP, and TLS for https) or when a kept-alive one is reused: proof that something
 * answers at that address, before the model has said a word. Returns the function that stops the calls.
 */
export function onConnect(listener: (origin: string) => void): () => void {
  connectListeners.add(listener);
  return () => connectListeners.delete(listener);
}

export function nodeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  if (typeof input !== 'string' && !(input instanceof URL)) return fetch(input, init);
  if (body !== undefined && body !== null && typeof body !== 'string' && !(body instanceof Uint8Array)) return fetch(input, init);
  const url = typeof input === 'string' ? new URL(input) : input;
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
  if (!transport) return fetch(input, init);

  const headers: Record<string, string> = {};
  (init.headers instanceof Headers ? init.headers : new Headers(init.headers)).forEach((value, name) => {
    headers[name] = value;
  });
  return new Promise<Response>((resolve, reject) => {
    const req = transport.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], signal: init.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy();
          reject(tooLarge(url.host));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', reject);
      res.on('close', () => {
        if (!res.complete) reject(new Error(`the connection closed before the response ended (${url.host})`));
      });
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const responseHeaders = new Headers();
        for (let k = 0; k + 1 < res.rawHeaders.length; k += 2) responseHeaders.append(res.rawHeaders[k]!, res.rawHeaders[k + 1]!);
        const status = res.statusCode ?? 502;
        const done = (data: Buffer) => {
          const empty = status === 204 || status === 304 || init.method === 'HEAD';
          // The SDK reads only what BufferedResponse has (see there); it is not a WHATWG Response.
          resolve(new BufferedResponse(empty ? null : data, status, res.statusMessage ?? '', responseHeaders, url.href) as unknown as Response);
        };
        const decode =
          decoders[
            String(res.headers['content-encoding'] ?? '')
              .trim()
              .toLowerCase()
          ];
        if (!decode) return done(raw);
        decode(raw, { maxOutputLength: MAX_RESPONSE_BYTES }, (err, data) => {
          if ((err as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE') return reject(tooLarge(url.host));
          if (err) return reject(err);
          responseHeaders.delete('content-encoding');
          responseHeaders.set('content-length', String(data.length));
          done(data);
        });
      });
    });
    req.on('error', reject);
    if (connectListeners.size > 0) {
      req.once('socket', (socket) => {
        const connected = () => {
          for (const listener of connectListeners) listener(url.origin);
        };
        if (!socket.connecting) connected();
        else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      });
    }
    req.end(body ?? undefined);
  });
}
