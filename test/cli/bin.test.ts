import { spawn } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCacheDir, installScriptCache } from '../../src/compile-cache.js';
import { startFakeLlm, type FakeLlm } from '../../tools/fake-llm/index.js';
import { TempRepo } from '../support/git-repo.js';

/**
 * The `promptgate` bin (dist/cli/launch.js): which commands start a second Node process (the launcher's child, with
 * the review heap settings), and the compile cache that makes every start after the first skip compiling the
 * bundle (docs/architecture.md, "Start-up"; docs/reliability.md, "The launcher").
 */

const BIN = resolve('dist/cli/launch.js');
const dir = mkdtempSync(join(tmpdir(), 'promptgate-bin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** One per process that ran: 'launcher' (the bin's own) or 'review' (started behind the launcher). */
  roles: string[];
}

let runs = 0;
/** Runs the bin with bench/rusage-hook.cjs, which every process it starts writes a line for. */
function bin(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const usage = join(dir, `usage-${++runs}.jsonl`);
  const child = spawn(process.execPath, ['--require', resolve('bench/rusage-hook.cjs'), BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PROMPTGATE_BENCH_RUSAGE: usage, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done) =>
    child.on('close', (code) => {
      const roles = readFileSync(usage, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { role: string }).role)
        .sort();
      done({ code, stdout, stderr, roles });
    }),
  );
}

describe('the promptgate bin: a second process only where a review needs it', () => {
  it('--version, validate and `run --help` run in the bin itself; monitor starts behind the launcher', async () => {
    const version = await bin(dir, ['--version']);
    expect(version).toMatchObject({ roles: ['launcher'], code: 0 });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await bin(dir, ['validate'])).roles).toEqual(['launcher']);
    expect(await bin(dir, ['run', '--help'])).toMatchObject({ roles: ['launcher'], code: 0 });
    expect(await bin(dir, ['monitor', '--help'])).toMatchObject({ roles: ['launcher', 'review'], code: 0 });
  });

  describe('run: in the bin’s process, handed to the launcher before its first call when the plan is large', () => {
    let server: FakeLlm;
    let repo: TempRepo;
    beforeAll(async () => {
      server = await startFakeLlm({ apiKey: 'k' });
      repo = new TempRepo('promptgate-bin-run-');
      const cases = Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `c${i}`, vars: { q: `question ${i}` } })).join('\n');
      repo.write({
        'promptgate.yml': 'version: 1\nprovider: { model: m }\nsuites:\n  - name: s\n    prompt: p.txt\n    cases: c.jsonl\n    assert: [{ type: contains, value: echo }]\n    repeats: 2\n',
        'c.jsonl': cases + '\n',
        'p.txt': 'Answer: {{q}}',
      });
      repo.commit('base');
      repo.write({ 'p.txt': 'Answer briefly: {{q}}' }).commit('head');
    });
    afterAll(async () => {
      await server.close();
      repo.cleanup();
    });
    const run = (limit: number) => bin(repo.dir, ['run', '--base', 'HEAD~1', '--base-url', server.url, '--no-cache'], { OPENAI_API_KEY: 'k', PROMPTGATE_IN_PROCESS_MAX_SAMPLES: String(limit) });

    it('24 planned samples, at most 24 in-process: one process, the note and the log once', async () => {
      const before = server.stats().completions;
      const r = await run(24);
      expect(r).toMatchObject({ code: 0, roles: ['launcher'] });
      expect(server.stats().completions - before).toBe(24);
      expect(r.stdout.match(/\*\*Run\*\*:/g)).toHaveLength(1);
      expect(r.stderr.match(/Running 24 samples/g)).toHaveLength(1);
    });

    it('24 planned samples, at most 23 in-process: the launched process makes every call, and says everything once', async () => {
      const before = server.stats().completions;
      const r = await run(23);
      expect(r).toMatchObject({ code: 0, roles: ['launcher', 'review'] });
      expect(server.stats().completions - before).toBe(24);
      expect(r.stdout.match(/\*\*Run\*\*:/g)).toHaveLength(1);
      expect(r.stderr.match(/Running 24 samples/g)).toHaveLength(1);
    });
  });
});

