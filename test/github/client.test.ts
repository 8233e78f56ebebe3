import { afterEach, describe, expect, it } from 'vitest';
import { makeOctokit } from '../../src/github/client.js';
import { startGithubStub, type GithubStub } from '../support/github-stub.js';

let gh: GithubStub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

describe('makeOctokit', () => {
  it('sends the token to the given API root, and waits out a secondary rate limit and a 502 instead of failing', async () => {
    gh = await startGithubStub();
    gh.state.faults.push(
      {
        method: 'POST',
        path: /\/check-runs$/,
        status: 403,
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        headers: { 'retry-after': '1' },
        times: 1,
      },
      { method: 'GET', path: /\/comments$/, status: 502, message: 'Server Error', times: 1 },
    );
    const log: string[] = [];
    const octokit = makeOctokit('ghs_workflow', { baseUrl: `${gh.url}/`, log: (l) => log.push(l) });
    // A check run, not a comment: comments also trigger the plugin's 3-second pacing for notifying writes.
    const created = await octokit.rest.checks.create({ owner: 'acme', repo: 'bot', name: 'promptgate', head_sha: 'a'.repeat(40) });
    expect(created.status).toBe(201);
    gh.state.comments.push({ id: 1, body: 'hi', user: { login: 'octocat', type: 'User' } });
    const listed = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'bot', issue_number: 7 });
    expect(listed.data.map((c) => c.body)).toEqual(['hi']);

    expect(gh.state.requests.map((r) => [r.method, r.status])).toEqual([
      ['POST', 403],
      ['POST', 201],
      ['GET', 502],
      ['GET', 200],
    ]);
    expect(gh.state.requests.every((r) => r.user?.login === 'github-actions[bot]')).toBe(true);
    expect(log).toEqual([expect.stringMatching(/secondary rate limit on POST .*check-runs; retrying in 1s/) as string]);
  });
});
