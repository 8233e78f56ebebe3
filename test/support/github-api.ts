import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * A local HTTP server standing in for api.github.com in tests: the endpoints promptgate calls, with in-memory state
 * a test can seed and inspect. Every request is checked against GitHub's published OpenAPI description
 * (@octokit/openapi) — path, query and JSON body — and rejected with 422 the way GitHub would, so a request the
 * real API would refuse fails here too.
 */

export interface StubComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
}
export interface StubCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; text?: string } | null;
  updates: number;
}
export interface StubFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed';
  previous_filename?: string;
}
export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

interface Operation {
  method: string;
  pattern: RegExp;
  params: string[];
  validateBody?: ValidateFunction;
  query: { name: string; schema: { type?: string; enum?: unknown[]; maximum?: number; minimum?: number } }[];
}

const OPERATIONS: [string, string][] = [
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['delete', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
];

/** OpenAPI 3.0 `nullable` → JSON Schema `type: [t, 'null']`, so ajv reads the schema as GitHub means it. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'example' || k === 'examples' || k === 'x-github') continue;
    out[k] = toJsonSchema(v);
  }
  const n = node as { nullable?: boolean; type?: string };
  if (n.nullable && typeof n.type === 'string') out.type = [n.type, 'null'];
  return out;
}

let operations: Operation[] | null = null;
function loadOperations(): Operation[] {
  if (operations) return operations;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: object }[]; requestBody?: { content: Record<string, { schema: object }> } }>> };
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  operations = OPERATIONS.map(([method, path]) => {
    const op = doc.paths[path]?.[method];
    if (!op) throw new Error(`the OpenAPI description has no ${method.toUpperCase()} ${path}`);
    const params: string[] = [];
    const pattern = new RegExp('^' + path.replace(/\{(\w+)\}/g, (_, name: string) => (params.push(name), '([^/]+)')) + '$');
    const schema = op.requestBody?.content['application/json']?.schema;
    return {
      method: method.toUpperCase(),
      pattern,
      params,
      validateBody: schema ? ajv.compile(toJsonSchema(schema) as object) : undefined,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema as Operation['query'][number]['schema'] })),
    };
  });
  return operations;
}

export interface GithubStubOptions {
  owner?: string;
  repo?: string;
  /** Answer check-run requests with 403 "Resource not accessible by integration" (no `checks: write`). */
  checksForbidden?: boolean;
  /** Answer comment writes with 403 (a fork PR's read-only token). */
  commentsForbidden?: boolean;
}

