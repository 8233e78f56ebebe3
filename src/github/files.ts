import type { ChangedFile } from '../changes/types.js';
import type { Octokit } from './client.js';

/** "Responses include a maximum of 3000 files" (REST docs, "List pull requests files"). */
export const PULL_REQUEST_FILES_CAP = 3000;

/** One entry of the files API, as GitHub's description lists its statuses. */
interface DiffEntry {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
}

/**
 * How a files-API entry reads for promptgate, the same way `git diff -M` is read in changes/git.ts: a copy is a
 * new file at its path (its source still exists unchanged), a mode-only change is a modification, and an
 * `unchanged` entry is no change at all.
 */
export function changedFileFrom(entry: DiffEntry): ChangedFile | null {
  switch (entry.status) {
    case 'added':
    case 'copied':
      return { path: entry.filename, status: 'added' };
    case 'removed':
      return { path: entry.filename, status: 'removed' };
    case 'renamed':
      return entry.previous_filename ? { path: entry.filename, status: 'renamed', previousPath: entry.previous_filename } : { path: entry.filename, status: 'added' };
    case 'unchanged':
      return null;
    default:
      return { path: entry.filename, status: 'modified' };
  }
}

/**
 * The PR's changed files, every page (100 a page). Renames carry their previous path, so the baseline is read from
 * where the prompt was. GitHub lists at most 3,000 files of a PR; at the cap the list may be cut, so this returns
 * undefined (and says so) and the caller finds the changes with `git diff` instead.
 */
export async function listPullRequestFiles(octokit: Octokit, ev: { owner: string; repo: string; number: number }, opts: { log?: (line: string) => void } = {}): Promise<ChangedFile[] | undefined> {
  const entries = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: ev.owner, repo: ev.repo, pull_number: ev.number, per_page: 100 });
  if (entries.length >= PULL_REQUEST_FILES_CAP) {
    opts.log?.(`PR #${ev.number} lists ${entries.length} files, GitHub's cap for the pull request files API, so the list may be incomplete; ` + 'finding the changed files with git instead.');
    return undefined;
  }
  return entries.map(changedFileFrom).filter((f): f is ChangedFile => f !== null);
}
