"use strict";
exports.id = 345;
exports.ids = [345];
exports.modules = {

/***/ 1345:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   changedFilesBetween: () => (/* binding */ changedFilesBetween),
/* harmony export */   commitMessage: () => (/* binding */ commitMessage),
/* harmony export */   defaultBase: () => (/* binding */ defaultBase),
/* harmony export */   existsAt: () => (/* binding */ existsAt),
/* harmony export */   git: () => (/* binding */ git),
/* harmony export */   listFilesAt: () => (/* binding */ listFilesAt),
/* harmony export */   readFileAt: () => (/* binding */ readFileAt),
/* harmony export */   resolveRev: () => (/* binding */ resolveRev)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59304);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);




const run = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
/** The git edge: every read of the repository's history goes through here (`git` on PATH). */
async function git(repoDir, args) {
    try {
        const { stdout } = await run('git', args, { cwd: repoDir, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
        return stdout;
    }
    catch (err) {
        const stderr = err.stderr?.trim();
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`git ${args[0]} failed: ${stderr || err.message}`, {
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
const known = { commits: new Set(), files: new Map() };
const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const KEEP = 8;
function remember(map, key, value) {
    if (map instanceof Set)
        map.add(key);
    else
        map.set(key, value);
    if (map.size > KEEP)
        map.delete(map.keys().next().value);
}
async function resolveRev(repoDir, rev) {
    if (FULL_SHA.test(rev) && known.commits.has(`${repoDir}\0${rev}`))
        return rev;
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
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`git revision "${rev}" was not found`, {
            hint: `check the name, or fetch it first (git fetch origin ${rev}); in Actions use actions/checkout with fetch-depth: 0`,
        });
    }
}
const READ_LIMIT_BYTES = 2 * _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_INPUT_FILE_BYTES */ .hu;
/**
 * Can `name` go to the batch process as one line meaning what it says? Not with a control character: a line break
 * would end the name early (and the next read would get this one's answer), a NUL would cut it short.
 */
const batchable = (name) => !/[\x00-\x1f\x7f]/.test(name);
/** The commit `rev` names (tags peeled) from the batch process: its full id and raw object; null when it cannot say. */
async function readCommit(repoDir, rev) {
    if (!batchable(rev))
        return null;
    const got = await batchReader(repoDir).read(`${rev}^{commit}`);
    return got.kind === 'commit' && FULL_SHA.test(got.oid) ? got : null;
}
/**
 * A commit's message as `git log -1 --format=%B` prints it, read through the batch process. A commit that names an
 * `encoding` of its own (git log would re-encode it) and anything the batch cannot answer go to git log itself.
 */
async function commitMessage(repoDir, rev) {
    const got = await readCommit(repoDir, rev);
    if (got) {
        const text = got.data.toString('utf8');
        const split = text.indexOf('\n\n');
        const headers = split < 0 ? text : text.slice(0, split);
        if (!/^encoding /m.test(headers))
            return split < 0 ? '' : text.slice(split + 2);
    }
    return git(repoDir, ['log', '-1', '--format=%B', rev]);
}
/** The file's text at a commit, or null when it does not exist there. */
async function readFileAt(repoDir, sha, path) {
    // One long-lived `git cat-file --batch` per repository answers every read (a review reads a dozen files before
    // its first model call, and a git process each cost ~10 ms: see docs/architecture.md, "Start-up"). What the
    // batch cannot say the way `git show` does (not a file, a path with a line break) still goes to `git show`.
    if (batchable(sha) && batchable(path)) {
        const got = await batchReader(repoDir).read(`${sha}:${path}`);
        if (got.kind === 'blob')
            return tooLarge(got.size, sha, path) ?? got.data.toString('utf8');
        if (got.kind === 'missing')
            return null;
    }
    return showFileAt(repoDir, sha, path);
}
/** Does `path` exist at `rev` (a file or a folder)? */
async function existsAt(repoDir, rev, path) {
    if (batchable(rev) && batchable(path)) {
        const got = await batchReader(repoDir).read(`${rev}:${path}`);
        // A submodule's entry can name a commit: `cat-file -e` says whether it is there, as it always has.
        if (got.kind === 'blob' || got.kind === 'missing')
            return got.kind === 'blob';
    }
    try {
        await git(repoDir, ['cat-file', '-e', `${rev}:${path}`]);
        return true;
    }
    catch {
        return false;
    }
}
function tooLarge(size, sha, path) {
    if (size <= READ_LIMIT_BYTES)
        return null;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`is larger than ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(READ_LIMIT_BYTES)} at ${sha.slice(0, 7)}, far more than any file promptgate reads`, {
        file: path,
        hint: 'see docs/input-limits.md for the limit of each kind of file',
    });
}
async function showFileAt(repoDir, sha, path) {
    try {
        // Twice the largest input promptgate reads: a file a little over its kind's limit is read and refused by that
        // limit (with the kind's own message); a far larger one is refused here by size, never reported missing.
        const { stdout } = await run('git', ['show', `${sha}:${path}`], { cwd: repoDir, maxBuffer: READ_LIMIT_BYTES, encoding: 'utf8' });
        return stdout;
    }
    catch (err) {
        if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
            tooLarge(Number.POSITIVE_INFINITY, sha, path);
        return null;
    }
}
/** How long an idle `git cat-file --batch` is kept for the next read. */
const BATCH_IDLE_MS = 500;
/**
 * `git cat-file --batch` in one repository: object names in on stdin, `<oid> <type> <size>\n<bytes>\n` (or
 * `<name> missing`) out, in order. The process never holds this one open: it is referenced only while a read waits
 * for its answer, and it ends when idle for {@link BATCH_IDLE_MS} (its stdin closes) or when this process does.
 * Should it fail, the reads waiting on it, and every later one, are answered "other", which sends them to `git show`.
 */
class BatchReader {
    repoDir;
    child = null;
    broken = false;
    waiting = [];
    buffered = Buffer.alloc(0);
    parts = [];
    have = 0;
    /** Bytes the answer at the front needs before it can be read. */
    need = 0;
    /** Bytes of an answer too large to keep, still to be skipped (its content and the newline after it). */
    skip = 0;
    idle;
    constructor(repoDir) {
        this.repoDir = repoDir;
    }
    read(name) {
        if (this.broken)
            return Promise.resolve({ kind: 'other' });
        const child = this.start();
        clearTimeout(this.idle);
        return new Promise((resolve) => {
            this.waiting.push(resolve);
            this.hold(child, true);
            child.stdin.write(`${name}\n`);
        });
    }
    start() {
        if (this.child)
            return this.child;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('git', ['cat-file', '--batch'], { cwd: this.repoDir, stdio: ['pipe', 'pipe', 'ignore'] });
        this.child = child;
        this.buffered = Buffer.alloc(0);
        this.parts = [];
        this.have = 0;
        this.need = 0;
        this.skip = 0;
        child.stdout.on('data', (chunk) => {
            if (this.skip > 0) {
                const n = Math.min(this.skip, chunk.length);
                this.skip -= n;
                chunk = chunk.subarray(n);
            }
            // Chunks are joined once the answer waited for is whole: joining each one as it comes copies a large file
            // over and over.
            this.parts.push(chunk);
            this.have += chunk.length;
            if (this.have < this.need)
                return;
            this.buffered = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.have);
            this.need = 0;
            this.drain(child);
            this.parts = this.buffered.length ? [this.buffered] : [];
            this.have = this.buffered.length;
        });
        const ended = (failed) => {
            if (this.child === child)
                this.child = null;
            clearTimeout(this.idle);
            const waiting = this.waiting.splice(0);
            if (failed || waiting.length > 0)
                this.broken = true;
            for (const resolve of waiting)
                resolve({ kind: 'other' });
        };
        child.on('error', () => ended(true));
        child.on('close', () => ended(false));
        child.stdin.on('error', () => ended(true));
        return child;
    }
    /** Answers the reads whose whole answer has arrived. */
    drain(child) {
        while (this.waiting.length > 0 && this.skip === 0) {
            const eol = this.buffered.indexOf(10);
            if (eol < 0)
                break;
            const header = this.buffered.subarray(0, eol).toString('utf8');
            const m = /^([0-9a-f]+) (\S+) (\d+)$/.exec(header);
            let answer;
            if (m) {
                const size = Number(m[3]);
                if (m[2] === 'blob' && size > READ_LIMIT_BYTES) {
                    // Refused by its size alone (readFileAt): skip its bytes rather than keep them.
                    answer = { kind: 'blob', size, data: Buffer.alloc(0) };
                    const rest = this.buffered.subarray(eol + 1);
                    const n = Math.min(rest.length, size + 1);
                    this.skip = size + 1 - n;
                    this.buffered = rest.subarray(n);
                }
                else {
                    if (this.buffered.length < eol + 1 + size + 1) {
                        this.need = eol + 1 + size + 1;
                        break;
                    }
                    const data = this.buffered.subarray(eol + 1, eol + 1 + size);
                    this.buffered = this.buffered.subarray(eol + 1 + size + 1);
                    answer = m[2] === 'blob' ? { kind: 'blob', size, data } : m[2] === 'commit' ? { kind: 'commit', oid: m[1], data } : { kind: 'other' };
                }
            }
            else {
                this.buffered = this.buffered.subarray(eol + 1);
                answer = header.endsWith(' missing') ? { kind: 'missing' } : { kind: 'other' };
            }
            this.waiting.shift()(answer);
        }
        if (this.waiting.length === 0) {
            this.hold(child, false);
            clearTimeout(this.idle);
            this.idle = setTimeout(() => child.stdin.end(), BATCH_IDLE_MS);
            this.idle.unref();
        }
    }
    /** Keep this process alive while a read waits; otherwise the reader must not hold it open. */
    hold(child, on) {
        for (const handle of [child, child.stdin, child.stdout]) {
            if (on)
                handle?.ref?.();
            else
                handle?.unref?.();
        }
    }
}
const readers = new Map();
function batchReader(repoDir) {
    let reader = readers.get(repoDir);
    if (!reader)
        readers.set(repoDir, (reader = new BatchReader(repoDir)));
    return reader;
}
function listFilesAt(repoDir, sha) {
    const key = `${repoDir}\0${sha}`;
    const seen = FULL_SHA.test(sha) ? known.files.get(key) : undefined;
    if (seen)
        return seen.then((files) => [...files]);
    const files = git(repoDir, ['ls-tree', '-r', '-z', '--name-only', sha]).then((out) => out.split('\0').filter(Boolean));
    if (FULL_SHA.test(sha)) {
        remember(known.files, key, files);
        files.catch(() => known.files.delete(key));
    }
    return files.then((list) => [...list]);
}
/** Files changed between two commits, renames followed (git's similarity detection, -M). */
async function changedFilesBetween(repoDir, base, head) {
    const out = await git(repoDir, ['diff', '--name-status', '-z', '-M', base, head]);
    const parts = out.split('\0').filter((p) => p !== '');
    const files = [];
    for (let i = 0; i < parts.length;) {
        const status = parts[i++];
        if (status.startsWith('R')) {
            const previousPath = parts[i++];
            files.push({ status: 'renamed', previousPath, path: parts[i++] });
        }
        else if (status.startsWith('C')) {
            i++;
            files.push({ status: 'added', path: parts[i++] });
        }
        else {
            const path = parts[i++];
            files.push({ status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified', path });
        }
    }
    return files;
}
/**
 * The CLI's default base: the merge-base of HEAD with the default branch (origin's HEAD, else main, else master).
 */
async function defaultBase(repoDir, head) {
    const candidates = [];
    try {
        candidates.push((await git(repoDir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).trim());
    }
    catch {
        /* no remote default branch recorded */
    }
    candidates.push('origin/main', 'origin/master', 'main', 'master');
    for (const ref of candidates) {
        try {
            await resolveRev(repoDir, ref);
            return (await git(repoDir, ['merge-base', ref, head])).trim();
        }
        catch {
            /* try the next candidate */
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError('could not find the default branch to compare against', {
        hint: 'pass --base REF (for example --base main or --base HEAD~1)',
    });
}


/***/ }),

/***/ 59304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B4: () => (/* binding */ formatCount),
/* harmony export */   C1: () => (/* binding */ checkSize),
/* harmony export */   Cu: () => (/* binding */ depthError),
/* harmony export */   H$: () => (/* binding */ MAX_COUNT),
/* harmony export */   H6: () => (/* binding */ MAX_JSON_VALUES),
/* harmony export */   LL: () => (/* binding */ guardParse),
/* harmony export */   aF: () => (/* binding */ MAX_KEYS),
/* harmony export */   e_: () => (/* binding */ MAX_CSV_CELLS),
/* harmony export */   gZ: () => (/* binding */ MAX_FILE_BYTES),
/* harmony export */   hu: () => (/* binding */ MAX_INPUT_FILE_BYTES),
/* harmony export */   lr: () => (/* binding */ MAX_DEPTH),
/* harmony export */   pw: () => (/* binding */ checkValueShape),
/* harmony export */   uc: () => (/* binding */ RenderBudget),
/* harmony export */   wE: () => (/* binding */ checkCount),
/* harmony export */   yw: () => (/* binding */ MAX_YAML_TOKENS),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Limits on outside input. Under `pull_request_target` the prompt text comes from a stranger's fork, and in every
 * event the config, prompt files and eval sets are data promptgate did not write: no file may exhaust the memory,
 * overflow the stack or hang the process. Every limit is far above what a real repository holds and far below
 * what would put a review near its heap cap; the measurements behind each number are in docs/input-limits.md.
 * A file over a limit stops the review with a PromptgateError naming the file, the limit and what to do.
 */
const KiB = 1024;
const MiB = 1024 * KiB;
/** Largest file, in UTF-8 bytes, of each kind. */
const MAX_FILE_BYTES = {
    config: 1 * MiB,
    prompt: 1 * MiB,
    cases: 64 * MiB,
};
/** The largest of MAX_FILE_BYTES: a reader (git, disk) may stop reading past this many bytes. */
const MAX_INPUT_FILE_BYTES = Math.max(...Object.values(MAX_FILE_BYTES));
/**
 * Deepest nesting of lists and mappings in any JSON or YAML value (the top-level list of a .json eval set counts as
 * one level, each case object as the next). Real files nest a handful of levels; the recursive code that reads,
 * hashes and sends these values then never comes near the stack limit.
 */
const MAX_DEPTH = 64;
/**
 * Values (scalars, objects and arrays; counted as commas + objects + arrays) in one JSON text: a file, a CSV cell,
 * a jsonSchema string. Size alone does not bound memory: `[{},{},…]` costs ~22 bytes of heap per byte of text,
 * and each value costs again when cases are normalised and hashed.
 */
const MAX_JSON_VALUES = 2_000_000;
/**
 * Keys in one JSON object or YAML mapping, and columns in a CSV eval set. One object with a million keys takes
 * ~550 bytes per key by the time its case is normalised and hashed; real objects (vars, settings) have a few dozen.
 */
const MAX_KEYS = 10_000;
/**
 * YAML tokens (scalars, indicators, brackets, line breaks) in one YAML text. The `yaml` parser keeps every token
 * and node of a document until it is converted, at up to ~300 bytes each: token count, not byte size, bounds it.
 */
const MAX_YAML_TOKENS = 1_000_000;
/** Cells (rows × columns) of a CSV eval set: csv-parse keeps a record object per row. */
const MAX_CSV_CELLS = 2_000_000;
/** Counted things, each with its limit. */
const MAX_COUNT = {
    /** Cases in one eval set (a cases file, or a GitHub Models prompt file's testData). */
    cases: 20_000,
    /** Messages in one prompt file. */
    messages: 1_000,
    /** Assertions in one list: a case's `assert`, a prompt file's evaluators. */
    assertions: 100,
    /** Prompt files one suite's `prompt` glob matches in a commit. */
    promptFiles: 1_000,
    /** Suites in one review (after globs are expanded: one suite per matched prompt file). */
    suites: 1_000,
    /** Samples (model calls) planned in one review: cases × variants × repeats over every suite (~1 KB each kept). */
    samples: 200_000,
    /** Characters of one case's prompt as sent (every message, after `{{var}}` rendering), per variant. */
    renderedChars: 4 * MiB,
    /** Characters of every rendered prompt of one review together (every case × variant): at most 256 MB of strings. */
    renderedCharsPerReview: 128 * MiB,
};
const COUNT_TEXT = {
    cases: {
        what: (n) => `has ${n} cases`,
        hint: 'split the eval set into several suites (each with its own cases file), or sample it down: every case runs for both variants and every repeat on every review',
    },
    messages: {
        what: (n) => `has ${n} messages`,
        hint: 'a prompt is a few messages with {{variables}}; put the data in the eval set instead of in the prompt file',
    },
    assertions: {
        what: (n) => `has ${n} assertions in one list`,
        hint: 'combine checks (one regex or json_schema assertion can check many things), or split the suite',
    },
    promptFiles: {
        what: (n) => `matches ${n} prompt files with one suite's prompt glob`,
        hint: "narrow the suite's `prompt` glob (for example prompts/support/*.prompt.yml instead of **/*), or split it into several suites",
    },
    suites: {
        what: (n) => `makes ${n} suites in one review`,
        hint: 'narrow the `prompt` globs of the suites, so a review runs only the prompts that matter',
    },
    samples: {
        what: (n) => `plans ${n} model calls in one review`,
        hint: 'lower `repeats`, use fewer cases, or split the review with --shard',
    },
    renderedChars: {
        what: (n) => `renders a prompt of ${n} characters`,
        hint: "a variable this large does not fit any model's context; shorten the variable or the number of {{variables}} that use it",
    },
    renderedCharsPerReview: {
        what: (n) => `renders prompts of ${n} characters in all`,
        hint: 'use fewer cases or shorter variables, or split the review with --shard',
    },
};
const LIMIT_TEXT = {
    cases: 'cases per eval set',
    messages: 'messages per prompt file',
    assertions: 'assertions per list',
    promptFiles: 'prompt files per suite glob',
    suites: 'suites per review',
    samples: 'model calls per review',
    renderedChars: 'characters per rendered prompt',
    renderedCharsPerReview: 'rendered characters per review',
};
/** `12,345` */
const formatCount = (n) => n.toLocaleString('en-US');
/** `1 MiB`, `4.3 MiB`, `640 KiB`, `12 bytes` */
function formatBytes(n) {
    if (n >= MiB)
        return `${Number.isInteger(n / MiB) ? n / MiB : (n / MiB).toFixed(1)} MiB`;
    if (n >= KiB)
        return `${Number.isInteger(n / KiB) ? n / KiB : (n / KiB).toFixed(1)} KiB`;
    return `${n} bytes`;
}
/**
 * Throw when `n` is over the limit for `kind`. `where` names the file (and line or case) the count is of; the
 * message reads as "<file>: has 25,000 cases, more than the limit of 20,000 cases per eval set".
 */
function checkCount(kind, n, where = {}) {
    const limit = MAX_COUNT[kind];
    if (n <= limit)
        return;
    const text = COUNT_TEXT[kind];
    const shown = n === Infinity ? 'more than ' + formatCount(limit) : formatCount(n);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError(`${text.what(shown)}, more than the limit of ${formatCount(limit)} ${LIMIT_TEXT[kind]}`, { ...where, hint: text.hint });
}
const KIND_TEXT = {
    config: { name: 'a config file', hint: 'a config is a few kilobytes; move data out of it (cases belong in a cases file)' },
    prompt: {
        name: 'a prompt file',
        hint: "keep test data in the eval set (a cases file) rather than in the prompt file; a prompt this large does not fit a model's context",
    },
    cases: {
        name: 'an eval set',
        hint: 'split the eval set into several suites, or keep a sample of it for pull requests',
    },
};
/** Throw when `text` is larger (in UTF-8 bytes) than files of this kind may be. */
function checkSize(kind, file, text) {
    const limit = MAX_FILE_BYTES[kind];
    // A string of n code units is at least n bytes: skip the encoding pass for the common small file.
    if (text.length * 3 <= limit)
        return;
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes <= limit)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError(`is ${formatBytes(bytes)}, more than the ${formatBytes(limit)} limit for ${KIND_TEXT[kind].name}`, {
        file,
        hint: KIND_TEXT[kind].hint,
    });
}
/** The error for nesting deeper than MAX_DEPTH, at a place in a file. */
function depthError(where, what = 'nests lists and objects') {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError(`${what} more than ${MAX_DEPTH} levels deep, the limit`, {
        ...where,
        hint: `flatten the data: real prompts, configs and cases nest a few levels; a variable that needs more can be a JSON string`,
    });
}
/**
 * Walk a parsed value without recursion and throw when it nests deeper than MAX_DEPTH, or when, counted as a tree
 * (a value reachable twice, as YAML aliases make it, counts twice), it holds more than `maxNodes` values or
 * `maxChars` characters of strings. The code after parsing (hashing, JSON for requests) walks values as trees, so
 * the tree size is what it pays for.
 */
function checkValueShape(value, where, budget) {
    const stack = [{ v: value, depth: 0 }];
    let nodes = 0;
    let chars = 0;
    const tooBig = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError(`expands to more than ${formatCount(budget.maxNodes)} values or ${formatBytes(budget.maxChars)} of text once its aliases (*name) are resolved`, {
        ...where,
        hint: 'use fewer aliases, or write the repeated data out once where it is needed',
    });
    while (stack.length > 0) {
        const { v, depth } = stack.pop();
        if (++nodes > budget.maxNodes)
            throw tooBig();
        if (typeof v === 'string') {
            chars += v.length;
            if (chars > budget.maxChars)
                throw tooBig();
            continue;
        }
        if (v === null || typeof v !== 'object')
            continue;
        if (depth + 1 > MAX_DEPTH)
            throw depthError(where);
        // Keys count as text too: a mapping's keys are as much of its size as its values.
        const children = Array.isArray(v) ? v : Object.values(v);
        if (!Array.isArray(v))
            for (const k of Object.keys(v))
                chars += k.length;
        if (chars > budget.maxChars)
            throw tooBig();
        for (const child of children)
            stack.push({ v: child, depth: depth + 1 });
    }
}
/**
 * Run a parser on outside input and turn anything it throws that is not already a PromptgateError (a RangeError
 * from deep recursion, an "Invalid string length", a library's internal error) into one that names the file.
 */
function guardParse(file, what, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError)
            throw err;
        const message = err instanceof Error ? err.message : String(err);
        const stack = err instanceof RangeError;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError(`could not be read as ${what}: ${message}`, {
            file,
            hint: stack
                ? `the file is too large or too deeply nested to read (limits: ${formatBytes(MAX_FILE_BYTES.cases)} per eval set, ${formatBytes(MAX_FILE_BYTES.prompt)} per prompt or config file, ${MAX_DEPTH} levels of nesting)`
                : "check the file's syntax; if it looks right, please report this error with the file",
            cause: err,
        });
    }
}
/**
 * A running total of rendered prompt characters over one review (every case × variant), so that many cases each
 * just under the per-prompt limit cannot add up to more memory than the review has: create one per review and
 * pass it to every `renderMessages` call.
 */
class RenderBudget {
    limit;
    used = 0;
    constructor(limit = MAX_COUNT.renderedCharsPerReview) {
        this.limit = limit;
    }
    /** Count `chars` more; throw (naming `where`) when the total passes the limit. */
    take(chars, where) {
        this.used += chars;
        if (this.used > this.limit) {
            const text = COUNT_TEXT.renderedCharsPerReview;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError(`${text.what('more than ' + formatCount(this.limit))}, the limit of ${LIMIT_TEXT.renderedCharsPerReview}`, { ...where, hint: text.hint });
        }
    }
    get total() {
        return this.used;
    }
}


/***/ })

};
;