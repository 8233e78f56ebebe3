import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 567:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  YX: () => (/* binding */ withCompileCache)
});

// UNUSED EXPORTS: compileCacheDir, installScriptCache, useCompileCache

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_namespaceObject);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(760);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:vm");
;// CONCATENATED MODULE: ./src/compile-cache.ts







/** Node 22.1+'s `module.enableCompileCache`; undefined on Node 20. */
const enableNodeCache = (external_node_module_default()).enableCompileCache;
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
function useCompileCache(bundleDir, env = process.env) {
    if (env.NODE_DISABLE_COMPILE_CACHE)
        return 'off';
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
function compileCacheDir(env = process.env, name = 'compile-cache') {
    const own = (value) => (value && (0,external_node_path_.isAbsolute)(value) ? value : undefined);
    let home;
    try {
        home = own((0,external_node_os_.homedir)());
    }
    catch {
        home = undefined;
    }
    const base = process.platform === 'win32' ? own(env.LOCALAPPDATA) : (own(env.XDG_CACHE_HOME) ?? (home ? (0,external_node_path_.join)(home, '.cache') : undefined));
    return base ? (0,external_node_path_.join)(base, 'promptgate', name) : null;
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
function withCompileCache(env) {
    const directory = nodeCompileCache(env)?.directory;
    return directory && !env.NODE_COMPILE_CACHE ? { ...env, NODE_COMPILE_CACHE: directory } : env;
}
/** Node's own compile cache, turned on for this process: what it said, or null where it is missing, off or failed. */
function nodeCompileCache(env) {
    if (!enableNodeCache || env.NODE_DISABLE_COMPILE_CACHE)
        return null;
    let dir;
    if (!env.NODE_COMPILE_CACHE) {
        dir = compileCacheDir(env, 'node-compile-cache') ?? undefined;
        if (!dir || !ownDirectory(dir))
            return null;
    }
    try {
        return dir ? enableNodeCache(dir) : enableNodeCache();
    }
    catch {
        return null;
    }
}
const debug = (0,external_node_util_namespaceObject.debuglog)('promptgate');
/**
 * Compiles every CommonJS file under `bundleDir` that `require` loads from now on as a `vm.Script` with V8's code
 * cache from `cacheDir/<sha256 of the file>`; at exit, writes the cache of the files that had none, taken after they
 * ran, so it holds the functions that run compiled too. Returns null where the directory cannot be made this user's.
 */
function installScriptCache(bundleDir, cacheDir) {
    if (!ownDirectory(cacheDir))
        return null;
    const prefix = bundleDir.endsWith(sep) ? bundleDir : bundleDir + sep;
    const proto = nodeModule.prototype;
    const original = proto._compile;
    const pending = [];
    const cache = {
        hits: [],
        misses: [],
        save: () => {
            for (const { script, cacheFile } of pending.splice(0)) {
                try {
                    const temp = `${cacheFile}.${process.pid}.tmp`;
                    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
                    renameSync(temp, cacheFile);
                }
                catch (err) {
                    debug('compile cache: could not write %s: %s', cacheFile, err.message);
                }
            }
        },
        uninstall: () => {
            if (proto._compile === compile)
                proto._compile = original;
            process.off('exit', cache.save);
        },
    };
    const compile = function (content, filename) {
        if (!filename.startsWith(prefix))
            return original.call(this, content, filename);
        const cacheFile = join(cacheDir, createHash('sha256').update(content).digest('hex'));
        const cachedData = readOwnFile(cacheFile);
        const script = new Script(nodeModule.wrap(content), { filename, cachedData });
        if (cachedData && !script.cachedDataRejected) {
            cache.hits.push(filename);
        }
        else {
            cache.misses.push(filename);
            pending.push({ script, cacheFile });
        }
        debug('compile cache: %s %s', cachedData && !script.cachedDataRejected ? 'hit' : 'miss', filename);
        const wrapper = script.runInThisContext({ displayErrors: true });
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
function ownDirectory(dir) {
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        const st = (0,external_node_fs_namespaceObject.lstatSync)(dir);
        const uid = process.getuid?.();
        return st.isDirectory() && (uid === undefined || st.uid === uid) && (process.platform === 'win32' || (st.mode & 0o022) === 0);
    }
    catch {
        return false;
    }
}
/**
 * A cache file's bytes, if it is one this hook wrote: not a link (the open refuses to follow one), owned by this user,
 * readable and writable by nobody else, with no second name (a hard link to a file someone else wrote). Anything
 * else could hold any code.
 */
function readOwnFile(file) {
    let fd;
    try {
        fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
        const uid = process.getuid?.();
        if (uid !== undefined) {
            const st = fstatSync(fd);
            if (!st.isFile() || st.uid !== uid || (st.mode & 0o077) !== 0 || st.nlink !== 1)
                return undefined;
        }
        return readFileSync(fd);
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}


/***/ }),

/***/ 868:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _compile_cache_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(567);
/* harmony import */ var _launch_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(385);




// The Action's `main` (dist/launch.js), built beside its bundle (dist/index.js): every run of the Action is a review,
// so it always starts the bundle behind the launcher (see launch.ts). The CLI's bin is src/cli/bin.cjs.
const target = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url)), 'index.js');
process.exitCode = await (0,_launch_js__WEBPACK_IMPORTED_MODULE_3__/* .launch */ .ql)({ target, args: process.argv.slice(2), env: (0,_compile_cache_js__WEBPACK_IMPORTED_MODULE_2__/* .withCompileCache */ .YX)(process.env) });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 385:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ql: () => (/* binding */ launch)
});

