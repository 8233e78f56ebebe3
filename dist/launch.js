import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 868:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _launch_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(479);



// Built beside each bundle (dist/launch.js → dist/index.js, dist/cli/launch.js → dist/cli/index.js); see launch.ts.
const target = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(import.meta.url)), 'index.js');
process.exitCode = await (0,_launch_js__WEBPACK_IMPORTED_MODULE_2__/* .launch */ .ql)({ target, args: process.argv.slice(2) });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ql: () => (/* binding */ launch)
});

// UNUSED EXPORTS: HEAP_FLAGS, LAUNCHED_ENV, userSetHeap, watchLauncher

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
 */
const HEAP_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=1024'];
/** Set in the child's environment; the bundle reads it to know a launcher stands in front of it. */
const LAUNCHED_ENV = 'PROMPTGATE_LAUNCHED';
// Windows has no process groups to keep apart: the console's Ctrl-C reaches the child itself.
const WINDOWS = process.platform === 'win32';
const FORWARDED = WINDOWS ? [] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
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
    const env = opts.env ?? process.env;
    const execArgv = opts.execArgv ?? process.execArgv;
    const log = opts.log ?? ((line) => process.stderr.write(line + '\n'));
    const heap = userSetHeap(execArgv, env.NODE_OPTIONS) ? [] : [...(opts.heapFlags ?? HEAP_FLAGS)];
    const first = await runChild(opts, [...heap, ...execArgv], env);
    if (heap.length > 0 && first.outOfMemory) {
        log(`promptgate: the review ran out of memory under ${heap.join(' ')}; running it again with Node's defaults (finished samples come from the response cache)`);
        return (await runChild(opts, execArgv, env)).code;
    }
    return first.code;
}
function runChild(opts, nodeArgs, env) {
    const signals = opts.signals ?? process;
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(opts.node ?? process.execPath, [...nodeArgs, opts.target, ...opts.args], {
            stdio: ['inherit', opts.output ?? 'inherit', opts.output ?? 'inherit', 'ipc'],
            env: { ...env, [LAUNCHED_ENV]: '1' },
            detached: !WINDOWS,
        });
        const pass = (signal) => {
            if (child.exitCode === null && child.signalCode === null)
                child.kill(signal);
        };
        for (const s of FORWARDED)
            signals.on(s, pass);
        opts.onSpawn?.(child);
        const done = () => {
            for (const s of FORWARDED)
                signals.off(s, pass);
        };
        child.once('error', (err) => {
            done();
            reject(err);
        });
        child.once('exit', (code, signal) => {
            done();
            // V8 aborts the process when the heap limit is reached.
            const outOfMemory = signal === 'SIGABRT' || code === 134;
            resolve({ code: code ?? 128 + (signal ? (external_node_os_namespaceObject.constants.signals[signal] ?? 1) : 1), outOfMemory });
        });
    });
}
/**
 * For the bundle behind a launcher: call `onGone` when the launcher has died (its IPC channel closed) without
 * passing a signal on. Does not keep the process alive.
 */
function watchLauncher(onGone) {
    if (!process.env[LAUNCHED_ENV] || !process.channel)
        return;
    process.once('disconnect', onGone);
    process.channel.unref();
}


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