export async function startGithubStub(opts: GithubStubOptions = {}) {
  const ops = loadOperations();
  const state = {
    comments: [] as StubComment[],
    checkRuns: [] as StubCheckRun[],
    files: [] as StubFile[],
    requests: [] as LoggedRequest[],
    nextId: 1000,
  };
  let url = '';

  const send = (res: ServerResponse, log: LoggedRequest, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    log.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const commentJson = (c: StubComment, o: string, r: string) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${o}/${r}/issues/comments/${c.id}`,
    html_url: `https://github.com/${o}/${r}/pull/1#issuecomment-${c.id}`,
    body: c.body,
    user: { login: c.user.login, id: 1, type: c.user.type },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  });
  const page = <T>(res: ServerResponse, log: LoggedRequest, items: T[], query: Record<string, string>, path: string) => {
    const per = Math.min(100, Number(query.per_page ?? 30));
    const p = Number(query.page ?? 1);
    const last = Math.max(1, Math.ceil(items.length / per));
    const links: string[] = [];
    if (p < last) links.push(`<${url}${path}?per_page=${per}&page=${p + 1}>; rel="next"`, `<${url}${path}?per_page=${per}&page=${last}>; rel="last"`);
    send(res, log, 200, items.slice((p - 1) * per, p * per), links.length ? { link: links.join(', ') } : {});
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(u.searchParams);
    const log: LoggedRequest = { method: req.method ?? '', path: u.pathname, query, body: raw ? safeJson(raw) : undefined, status: 0 };
    state.requests.push(log);
    if (!/^(token|Bearer) \S+/.test(req.headers.authorization ?? '')) return send(res, log, 401, { message: 'Requires authentication' });
    const op = ops.find((o) => o.method === req.method && o.pattern.test(u.pathname));
    if (!op) return send(res, log, 404, { message: 'Not Found' });
    const m = op.pattern.exec(u.pathname)!;
    const params = Object.fromEntries(op.params.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
    for (const q of op.query) {
      const v = query[q.name];
      if (v === undefined) continue;
      const bad =
        (q.schema.type === 'integer' && (!/^-?\d+$/.test(v) || (q.schema.maximum !== undefined && Number(v) > q.schema.maximum) || (q.schema.minimum !== undefined && Number(v) < q.schema.minimum))) ||
        (q.schema.enum !== undefined && !q.schema.enum.includes(v));
      if (bad) return send(res, log, 422, { message: 'Validation Failed', errors: [{ field: q.name, code: 'invalid' }] });
    }
    if (op.validateBody) {
      if (log.body === undefined || !op.validateBody(log.body)) {
        return send(res, log, 422, { message: 'Invalid request.', errors: op.validateBody.errors ?? [{ message: 'body is required' }] });
      }
    }
    const { owner, repo } = params as { owner: string; repo: string };
    const body = log.body as Record<string, unknown>;
    const key = `${req.method} ${op.pattern.source}`;
    if (key.startsWith('GET') && u.pathname.endsWith('/files')) return page(res, log, state.files.map((f) => ({ sha: 'x', additions: 1, deletions: 1, changes: 2, blob_url: '', raw_url: '', contents_url: '', ...f })), query, u.pathname);
    if (req.method === 'GET' && u.pathname.endsWith('/comments')) return page(res, log, state.comments.map((c) => commentJson(c, owner, repo)), query, u.pathname);
    if (req.method === 'POST' && u.pathname.endsWith('/comments')) {
      if (opts.commentsForbidden) return send(res, log, 403, { message: 'Resource not accessible by integration' });
      const c: StubComment = { id: state.nextId++, body: String(body.body), user: { login: 'github-actions[bot]', type: 'Bot' } };
      state.comments.push(c);
      return send(res, log, 201, commentJson(c, owner, repo));
    }
    if (u.pathname.includes('/issues/comments/')) {
      const c = state.comments.find((x) => x.id === Number(params.comment_id));
      if (!c) return send(res, log, 404, { message: 'Not Found' });
      if (req.method === 'DELETE') {
        state.comments = state.comments.filter((x) => x !== c);
        return send(res, log, 204);
      }
      if (c.user.type !== 'Bot') return send(res, log, 403, { message: 'promptgate must never edit a human comment' });
      c.body = String(body.body);
      return send(res, log, 200, commentJson(c, owner, repo));
    }
    if (u.pathname.includes('/check-runs')) {
      if (opts.checksForbidden) return send(res, log, 403, { message: 'Resource not accessible by integration' });
      let run: StubCheckRun;
      if (req.method === 'POST') {
        run = { id: state.nextId++, name: String(body.name), head_sha: String(body.head_sha), status: String(body.status ?? 'queued'), conclusion: null, output: null, updates: 0 };
        state.checkRuns.push(run);
      } else {
        const found = state.checkRuns.find((x) => x.id === Number(params.check_run_id));
        if (!found) return send(res, log, 404, { message: 'Not Found' });
        run = found;
        run.updates++;
      }
      if (body.status) run.status = String(body.status);
      if (body.conclusion) {
        run.conclusion = String(body.conclusion);
        run.status = 'completed';
      }
      if (body.output) run.output = body.output as StubCheckRun['output'];
      return send(res, log, req.method === 'POST' ? 201 : 200, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion, html_url: `https://github.com/${owner}/${repo}/runs/${run.id}` });
    }
    return send(res, log, 404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
