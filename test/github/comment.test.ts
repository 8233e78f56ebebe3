import { afterEach, describe, expect, it } from 'vitest';
import { makeOctokit } from '../../src/github/client.js';
import { isStickyComment, STICKY_MARKER, tokenIdentity, upsertStickyComment } from '../../src/github/comment.js';
import { COMMENT_BODY_LIMIT } from '../../src/github/limits.js';
import { startGithubStub, WORKFLOW_BOT, type GithubStub, type StubComment } from '../support/github-stub.js';

let gh: GithubStub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const PR = { owner: 'acme', repo: 'bot', issueNumber: 7 };
const octokitFor = (stub: GithubStub, token = 'ghs_workflow') => makeOctokit(token, { baseUrl: stub.url, throttle: false });
const human = (id: number, body: string): StubComment => ({ id, body, user: { login: 'octocat', type: 'User' } });
const ours = (stub: GithubStub) => stub.state.comments.filter((c) => isStickyComment({ ...c, html_url: '' }, WORKFLOW_BOT));
const DEPENDABOT: StubComment['user'] = { login: 'dependabot[bot]', type: 'Bot' };
/** Requests that changed comment `id` (PATCH or DELETE). */
const writesTo = (stub: GithubStub, id: number) => stub.state.requests.filter((r) => r.method !== 'GET' && r.path.endsWith(`/issues/comments/${id}`));

