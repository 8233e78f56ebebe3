import { describe, expect, it } from 'vitest';
import { PromptgateError } from '../../src/errors.js';
import { parseEvent, pullRequestOf } from '../../src/github/event.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const env = { GITHUB_REPOSITORY: 'acme/bot', GITHUB_SHA: 'c'.repeat(40) };

function prPayload(headRepo: { full_name: string } | null = { full_name: 'acme/bot' }) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      title: 'Triage: answer in one word',
      body: null,
      html_url: 'https://github.com/acme/bot/pull/7',
      base: { sha: BASE, ref: 'main', repo: { full_name: 'acme/bot' } },
      head: { sha: HEAD, ref: 'feature', repo: headRepo },
    },
    repository: { full_name: 'acme/bot' },
  };
}

function errorOf(fn: () => unknown): PromptgateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PromptgateError);
    return err as PromptgateError;
  }
  throw new Error('expected a PromptgateError');
}

describe('parseEvent', () => {
  it('reads a pull_request: head sha for the check (not GITHUB_SHA, the merge commit), title, empty body for null', () => {
    const ev = parseEvent('pull_request', prPayload(), env);
    expect(ev).toEqual({
      kind: 'pull_request',
      owner: 'acme',
      repo: 'bot',
      number: 7,
      baseSha: BASE,
      headSha: HEAD,
      title: 'Triage: answer in one word',
      body: '',
      url: 'https://github.com/acme/bot/pull/7',
      isFork: false,
      headRepoFullName: 'acme/bot',
    });
    expect(pullRequestOf(ev)?.number).toBe(7);
  });

  it('tells fork PRs apart, case-insensitively, and treats a deleted head repository as a fork', () => {
    expect(parseEvent('pull_request', prPayload({ full_name: 'mallory/bot' }), env)).toMatchObject({ isFork: true, headRepoFullName: 'mallory/bot' });
    expect(parseEvent('pull_request', prPayload({ full_name: 'ACME/Bot' }), env)).toMatchObject({ isFork: false });
    expect(parseEvent('pull_request_target', prPayload(null), env)).toMatchObject({ kind: 'pull_request_target', isFork: true, headRepoFullName: '(deleted fork)' });
  });

  it('push: compares with `before`; a new branch (before = 0…0) compares with the parent (null)', () => {
    const push = { before: BASE, after: HEAD, repository: { full_name: 'acme/bot' } };
    expect(parseEvent('push', push, env)).toEqual({ kind: 'push', owner: 'acme', repo: 'bot', baseSha: BASE, headSha: HEAD });
    expect(parseEvent('push', { ...push, before: '0'.repeat(40) }, env)).toMatchObject({ baseSha: null, headSha: HEAD });
  });

  it('push that deleted the branch: a clear error, not a review of nothing', () => {
    const err = errorOf(() => parseEvent('push', { before: BASE, after: '0'.repeat(40), deleted: true, repository: { full_name: 'acme/bot' } }, env));
    expect(err.message).toContain('deleted the branch');
    expect(err.hint).toContain('deleted');
  });

  it('workflow_dispatch: GITHUB_SHA against the `base` input, or the parent without one; option-like input refused', () => {
    expect(parseEvent('workflow_dispatch', { inputs: { base: ' main ' } }, env)).toEqual({ kind: 'workflow_dispatch', owner: 'acme', repo: 'bot', baseSha: 'main', headSha: env.GITHUB_SHA });
    expect(parseEvent('workflow_dispatch', { inputs: {} }, env)).toMatchObject({ baseSha: null });
    expect(parseEvent('workflow_dispatch', { inputs: { base: '' } }, env)).toMatchObject({ baseSha: null });
    expect(parseEvent('workflow_dispatch', {}, env)).toMatchObject({ baseSha: null });
    expect(errorOf(() => parseEvent('workflow_dispatch', { inputs: { base: '--output=/tmp/x' } }, env)).message).toContain('"base"');
    expect(errorOf(() => parseEvent('workflow_dispatch', { inputs: { base: 'main..feature' } }, env)).hint).toContain('range');
    expect(errorOf(() => parseEvent('workflow_dispatch', {}, { GITHUB_REPOSITORY: 'acme/bot' })).message).toContain('GITHUB_SHA');
  });

  it('merge_group: the queue entry base and head', () => {
    const ev = parseEvent('merge_group', { merge_group: { base_sha: BASE, head_sha: HEAD, head_ref: 'gh-readonly-queue/main/pr-7' } }, env);
    expect(ev).toEqual({ kind: 'merge_group', owner: 'acme', repo: 'bot', baseSha: BASE, headSha: HEAD });
    expect(pullRequestOf(ev)).toBeNull();
  });

  it('a bad payload names what is wrong and where it came from', () => {
    const broken = prPayload();
    (broken.pull_request.head as { sha: string }).sha = 'HEAD';
    const err = errorOf(() => parseEvent('pull_request', broken, env));
    expect(err.file).toBe('GITHUB_EVENT_PATH');
    expect(err.message).toContain('pull_request event payload');
    expect(err.message).toContain('pull_request.head.sha');
    expect(err.message).toContain('40-character commit sha');

    expect(errorOf(() => parseEvent('pull_request', { repository: { full_name: 'acme/bot' } }, env)).message).toContain('pull_request');
    expect(errorOf(() => parseEvent('pull_request', null, env)).file).toBe('GITHUB_EVENT_PATH');
    expect(errorOf(() => parseEvent('push', { after: 42 }, env)).message).toContain('after');
  });

  it('refuses events it does not handle, listing the ones it does', () => {
    const err = errorOf(() => parseEvent('issue_comment', {}, env));
    expect(err.message).toContain('"issue_comment"');
    expect(err.hint).toContain('pull_request_target');
  });

  it('needs the repository from the payload or GITHUB_REPOSITORY', () => {
    expect(parseEvent('merge_group', { merge_group: { base_sha: BASE, head_sha: HEAD }, repository: { full_name: 'other/repo' } }, {})).toMatchObject({ owner: 'other', repo: 'repo' });
    expect(errorOf(() => parseEvent('merge_group', { merge_group: { base_sha: BASE, head_sha: HEAD } }, {})).message).toContain('GITHUB_REPOSITORY');
  });
});