// UNUSED EXPORTS: CHECK_RUN_ENV, CRASHED_ENV, HEAP_FLAGS, IN_PROCESS_MAX_SAMPLES, LAUNCHED_COMMANDS, LAUNCHED_ENV, ORPHAN_EXIT_MS, ORPHAN_KILL_MS, WATCHDOG_AFTER_MS, tellLauncher, userSetHeap, watchLauncher

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: ./src/launch.ts



/**
 * The process users and GitHub start (the `promptgate` bin, the Action's `main`) runs the real bundle beside it
 * in a child Node process with V8 heap settings chosen for long reviews, passes signals on, and exits as it did.
 *
 * Why a second process: a 60,000-call review keeps 50–60 MB of live data, but V8's defaults on a machine with
 * several GB of memory let the heap run far ahead of it — semi-spaces of up to 64 MB on Node 24 and an old
 * space that grows to 4× what survived the last full GC — so the same review peaks at 335–385 MB of RSS on Node 24,
 * almost all of it garbage from the HTTP and SDK layers. Node accepts these limits only when it starts (a Worker's
 * `resourceLimits` would do too, but a worker cannot receive signals and runs a second copy of the bundle beside
 * the first). With them it peaks at 190–235 MB at the same speed (`npm run bench -- --scale`).
 *
 * The old-space cap is far above what any review keeps alive (≈ 1 KB per sample), and should one ever reach it,
 * the review runs once more with Node's defaults: every model response is already in the response cache (unless
 * it is turned off), so no call is paid twice. Limits the user set in NODE_OPTIONS or on the command line win over these.
 *
 * The Action's bundle also tells this process, over the IPC channel, which check run it reports to and when it has
 * written its results: the rerun reuses that check run, and a review that dies before it finished (out of memory
 * again, killed, crashed) gets its check completed by one more, tiny start of the bundle (see docs/action.md).
 */
const HEAP_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=1024'];
/** Set in the child's environment; the bundle reads it to know a launcher stands in front of it. */
const LAUNCHED_ENV = 'PROMPTGATE_LAUNCHED';
/** Set for a rerun after the review ran out of memory: the id of the check run the first attempt started. */
const CHECK_RUN_ENV = 'PROMPTGATE_CHECK_RUN_ID';
/** Set when the bundle is started only to conclude after a crash: JSON `{ message, cancelled }` ({@link CrashReport}). */
const CRASHED_ENV = 'PROMPTGATE_CRASHED';
// Windows has no process groups to keep apart: the console's Ctrl-C reaches the child itself.
const WINDOWS = process.platform === 'win32';
const FORWARDED = WINDOWS ? [] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
/**
 * The CLI commands the `promptgate` bin always starts behind the launcher, with the heap flags and the rerun after
 * running out of memory: a monitor and a merge of shard files. `run` starts in the bin's own process and moves
 * behind the launcher only when its plan is larger than {@link IN_PROCESS_MAX_SAMPLES}: a review that size keeps
 * little alive, and a second Node's start would be most of the wait for its first model call. The others
 * (`--version`, `--help`, `validate`, `init`) always run in the bin's process (see docs/reliability.md).
 */
