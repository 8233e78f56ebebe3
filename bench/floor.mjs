// `node bench/floor.mjs raw|sdk BASE_URL CALLS CONCURRENCY` — the floor under `npm run bench`'s review: the same
// calls to the same server, made by a client that does nothing else (no git, config, grading, statistics or report),
// so the ratio it gets is the least any client could get on this machine (docs/architecture.md, "Where the time
// goes"). Plain JavaScript, run by node itself: no loader or bundle of its own to start.
// - raw: node:http with a keep-alive agent, one JSON body per call;
// - sdk: the openai SDK, as promptgate calls it (maxRetries 0) through a node:http `fetch` as lean as this one.
import http from 'node:http';
import nodeModule from 'node:module';

const [mode, baseURL, callsText, concurrencyText] = process.argv.slice(2);
const calls = Number(callsText);
const concurrency = Number(concurrencyText);
if ((mode !== 'raw' && mode !== 'sdk') || !baseURL || !(calls > 0) || !(concurrency > 0)) {
  console.error('usage: node bench/floor.mjs raw|sdk BASE_URL CALLS CONCURRENCY');
  process.exit(2);
}
nodeModule.enableCompileCache?.();
const agent = new http.Agent({ keepAlive: true });

/** POST `body` to `url`; the answer's status, raw headers and body. */
function post(url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, rawHeaders: res.rawHeaders, data: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

let call;
if (mode === 'raw') {
  const url = new URL(`${baseURL}/chat/completions`);
  call = async (i) => {
    const body = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: `Answer: question ${i}` }] });
    const res = await post(url, { 'content-type': 'application/json', authorization: 'Bearer bench', 'content-length': Buffer.byteLength(body) }, body);
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return JSON.parse(res.data.toString('utf8'));
  };
} else {
  const { default: OpenAI } = await import('openai');
  const fetch = async (input, init) => {
    const headers = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const res = await post(new URL(String(input)), headers, init.body);
    const responseHeaders = new Headers();
    for (let k = 0; k + 1 < res.rawHeaders.length; k += 2) responseHeaders.append(res.rawHeaders[k], res.rawHeaders[k + 1]);
    const text = res.data.toString('utf8');
    return { ok: res.status < 300, status: res.status, statusText: '', headers: responseHeaders, url: String(input), body: null, text: async () => text, json: async () => JSON.parse(text) };
  };
  const client = new OpenAI({ baseURL, apiKey: 'bench', maxRetries: 0, fetch });
  call = (i) => client.chat.completions.create({ model: 'bench', messages: [{ role: 'user', content: `Answer: question ${i}` }] });
}

let next = 0;
const worker = async () => {
  while (next < calls) await call(next++);
};
await Promise.all(Array.from({ length: concurrency }, worker));
agent.destroy();
