import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitMessage, existsAt, listFilesAt, readFileAt, resolveRev } from '../../src/changes/git.js';
import { MAX_INPUT_FILE_BYTES } from '../../src/config/limits.js';
import { PromptgateError } from '../../src/errors.js';
import { startFakeLlm } from '../../tools/fake-llm/index.js';
import { runBin } from '../support/cli-runner.js';
import { TempRepo } from '../support/git-repo.js';

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos) r.cleanup();
});

function repo(): TempRepo {
  const r = new TempRepo('promptgate-git-reads-');
  repos.push(r);
  return r;
}

describe('reading files at a commit (one git cat-file --batch)', () => {
  it('answers many reads at once exactly as git show does: text, missing files, folders, unicode', async () => {
    const r = repo();
    const files: Record<string, string> = { 'dir/ünï côdé.txt': 'héllo\nwörld\n', 'empty.txt': '', 'no-newline.txt': 'x' };
    for (let i = 0; i < 40; i++) files[`many/f${i}.txt`] = `file ${i}\n`.repeat(i * 50);
    const base = r.write(files).commit('base');
    r.write({ 'no-newline.txt': 'changed' });
    const head = r.commit('head');
    const paths = [...Object.keys(files), 'missing.txt', 'dir', 'many/f3.txt/nested'];
    const got = await Promise.all(paths.flatMap((p) => [readFileAt(r.dir, base, p), readFileAt(r.dir, head, p)]));
    const show = (sha: string, p: string) => {
      try {
        return execFileSync('git', ['show', `${sha}:${p}`], { cwd: r.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return null;
      }
    };
    expect(got).toEqual(paths.flatMap((p) => [show(base, p), show(head, p)]));
    expect(await readFileAt(r.dir, head, 'no-newline.txt')).toBe('changed');
    expect(await Promise.all([existsAt(r.dir, 'HEAD', 'dir'), existsAt(r.dir, 'HEAD', 'empty.txt'), existsAt(r.dir, 'HEAD', 'missing.txt')])).toEqual([true, true, false]);
  });

  it('refuses a file far over every input limit by its size, and keeps answering the reads after it', async () => {
    const r = repo();
    const sha = r.write({ 'huge.jsonl': 'x'.repeat(2 * MAX_INPUT_FILE_BYTES + 1), 'small.txt': 'small' }).commit('base');
    const [huge, small] = await Promise.allSettled([readFileAt(r.dir, sha, 'huge.jsonl'), readFileAt(r.dir, sha, 'small.txt')]);
    expect(huge.status).toBe('rejected');
    const err = (huge as PromiseRejectedResult).reason as PromptgateError;
    expect(err).toBeInstanceOf(PromptgateError);
    expect(err.format()).toContain('huge.jsonl');
    expect(err.message).toMatch(/is larger than .* at [0-9a-f]{7}/);
    expect(small).toEqual({ status: 'fulfilled', value: 'small' });
    expect(await readFileAt(r.dir, sha, 'small.txt')).toBe('small');
  });

  it('gives each caller its own copy of a commit’s file list, and still reports a revision that does not exist', async () => {
    const r = repo();
    const sha = r.write({ 'a.txt': 'a', 'b/c.txt': 'c' }).commit('base');
    const first = await listFilesAt(r.dir, sha);
    first.push('changed by the caller');
    expect(await listFilesAt(r.dir, sha)).toEqual(['a.txt', 'b/c.txt']);
    expect(await resolveRev(r.dir, sha)).toBe(sha);
    expect(await resolveRev(r.dir, 'HEAD')).toBe(sha);
    await expect(resolveRev(r.dir, 'no-such-branch')).rejects.toThrow(/git revision "no-such-branch" was not found/);
  });
});

describe('revisions and commit messages through the batch process', () => {
  it('say what git rev-parse and git log say: branches, tags (peeled to their commit), relative names, other encodings', async () => {
    const r = repo();
    r.write({ 'a.txt': 'a' }).commit('Subject line\n\nA body paragraph.\n\n  indented line\nGoal: faster triage');
    r.git('tag', '-a', 'v1', '-m', 'an annotated tag');
    r.write({ 'a.txt': 'b' }).commit('second');
    // A message in another encoding: git log re-encodes it, so it is read through git log.
    r.git('-c', 'i18n.commitEncoding=ISO-8859-1', 'commit', '-q', '--allow-empty', '-m', 'caf\u00e9 latin-1');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: r.dir, encoding: 'utf8' });
    for (const rev of ['HEAD', 'HEAD~1', 'HEAD~2', 'main', 'v1', git('rev-parse', 'HEAD~1').trim().slice(0, 10)]) {
      expect(await resolveRev(r.dir, rev)).toBe(git('rev-parse', '--verify', `${rev}^{commit}`).trim());
      expect((await commitMessage(r.dir, rev)).trim()).toBe(git('log', '-1', '--format=%B', rev).trim());
    }
    await expect(resolveRev(r.dir, 'HEAD~9')).rejects.toThrow(/git revision "HEAD~9" was not found/);
    await expect(resolveRev(r.dir, 'HEAD\nmain')).rejects.toThrow(/was not found/);
    // A NUL would cut the name short for the batch process (it would answer for HEAD): rev-parse is asked instead.
    await expect(resolveRev(r.dir, 'HEAD\0junk')).rejects.toThrow(/was not found/);
    await expect(readFileAt(r.dir, 'HEAD', 'a.txt\0junk')).resolves.toBeNull();
  });
});

describe('git before the first model call (the promptgate bin)', () => {
  it('starts no git process per file read or revision, and at most seven in all', async () => {
    const r = repo();
    r.write({
      'promptgate.yml':
        'version: 1\nprovider: { model: m }\nsuites:\n  - name: s\n    prompt: prompts/p.txt\n    cases: evals/c.jsonl\n    assert: [{ type: contains, value: "ok" }]\n    repeats: 1\n',
      'evals/c.jsonl': '{"id":"c1","vars":{"q":"one"}}\n{"id":"c2","vars":{"q":"two"}}\n',
      'prompts/p.txt': 'Answer: {{q}}',
    });
    const base = r.commit('base');
    r.write({ 'prompts/p.txt': 'Answer briefly: {{q}}' }).commit('head');
    // A `git` first on PATH that notes each command, then runs the real one.
    const bin = mkdtempSync(join(tmpdir(), 'promptgate-git-log-'));
    const log = join(bin, 'log.txt');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1 $2" >> "${log}"\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    writeFileSync(log, '');
    let beforeFirstCall: string[] | undefined;
    const server = await startFakeLlm({
      responder: () => {
        beforeFirstCall ??= readFileSync(log, 'utf8').trim().split('\n');
        return { content: 'ok', latencyMs: 0 };
      },
    });
    try {
      const run = await runBin(r.dir, ['run', '--base', base, '--base-url', server.url, '--no-cache'], { PATH: `${bin}:${process.env.PATH}`, OPENAI_API_KEY: 'k' });
      expect(run.code, run.stderr).toBeLessThanOrEqual(1);
      expect(beforeFirstCall).toBeDefined();
      const commands = beforeFirstCall!.map((line) => line.split(' ')[0]);
      expect(commands).not.toContain('show');
      // Revisions and the commit message come from the batch process too: rev-parse only finds the repository.
      expect(commands).not.toContain('log');
      expect(beforeFirstCall!.filter((line) => line.startsWith('rev-parse'))).toEqual(['rev-parse --show-toplevel']);
      expect(beforeFirstCall!.length, beforeFirstCall!.join(', ')).toBeLessThanOrEqual(7);
    } finally {
      await server.close();
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
