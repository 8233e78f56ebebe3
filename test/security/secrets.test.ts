import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, type BinRun } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * Secrets in rendered text (docs/security.md): a provider that echoes the Authorization header — in an error body or
 * in the completion itself — and a base URL with `user:password@` must put neither the key nor the password into
 * the note, the JSON report or the messages on stderr. Through the shipped bin.
 */

const KEY = 'sk-proj-ECHOED0123456789abcdef';
const PASSWORD = 'p4ssw0rd-internal-9876';

const servers: Server[] = [];
const repos: TempRepo[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((ok) => s.close(ok));
  for (const r of repos) r.cleanup();
});

/** An OpenAI-compatible endpoint that repeats the request's Authorization header back. */
async function echoServer(mode: 'error' | 'completion'): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const auth = String(req.headers.authorization ?? '');
      if (mode === 'error') {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `invalid request from ${auth} at ${req.headers.host}` } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'x',
          object: 'chat.completion',
          created: 0,
          model: 'm',
          choices: [{ index: 0, message: { role: 'assistant', content: `you sent ${auth}` }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 3 },
        }),
      );
    });
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `127.0.0.1:${(server.address() as { port: number }).port}`;
}

function repo(baseUrl: string): TempRepo {
  const r = new TempRepo();
  repos.push(r);
  const config = `version: 1
provider: { model: m, base_url: "${baseUrl}", api_key_env: LLM_KEY, pricing: { input_per_mtok: 1, output_per_mtok: 1 } }
suites:
  - { name: s, prompt: p.txt, cases: c.jsonl, assert: [{ type: contains, value: "{{expected}}" }], repeats: 1 }
run: { max_retries: 1, timeout_s: 5 }
`;
  r.write({ 'promptgate.yml': config, 'p.txt': 'Say {{x}}', 'c.jsonl': '{"id":"a","vars":{"x":"1"},"expected":"1"}\n{"id":"b","vars":{"x":"2"},"expected":"2"}\n' }).commit('base');
  r.git('checkout', '-q', '-b', 'f');
  r.write({ 'p.txt': 'Please say {{x}}' }).commit('head');
  return r;
}

function written(r: TempRepo, run: BinRun): string {
  const file = (name: string) => {
    try {
      return readFileSync(join(r.dir, name), 'utf8');
    } catch {
      return '';
    }
  };
  return [run.stdout, run.stderr, file('report.json'), file('note.md')].join('\n');
}

const review = (r: TempRepo) => runBin(r.dir, ['run', '--base', 'main', '--head', 'HEAD', '--json', 'report.json', '--markdown', 'note.md'], { LLM_KEY: KEY });

describe('a secret echoed by the provider never reaches what promptgate writes', () => {
  it('in an error body, with the password of a user:password@ base URL', async () => {
    const host = await echoServer('error');
    const r = repo(`http://admin:${PASSWORD}@${host}/v1`);
    const run = await review(r);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    const text = written(r, run);
    expect(text).toContain('invalid request from'); // the provider's message is still shown…
    expect(text).not.toContain(KEY); // …without the key
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(KEY.slice(3)); // nor the key without its prefix
  });

  it('in the completion text itself', async () => {
    const host = await echoServer('completion');
    const r = repo(`http://${host}/v1`);
    const run = await review(r);
    expect(run.code, run.stdout + run.stderr).not.toBe(2);
    const text = written(r, run);
    expect(text).toContain('you sent Bearer ***');
    expect(text).not.toContain(KEY);
  });
});
