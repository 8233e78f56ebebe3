import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { formatBytes, MAX_INPUT_FILE_BYTES } from '../config/limits.js';
import { PromptgateError } from '../errors.js';
import type { ChangedFile } from './types.js';

const run = promisify(execFile);

/** The git edge: every read of the repository's history goes through here (`git` on PATH). */
export async function git(repoDir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd: repoDir, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new PromptgateError(`git ${args[0]} failed: ${stderr || (err as Error).message}`, {
      hint: 'run promptgate inside a git work tree that has both commits (in Actions: actions/checkout with fetch-depth: 0)',
      cause: err,
    });
  }
}

export async function resolveRev(repoDir: string, rev: string): Promise<string> {
  try {
    return (await git(repoDir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim();
  } catch {
    throw new PromptgateError(`git revision "${rev}" was not found`, {
      hint: `check the name, or fetch it first (git fetch origin ${rev}); in Actions use actions/checkout with fetch-depth: 0`,
    });
  }
}

const READ_LIMIT_BYTES = 2 * MAX_INPUT_FILE_BYTES;

/** The file's text at a commit, or null when it does not exist there. */
export async function readFileAt(repoDir: string, sha: string, path: string): Promise<string | null> {
  try {
    // Twice the largest input promptgate reads: a file a little over its kind's limit is read and refused by that
    // limit (with the kind's own message); a far larger one is refused here by size, never reported missing.
    const { stdout } = await run('git', ['show', `${sha}:${path}`], { cwd: repoDir, maxBuffer: READ_LIMIT_BYTES, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
      throw new PromptgateError(`is larger than ${formatBytes(READ_LIMIT_BYTES)} at ${sha.slice(0, 7)}, far more than any file promptgate reads`, {
        file: path,
        hint: 'see docs/input-limits.md for the limit of each kind of file',
      });
    }
    return null;
  }
}

export async function listFilesAt(repoDir: string, sha: string): Promise<string[]> {
  const out = await git(repoDir, ['ls-tree', '-r', '-z', '--name-only', sha]);
  return out.split('\0').filter(Boolean);
}

/** Files changed between two commits, renames followed (git's similarity detection, -M). */
export async function changedFilesBetween(repoDir: string, base: string, head: string): Promise<ChangedFile[]> {
  const out = await git(repoDir, ['diff', '--name-status', '-z', '-M', base, head]);
  const parts = out.split('\0').filter((p) => p !== '');
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const status = parts[i++]!;
    if (status.startsWith('R')) {
      const previousPath = parts[i++]!;
      files.push({ status: 'renamed', previousPath, path: parts[i++]! });
    } else if (status.startsWith('C')) {
      i++;
      files.push({ status: 'added', path: parts[i++]! });
    } else {
      const path = parts[i++]!;
      files.push({ status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified', path });
    }
  }
  return files;
}

/**
 * The CLI's default base: the merge-base of HEAD with the default branch (origin's HEAD, else main, else master).
 */
export async function defaultBase(repoDir: string, head: string): Promise<string> {
  const candidates: string[] = [];
  try {
    candidates.push((await git(repoDir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim());
  } catch {
    /* no remote default branch recorded */
  }
  candidates.push('origin/main', 'origin/master', 'main', 'master');
  for (const ref of candidates) {
    try {
      await resolveRev(repoDir, ref);
      return (await git(repoDir, ['merge-base', ref, head])).trim();
    } catch {
      /* try the next candidate */
    }
  }
  throw new PromptgateError('could not find the default branch to compare against', {
    hint: 'pass --base REF (for example --base main or --base HEAD~1)',
  });
}
