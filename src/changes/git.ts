import { type ChildProcess, execFile, spawn } from 'node:child_process';
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

/**
 * Commits already found, and the files in each (by repository and full object name): both never change, and a
 * caller that starts these reads early, side by side, saves the review from running them again one after another
 * (see docs/architecture.md, "Start-up"). Only the last few are kept.
 */
const known = { commits: new Set<string>(), files: new Map<string, Promise<string[]>>() };
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const KEEP = 8;
function remember<T>(map: Map<string, T> | Set<string>, key: string, value?: T): void {
  if (map instanceof Set) map.add(key);
  else map.set(key, value as T);
  if (map.size > KEEP) map.delete(map.keys().next().value as string);
}

export async function resolveRev(repoDir: string, rev: string): Promise<string> {
  if (FULL_SHA.test(rev) && known.commits.has(`${repoDir}\0${rev}`)) return rev;
  // The batch process the file reads use answers `<rev>^{commit}` as rev-parse does, without a process of its own;
  // anything else it says (missing, ambiguous) goes to rev-parse, which reports it as it always has.
  const got = await readCommit(repoDir, rev);
  if (got) {
    remember(known.commits, `${repoDir}\0${got.oid}`);
    return got.oid;
  }
  try {
    const sha = (await git(repoDir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim();
    remember(known.commits, `${repoDir}\0${sha}`);
    return sha;
  } catch {
    throw new PromptgateError(`git revision "${rev}" was not found`, {
      hint: `check the name, or fetch it first (git fetch origin ${rev}); in Actions use actions/checkout with fetch-depth: 0`,
    });
  }
}

const READ_LIMIT_BYTES = 2 * MAX_INPUT_FILE_BYTES;

/**
 * Can `name` go to the batch process as one line meaning what it says? Not with a control character: a line break
 * would end the name early (and the next read would get this one's answer), a NUL would cut it short.
 */
const batchable = (name: string) => !/[\x00-\x1f\x7f]/.test(name);

/** The commit `rev` names (tags peeled) from the batch process: its full id and raw object; null when it cannot say. */
async function readCommit(repoDir: string, rev: string): Promise<{ oid: string; data: Buffer } | null> {
  if (!batchable(rev)) return null;
  const got = await batchReader(repoDir).read(`${rev}^{commit}`);
  return got.kind === 'commit' && FULL_SHA.test(got.oid) ? got : null;
}

/**
 * A commit's message as `git log -1 --format=%B` prints it, read through the batch process. A commit that names an
 * `encoding` of its own (git log would re-encode it) and anything the batch cannot answer go to git log itself.
 */
export async function commitMessage(repoDir: string, rev: string): Promise<string> {
  const got = await readCommit(repoDir, rev);
  if (got) {
    const text = got.data.toString('utf8');
    const split = text.indexOf('\n\n');
    const headers = split < 0 ? text : text.slice(0, split);
    if (!/^encoding /m.test(headers)) return split < 0 ? '' : text.slice(split + 2);
  }
  return git(repoDir, ['log', '-1', '--format=%B', rev]);
}

/** The file's text at a commit, or null when it does not exist there. */
export async function readFileAt(repoDir: string, sha: string, path: string): Promise<string | null> {
  // One long-lived `git cat-file --batch` per repository answers every read (a review reads a dozen files before
  // its first model call, and a git process each cost ~10 ms: see docs/architecture.md, "Start-up"). What the
  // batch cannot say the way `git show` does (not a file, a path with a line break) still goes to `git show`.
  if (batchable(sha) && batchable(path)) {
    const got = await batchReader(repoDir).read(`${sha}:${path}`);
    if (got.kind === 'blob') return tooLarge(got.size, sha, path) ?? got.data.toString('utf8');
    if (got.kind === 'missing') return null;
  }
  return showFileAt(repoDir, sha, path);
}

/** Does `path` exist at `rev` (a file or a folder)? */
export async function existsAt(repoDir: string, rev: string, path: string): Promise<boolean> {
  if (batchable(rev) && batchable(path)) {
    const got = await batchReader(repoDir).read(`${rev}:${path}`);
    // A submodule's entry can name a commit: `cat-file -e` says whether it is there, as it always has.
    if (got.kind === 'blob' || got.kind === 'missing') return got.kind === 'blob';
  }
  try {
    await git(repoDir, ['cat-file', '-e', `${rev}:${path}`]);
    return true;
  } catch {
    return false;
  }
}

function tooLarge(size: number, sha: string, path: string): null {
  if (size <= READ_LIMIT_BYTES) return null;
  throw new PromptgateError(`is larger than ${formatBytes(READ_LIMIT_BYTES)} at ${sha.slice(0, 7)}, far more than any file promptgate reads`, {
    file: path,
    hint: 'see docs/input-limits.md for the limit of each kind of file',
  });
}

async function showFileAt(repoDir: string, sha: string, path: string): Promise<string | null> {
  try {
    // Twice the largest input promptgate reads: a file a little over its kind's limit is read and refused by that
    // limit (with the kind's own message); a far larger one is refused here by size, never reported missing.
    const { stdout } = await run('git', ['show', `${sha}:${path}`], { cwd: repoDir, maxBuffer: READ_LIMIT_BYTES, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') tooLarge(Number.POSITIVE_INFINITY, sha, path);
    return null;
  }
}

type BatchAnswer = { kind: 'blob'; size: number; data: Buffer } | { kind: 'commit'; oid: string; data: Buffer } | { kind: 'missing' } | { kind: 'other' };

/** How long an idle `git cat-file --batch` is kept for the next read. */
const BATCH_IDLE_MS = 500;

/**
 * `git cat-file --batch` in one repository: object names in on stdin, `<oid> <type> <size>\n<bytes>\n` (or
 * `<name> missing`) out, in order. The process never holds this one open: it is referenced only while a read waits
 * for its answer, and it ends when idle for {@link BATCH_IDLE_MS} (its stdin closes) or when this process does.
 * Should it fail, the reads waiting on it, and every later one, are answered "other", which sends them to `git show`.
 */
class BatchReader {
  private child: ChildProcess | null = null;
  private broken = false;
  private readonly waiting: Array<(a: BatchAnswer) => void> = [];
  private buffered: Buffer = Buffer.alloc(0);
  private parts: Buffer[] = [];
  private have = 0;
  /** Bytes the answer at the front needs before it can be read. */
  private need = 0;
  /** Bytes of an answer too large to keep, still to be skipped (its content and the newline after it). */
  private skip = 0;
  private idle: NodeJS.Timeout | undefined;
  constructor(private readonly repoDir: string) {}

  read(name: string): Promise<BatchAnswer> {
    if (this.broken) return Promise.resolve({ kind: 'other' });
    const child = this.start();
    clearTimeout(this.idle);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.hold(child, true);
      child.stdin!.write(`${name}\n`);
    });
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = spawn('git', ['cat-file', '--batch'], { cwd: this.repoDir, stdio: ['pipe', 'pipe', 'ignore'] });
    this.child = child;
    this.buffered = Buffer.alloc(0);
    this.parts = [];
    this.have = 0;
    this.need = 0;
    this.skip = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length);
        this.skip -= n;
        chunk = chunk.subarray(n);
      }
      // Chunks are joined once the answer waited for is whole: joining each one as it comes copies a large file
      // over and over.
      this.parts.push(chunk);
      this.have += chunk.length;
      if (this.have < this.need) return;
      this.buffered = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.have);
      this.need = 0;
      this.drain(child);
      this.parts = this.buffered.length ? [this.buffered] : [];
      this.have = this.buffered.length;
    });
    const ended = (failed: boolean) => {
      if (this.child === child) this.child = null;
      clearTimeout(this.idle);
      const waiting = this.waiting.splice(0);
      if (failed || waiting.length > 0) this.broken = true;
      for (const resolve of waiting) resolve({ kind: 'other' });
    };
    child.on('error', () => ended(true));
    child.on('close', () => ended(false));
    child.stdin!.on('error', () => ended(true));
    return child;
  }

  /** Answers the reads whose whole answer has arrived. */
  private drain(child: ChildProcess): void {
    while (this.waiting.length > 0 && this.skip === 0) {
      const eol = this.buffered.indexOf(10);
      if (eol < 0) break;
      const header = this.buffered.subarray(0, eol).toString('utf8');
      const m = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
      let answer: BatchAnswer;
      if (m) {
        const size = Number(m[3]);
        if (m[2] === 'blob' && size > READ_LIMIT_BYTES) {
          // Refused by its size alone (readFileAt): skip its bytes rather than keep them.
          answer = { kind: 'blob', size, data: Buffer.alloc(0) };
          const rest = this.buffered.subarray(eol + 1);
          const n = Math.min(rest.length, size + 1);
          this.skip = size + 1 - n;
          this.buffered = rest.subarray(n);
        } else {
          if (this.buffered.length < eol + 1 + size + 1) {
            this.need = eol + 1 + size + 1;
            break;
          }
          const data = this.buffered.subarray(eol + 1, eol + 1 + size);
          this.buffered = this.buffered.subarray(eol + 1 + size + 1);
          answer = m[2] === 'blob' ? { kind: 'blob', size, data } : m[2] === 'commit' ? { kind: 'commit', oid: m[1]!, data } : { kind: 'other' };
        }
      } else {
        this.buffered = this.buffered.subarray(eol + 1);
        answer = header.endsWith(' missing') ? { kind: 'missing' } : { kind: 'other' };
      }
      this.waiting.shift()!(answer);
    }
    if (this.waiting.length === 0) {
      this.hold(child, false);
      clearTimeout(this.idle);
      this.idle = setTimeout(() => child.stdin!.end(), BATCH_IDLE_MS);
      this.idle.unref();
    }
  }

  /** Keep this process alive while a read waits; otherwise the reader must not hold it open. */
  private hold(child: ChildProcess, on: boolean): void {
    for (const handle of [child, child.stdin, child.stdout] as Array<{ ref?: () => void; unref?: () => void } | null>) {
      if (on) handle?.ref?.();
      else handle?.unref?.();
    }
  }
}

const readers = new Map<string, BatchReader>();
function batchReader(repoDir: string): BatchReader {
  let reader = readers.get(repoDir);
  if (!reader) readers.set(repoDir, (reader = new BatchReader(repoDir)));
  return reader;
}

export function listFilesAt(repoDir: string, sha: string): Promise<string[]> {
  const key = `${repoDir}\0${sha}`;
  const seen = FULL_SHA.test(sha) ? known.files.get(key) : undefined;
  if (seen) return seen.then((files) => [...files]);
  const files = git(repoDir, ['ls-tree', '-r', '-z', '--name-only', sha]).then((out) => out.split('\0').filter(Boolean));
  if (FULL_SHA.test(sha)) {
    remember(known.files, key, files);
    files.catch(() => known.files.delete(key));
  }
  return files.then((list) => [...list]);
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