const LAUNCHED_COMMANDS = (/* unused pure expression or super */ null && (['merge', 'monitor']));
/**
 * The most samples `promptgate run` takes in the bin's own process, under Node's default heap settings: measured
 * peak RSS at this size is in docs/reliability.md ("The launcher"). A larger plan is handed to the launcher before its
 * first model call.
 */
const IN_PROCESS_MAX_SAMPLES = 5_000;
/** Heap flags the user has already chosen, on the command line or in NODE_OPTIONS, make ours step aside. */
function userSetHeap(execArgv, nodeOptions) {
    const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
    return flags.some((f) => /^--max[-_](old|semi)[-_]space[-_]size\b/.test(f));
}
/**
 * Runs `target` in a child Node process and resolves to the exit code this process should end with.
 *
 * The child gets its own process group, so a Ctrl-C in the terminal reaches it exactly once — through this
 * process, which passes on every signal it receives (GitHub's runner signals only the process it started). An
 * IPC channel lets the child notice when this process dies without passing anything on.
 */
async function launch(opts) {
    // Only this process sets these, and only for the attempt they are meant for.
    const { [CHECK_RUN_ENV]: _check, [CRASHED_ENV]: _crashed, ...env } = opts.env ?? process.env;
    const execArgv = opts.execArgv ?? process.execArgv;
    const log = opts.log ?? ((line) => process.stderr.write(line + '\n'));
    const heap = userSetHeap(execArgv, env.NODE_OPTIONS) ? [] : [...(opts.heapFlags ?? HEAP_FLAGS)];
    let last = await runChild(opts, [...heap, ...execArgv], env);
    const action = last.action;
    let checkRunId = last.checkRunId;
    let reran = false;
    if (heap.length > 0 && last.outOfMemory) {
        log(`promptgate: the review ran out of memory under ${heap.join(' ')}; running it again with Node's defaults (finished samples come from the response cache)`);
        last = await runChild(opts, execArgv, checkRunId === undefined ? env : { ...env, [CHECK_RUN_ENV]: String(checkRunId) });
        checkRunId = last.checkRunId ?? checkRunId;
        reran = true;
    }
    if ((action || last.action) && !last.concluded) {
        const crash = { message: crashMessage(last, reran), cancelled: last.interrupted };
        log(`${crash.message}; completing the check run`);
        const crashEnv = { ...env, [CRASHED_ENV]: JSON.stringify(crash), ...(checkRunId === undefined ? {} : { [CHECK_RUN_ENV]: String(checkRunId) }) };
        const conclude = await runChild(opts, execArgv, crashEnv);
        if (!conclude.concluded)
            log(`promptgate: could not complete the check run after the crash (exit ${conclude.signal ?? conclude.code})`);
    }
    return last.code;
}
/** One line for the check, the note and the log: what happened, and what to do about it. */
function crashMessage(a, reran) {
    const resume = 'Finished samples are in the response cache: re-running the job resumes where it stopped.';
    if (a.outOfMemory) {
        return (`promptgate crashed: the review ran out of memory${reran ? ", also on the rerun with Node's default heap limits" : ''} (${a.signal ?? `exit ${a.code}`}). ` +
            `${resume} To give it more, set NODE_OPTIONS: --max-old-space-size=4096 in the step's env; or review fewer cases or repeats at a time.`);
    }
    if (a.signal === 'SIGKILL')
        return `promptgate crashed: the review process was killed (SIGKILL; on a runner, usually the machine running out of memory). ${resume}`;
    if (a.signal)
        return `promptgate crashed: the review process was stopped by ${a.signal}. ${resume}`;
    return `promptgate crashed: the review process exited with code ${a.code} before it finished (the log above says why). ${resume}`;
}
function runChild(opts, nodeArgs, env) {
    const signals = opts.signals ?? process;
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(opts.node ?? process.execPath, [...nodeArgs, opts.target, ...opts.args], {
            stdio: ['inherit', opts.output ?? 'inherit', opts.output ?? 'inherit', 'ipc'],
            env: { ...env, [LAUNCHED_ENV]: '1' },
            detached: !WINDOWS,
        });
        const seen = { action: false, checkRunId: undefined, concluded: false, interrupted: false };
        const pass = (signal) => {
            seen.interrupted = true;
            if (child.exitCode === null && child.signalCode === null)
                child.kill(signal);
        };
        for (const s of FORWARDED)
            signals.on(s, pass);
        // Our own bundle on the other end; anything else is ignored. No schema library here: this process stays small.
        child.on('message', (m) => {
            const msg = (m ?? {});
            if (msg.promptgate === 'action')
                seen.action = true;
            else if (msg.promptgate === 'check-run' && Number.isSafeInteger(msg.id) && msg.id > 0)
                seen.checkRunId = msg.id;
            else if (msg.promptgate === 'concluded')
                seen.concluded = true;
        });
        opts.onSpawn?.(child);
        const done = () => {
            for (const s of FORWARDED)
                signals.off(s, pass);
        };
        child.once('error', (err) => {
            done();
            reject(err);
        });
        // 'close', not 'exit': messages the child sent just before it died are read by then.
        child.once('close', (code, signal) => {
            done();
            const outOfMemory = signal === 'SIGABRT' || code === 134;
            resolve({ code: code ?? 128 + (signal ? (external_node_os_.constants.signals[signal] ?? 1) : 1), signal, outOfMemory, ...seen });
        });
    });
}
/** For the bundle behind a launcher: tell it something (see {@link LauncherMessage}). Resolves once sent. */
function tellLauncher(message) {
    if (!process.env[LAUNCHED_ENV] || !process.send || !process.connected)
        return Promise.resolve();
    return new Promise((resolve) => {
        try {
            process.send(message, undefined, {}, () => resolve());
        }
        catch {
            resolve();
        }
    });
}
/**
 * How long an orphaned review may take to wrap up once its launcher is gone: after {@link ORPHAN_EXIT_MS} it exits
 * whatever holds it open (a socket, a timer, a retry's wait), and {@link ORPHAN_KILL_MS} after the launcher died a
 * watchdog thread kills it even when its main thread is stuck in synchronous work and can run no timer at all.
 */
