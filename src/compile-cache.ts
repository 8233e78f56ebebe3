import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { debuglog } from 'node:util';
import { Script } from 'node:vm';

/** Node 22.1+'s `module.enableCompileCache`; undefined on Node 20. */
const enableNodeCache = (nodeModule as { enableCompileCache?: (dir?: string) => { directory?: string } }).enableCompileCache;

/**
 * The `promptgate` bin keeps V8's compiled code of the CLI bundle between runs, so that every start after the first
 * skips parsing and compiling megabytes of JavaScript (see docs/architecture.md, "Start-up"): {@link installScriptCache},
 * a `require` hook that compiles the bundle's files as `vm.Script`s with V8's code cache, on every Node version.
 * Node 22+'s own compile cache (`module.enableCompileCache()`) is not used here: it takes V8's cache when a file is
 * compiled, before it runs, so it holds only the code V8 compiles eagerly, and every function the command then calls
 * is compiled again on each start. This hook takes the cache after the command ran: on Node 24 the first model call
 * of a review comes ~35–55 ms sooner (CPU time to the first request, medians of 15, `npm run bench:startup`).
 * Written here, not taken from `v8-compile-cache`, because that package keeps one blob per entry script under a
 * directory any local user can write, and trusts what it finds there; this one hashes each file's contents, keeps
 * its cache in a directory only this user owns, and writes atomically.
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache is only ever a shortcut: any failure runs the plain path.
 */
export function useCompileCache(bundleDir: string, env: NodeJS.ProcessEnv = process.env): 'script' | 'off' {
  if (env.NODE_DISABLE_COMPILE_CACHE) return 'off';
  const dir = compileCacheDir(env);
  return dir && installScriptCache(bundleDir, dir) ? 'script' : 'off';
}

/**
 * Where the bin keeps its cache: in this user's own cache directory (`$XDG_CACHE_HOME`, else `~/.cache`; on Windows
 * `%LOCALAPPDATA%`), never in the shared temp directory. A cache file is compiled code that runs as this user, and
 * V8 checks little more than the length of the source it was made for, so nobody else may be able to write, move
 * or replace anything on its path: `…/promptgate/<name>` (the bin's `compile-cache`; the Action launcher's
 * `node-compile-cache`, for Node's own). Null when there is no home directory.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, name = 'compile-cache'): string | null {
  const own = (value: string | undefined) => (value && isAbsolute(value) ? value : undefined);
  let home: string | undefined;
  try {
    home = own(homedir());
  } catch {
    home = undefined;
  }
  const base = process.platform === 'win32' ? own(env.LOCALAPPDATA) : (own(env.XDG_CACHE_HOME) ?? (home ? join(home, '.cache') : undefined));
  return base ? join(base, 'promptgate', name) : null;
}

/**
 * For the Action's launcher, whose bundle is ESM: Node 22.1 and later keep V8's compiled code of the bundles between
 * runs, keyed by the Node version and each file's contents. Turns it on for this process and returns the environment
 * that turns it on for a child too (Node does not pass it on by itself). The cache goes beside the bin's, in this
 * user's own cache directory (`…/promptgate/node-compile-cache`, made 0700), not Node's default in the shared temp
 * directory, where on a machine with other users one of them could have made the folder first and filled it with
 * code of their own. A NODE_COMPILE_CACHE set by the user is theirs to choose. Node 20 has no such cache and is left
 * as it is; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
export function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const directory = nodeCompileCache(env)?.directory;
  return directory && !env.NODE_COMPILE_CACHE ? { ...env, NODE_COMPILE_CACHE: directory } : env;
}

/** Node's own compile cache, turned on for this process: what it said, or null where it is missing, off or failed. */
function nodeCompileCache(env: NodeJS.ProcessEnv): { directory?: string } | null {
  if (!enableNodeCache || env.NODE_DISABLE_COMPILE_CACHE) return null;
  let dir: string | undefined;
  if (!env.NODE_COMPILE_CACHE) {
    dir = compileCacheDir(env, 'node-compile-cache') ?? undefined;
    if (!dir || !ownDirectory(dir)) return null;
  }
  try {
    return dir ? enableNodeCache(dir) : enableNodeCache();
  } catch {
    return null;
  }
}

const debug = debuglog('promptgate');

interface CompiledFile {
  script: Script;
  cacheFile: string;
}

/** What the hook did, for tests and `NODE_DEBUG=promptgate`. */
export interface ScriptCache {
  /** Files compiled from a cache V8 accepted. */
  hits: string[];
  /** Files compiled from source: no cache yet, or one V8 rejected (another Node, other flags). */
  misses: string[];
  /** Writes the code cache of every file compiled from source so far (also done when the process exits). */
  save: () => void;
  /** Removes the hook (files already loaded stay loaded). */
  uninstall: () => void;
}

type Compile = (this: nodeModule, content: string, filename: string) => unknown;

/**
 * Compiles every CommonJS file under `bundleDir` that `require` loads from now on as a `vm.Script` with V8's code
 * cache from `cacheDir/<sha256 of the file>`; at exit, writes the cache of the files that had none, taken after they
 * ran, so it holds the functions that run compiled too. Returns null where the directory cannot be made this user's.
 */
export function installScriptCache(bundleDir: string, cacheDir: string): ScriptCache | null {
  if (!ownDirectory(cacheDir)) return null;
  const prefix = bundleDir.endsWith(sep) ? bundleDir : bundleDir + sep;
  const proto = nodeModule.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  const pending: CompiledFile[] = [];
  const cache: ScriptCache = {
    hits: [],
    misses: [],
    save: () => {
      for (const { script, cacheFile } of pending.splice(0)) {
        try {
          const temp = `${cacheFile}.${process.pid}.tmp`;
          writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
          renameSync(temp, cacheFile);
        } catch (err) {
          debug('compile cache: could not write %s: %s', cacheFile, (err as Error).message);
        }
      }
    },
    uninstall: () => {
      if (proto._compile === compile) proto._compile = original;
      process.off('exit', cache.save);
    },
  };
  const compile: Compile = function (this: nodeModule, content, filename) {
    if (!filename.startsWith(prefix)) return original.call(this, content, filename);
    const cacheFile = join(cacheDir, createHash('sha256').update(content).digest('hex'));
    const cachedData = readOwnFile(cacheFile);
    const script = new Script(nodeModule.wrap(content), { filename, cachedData });
    if (cachedData && !script.cachedDataRejected) {
      cache.hits.push(filename);
    } else {
      cache.misses.push(filename);
      pending.push({ script, cacheFile });
    }
    debug('compile cache: %s %s', cachedData && !script.cachedDataRejected ? 'hit' : 'miss', filename);
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const require = nodeModule.createRequire(filename);
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };
  proto._compile = compile;
  process.on('exit', cache.save);
  return cache;
}

/**
 * The cache directory, made if need be; used only when it is a directory itself (not a link, which could point
 * anywhere), this user owns it, and nobody else may write to it.
 */
function ownDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (process.platform === 'win32' || (st.mode & 0o022) === 0);
  } catch {
    return false;
  }
}

/**
 * A cache file's bytes, if it is one this hook wrote: not a link (the open refuses to follow one), owned by this user,
 * readable and writable by nobody else, with no second name (a hard link to a file someone else wrote). Anything
 * else could hold any code.
 */
function readOwnFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const uid = process.getuid?.();
    if (uid !== undefined) {
      const st = fstatSync(fd);
      if (!st.isFile() || st.uid !== uid || (st.mode & 0o077) !== 0 || st.nlink !== 1) return undefined;
    }
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
