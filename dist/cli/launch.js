#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 249:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  compileCacheDir: () => (/* binding */ compileCacheDir),
  installScriptCache: () => (/* binding */ installScriptCache),
  useCompileCache: () => (/* binding */ useCompileCache),
  withCompileCache: () => (/* binding */ withCompileCache)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = require("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = require("node:module");
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = require("node:util");
;// CONCATENATED MODULE: external "node:vm"
const external_node_vm_namespaceObject = require("node:vm");
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
    const own = (value) => (value && (0,external_node_path_namespaceObject.isAbsolute)(value) ? value : undefined);
    let home;
    try {
        home = own((0,external_node_os_namespaceObject.homedir)());
    }
    catch {
        home = undefined;
    }
    const base = process.platform === 'win32' ? own(env.LOCALAPPDATA) : (own(env.XDG_CACHE_HOME) ?? (home ? (0,external_node_path_namespaceObject.join)(home, '.cache') : undefined));
    return base ? (0,external_node_path_namespaceObject.join)(base, 'promptgate', name) : null;
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
    const prefix = bundleDir.endsWith(external_node_path_namespaceObject.sep) ? bundleDir : bundleDir + external_node_path_namespaceObject.sep;
    const proto = (external_node_module_default()).prototype;
    const original = proto._compile;
    const pending = [];
    const cache = {
        hits: [],
        misses: [],
        save: () => {
            for (const { script, cacheFile } of pending.splice(0)) {
                try {
                    const temp = `${cacheFile}.${process.pid}.tmp`;
                    (0,external_node_fs_namespaceObject.writeFileSync)(temp, script.createCachedData(), { mode: 0o600 });
                    (0,external_node_fs_namespaceObject.renameSync)(temp, cacheFile);
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
        const cacheFile = (0,external_node_path_namespaceObject.join)(cacheDir, (0,external_node_crypto_namespaceObject.createHash)('sha256').update(content).digest('hex'));
        const cachedData = readOwnFile(cacheFile);
        const script = new external_node_vm_namespaceObject.Script(external_node_module_default().wrap(content), { filename, cachedData });
        if (cachedData && !script.cachedDataRejected) {
            cache.hits.push(filename);
        }
        else {
            cache.misses.push(filename);
            pending.push({ script, cacheFile });
        }
        debug('compile cache: %s %s', cachedData && !script.cachedDataRejected ? 'hit' : 'miss', filename);
        const wrapper = script.runInThisContext({ displayErrors: true });
        const require = external_node_module_default().createRequire(filename);
        return wrapper.call(this.exports, this.exports, require, this, filename, (0,external_node_path_namespaceObject.dirname)(filename));
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
        fd = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
        const uid = process.getuid?.();
        if (uid !== undefined) {
            const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
            if (!st.isFile() || st.uid !== uid || (st.mode & 0o077) !== 0 || st.nlink !== 1)
                return undefined;
        }
        return (0,external_node_fs_namespaceObject.readFileSync)(fd);
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}


/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// The `promptgate` bin (dist/cli/launch.js): turns on the compile cache before anything large is compiled, then
// loads the CLI bundle beside it and runs it (src/cli-main.ts). Kept this small so that it starts at once.
const { useCompileCache } = __nccwpck_require__(249);

useCompileCache(__dirname);
// The bundle is a file of its own beside this one, loaded at run time, not bundled into this file.
require('./index.cjs')
  .main(__filename)
  .catch((err) => {
    process.stderr.write(`promptgate: ${err?.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  });

module.exports = __webpack_exports__;
/******/ })()
;