const ORPHAN_EXIT_MS = 8_000;
const ORPHAN_KILL_MS = 10_000;
/**
 * The watchdog thread starts this long after the process does: a thread costs tens of milliseconds of start-up,
 * which `promptgate --version` and the first model call should not pay, and a review runs far longer.
 */
const WATCHDOG_AFTER_MS = 1_000;
/**
 * For the bundle behind a launcher: call `onGone` when the launcher has died (its IPC channel closed) without
 * passing a signal on, and make sure this process ends soon after — nobody is left to send it a second signal,
 * and in its own process group it outlives the job (see docs/action.md, "The launcher"). Does not keep the process
 * alive. Resolves once the watchdog thread runs (at once when there is no launcher, or no thread to be had).
 */
function watchLauncher(onGone) {
    if (!process.env[LAUNCHED_ENV] || !process.channel)
        return Promise.resolve();
    process.once('disconnect', () => {
        onGone();
        setTimeout(() => process.exit(process.exitCode ?? 1), ORPHAN_EXIT_MS).unref();
    });
    process.channel.unref();
    const launcher = process.ppid;
    return new Promise((resolve) => setTimeout(() => startWatchdog(launcher, ORPHAN_KILL_MS, resolve), WATCHDOG_AFTER_MS).unref());
}
/**
 * The last resort, on its own thread: 'disconnect' and timers need the main thread's event loop, which a long
 * synchronous task blocks. The thread polls whether the launcher is still this process's parent, and kills the
 * process once it has been gone for `killAfterMs`. On Windows a dead parent is not replaced, so the poll also asks
 * whether that process still exists.
 */
const WATCHDOG = (/* unused pure expression or super */ null && (`
const { workerData: w } = require('node:worker_threads');
const alive = () => {
  if (process.ppid !== w.launcher) return false;
  try { process.kill(w.launcher, 0); return true; } catch (e) { return e.code === 'EPERM'; }
};
let goneAt = 0;
setInterval(() => {
  if (goneAt === 0) { if (alive()) return; goneAt = Date.now(); }
  if (Date.now() - goneAt >= w.killAfterMs) process.kill(process.pid, 'SIGKILL');
}, w.pollMs);
`));
function startWatchdog(launcher, killAfterMs, running) {
    try {
        const worker = new Worker(WATCHDOG, {
            eval: true,
            workerData: { launcher, killAfterMs, pollMs: 250 },
            resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1, stackSizeMb: 1 },
        });
        worker.unref();
        worker.once('online', running);
        // A watchdog that cannot start or dies must not take the review with it.
        worker.on('error', running);
    }
    catch {
        // No worker threads here: the main thread's own exit timer remains.
        running();
    }
}


/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(868);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