describe('upsertStickyComment', () => {
  it('creates the note once, then edits that same comment on the next push', async () => {
    gh = await startGithubStub({ repository: 'acme/bot' });
    const octokit = octokitFor(gh);
    const first = await upsertStickyComment(octokit, { ...PR, body: '## promptgate: pass\nPass rate 82% → 93%' });
    expect(first).toMatchObject({ action: 'created' });
    expect(first!.url).toMatch(/\/pull\/7#issuecomment-\d+$/);
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]!.body).toBe(`${STICKY_MARKER}\n## promptgate: pass\nPass rate 82% → 93%`);

    const second = await upsertStickyComment(octokit, { ...PR, body: '## promptgate: fail\nPass rate 82% → 70%' });
    expect(second).toEqual({ action: 'updated', id: first!.id, url: first!.url });
    expect(gh.state.comments).toHaveLength(1);
    expect(gh.state.comments[0]!.body).toContain('82% → 70%');
    expect(gh.requestsTo('POST', '/comments')).toHaveLength(1);
    expect(gh.requestsTo('PATCH', `/issues/comments/${first!.id}`)).toHaveLength(1);
  });

  it('does not rewrite an unchanged note (GitHub would mark it edited for nothing)', async () => {
    gh = await startGithubStub();
    const octokit = octokitFor(gh);
    await upsertStickyComment(octokit, { ...PR, body: 'same' });
    const again = await upsertStickyComment(octokit, { ...PR, body: 'same' });
    expect(again?.action).toBe('updated');
    expect(gh.requestsTo('PATCH', /\/issues\/comments\//)).toHaveLength(0);
    expect(gh.state.comments).toHaveLength(1);
  });

  it("leaves a person's comment alone, even one that starts with the marker", async () => {
    gh = await startGithubStub();
    gh.state.comments.push(human(1, `${STICKY_MARKER}\nI copied the note here`), human(2, `> ${STICKY_MARKER}\n> quoted`));
    const res = await upsertStickyComment(octokitFor(gh), { ...PR, body: 'the note' });
    expect(res?.action).toBe('created');
    expect(gh.state.comments.find((c) => c.id === 1)!.body).toBe(`${STICKY_MARKER}\nI copied the note here`);
    expect(gh.state.comments.find((c) => c.id === 2)!.body).toBe(`> ${STICKY_MARKER}\n> quoted`);
    expect(gh.state.comments).toHaveLength(3);
    expect(gh.state.requests.filter((r) => r.method !== 'GET' && /comments\/[12]$/.test(r.path))).toEqual([]);
  });

  it('finds its note on the third page of a busy PR instead of posting another', async () => {
    gh = await startGithubStub();
    for (let i = 1; i <= 250; i++) gh.state.comments.push(i === 230 ? { id: i, body: `${STICKY_MARKER}\nold note`, user: WORKFLOW_BOT } : human(i, `comment ${i}`));
    const res = await upsertStickyComment(octokitFor(gh), { ...PR, body: 'new note' });
    expect(res).toMatchObject({ action: 'updated', id: 230 });
    expect(gh.state.comments).toHaveLength(250);
    expect(gh.state.comments.find((c) => c.id === 230)!.body).toBe(`${STICKY_MARKER}\nnew note`);
    expect(gh.requestsTo('GET', '/issues/7/comments').map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(gh.requestsTo('POST', '/comments')).toHaveLength(0);
  });

  it("recognises a GitHub App's bot as well as github-actions[bot], and another marker as another note", async () => {
    gh = await startGithubStub({ tokens: { ghs_app: { login: 'promptgate-app[bot]', type: 'Bot' } } });
    gh.state.comments.push({ id: 5, body: `${STICKY_MARKER}\nby the app`, user: { login: 'promptgate-app[bot]', type: 'Bot' } });
    const res = await upsertStickyComment(octokitFor(gh, 'ghs_app'), { ...PR, body: 'updated by the app' });
    expect(res).toMatchObject({ id: 5, action: 'updated' });
    const other = await upsertStickyComment(octokitFor(gh, 'ghs_app'), { ...PR, body: 'second config', marker: '<!-- promptgate:change-note:nightly -->' });
    expect(other?.action).toBe('created');
    expect(gh.state.comments.map((c) => c.body.split('\n')[0])).toEqual([STICKY_MARKER, '<!-- promptgate:change-note:nightly -->']);
  });

  it("edits only its own note: another bot's older marker comment and a person's quote are left untouched", async () => {
    gh = await startGithubStub();
    gh.state.comments.push({ id: 3, body: `${STICKY_MARKER}\nsomeone else's tool uses the same marker`, user: DEPENDABOT }, human(4, `> ${STICKY_MARKER}\n> what the bot said`), {
      id: 5,
      body: `${STICKY_MARKER}\nour note from the last push`,
      user: WORKFLOW_BOT,
    });
    const res = await upsertStickyComment(octokitFor(gh), { ...PR, body: 'this push' });
    expect(res).toMatchObject({ id: 5, action: 'updated' });
    expect(gh.state.comments.find((c) => c.id === 5)!.body).toBe(`${STICKY_MARKER}\nthis push`);
    expect(gh.state.comments.find((c) => c.id === 3)!.body).toBe(`${STICKY_MARKER}\nsomeone else's tool uses the same marker`);
    expect(gh.state.comments.find((c) => c.id === 4)!.body).toBe(`> ${STICKY_MARKER}\n> what the bot said`);
    expect([...writesTo(gh, 3), ...writesTo(gh, 4)]).toEqual([]);
    // Who the token is came from GraphQL's viewer, which answers the workflow token (GET /user refuses it).
    expect(gh.requestsTo('POST', '/graphql').map((r) => r.status)).toEqual([200]);
  });

  it("another bot's marker comment alone is not ours: a note of our own is posted beside it", async () => {
    gh = await startGithubStub();
    gh.state.comments.push({ id: 3, body: `${STICKY_MARKER}\nnot ours`, user: DEPENDABOT });
    const res = await upsertStickyComment(octokitFor(gh), { ...PR, body: 'ours' });
    expect(res?.action).toBe('created');
    expect(gh.state.comments.map((c) => [c.id, c.user.login])).toEqual([
      [3, 'dependabot[bot]'],
      [res!.id, 'github-actions[bot]'],
    ]);
    expect(writesTo(gh, 3)).toEqual([]);
    // A skipped run (no prompt changes) posts nothing and does not touch the other bot's note either.
    expect(await upsertStickyComment(octokitFor(gh), { ...PR, body: 'no prompt changes', createIfMissing: false })).toMatchObject({ id: res!.id });
    expect(gh.state.comments.find((c) => c.id === 3)!.body).toBe(`${STICKY_MARKER}\nnot ours`);
  });

  it('knows who it is with every kind of token: the workflow token, an app token, a personal token', async () => {
    gh = await startGithubStub({
      tokens: {
        ghs_workflow: WORKFLOW_BOT,
        ghs_app: { login: 'promptgate-app[bot]', type: 'Bot' },
        ghp_person: { login: 'octocat', type: 'User' },
      },
    });
    expect(await tokenIdentity(octokitFor(gh, 'ghs_workflow'))).toMatchObject({ login: 'github-actions[bot]', via: 'graphql' });
    expect(await tokenIdentity(octokitFor(gh, 'ghs_app'))).toMatchObject({ login: 'promptgate-app[bot]', via: 'graphql' });
    expect(await tokenIdentity(octokitFor(gh, 'ghp_person'))).toMatchObject({ login: 'octocat', via: 'graphql' });
  });

  it('without GraphQL: GET /user for a personal token; for an installation token, learns itself from the note it posts', async () => {
    gh = await startGithubStub({ graphqlUnavailable: true, tokens: { ghs_workflow: WORKFLOW_BOT, ghp_person: { login: 'octocat', type: 'User' } } });
    expect(await tokenIdentity(octokitFor(gh, 'ghp_person'))).toMatchObject({ login: 'octocat', via: 'rest' });
    expect(await tokenIdentity(octokitFor(gh, 'ghs_workflow'))).toBeNull();
    expect(gh.requestsTo('GET', '/user').map((r) => r.status)).toEqual([200, 403]);

    gh.state.comments.push({ id: 3, body: `${STICKY_MARKER}\nnot ours`, user: DEPENDABOT }, { id: 5, body: `${STICKY_MARKER}\nours`, user: WORKFLOW_BOT });
    const lines: string[] = [];
    // Unknown identity and nothing to post: nothing is touched.
    expect(await upsertStickyComment(octokitFor(gh, 'ghs_workflow'), { ...PR, body: 'skipped', createIfMissing: false, log: (l) => lines.push(l) })).toBeNull();
    expect(gh.state.comments.map((c) => c.body)).toEqual([`${STICKY_MARKER}\nnot ours`, `${STICKY_MARKER}\nours`]);
    // With a note to post: post it, read the account off it, keep the oldest of our own, remove the new one.
    const res = await upsertStickyComment(octokitFor(gh, 'ghs_workflow'), { ...PR, body: 'new', log: (l) => lines.push(l) });
    expect(res).toMatchObject({ id: 5, action: 'updated' });
    expect(gh.state.comments.map((c) => [c.id, c.body])).toEqual([
      [3, `${STICKY_MARKER}\nnot ours`],
      [5, `${STICKY_MARKER}\nnew`],
    ]);
    expect(writesTo(gh, 3)).toEqual([]);
    expect(lines.join('\n')).toMatch(/note just posted says github-actions\[bot\]/);
  });

  it('with createIfMissing: false, updates an existing note but posts none', async () => {
    gh = await startGithubStub();
    expect(await upsertStickyComment(octokitFor(gh), { ...PR, body: 'no prompt changes', createIfMissing: false })).toBeNull();
    expect(gh.state.comments).toHaveLength(0);
    gh.state.comments.push({ id: 9, body: `${STICKY_MARKER}\nstale`, user: WORKFLOW_BOT });
    expect(await upsertStickyComment(octokitFor(gh), { ...PR, body: 'no prompt changes', createIfMissing: false })).toMatchObject({ id: 9, action: 'updated' });
    expect(gh.state.comments[0]!.body).toContain('no prompt changes');
  });

  it('removes duplicates an older run left, keeping the oldest', async () => {
    gh = await startGithubStub();
    gh.state.comments.push({ id: 10, body: `${STICKY_MARKER}\nfirst`, user: WORKFLOW_BOT }, human(11, 'LGTM'), { id: 12, body: `${STICKY_MARKER}\nduplicate`, user: WORKFLOW_BOT });
    const res = await upsertStickyComment(octokitFor(gh), { ...PR, body: 'now' });
    expect(res).toMatchObject({ id: 10, action: 'updated' });
    expect(gh.state.comments.map((c) => c.id)).toEqual([10, 11]);
  });

  it("stays under GitHub's 65,536-character limit, closing what the cut left open", async () => {
    gh = await startGithubStub();
    const rows = Array.from({ length: 4000 }, (_, i) => `| case-${i} | ${'x'.repeat(20)} |`).join('\n');
    const body = `## promptgate: pass\n<details><summary>Flipped cases</summary>\n\n\`\`\`\n${rows}\n\`\`\`\n</details>\n`;
    expect(body.length).toBeGreaterThan(COMMENT_BODY_LIMIT);
    const res = await upsertStickyComment(octokitFor(gh), { ...PR, body });
    expect(res?.action).toBe('created');
    const posted = gh.state.comments[0]!.body;
    expect(posted.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT);
    expect(posted.startsWith(STICKY_MARKER)).toBe(true);
    expect(posted).toMatch(/```\n<\/details>\n\n_Cut to fit GitHub's 65,536-character comment limit/);
    expect(posted.match(/```/g)!.length % 2).toBe(0);
  });
});

describe('two runs racing on one PR', () => {
  it('both see no note, both create one, and they converge on exactly one (the oldest)', async () => {
    // Hold each run's first listing until both have asked, so both decide "no note yet": the worst interleaving.
    const held: (() => void)[] = [];
    let listings = 0;
    gh = await startGithubStub({
      beforeRespond: (req) => {
        if (req.method !== 'GET' || !req.path.endsWith('/comments') || ++listings > 2) return;
        return new Promise<void>((release) => {
          held.push(release);
          if (held.length === 2) for (const r of held) r();
        });
      },
    });
    const [a, b] = await Promise.all([upsertStickyComment(octokitFor(gh), { ...PR, body: 'run A' }), upsertStickyComment(octokitFor(gh), { ...PR, body: 'run B' })]);
    expect(gh.requestsTo('POST', '/comments')).toHaveLength(2);
    expect(ours(gh)).toHaveLength(1);
    const kept = ours(gh)[0]!;
    expect(kept.id).toBe(Math.min(a!.id, b!.id));
    expect(a!.id).toBe(kept.id);
    expect(b!.id).toBe(kept.id);
    expect(['run A', 'run B'].map((t) => `${STICKY_MARKER}\n${t}`)).toContain(kept.body);
  });

  it('converges under random delays, three runs at a time', async () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    gh = await startGithubStub({ beforeRespond: () => new Promise<void>((r) => setTimeout(r, Math.floor(random() * 15))) });
    let raced = 0;
    for (let trial = 0; trial < 15; trial++) {
      gh.state.comments = [human(1, 'first!')];
      const creates = gh.requestsTo('POST', '/comments').length;
      const results = await Promise.all([1, 2, 3].map((n) => upsertStickyComment(octokitFor(gh!), { ...PR, body: `trial ${trial} run ${n}` })));
      expect(ours(gh), `trial ${trial}`).toHaveLength(1);
      expect(new Set(results.map((r) => r!.id))).toEqual(new Set([ours(gh)[0]!.id]));
      expect(gh.state.comments.find((c) => c.id === 1)?.body).toBe('first!');
      if (gh.requestsTo('POST', '/comments').length - creates > 1) raced++;
    }
    expect(raced, 'trials where more than one run created a note').toBeGreaterThan(3);
  });
});
