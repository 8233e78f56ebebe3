import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

/**
 * A local HTTP server standing in for api.github.com: the endpoints promptgate calls, with in-memory state a test
 * seeds and inspects. Every request is checked against GitHub's published OpenAPI description (@octokit/openapi,
 * api.github.com) — path parameters, query and JSON body — and answered 422 the way GitHub answers, so a request
 * the real API would refuse fails here too. Beyond the schema it enforces what GitHub documents in prose: the
 * comment body limit, `conclusion` with a completed check run, a real sha for `head_sha`, the 3,000-file cap of
 * the PR files list, an Authorization header and a User-Agent.
 *
 * Who am I: `GET /user` answers a user's token and refuses an installation token (the workflow token, an app's)
 * with 403 "Resource not accessible by integration", as GitHub does; GraphQL (`POST /graphql`, which GitHub's
 * REST description does not cover) serves the one query promptgate sends, `query { viewer { … } }`, answering
 * every token, and refuses any other query or field with GraphQL's own error shape.
 *
 * Pull requests and issues share one number space, as on GitHub: `GET /repos/{o}/{r}/issues` lists both, a pull
 * request carrying a `pull_request` key; comments and `PATCH issues/{n}` work on either. Who may write is seeded
 * per login in `state.permissions` (unseeded: `read`, what anyone has on a public repository).
 */

export interface StubUser {
  login: string;
  type: 'Bot' | 'User';
}

export interface StubComment {
  id: number;
  body: string;
  user: StubUser;
  /** The PR (issue) it is on; unset means it shows on every PR of the stub. */
  issue_number?: number;
  /** Default: derived from the id, so seeded comments are ordered by id. */
  created_at?: string;
  updated_at?: string;
}

export interface StubCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  started_at?: string;
  completed_at?: string;
  output: { title?: string; summary?: string; text?: string } | null;
  external_id?: string;
  /** PATCHes received. */
  updates: number;
}

/** A pull request `GET pulls/{n}` answers. `head.repo` is the head's repository: another one is a fork, null a deleted fork. */
export interface StubPull {
  number: number;
  title?: string;
  body?: string | null;
  user?: StubUser;
  state?: 'open' | 'closed';
  draft?: boolean;
  merged?: boolean;
  labels?: string[];
  head: { sha: string; ref?: string; repo?: string | null };
  base: { sha: string; ref?: string };
}

/** A plain issue (not a pull request). */
export interface StubIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: string[];
  user: StubUser;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface StubReaction {
  id: number;
  comment_id: number;
  content: string;
  user: StubUser;
}

/** A user's role on the repository, as `role_name` names it. */
export type StubPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface StubFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  additions?: number;
  deletions?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Who the token acts as; null when the request had no valid token. */
  user: StubUser | null;
  status: number;
  /** Why the stub refused the request (schema errors, a documented rule), when it did. */
  rejected?: string;
}

/** A failure to inject: the next `times` requests that match answer `status` (e.g. 502, or a rate limit). */
export interface StubFault {
  method?: string;
  path?: RegExp;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  times: number;
}

export interface GithubStubOptions {
  /** Only this repository exists (others answer 404). Default: any. */
  repository?: string;
  /** Token → who it acts as. Default: every token is the workflow token's `github-actions[bot]`. */
  tokens?: Record<string, StubUser>;
  /** Answer check-run writes with 403 "Resource not accessible by integration" (no `checks: write`). */
  checksForbidden?: boolean;
  /** Answer comment writes with 403 (a fork PR's read-only token). */
  commentsForbidden?: boolean;
  /** Answer issue writes (create, update) with 403 (a token without `issues: write`). */
  issuesForbidden?: boolean;
  /** Answer `POST /graphql` with 404 (an API without GraphQL): who-am-I must fall back. */
  graphqlUnavailable?: boolean;
  /** Awaited after a request is logged and before it is answered: lets a test hold requests to force a race. */
  beforeRespond?: (req: LoggedRequest) => Promise<void> | void;
}

export const WORKFLOW_BOT: StubUser = { login: 'github-actions[bot]', type: 'Bot' };

