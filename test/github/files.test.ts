import { afterEach, describe, expect, it } from 'vitest';
import { makeOctokit } from '../../src/github/client.js';
import { changedFileFrom, listPullRequestFiles } from '../../src/github/files.js';
import { startGithubStub, type GithubStub, type StubFile } from '../support/github-stub.js';

let gh: GithubStub | undefined;
afterEach(async () => {
  await gh?.close();
  gh = undefined;
});

const PR = { owner: 'acme', repo: 'bot', number: 7 };

describe('listPullRequestFiles', () => {
  it('follows every page of a 250-file PR, 100 a page, and keeps where renamed files came from', async () => {
    gh = await startGithubStub({ repository: 'acme/bot' });
    gh.state.files = Array.from({ length: 250 }, (_, i): StubFile => {
      if (i === 3) return { filename: 'prompts/triage.prompt.yml', status: 'renamed', previous_filename: 'prompts/old-triage.prompt.yml' };
      if (i === 240) return { filename: 'prompts/summary.txt', status: 'renamed', previous_filename: 'summary.txt' };
      if (i === 120) return { filename: 'prompts/new.txt', status: 'added' };
      if (i === 121) return { filename: 'prompts/gone.txt', status: 'removed' };
      return { filename: `src/file-${i}.ts`, status: 'modified' };
    });
    const files = await listPullRequestFiles(makeOctokit('ghs_test', { baseUrl: gh.url, throttle: false }), PR);
    expect(files).toHaveLength(250);
    expect(files![3]).toEqual({ path: 'prompts/triage.prompt.yml', status: 'renamed', previousPath: 'prompts/old-triage.prompt.yml' });
    expect(files![240]).toEqual({ path: 'prompts/summary.txt', status: 'renamed', previousPath: 'summary.txt' });
    expect(files![120]).toEqual({ path: 'prompts/new.txt', status: 'added' });
    expect(files![121]).toEqual({ path: 'prompts/gone.txt', status: 'removed' });
    expect(new Set(files!.map((f) => f.path)).size).toBe(250);

    const pages = gh.requestsTo('GET', '/pulls/7/files');
    expect(pages.map((r) => [r.query.per_page, r.query.page ?? '1', r.status])).toEqual([
      ['100', '1', 200],
      ['100', '2', 200],
      ['100', '3', 200],
    ]);
  });

  it("at GitHub's 3,000-file cap the list may be cut: undefined (so git finds the changes) and a line saying so", async () => {
    gh = await startGithubStub();
    gh.state.files = Array.from({ length: 3200 }, (_, i): StubFile => ({ filename: `f${i}`, status: 'modified' }));
    const log: string[] = [];
    const files = await listPullRequestFiles(makeOctokit('ghs_test', { baseUrl: gh.url, throttle: false }), PR, { log: (l) => log.push(l) });
    expect(files).toBeUndefined();
    expect(gh.requestsTo('GET', '/pulls/7/files')).toHaveLength(30);
    expect(log.join('\n')).toMatch(/3000 files.*cap.*git/);
  });

  it('an empty PR is an empty list, not a fallback', async () => {
    gh = await startGithubStub();
    expect(await listPullRequestFiles(makeOctokit('ghs_test', { baseUrl: gh.url, throttle: false }), PR)).toEqual([]);
  });
});

describe('changedFileFrom', () => {
  it('reads every status GitHub lists the way git diff -M is read', () => {
    expect(changedFileFrom({ filename: 'b', status: 'copied', previous_filename: 'a' })).toEqual({ path: 'b', status: 'added' });
    expect(changedFileFrom({ filename: 'a', status: 'changed' })).toEqual({ path: 'a', status: 'modified' });
    expect(changedFileFrom({ filename: 'a', status: 'unchanged' })).toBeNull();
    expect(changedFileFrom({ filename: 'a', status: 'renamed' })).toEqual({ path: 'a', status: 'added' });
  });
});
