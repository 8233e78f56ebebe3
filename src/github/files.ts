import type { ChangedFile } from '../changes/types.js';
import type { Octokit } from './client.js';

/**
 * The PR's changed files, every page (GitHub lists at most 3,000 files per PR; beyond that the caller falls back
 * to git). Renames carry their previous path, so the baseline is read from where the prompt was.
 */
export async function listPullRequestFiles(octokit: Octokit, ev: { owner: string; repo: string; number: number }): Promise<ChangedFile[] | undefined> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: ev.owner, repo: ev.repo, pull_number: ev.number, per_page: 100 });
  if (files.length >= 3000) return undefined; // truncated by GitHub: let `git diff` find the changes instead
  return files.map((f): ChangedFile => {
    const status = f.status === 'added' ? 'added' : f.status === 'removed' ? 'removed' : f.status === 'renamed' ? 'renamed' : 'modified';
    return status === 'renamed' && f.previous_filename ? { path: f.filename, status, previousPath: f.previous_filename } : { path: f.filename, status };
  });
}