/** The operations the stub serves, by their path template in GitHub's OpenAPI description. */
const OPERATIONS = [
  ['GET', '/user'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files'],
  ['GET', '/repos/{owner}/{repo}/issues'],
  ['POST', '/repos/{owner}/{repo}/issues'],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['POST', '/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'],
  ['GET', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  ['GET', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['POST', '/repos/{owner}/{repo}/check-runs'],
  ['PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
] as const;

interface Operation {
  /** `METHOD /path/{template}`, as the handler switches on it. */
  key: string;
  method: string;
  pattern: RegExp;
  pathParams: string[];
  /** Path parameters and query, coerced from strings the way GitHub reads them. */
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
}

/** "Body is too long (maximum is 65536 characters)". */
const COMMENT_BODY_LIMIT = 65_536;
/** "Responses include a maximum of 3000 files" (List pull requests files). */
const PR_FILES_CAP = 3000;
const MAX_PER_PAGE = 100;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Json;
}
interface OpenApiOperation {
  parameters?: (OpenApiParameter | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/**
 * Inlines `#/components/...` references and turns OpenAPI 3.0 into JSON Schema for ajv: `nullable: true` becomes a
 * `null` type; descriptive keys are dropped. Request schemas have no cycles; a cycle would become `{}`.
 */
function toJsonSchema(doc: unknown, node: Json, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((n) => toJsonSchema(doc, n, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((at, part) => (at as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Json;
    return toJsonSchema(doc, target, [...seen, ref]);
  }
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'example' || k === 'examples' || k === 'description' || k.startsWith('x-')) continue;
    out[k] = toJsonSchema(doc, v, seen);
  }
  if (node.nullable === true && typeof node.type === 'string') out.type = [node.type, 'null'];
  return out;
}

let loaded: Operation[] | null = null;

/** Loaded once per process, on the first request: the description is 13 MB. */
function operations(): Operation[] {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const doc = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as OpenApiDocument;
  const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => void;
  const strictAjv = new Ajv({ strict: false, allErrors: true });
  // Path and query values arrive as strings; GitHub reads `7` as the integer 7 and refuses `seven`.
  const coercingAjv = new Ajv({ strict: false, allErrors: true, coerceTypes: true });
  for (const ajv of [strictAjv, coercingAjv]) {
    addFormats(ajv);
    ajv.addFormat('int32', true).addFormat('int64', true);
  }
  loaded = OPERATIONS.map(([method, template]) => {
    const op = doc.paths[template]?.[method.toLowerCase()];
    if (!op) throw new Error(`GitHub's OpenAPI description has no ${method} ${template}`);
    const parameters = (op.parameters ?? []).map((p) => toJsonSchema(doc, p as Json) as unknown as OpenApiParameter);
    const inRequest = parameters.filter((p) => p.in === 'path' || p.in === 'query');
    const paramsSchema = {
      type: 'object',
      properties: Object.fromEntries(inRequest.map((p) => [p.name, p.schema])),
      required: inRequest.filter((p) => p.required || p.in === 'path').map((p) => p.name),
    };
    const pathParams: string[] = [];
    const pattern = new RegExp(
      `^${template.replace(/\{(\w+)\}/g, (_, name: string) => {
        pathParams.push(name);
        return '([^/]+)';
      })}$`,
    );
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    return {
      key: `${method} ${template}`,
      method,
      pattern,
      pathParams,
      validateParams: coercingAjv.compile(paramsSchema),
      validateBody: bodySchema ? strictAjv.compile(toJsonSchema(doc, bodySchema) as object) : undefined,
    };
  });
  return loaded;
}

function errorsText(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`).join('; ');
}

interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown inside a handler to answer with a status, the way GitHub words it. */
class Reply {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly rejected?: string,
  ) {}
}
const validationFailed = (why: string, field?: string) =>
  new Reply(422, { message: 'Validation Failed', errors: [{ resource: 'Request', field, code: 'invalid', message: why }], documentation_url: 'https://docs.github.com/rest' }, why);

export type GithubStub = Awaited<ReturnType<typeof startGithubStub>>;

export async function startGithubStub(opts: GithubStubOptions = {}) {
  const ops = operations();
  const state = {
    comments: [] as StubComment[],
    checkRuns: [] as StubCheckRun[],
    files: [] as StubFile[],
    pulls: [] as StubPull[],
    issues: [] as StubIssue[],
    reactions: [] as StubReaction[],
    /** Login (case-insensitive) → role; unseeded logins have `read`. */
    permissions: {} as Record<string, StubPermission>,
    requests: [] as LoggedRequest[],
    faults: [] as StubFault[],
    nextId: 1000,
  };
  let url = '';
  const timestamp = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString().replace('.000Z', 'Z');
  let clock = 0;
  const now = () => timestamp(1_000_000 + clock++);

  // One id per login, as GitHub's accounts have.
  const userIds = new Map<string, number>();
  const userId = (login: string) => {
    const key = login.toLowerCase();
    if (!userIds.has(key)) userIds.set(key, 41_000_000 + userIds.size);
    return userIds.get(key)!;
  };
  const userJson = (u: StubUser) => ({
    login: u.login,
    id: userId(u.login),
    node_id: `U_${u.login}`,
    avatar_url: '',
    url: `${url}/users/${encodeURIComponent(u.login)}`,
    html_url: `https://github.com/${u.login}`,
    type: u.type,
    site_admin: false,
  });
  const commentJson = (c: StubComment, owner: string, repo: string, issue: number) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${url}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/${state.issues.some((i) => i.number === (c.issue_number ?? issue)) ? 'issues' : 'pull'}/${c.issue_number ?? issue}#issuecomment-${c.id}`,
    issue_url: `${url}/repos/${owner}/${repo}/issues/${c.issue_number ?? issue}`,
    body: c.body,
    user: userJson(c.user),
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    created_at: c.created_at ?? timestamp(c.id),
    updated_at: c.updated_at ?? c.created_at ?? timestamp(c.id),
  });
  const checkRunJson = (r: StubCheckRun, owner: string, repo: string) => ({
    id: r.id,
    node_id: `CR_${r.id}`,
    head_sha: r.head_sha,
    external_id: r.external_id ?? '',
    url: `${url}/repos/${owner}/${repo}/check-runs/${r.id}`,
    html_url: `https://github.com/${owner}/${repo}/runs/${r.id}`,
    details_url: r.details_url ?? null,
    status: r.status,
    conclusion: r.conclusion,
    started_at: r.started_at ?? null,
    completed_at: r.completed_at ?? null,
    output: { title: r.output?.title ?? null, summary: r.output?.summary ?? null, text: r.output?.text ?? null, annotations_count: 0, annotations_url: '' },
    name: r.name,
    check_suite: { id: 1 },
    app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions' },
    pull_requests: [],
  });
  const fileJson = (f: StubFile, owner: string, repo: string) => ({
    sha: '0'.repeat(40),
    filename: f.filename,
    status: f.status,
    additions: f.additions ?? 1,
    deletions: f.deletions ?? 1,
    changes: (f.additions ?? 1) + (f.deletions ?? 1),
    blob_url: `https://github.com/${owner}/${repo}/blob/HEAD/${f.filename}`,
    raw_url: `https://github.com/${owner}/${repo}/raw/HEAD/${f.filename}`,
    contents_url: `${url}/repos/${owner}/${repo}/contents/${f.filename}`,
    ...(f.previous_filename !== undefined ? { previous_filename: f.previous_filename } : {}),
  });

  const repoJson = (fullName: string) => {
    const [o = '', r = ''] = fullName.split('/');
    return {
      id: 70_000_000 + userId(fullName),
      node_id: `R_${fullName}`,
      name: r,
      full_name: fullName,
      owner: userJson({ login: o, type: 'User' }),
      private: false,
      fork: false,
      html_url: `https://github.com/${fullName}`,
      clone_url: `https://github.com/${fullName}.git`,
      url: `${url}/repos/${fullName}`,
    };
  };
  const labelJson = (name: string) => ({ id: userId(`label:${name}`), node_id: `LA_${name}`, name, color: 'ededed', default: false, description: null });
  const pullAuthor = (p: StubPull): StubUser => p.user ?? { login: 'octocat', type: 'User' };
  const pullJson = (p: StubPull, owner: string, repo: string) => {
    const base = `${owner}/${repo}`;
    const headRepo = p.head.repo === undefined ? base : p.head.repo;
    const headOwner = headRepo ? headRepo.split('/')[0]! : 'ghost';
    const head = headRepo ? { ...repoJson(headRepo), fork: headRepo.toLowerCase() !== base.toLowerCase() } : null;
    return {
      url: `${url}/repos/${base}/pulls/${p.number}`,
      id: 90_000_000 + p.number,
      node_id: `PR_${p.number}`,
      html_url: `https://github.com/${base}/pull/${p.number}`,
      number: p.number,
      state: p.state ?? 'open',
      locked: false,
      title: p.title ?? `Pull request #${p.number}`,
      user: userJson(pullAuthor(p)),
      body: p.body ?? null,
      labels: (p.labels ?? []).map(labelJson),
      draft: p.draft ?? false,
      merged: p.merged ?? false,
      merged_at: p.merged ? timestamp(p.number) : null,
      created_at: timestamp(p.number),
      updated_at: timestamp(p.number),
      closed_at: p.state === 'closed' ? timestamp(p.number) : null,
      author_association: 'CONTRIBUTOR',
      head: { label: `${headOwner}:${p.head.ref ?? 'feature'}`, ref: p.head.ref ?? 'feature', sha: p.head.sha, user: userJson({ login: headOwner, type: 'User' }), repo: head },
      base: { label: `${owner}:${p.base.ref ?? 'main'}`, ref: p.base.ref ?? 'main', sha: p.base.sha, user: userJson({ login: owner, type: 'User' }), repo: repoJson(base) },
    };
  };
  /** An issue or a pull request as the issues endpoints show it (a pull request carries `pull_request`). */
  const issueJson = (i: StubIssue | StubPull, owner: string, repo: string) => {
    const isPull = 'head' in i;
    const n = i.number;
    const created = isPull ? timestamp(n) : i.created_at;
    return {
      id: 80_000_000 + n,
      node_id: `I_${n}`,
      url: `${url}/repos/${owner}/${repo}/issues/${n}`,
      html_url: `https://github.com/${owner}/${repo}/${isPull ? 'pull' : 'issues'}/${n}`,
      number: n,
      state: i.state ?? 'open',
      state_reason: isPull ? null : (i.state_reason ?? null),
      title: i.title ?? `Pull request #${n}`,
      body: i.body ?? null,
      user: userJson(isPull ? pullAuthor(i) : i.user),
      labels: (i.labels ?? []).map(labelJson),
      assignees: [],
      locked: false,
      comments: state.comments.filter((c) => c.issue_number === n).length,
      created_at: created,
      updated_at: isPull ? created : i.updated_at,
      closed_at: isPull ? (i.state === 'closed' ? created : null) : i.closed_at,
      author_association: 'MEMBER',
      ...(isPull ? { pull_request: { url: `${url}/repos/${owner}/${repo}/pulls/${n}`, html_url: `https://github.com/${owner}/${repo}/pull/${n}`, merged_at: null } } : {}),
    };
  };
  const issueOrPull = (n: number): StubIssue | StubPull | undefined => state.issues.find((i) => i.number === n) ?? state.pulls.find((p) => p.number === n);
  const labelNames = (raw: unknown): string[] => (Array.isArray(raw) ? raw.map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name ?? ''))).filter(Boolean) : []);
  const roleOf = (login: string): StubPermission => {
    const found = Object.entries(state.permissions).find(([k]) => k.toLowerCase() === login.toLowerCase());
    return found ? found[1] : 'read';
  };
  const LEGACY: Record<StubPermission, string> = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read', none: 'none' };

  /** One page, with GitHub's `Link` header (next/last, then first/prev) built from the request's own query. */
  const paginate = <T>(items: T[], path: string, query: Record<string, string>): StubAnswer => {
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(query.per_page ?? 30)));
    const page = Math.max(1, Number(query.page ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams({ ...query, per_page: String(perPage), page: String(p) });
      return `<${url}${path}?${q}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'), link(Math.min(page - 1, last), 'prev'));
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
  };

  const handle = (op: Operation, params: Record<string, string>, query: Record<string, string>, body: Record<string, unknown>, user: StubUser): StubAnswer => {
    const { owner, repo } = params as { owner: string; repo: string };
    const commentById = () => {
      const c = state.comments.find((x) => x.id === Number(params.comment_id));
      if (!c) throw new Reply(404, { message: 'Not Found' });
      if (c.user.type !== 'Bot') throw new Reply(403, { message: 'Must have admin rights to Repository.' }, `refused to let ${user.login} change a comment by ${c.user.login}`);
      return c;
    };
    switch (op.key) {
      case 'GET /user':
        // "Get the authenticated user": a user's token only; installation tokens are refused.
        if (user.type === 'Bot') throw new Reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' });
        return { status: 200, body: userJson(user) };
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}': {
        const p = state.pulls.find((x) => x.number === Number(params.pull_number));
        if (!p) throw new Reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request' });
        return { status: 200, body: pullJson(p, owner, repo) };
      }
      case 'GET /repos/{owner}/{repo}/issues': {
        // "List repository issues": pull requests included (with a `pull_request` key); state defaults to open;
        // `labels` is a comma-separated list that must all be present; newest first unless asked otherwise.
        const wantState = query.state ?? 'open';
        const wantLabels = (query.labels ?? '')
          .split(',')
          .map((l) => l.trim().toLowerCase())
          .filter(Boolean);
        const creator = query.creator?.toLowerCase();
        const since = query.since ? Date.parse(query.since) : undefined;
        const all = [...state.issues, ...state.pulls].map((i) => issueJson(i, owner, repo));
        const listed = all
          .filter((i) => wantState === 'all' || i.state === wantState)
          .filter((i) => wantLabels.every((l) => i.labels.some((x) => x.name.toLowerCase() === l)))
          .filter((i) => creator === undefined || i.user.login.toLowerCase() === creator)
          .filter((i) => since === undefined || Date.parse(i.updated_at) >= since);
        const key = query.sort === 'updated' ? 'updated_at' : 'created_at';
        const sign = query.direction === 'asc' ? 1 : -1;
        listed.sort((a, b) => sign * (a[key].localeCompare(b[key]) || a.number - b.number));
        return paginate(listed, `/repos/${owner}/${repo}/issues`, query);
      }
      case 'POST /repos/{owner}/{repo}/issues': {
        if (opts.issuesForbidden) throw new Reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue' });
        const text = body.body === undefined || body.body === null ? null : String(body.body);
        if (text !== null && text.length > COMMENT_BODY_LIMIT) throw validationFailed(`Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`, 'body');
        const created = now();
        const number = Math.max(0, ...state.issues.map((i) => i.number), ...state.pulls.map((p) => p.number)) + 1;
        const issue: StubIssue = {
          number,
          title: String(body.title),
          body: text,
          state: 'open',
          state_reason: null,
          labels: labelNames(body.labels),
          user,
          created_at: created,
          updated_at: created,
          closed_at: null,
        };
        state.issues.push(issue);
        return { status: 201, body: issueJson(issue, owner, repo) };
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}': {
        const i = issueOrPull(Number(params.issue_number));
        if (!i) throw new Reply(404, { message: 'Not Found' });
        return { status: 200, body: issueJson(i, owner, repo) };
      }
      case 'PATCH /repos/{owner}/{repo}/issues/{issue_number}': {
        if (opts.issuesForbidden) throw new Reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#update-an-issue' });
        const i = issueOrPull(Number(params.issue_number));
        if (!i) throw new Reply(404, { message: 'Not Found' });
        if (typeof body.body === 'string' && body.body.length > COMMENT_BODY_LIMIT) throw validationFailed(`Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`, 'body');
        if (body.title !== undefined && body.title !== null) i.title = String(body.title);
        if (body.body !== undefined) i.body = body.body === null ? null : String(body.body);
        if (body.labels !== undefined) i.labels = labelNames(body.labels);
        if (body.state === 'open' || body.state === 'closed') i.state = body.state;
        if ('head' in i) return { status: 200, body: issueJson(i, owner, repo) };
        const changed = now();
        i.updated_at = changed;
        if (body.state === 'closed') {
          i.closed_at ??= changed;
          i.state_reason = typeof body.state_reason === 'string' ? body.state_reason : 'completed';
        } else if (body.state === 'open') {
          i.closed_at = null;
          i.state_reason = i.state_reason ? 'reopened' : null;
        } else if (body.state_reason !== undefined) i.state_reason = body.state_reason as string | null;
        return { status: 200, body: issueJson(i, owner, repo) };
      }
      case 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions': {
        if (opts.commentsForbidden) throw new Reply(403, { message: 'Resource not accessible by integration' });
        const commentId = Number(params.comment_id);
        if (!state.comments.some((c) => c.id === commentId)) throw new Reply(404, { message: 'Not Found' });
        const reactionJson = (r: StubReaction) => ({ id: r.id, node_id: `REA_${r.id}`, user: userJson(r.user), content: r.content, created_at: timestamp(r.id) });
        // "A response with an HTTP 200 status means that you already added the reaction type to this issue comment."
        const existing = state.reactions.find((r) => r.comment_id === commentId && r.content === body.content && r.user.login === user.login);
        if (existing) return { status: 200, body: reactionJson(existing) };
        const r: StubReaction = { id: state.nextId++, comment_id: commentId, content: String(body.content), user };
        state.reactions.push(r);
        return { status: 201, body: reactionJson(r) };
      }
      case 'GET /repos/{owner}/{repo}/collaborators/{username}/permission': {
        const role = roleOf(params.username!);
        const legacy = LEGACY[role];
        const permissions = {
          admin: legacy === 'admin',
          maintain: role === 'admin' || role === 'maintain',
          push: legacy === 'admin' || legacy === 'write',
          triage: role !== 'read' && role !== 'none',
          pull: role !== 'none',
        };
        return { status: 200, body: { permission: legacy, role_name: role, user: { ...userJson({ login: params.username!, type: 'User' }), permissions } } };
      }
      case 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': {
        const ref = params.ref!;
        const runs = state.checkRuns
          .filter((r) => r.head_sha === ref)
          .filter((r) => query.check_name === undefined || r.name === query.check_name)
          .filter((r) => query.status === undefined || r.status === query.status)
          .sort((a, b) => b.id - a.id);
        // filter=latest (the default): the most recent run of each name.
        const shown = query.filter === 'all' ? runs : runs.filter((r, i) => runs.findIndex((x) => x.name === r.name) === i);
        const page = paginate(
          shown.map((r) => checkRunJson(r, owner, repo)),
          `/repos/${owner}/${repo}/commits/${ref}/check-runs`,
          query,
        );
        return { ...page, body: { total_count: shown.length, check_runs: page.body } };
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files':
        return paginate(
          state.files.slice(0, PR_FILES_CAP).map((f) => fileJson(f, owner, repo)),
          `/repos/${owner}/${repo}/pulls/${params.pull_number}/files`,
          query,
        );
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const n = Number(params.issue_number);
        const on = state.comments.filter((c) => c.issue_number === undefined || c.issue_number === n).sort((a, b) => a.id - b.id);
        return paginate(
          on.map((c) => commentJson(c, owner, repo, n)),
          `/repos/${owner}/${repo}/issues/${n}/comments`,
          query,
        );
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        if (opts.commentsForbidden) throw new Reply(403, { message: 'Resource not accessible by integration' });
        const text = String(body.body);
        if (text.length > COMMENT_BODY_LIMIT) throw validationFailed(`Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`, 'body');
        const created = now();
        const c: StubComment = { id: state.nextId++, body: text, user, issue_number: Number(params.issue_number), created_at: created, updated_at: created };
        state.comments.push(c);
        return { status: 201, body: commentJson(c, owner, repo, c.issue_number!) };
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        if (opts.commentsForbidden) throw new Reply(403, { message: 'Resource not accessible by integration' });
        const c = commentById();
        const text = String(body.body);
        if (text.length > COMMENT_BODY_LIMIT) throw validationFailed(`Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`, 'body');
        c.body = text;
        c.updated_at = now();
        return { status: 200, body: commentJson(c, owner, repo, c.issue_number ?? 1) };
      }
      case 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        if (opts.commentsForbidden) throw new Reply(403, { message: 'Resource not accessible by integration' });
        const c = commentById();
        state.comments = state.comments.filter((x) => x !== c);
        return { status: 204 };
      }
      case 'POST /repos/{owner}/{repo}/check-runs':
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        if (opts.checksForbidden) throw new Reply(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' });
        // The description says it in prose: "Required if you provide completed_at or a status of completed".
        if ((body.status === 'completed' || body.completed_at !== undefined) && body.conclusion === undefined) {
          throw validationFailed('conclusion is required when status is completed or completed_at is given', 'conclusion');
        }
        let run: StubCheckRun;
        if (op.method === 'POST') {
          if (!/^[0-9a-f]{40}$/.test(String(body.head_sha))) throw validationFailed(`No commit found for SHA: ${String(body.head_sha)}`, 'head_sha');
          run = { id: state.nextId++, name: String(body.name), head_sha: String(body.head_sha), status: 'queued', conclusion: null, output: null, updates: 0 };
          state.checkRuns.push(run);
        } else {
          const found = state.checkRuns.find((x) => x.id === Number(params.check_run_id));
          if (!found) throw new Reply(404, { message: 'Not Found' });
          run = found;
          run.updates++;
          if (typeof body.name === 'string') run.name = body.name;
        }
        if (typeof body.status === 'string') run.status = body.status;
        // A completed run set back to queued or in progress loses its conclusion until it completes again.
        if (typeof body.status === 'string' && body.status !== 'completed' && body.conclusion === undefined) {
          run.conclusion = null;
          delete run.completed_at;
        }
        if (typeof body.external_id === 'string') run.external_id = body.external_id;
        if (typeof body.conclusion === 'string') {
          // "Providing conclusion will automatically set the status parameter to completed."
          run.conclusion = body.conclusion;
          run.status = 'completed';
        }
        if (typeof body.details_url === 'string') run.details_url = body.details_url;
        if (typeof body.started_at === 'string') run.started_at = body.started_at;
        if (typeof body.completed_at === 'string') run.completed_at = body.completed_at;
        if (body.output && typeof body.output === 'object') run.output = { ...(run.output ?? {}), ...(body.output as StubCheckRun['output']) };
        return { status: op.method === 'POST' ? 201 : 200, body: checkRunJson(run, owner, repo) };
      }
      default:
        throw new Reply(404, { message: 'Not Found' }, `no handler for ${op.key}`);
    }
  };

  /**
   * GraphQL, as far as promptgate uses it: `query { viewer { login databaseId } }` (any subset of the fields below,
   * optionally named). GitHub answers a query it refuses with 200 and an `errors` list, so does this.
   */
  const VIEWER_FIELDS = new Set(['login', 'databaseId', 'id', '__typename']);
  const graphql = (body: unknown, user: StubUser): { body: unknown; rejected?: string } => {
    const refuse = (message: string) => ({ body: { errors: [{ message, locations: [{ line: 1, column: 1 }] }] }, rejected: message });
    const query = (body as { query?: unknown } | null)?.query;
    if (typeof query !== 'string') return refuse('A query attribute must be specified and must be a string.');
    const m = /^\s*query\s*(?:[A-Za-z_]\w*\s*)?\{\s*viewer\s*\{([\w\s]*)\}\s*\}\s*$/.exec(query);
    if (!m) return refuse(`the stub serves only \`query { viewer { … } }\`, not: ${query.slice(0, 200)}`);
    const fields = m[1]!.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return refuse('Parse error on "}" (RCURLY) at [1, 1]');
    const unknown = fields.find((f) => !VIEWER_FIELDS.has(f));
    if (unknown) return refuse(`Field '${unknown}' doesn't exist on type 'User'`);
    const value: Record<string, unknown> = { login: user.login, databaseId: userId(user.login), id: `U_${user.login}`, __typename: user.type === 'Bot' ? 'Bot' : 'User' };
    return { body: { data: { viewer: Object.fromEntries(fields.map((f) => [f, value[f]])) } } };
  };

  const answer = (res: ServerResponse, log: LoggedRequest, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    log.status = status;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json', ...headers });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const query = Object.fromEntries(u.searchParams);
    let parsed: unknown;
    let badJson = false;
    try {
      parsed = raw ? JSON.parse(raw) : undefined;
    } catch {
      parsed = raw;
      badJson = true;
    }
    const auth = /^(?:token|bearer) (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = auth === undefined ? null : opts.tokens ? (opts.tokens[auth] ?? null) : WORKFLOW_BOT;
    const log: LoggedRequest = { method: req.method ?? '', path: u.pathname, query, body: parsed, user, status: 0 };
    state.requests.push(log);
    try {
      await opts.beforeRespond?.(log);
      if (!req.headers['user-agent']) {
        throw new Reply(403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header.' }, 'no User-Agent');
      }
      if (auth === undefined) throw new Reply(401, { message: 'Requires authentication' }, 'no Authorization header');
      if (!user) throw new Reply(401, { message: 'Bad credentials' }, 'unknown token');
      const fault = state.faults.find((f) => f.times > 0 && (!f.method || f.method === log.method) && (!f.path || f.path.test(log.path)));
      if (fault) {
        fault.times--;
        log.status = fault.status;
        return answer(res, log, fault.status, { message: fault.message ?? 'Server Error' }, fault.headers);
      }
      if (req.method === 'POST' && u.pathname === '/graphql') {
        if (opts.graphqlUnavailable) throw new Reply(404, { message: 'Not Found' }, 'GraphQL unavailable (stub option)');
        const out = graphql(parsed, user);
        if (out.rejected) log.rejected = out.rejected;
        return answer(res, log, 200, out.body);
      }
      const op = ops.find((o) => o.method === req.method && o.pattern.test(u.pathname));
      if (!op) throw new Reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }, 'no such operation');
      const m = op.pattern.exec(u.pathname)!;
      const params: Record<string, string> = Object.fromEntries(op.pathParams.map((name, i) => [name, decodeURIComponent(m[i + 1]!)]));
      if (opts.repository && params.owner !== undefined && `${params.owner}/${params.repo}`.toLowerCase() !== opts.repository.toLowerCase())
        throw new Reply(404, { message: 'Not Found' }, 'another repository');
      const coerced: Record<string, unknown> = { ...query, ...params };
      if (!op.validateParams(coerced)) throw validationFailed(`Invalid request. ${errorsText(op.validateParams.errors)}`);
      if (badJson) throw new Reply(400, { message: 'Problems parsing JSON' }, 'body is not JSON');
      if (op.validateBody && !op.validateBody(parsed ?? {})) throw validationFailed(`Invalid request. ${errorsText(op.validateBody.errors)}`);
      const out = handle(op, params, query, (parsed ?? {}) as Record<string, unknown>, user);
      return answer(res, log, out.status, out.body, out.headers);
    } catch (err) {
      if (!(err instanceof Reply)) {
        log.rejected = String(err);
        return answer(res, log, 500, { message: `stub error: ${String(err)}` });
      }
      log.rejected = err.rejected;
      return answer(res, log, err.status, err.body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    /** Requests that matched `method` and a path ending (e.g. `/comments`). */
    requestsTo: (method: string, pathEnd: string | RegExp) => state.requests.filter((r) => r.method === method && (typeof pathEnd === 'string' ? r.path.endsWith(pathEnd) : pathEnd.test(r.path))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