describe('the compile cache: a require hook with V8’s code cache, on every Node version', () => {
  it('the bin compiles its bundle from source once, then from the cache (this Node, whatever its version)', async () => {
    const cacheHome = join(dir, 'cache-home');
    const env = { XDG_CACHE_HOME: cacheHome, NODE_DEBUG: 'promptgate' };
    const first = await bin(dir, ['--version'], env);
    const second = await bin(dir, ['--version'], env);
    const said = (r: Ran, what: string) => r.stderr.match(new RegExp(`compile cache: ${what} \\S+index\\.cjs$`, 'gm')) ?? [];
    expect(said(first, 'miss')).toHaveLength(1);
    expect(said(second, 'hit')).toHaveLength(1);
    expect(said(second, 'miss')).toHaveLength(0);
    // In this user's cache directory, never the shared temp directory.
    expect(readdirSync(join(cacheHome, 'promptgate', 'compile-cache')).length).toBeGreaterThan(0);
    expect(statSync(join(cacheHome, 'promptgate', 'compile-cache')).mode & 0o077).toBe(0);
  });

  it('takes the cache after the code ran, so it holds the functions that were called, not only what compiled eagerly', () => {
    const bundle = join(dir, 'lazy-bundle');
    mkdirSync(bundle);
    const file = join(bundle, 'lazy.cjs');
    const body = Array.from({ length: 200 }, (_, i) => `  total += (x * ${i}) % 7;`).join('\n');
    const sizeAfter = (call: boolean, cacheDir: string) => {
      // Sources that differ, or V8 would hand the second load the first one's compiled functions from its own memory.
      writeFileSync(file, `// ${cacheDir}\nexports.work = function work(x) {\n  let total = 0;\n${body}\n  return total;\n};\n`);
      const cache = installScriptCache(bundle, cacheDir)!;
      try {
        const require = createRequire(file);
        delete require.cache[file];
        const mod = require(file) as { work: (x: number) => number };
        if (call) expect(mod.work(3)).toBeGreaterThan(0);
        cache.save();
      } finally {
        cache.uninstall();
      }
      const [written] = readdirSync(cacheDir);
      return statSync(join(cacheDir, written!)).size;
    };
    expect(sizeAfter(true, join(dir, 'lazy-called'))).toBeGreaterThan(sizeAfter(false, join(dir, 'lazy-not-called')) + 500);
  });

  it('compiles from source and writes the cache once; the next load compiles from the cache; a changed file misses', () => {
    const bundle = join(dir, 'bundle');
    const cacheDir = join(dir, 'cache');
    mkdirSync(bundle);
    const file = join(bundle, 'mod.cjs');
    writeFileSync(file, 'const helper = require("./helper.cjs");\nmodule.exports = { answer: helper.value * 2, file: __filename };\n');
    writeFileSync(join(bundle, 'helper.cjs'), 'exports.value = 21;\n');
    writeFileSync(join(dir, 'outside.cjs'), 'module.exports = 1;\n');
    const load = (path: string) => {
      const require = createRequire(path);
      delete require.cache[path];
      delete require.cache[join(bundle, 'helper.cjs')];
      return require(path) as { answer: number; file: string };
    };

    const first = installScriptCache(bundle, cacheDir)!;
    try {
      expect(load(file)).toEqual({ answer: 42, file });
      load(join(dir, 'outside.cjs'));
      expect(first.hits).toEqual([]);
      expect(first.misses.sort()).toEqual([join(bundle, 'helper.cjs'), file]);
      first.save();
    } finally {
      first.uninstall();
    }
    const written = readdirSync(cacheDir);
    expect(written).toHaveLength(2);
    for (const f of written) expect(statSync(join(cacheDir, f)).mode & 0o077).toBe(0);

    const second = installScriptCache(bundle, cacheDir)!;
    try {
      expect(load(file).answer).toBe(42);
      expect(second.hits.sort()).toEqual([join(bundle, 'helper.cjs'), file]);
      expect(second.misses).toEqual([]);
      writeFileSync(join(bundle, 'helper.cjs'), 'exports.value = 20;\n');
      expect(load(file).answer).toBe(40);
      expect(second.misses).toEqual([join(bundle, 'helper.cjs')]);
    } finally {
      second.uninstall();
    }
  });

  it('reads only cache files it wrote itself: not through a link, not with a second name, not readable by others', () => {
    const bundle = join(dir, 'strict-bundle');
    const cacheDir = join(dir, 'strict-cache');
    mkdirSync(bundle);
    const file = join(bundle, 'mod.cjs');
    writeFileSync(file, 'module.exports = 7;\n');
    const load = () => {
      const cache = installScriptCache(bundle, cacheDir)!;
      try {
        const require = createRequire(file);
        delete require.cache[file];
        expect(require(file)).toBe(7);
        return { hits: cache.hits.length, misses: cache.misses.length };
      } finally {
        cache.uninstall();
      }
    };
    const first = installScriptCache(bundle, cacheDir)!;
    createRequire(file)(file);
    first.save();
    first.uninstall();
    const [name] = readdirSync(cacheDir);
    const cacheFile = join(cacheDir, name!);
    expect(load()).toEqual({ hits: 1, misses: 0 });
    const good = readFileSync(cacheFile);
    const elsewhere = join(dir, 'strict-elsewhere');
    writeFileSync(elsewhere, good, { mode: 0o600 });
    // A link to a file of this user's own with the right bytes: refused.
    rmSync(cacheFile);
    symlinkSync(elsewhere, cacheFile);
    expect(load()).toEqual({ hits: 0, misses: 1 });
    // A second name for a file (a hard link): refused.
    rmSync(cacheFile);
    linkSync(elsewhere, cacheFile);
    expect(load()).toEqual({ hits: 0, misses: 1 });
    // Readable by others: refused.
    rmSync(cacheFile);
    writeFileSync(cacheFile, good, { mode: 0o644 });
    chmodSync(cacheFile, 0o644);
    expect(load()).toEqual({ hits: 0, misses: 1 });
    // The file as this hook writes it: used.
    chmodSync(cacheFile, 0o600);
    expect(load()).toEqual({ hits: 1, misses: 0 });
  });

  it('lives in this user’s cache directory: $XDG_CACHE_HOME, else ~/.cache — never the temp directory', () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: '/somewhere/cache' })).toBe(join('/somewhere/cache', 'promptgate', 'compile-cache'));
    expect(compileCacheDir({ XDG_CACHE_HOME: 'relative/cache' })).toBe(join(homedir(), '.cache', 'promptgate', 'compile-cache'));
    expect(compileCacheDir({})).toBe(join(homedir(), '.cache', 'promptgate', 'compile-cache'));
  });

  it('is not used where the cache directory is open to other users', () => {
    const open = join(dir, 'open-cache');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(installScriptCache(join(dir, 'bundle'), open)).toBeNull();
  });

  it('is not used through a symbolic link, even to a directory of this user’s own', () => {
    const mine = join(dir, 'mine');
    mkdirSync(mine, { mode: 0o700 });
    const link = join(dir, 'planted-link');
    symlinkSync(mine, link);
    expect(installScriptCache(join(dir, 'bundle'), link)).toBeNull();
    expect(readdirSync(mine)).toEqual([]);
  });
});
