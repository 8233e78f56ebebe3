import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGithubStub, type GithubStub } from '../support/github-stub.js';

/**
 * The stand-in refuses what api.github.com refuses, so the tests of the GitHub edge that pass against it cannot
 * hide a request GitHub would reject. Raw HTTP here, no Octokit: nothing fills in or fixes the requests.
 */

const SHA = 'f'.repeat(40);
let gh: GithubStub;
beforeAll(async () => {
  gh = await startGithubStub({ repository: 'acme/bot' });
});
afterAll(async () => {
  await gh.close();
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(gh.url + path, {
    method,
    headers: { authorization: 'token ghs_test', 'user-agent': 'promptgate-test', 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown> & unknown[]) : null, link: res.headers.get('link') };
}

describe('the GitHub API stand-in', () => {
  it('answers valid requests for the operations promptgate uses', async () => {
    expect((await call('POST', '/repos/acme/bot/issues/7/comments', { body: 'hi' })).status).toBe(201);
    expect((await call('GET', '/repos/acme/bot/issues/7/comments?per_page=100')).status).toBe(200);
    const run = await call('POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: SHA, status: 'in_progress' });
    expect(run.status).toBe(201);
    const done = await call('PATCH', `/repos/acme/bot/check-runs/${String(run.json!.id)}`, { conclusion: 'success', output: { title: 't', summary: 's' } });
    expect(done).toMatchObject({ status: 200, json: { status: 'completed', conclusion: 'success' } });
  });

  it('who am I: GET /user refuses an installation token, GraphQL viewer answers it and refuses any other query', async () => {
    expect(await call('GET', '/user')).toMatchObject({ status: 403, json: { message: 'Resource not accessible by integration' } });
    expect(await call('POST', '/graphql', { query: 'query { viewer { login databaseId } }' })).toMatchObject({
      status: 200,
      json: { data: { viewer: { login: 'github-actions[bot]', databaseId: expect.any(Number) } } },
    });
    const other = await call('POST', '/graphql', { query: 'query { repository(owner: "acme", name: "bot") { id } }' });
    expect(other.status).toBe(200);
    expect(other.json).toMatchObject({ errors: [{ message: expect.stringContaining('only') }] });
    expect((await call('POST', '/graphql', { query: 'query { viewer { email } }' })).json).toMatchObject({ errors: [{ message: "Field 'email' doesn't exist on type 'User'" }] });
    expect(gh.state.requests.filter((r) => r.path === '/graphql' && r.rejected).length).toBe(2);
  });

  it('rejects bodies the OpenAPI description rejects, with 422', async () => {
    const cases: [string, string, unknown][] = [
      ['POST', '/repos/acme/bot/issues/7/comments', { text: 'no body key' }],
      ['POST', '/repos/acme/bot/issues/7/comments', { body: 42 }],
      ['PATCH', '/repos/acme/bot/issues/comments/1', {}],
      ['POST', '/repos/acme/bot/check-runs', { name: 'promptgate' }], // head_sha is required
      ['POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: SHA, conclusion: 'passed' }], // not in the enum
      ['POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: SHA, started_at: 'yesterday' }], // date-time format
      ['POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: SHA, output: { title: 't' } }], // summary required
      ['POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: SHA, output: { title: 't', summary: 'x'.repeat(65_536) } }],
      ['PATCH', '/repos/acme/bot/check-runs/1', { status: 'completed' }], // anyOf: completed needs a conclusion
    ];
    for (const [method, path, body] of cases) {
      const res = await call(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`).toBe(422);
      expect(String(res.json!.message)).toMatch(/Validation Failed|Invalid request/);
    }
  });

  it('rejects path parameters and query values of the wrong type', async () => {
    expect((await call('GET', '/repos/acme/bot/pulls/seven/files')).status).toBe(422);
    expect((await call('GET', '/repos/acme/bot/pulls/7/files?per_page=many')).status).toBe(422);
    expect((await call('GET', '/repos/acme/bot/issues/7/comments?since=yesterday')).status).toBe(422);
    expect((await call('DELETE', '/repos/acme/bot/issues/comments/1.5')).status).toBe(422);
  });

  it('enforces what GitHub documents in prose: body size, completed needs a conclusion, a real sha', async () => {
    expect((await call('POST', '/repos/acme/bot/issues/7/comments', { body: 'x'.repeat(65_536) })).status).toBe(201);
    const tooLong = await call('POST', '/repos/acme/bot/issues/7/comments', { body: 'x'.repeat(65_537) });
    expect(tooLong.status).toBe(422);
    expect(JSON.stringify(tooLong.json)).toContain('maximum is 65536 characters');
    expect((await call('POST', '/repos/acme/bot/check-runs', { name: 'p', head_sha: SHA, status: 'completed' })).status).toBe(422);
    expect((await call('POST', '/repos/acme/bot/check-runs', { name: 'p', head_sha: 'HEAD' })).status).toBe(422);
    expect((await call('POST', '/repos/acme/bot/issues/7/comments', '{"body": ')).status).toBe(400);
  });

  it('needs credentials and a User-Agent; unknown routes and other repositories are 404', async () => {
    expect((await call('GET', '/repos/acme/bot/issues/7/comments', undefined, { authorization: '' })).status).toBe(401);
    const noAgent = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${gh.url}/repos/acme/bot/issues/7/comments`, { headers: { authorization: 'token x' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(noAgent).toBe(403);
    expect((await call('GET', '/repos/acme/bot/issues/7/timeline')).status).toBe(404);
    expect((await call('PUT', '/repos/acme/bot/issues/7/comments', { body: 'x' })).status).toBe(404);
    expect((await call('GET', '/repos/acme/other/issues/7/comments')).status).toBe(404);
  });

  it('pages like GitHub: Link next/last, at most 100 a page, and at most 3,000 files for a PR', async () => {
    gh.state.files = Array.from({ length: 3100 }, (_, i) => ({ filename: `f${i}.txt`, status: 'modified' as const }));
    const first = await call('GET', '/repos/acme/bot/pulls/7/files?per_page=500');
    expect(first.json).toHaveLength(100);
    expect(first.link).toMatch(/[?&]page=2>; rel="next"/);
    expect(first.link).toMatch(/[?&]page=30>; rel="last"/);
    const last = await call('GET', '/repos/acme/bot/pulls/7/files?per_page=100&page=30');
    expect(last.json).toHaveLength(100);
    expect((last.json as { filename: string }[])[99]!.filename).toBe('f2999.txt');
    expect(last.link).not.toContain('rel="next"');
    expect(last.link).toContain('rel="prev"');
  });

  it('logs every request with its status and the reason for a refusal', async () => {
    const before = gh.state.requests.length;
    await call('POST', '/repos/acme/bot/check-runs', { name: 'promptgate' });
    const logged = gh.state.requests.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'POST', path: '/repos/acme/bot/check-runs', status: 422, user: { login: 'github-actions[bot]' } });
    expect(logged[0]!.rejected).toContain('head_sha');
  });
});

describe('the stand-in: pull requests, issues, reactions and permissions', () => {
  let s: GithubStub;
  beforeAll(async () => {
    s = await startGithubStub({ repository: 'acme/bot' });
  });
  afterAll(async () => {
    await s.close();
  });
  const c = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(s.url + path, {
      method,
      headers: { authorization: 'token ghs_test', 'user-agent': 'promptgate-test', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> & Record<string, unknown>[] };
  };

  it('GET pulls/{n}: head and base shas, and a fork shows as another repository', async () => {
    s.state.pulls.push({ number: 3, head: { sha: 'a'.repeat(40), ref: 'tweak', repo: 'mallory/bot' }, base: { sha: 'b'.repeat(40) } });
    const pr = await c('GET', '/repos/acme/bot/pulls/3');
    expect(pr).toMatchObject({
      status: 200,
      json: {
        number: 3,
        state: 'open',
        head: { sha: 'a'.repeat(40), ref: 'tweak', repo: { full_name: 'mallory/bot', fork: true } },
        base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: 'acme/bot' } },
      },
    });
    expect((await c('GET', '/repos/acme/bot/pulls/4')).status).toBe(404);
    expect((await c('GET', '/repos/acme/bot/pulls/x')).status).toBe(422);
  });

  it('permission: seeded roles per login, with the legacy `permission` (maintain → write, triage → read); unseeded is read', async () => {
    s.state.permissions = { Alice: 'maintain', bob: 'triage', carol: 'admin' };
    expect((await c('GET', '/repos/acme/bot/collaborators/alice/permission')).json).toMatchObject({ permission: 'write', role_name: 'maintain', user: { login: 'alice' } });
    expect((await c('GET', '/repos/acme/bot/collaborators/bob/permission')).json).toMatchObject({ permission: 'read', role_name: 'triage' });
    expect((await c('GET', '/repos/acme/bot/collaborators/carol/permission')).json).toMatchObject({ permission: 'admin', user: { permissions: { push: true } } });
    expect((await c('GET', '/repos/acme/bot/collaborators/dave/permission')).json).toMatchObject({ permission: 'read', user: { permissions: { push: false } } });
  });

  it('reactions: 201 the first time, 200 for the same one again, 404 on an unknown comment, 422 outside the enum', async () => {
    const comment = await c('POST', '/repos/acme/bot/issues/3/comments', { body: '/promptgate help' });
    const id = Number(comment.json.id);
    expect((await c('POST', `/repos/acme/bot/issues/comments/${id}/reactions`, { content: 'eyes' })).status).toBe(201);
    expect((await c('POST', `/repos/acme/bot/issues/comments/${id}/reactions`, { content: 'eyes' })).status).toBe(200);
    expect((await c('POST', `/repos/acme/bot/issues/comments/${id}/reactions`, { content: 'rocket' })).status).toBe(201);
    expect((await c('POST', `/repos/acme/bot/issues/comments/${id}/reactions`, { content: 'party' })).status).toBe(422);
    expect((await c('POST', '/repos/acme/bot/issues/comments/999999/reactions', { content: 'eyes' })).status).toBe(404);
    expect(s.state.reactions.filter((r) => r.comment_id === id).map((r) => r.content)).toEqual(['eyes', 'rocket']);
  });

  it('issues: create, list with state/labels/creator filters (pull requests flagged), update, comment on', async () => {
    const made = await c('POST', '/repos/acme/bot/issues', { title: 'Drift: triage', body: 'pass rate fell', labels: ['promptgate', { name: 'drift' }] });
    expect(made).toMatchObject({ status: 201, json: { number: 4, state: 'open', labels: [{ name: 'promptgate' }, { name: 'drift' }], user: { login: 'github-actions[bot]' } } });
    expect(made.json.pull_request).toBeUndefined();
    await c('POST', '/repos/acme/bot/issues', { title: 'Other', labels: ['promptgate'] });

    const open = await c('GET', '/repos/acme/bot/issues');
    expect(open.json.map((i) => i.number)).toEqual([5, 4, 3]);
    expect(open.json.find((i) => i.number === 3)!.pull_request).toBeDefined();
    expect((await c('GET', '/repos/acme/bot/issues?labels=promptgate,drift')).json.map((i) => i.number)).toEqual([4]);
    expect((await c('GET', '/repos/acme/bot/issues?creator=octocat')).json.map((i) => i.number)).toEqual([3]);
    expect((await c('GET', '/repos/acme/bot/issues?state=bogus')).status).toBe(422);

    const closed = await c('PATCH', '/repos/acme/bot/issues/4', { state: 'closed', body: 'recovered', labels: ['promptgate'] });
    expect(closed.json).toMatchObject({ state: 'closed', state_reason: 'completed', body: 'recovered', labels: [{ name: 'promptgate' }] });
    expect((await c('GET', '/repos/acme/bot/issues')).json.map((i) => i.number)).toEqual([5, 3]);
    expect((await c('GET', '/repos/acme/bot/issues?state=closed')).json.map((i) => i.number)).toEqual([4]);
    expect((await c('GET', '/repos/acme/bot/issues/4')).json).toMatchObject({ number: 4, state: 'closed' });
    expect((await c('PATCH', '/repos/acme/bot/issues/99', { state: 'closed' })).status).toBe(404);
    expect((await c('PATCH', '/repos/acme/bot/issues/4', { state: 'shut' })).status).toBe(422);
    expect((await c('POST', '/repos/acme/bot/issues', { body: 'no title' })).status).toBe(422);

    const note = await c('POST', '/repos/acme/bot/issues/4/comments', { body: 'still fine' });
    expect(note.json.html_url).toContain('/issues/4#issuecomment-');
    expect((await c('GET', '/repos/acme/bot/issues/4/comments')).json.map((x) => x.body)).toContain('still fine');
  });

  it('check runs for a ref: the latest of each name, filtered by check_name', async () => {
    const sha = 'c'.repeat(40);
    await c('POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: sha });
    const second = await c('POST', '/repos/acme/bot/check-runs', { name: 'promptgate', head_sha: sha });
    await c('POST', '/repos/acme/bot/check-runs', { name: 'lint', head_sha: sha });
    const listed = await c('GET', `/repos/acme/bot/commits/${sha}/check-runs?check_name=promptgate`);
    expect(listed.json).toMatchObject({ total_count: 1, check_runs: [{ id: second.json.id, name: 'promptgate' }] });
  });
});
