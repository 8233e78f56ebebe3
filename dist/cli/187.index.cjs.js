"use strict";
exports.id = 187;
exports.ids = [187];
exports.modules = {

/***/ 84773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NO_REFERENCE: () => (/* binding */ NO_REFERENCE),
/* harmony export */   PINNED_FILE: () => (/* binding */ PINNED_FILE),
/* harmony export */   SAMPLES_KIND: () => (/* binding */ SAMPLES_KIND),
/* harmony export */   SamplesFileSchema: () => (/* binding */ SamplesFileSchema),
/* harmony export */   monitor: () => (/* binding */ monitor),
/* harmony export */   parseSamplesFile: () => (/* binding */ parseSamplesFile),
/* harmony export */   readSamplesFile: () => (/* binding */ readSamplesFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(45586);
/* harmony import */ var _assertions_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63980);
/* harmony import */ var _changes_git_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1345);
/* harmony import */ var _config_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(59304);
/* harmony import */ var _config_schema_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90131);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(83916);
/* harmony import */ var _plan_requests_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(93957);
/* harmony import */ var _plan_read_sides_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(84734);
/* harmony import */ var _plan_settings_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(39214);
/* harmony import */ var _plan_suites_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(48950);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(76670);
/* harmony import */ var _report_build_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(85813);
/* harmony import */ var _report_schema_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(91327);
/* harmony import */ var _run_index_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(45772);

















/**
 * The drift monitor (docs/monitor.md): the prompts of every suite at one commit, sampled now, compared — paired by
 * case — with reference samples for the same rendered messages. The reference is what the response cache holds
 * for those messages (the last run's answers: same key = same endpoint, model, params, messages and sample index),
 * a pinned copy of it while a drift is open, or a samples file given with `--reference`. Variants: baseline =
 * reference, candidate = now; statistics, gate rules and the note are a review's.
 */
/** The samples file: what `promptgate monitor --samples FILE` writes and `--reference FILE` reads. */
const SAMPLES_KIND = 'promptgate-monitor-samples';
const ModelOutputSchema = zod__WEBPACK_IMPORTED_MODULE_16__/* .object */ .Ikc({
    text: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP(),
    toolCalls: zod__WEBPACK_IMPORTED_MODULE_16__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_16__/* .object */ .Ikc({ name: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP(), arguments: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP() })).optional(),
    latencyMs: zod__WEBPACK_IMPORTED_MODULE_16__/* .number */ .aig().nonnegative(),
    usage: zod__WEBPACK_IMPORTED_MODULE_16__/* .object */ .Ikc({ input: zod__WEBPACK_IMPORTED_MODULE_16__/* .number */ .aig().nonnegative(), output: zod__WEBPACK_IMPORTED_MODULE_16__/* .number */ .aig().nonnegative() }),
    finishReason: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP().optional(),
    model: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP().optional(),
});
const SampleSchema = zod__WEBPACK_IMPORTED_MODULE_16__/* .object */ .Ikc({
    /** The response cache's content address (docs/reliability.md): the pairing key. */
    key: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'expected the 64-hex-digit cache key'),
    suite: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP(),
    case_id: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP(),
    sample_index: zod__WEBPACK_IMPORTED_MODULE_16__/* .number */ .aig().int().min(0),
    output: ModelOutputSchema,
});
const SamplesFileSchema = zod__WEBPACK_IMPORTED_MODULE_16__/* .object */ .Ikc({
    kind: zod__WEBPACK_IMPORTED_MODULE_16__/* .literal */ .euz(SAMPLES_KIND),
    schema_version: zod__WEBPACK_IMPORTED_MODULE_16__/* .literal */ .euz(1),
    /** The commit whose prompts were sampled. */
    sha: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP(),
    created_at: zod__WEBPACK_IMPORTED_MODULE_16__/* .string */ .YjP(),
    samples: zod__WEBPACK_IMPORTED_MODULE_16__/* .array */ .YOg(SampleSchema),
});
/** A reference file larger than this is refused before it is read (docs/input-limits.md). */
const MAX_REFERENCE_BYTES = 256 * 1024 * 1024;
const REFERENCE_HINT = 'pass a file written by `promptgate monitor --samples FILE` (or the pinned reference `<cache_dir>/monitor/pinned.json`)';
/** Reads and checks a samples file (`--reference`): JSON, then the schema above; errors name the file and the field. */
async function readSamplesFile(file) {
    let size;
    try {
        size = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file)).size;
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__.PromptgateError(`reference file not found: ${err.message}`, { file, hint: REFERENCE_HINT });
    }
    if (size > MAX_REFERENCE_BYTES)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__.PromptgateError(`is ${size} bytes, over the ${MAX_REFERENCE_BYTES}-byte limit for a reference file`, { file, hint: REFERENCE_HINT });
    return parseSamplesFile(file, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'));
}
function parseSamplesFile(file, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__.PromptgateError(`is not JSON: ${err.message}`, { file, hint: REFERENCE_HINT });
    }
    const parsed = SamplesFileSchema.safeParse(value);
    if (!parsed.success) {
        const where = parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`)
            .join('; ');
        const shard = value?.kind === 'promptgate-shard' ? ' (this is a shard file of `run --shard`, keyed by case, not by rendered messages)' : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__.PromptgateError(`is not a promptgate monitor samples file${shard}: ${where}`, { file, hint: REFERENCE_HINT });
    }
    return parsed.data;
}
const NO_REFERENCE = 'No reference yet: this run is the reference.';
/** Where a drifting suite's reference is kept while the drift lasts, inside the response cache's directory. */
const PINNED_FILE = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)('monitor', 'pinned.json');
async function monitor(input) {
    const started = Date.now();
    const sink = input.log ?? (() => { });
    const log = (line) => sink(_redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redact(line));
    const sha = await (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_4__.resolveRev)(input.repoDir, input.ref ?? 'HEAD');
    const [, side] = await (0,_plan_read_sides_js__WEBPACK_IMPORTED_MODULE_9__/* .readSides */ .h)(input, sha, sha, 'head', log);
    const config = side.config;
    const gate = config?.gate ?? _config_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .GateSchema */ .ZM.parse({});
    const runConfig = config?.run ?? _config_schema_js__WEBPACK_IMPORTED_MODULE_6__/* .RunSchema */ .nl.parse({});
    // Every file counts as changed, so every suite (every prompt file a suite's glob matches) is planned: baseline
    // and candidate are the same text, hence the same rendered messages and the same cache keys.
    const planned = (await (0,_plan_suites_js__WEBPACK_IMPORTED_MODULE_11__/* .planSuites */ .D)({
        base: side,
        head: side,
        trusted: 'head',
        changed: side.files.map((path) => ({ path, status: 'modified' })),
        settings: { env: input.env, configFile: null, overrides: { baseUrl: input.overrides?.baseUrl }, zeroConfig: config ? undefined : input.zeroConfigProvider },
        repeatsOverride: input.overrides?.repeats,
    })).filter((s) => s.candidate !== null);
    const skeleton = (verdict, suites, extra = {}) => ({
        schema_version: 1,
        verdict,
        // The reference samples are for these same rendered messages: the prompts of this commit.
        base: input.reference?.sha ?? sha,
        head: sha,
        confidence: gate.confidence,
        inconclusive_policy: gate.inconclusive,
        suites,
        calls: { total: 0, cached: 0, failed: 0, retried: 0 },
        cost_usd_total: 0,
        duration_ms: Date.now() - started,
        context: { title: `Drift monitor: the prompts at ${sha.slice(0, 7)} now, against their reference samples`, goal: null, rollout: null, url: null },
        ...extra,
    });
    const samplesFile = (samples) => ({ kind: SAMPLES_KIND, schema_version: 1, sha, created_at: new Date().toISOString(), samples });
    if (planned.length === 0) {
        log('No suite to monitor.');
        const report = skeleton('skipped', [], { notes: ['No suite to monitor: the config has no suite with a prompt file and cases at this commit.'] });
        return { report, suites: [], samples: samplesFile([]), sha, noReference: true };
    }
    const endpointFor = (0,_plan_settings_js__WEBPACK_IMPORTED_MODULE_10__/* .endpointResolver */ .yR)({ hasConfig: !!config, env: input.env, apiKey: input.overrides?.apiKey, zeroConfigKey: input.zeroConfigProvider?.apiKey });
    (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .checkCount */ .wE)('samples', planned.reduce((n, s) => n + (0,_plan_requests_js__WEBPACK_IMPORTED_MODULE_8__/* .plannedSamples */ .OA)(s), 0) / 2, { file: side.configFile ?? undefined });
    const renderBudget = new _config_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .RenderBudget */ .uc();
    const bySuite = new Map(planned.map((s) => [s, (0,_plan_requests_js__WEBPACK_IMPORTED_MODULE_8__/* .planRequests */ ._8)(s, endpointFor, renderBudget).filter((r) => r.variant === 'candidate')]));
    const fresh = [...bySuite.values()].flat();
    const sampleKeys = new Set(fresh.map((r) => r.cacheKey));
    // References, all read before any call: this run's answers overwrite the same cache keys.
    const disk = input.noCache ? null : (0,_run_index_js__WEBPACK_IMPORTED_MODULE_15__/* .diskCache */ .IS)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(input.repoDir, runConfig.cache_dir));
    const pinnedPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(input.repoDir, runConfig.cache_dir, PINNED_FILE);
    const pinned = input.noCache ? new Map() : await readPinned(pinnedPath, log);
    const given = new Map((input.reference?.samples ?? []).map((s) => [s.key, s]));
    const reference = new Map();
    if (!input.rebaseline) {
        for (const r of fresh) {
            const out = given.get(r.cacheKey)?.output ?? pinned.get(r.cacheKey)?.output ?? (disk ? await disk.get(r.cacheKey) : undefined);
            if (out)
                reference.set(r.cacheKey, out);
        }
    }
    // The comparison: per suite, the cases whose every sample has a reference; the rest are re-baselined.
    const compared = new Map();
    const refRequests = [];
    for (const [s, reqs] of bySuite) {
        const complete = new Set(s.cases.map((c) => c.id));
        for (const r of reqs)
            if (!reference.has(r.cacheKey))
                complete.delete(r.caseId);
        if (complete.size === 0)
            continue;
        compared.set(s, { ...s, cases: s.cases.filter((c) => complete.has(c.id)) });
        for (const r of reqs)
            if (complete.has(r.caseId))
                refRequests.push({ ...r, variant: 'baseline' });
    }
    const budget = input.overrides?.budgetUsd ?? runConfig.budget_usd;
    if (budget !== undefined) {
        const preflight = (0,_run_index_js__WEBPACK_IMPORTED_MODULE_15__/* .budgetPreflight */ .Rl)(fresh, budget);
        log(preflight.line);
        if (preflight.refusal) {
            const report = skeleton('error', planned.map((s) => (0,_report_build_js__WEBPACK_IMPORTED_MODULE_13__.emptySuiteReport)(s, 'error', preflight.refusal)), { notes: [preflight.refusal] });
            return { report: _report_schema_js__WEBPACK_IMPORTED_MODULE_14__.ReportSchema.parse(_redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redactDeep(report)), suites: [], samples: samplesFile([]), sha, noReference: compared.size === 0 };
        }
    }
    const concurrency = input.overrides?.concurrency ?? runConfig.concurrency;
    const runOptions = {
        concurrency,
        timeoutMs: runConfig.timeout_s * 1000,
        maxRetries: runConfig.max_retries,
        rpm: runConfig.rpm,
        tpm: runConfig.tpm,
        signal: input.signal,
        forceStop: input.forceStop,
        grade: (req, output, run) => (0,_assertions_index_js__WEBPACK_IMPORTED_MODULE_3__/* .gradeOutput */ .zR)(req.assert, output, { grader: run.grader }),
    };
    log(`Sampling ${fresh.length} samples now (${planned.length} suite${planned.length === 1 ? '' : 's'}, concurrency ${concurrency}); ${reference.size} have a reference.`);
    // Samples are called fresh, never read from the cache (the point is what the model answers today); their answers
    // are written to it, and become the next reference. Grader answers (llm_rubric) are cached as in a review.
    const freshCache = {
        get: async (key) => (sampleKeys.has(key) ? undefined : disk?.get(key)),
        set: async (key, value) => disk?.set(key, value),
    };
    const now = await (0,_run_index_js__WEBPACK_IMPORTED_MODULE_15__/* .runSamples */ .Tf)(fresh, { ...runOptions, cache: freshCache, budgetUsd: budget, onProgress: input.onProgress });
    for (const w of now.warnings)
        log(`warning: ${w}`);
    // The reference side is graded by today's assertions: a cache hit for every sample, graders as usual.
    const refCache = {
        get: async (key) => (sampleKeys.has(key) ? reference.get(key) : disk?.get(key)),
        set: async (key, value) => {
            if (!sampleKeys.has(key))
                await disk?.set(key, value);
        },
    };
    const then = refRequests.length ? await (0,_run_index_js__WEBPACK_IMPORTED_MODULE_15__/* .runSamples */ .Tf)(refRequests, { ...runOptions, cache: refCache }) : null;
    const records = [...now.records, ...(then?.records ?? [])];
    const calls = sumCalls(now.calls, then?.calls);
    const stopped = now.stopped ?? then?.stopped;
    const comparedSuites = [...compared.values()];
    const built = comparedSuites.length
        ? (0,_report_build_js__WEBPACK_IMPORTED_MODULE_13__/* .buildReport */ .F)({ planned: comparedSuites, records, calls, gateConfig: gate, skeleton, stopped, sharded: false })
        : skeleton(stopped ? 'error' : 'skipped', [], { calls, ...(stopped ? { partial: true, notes: [`Partial: ${stopped.message}`] } : {}) });
    const versions = (reqs, from) => [
        ...new Set(reqs
            .map(from)
            .filter((o) => !!o)
            .map((o) => o.model ?? '(not reported)')),
    ].sort();
    const nowOutputs = new Map(now.records.flatMap((r) => (r.ok ? [[idOf(r), r.output]] : [])));
    const suites = [];
    const reports = [];
    const notes = [];
    for (const s of planned) {
        const reqs = bySuite.get(s);
        const c = compared.get(s);
        const reportOf = c ? built.suites.find((x) => x.name === s.name) : undefined;
        const usedRef = c ? reqs.filter((r) => c.cases.some((k) => k.id === r.caseId)) : [];
        const m = { reference: versions(usedRef, (r) => reference.get(r.cacheKey)), now: versions(reqs, (r) => nowOutputs.get(idOf(r))) };
        const rebaselined = s.cases.length - (c?.cases.length ?? 0);
        let suiteReport;
        if (reportOf) {
            const model = { baseline: m.reference.join(', ') || null, candidate: m.now.join(', ') || null };
            suiteReport = { ...reportOf, change: 'unchanged', change_detail: { ...reportOf.change_detail, diff: null, lines_added: 0, lines_removed: 0, settings: [], model } };
            notes.push(`${s.name}: model version the provider reported — reference ${model.baseline ?? '(none)'}, now ${model.candidate ?? '(none)'}${model.baseline !== model.candidate ? ' (changed)' : ''}.`);
            if (rebaselined > 0)
                notes.push(`${s.name}: ${rebaselined} of ${s.cases.length} cases re-baselined (no reference for their rendered messages: a new case, a changed prompt or an evicted cache); ${c.cases.length} compared.`);
        }
        else {
            suiteReport = (0,_report_build_js__WEBPACK_IMPORTED_MODULE_13__.emptySuiteReport)(s, 'skipped', input.rebaseline ? 'Re-baselined on request: this run is the reference.' : NO_REFERENCE);
        }
        reports.push(suiteReport);
        suites.push({ name: s.name, verdict: suiteReport.verdict, compared: c?.cases.length ?? 0, rebaselined, models: m });
    }
    const noReference = compared.size === 0;
    const leading = noReference ? [input.rebaseline ? 'Re-baselined on request: this run is the reference.' : NO_REFERENCE] : [];
    const report = {
        ...built,
        suites: reports,
        duration_ms: Date.now() - started,
        notes: [...leading, ...(built.notes ?? []), ...notes],
    };
    // Fresh samples, as the next reference (and for `--samples`).
    const key = new Map(fresh.map((r) => [idOf(r), r]));
    const samples = now.records.flatMap((r) => {
        const q = key.get(idOf(r));
        return r.ok && q ? [{ key: q.cacheKey, suite: r.suite, case_id: r.caseId, sample_index: r.sampleIndex, output: r.output }] : [];
    });
    if (!input.noCache)
        await updatePinned(pinnedPath, pinned, planned, suites, bySuite, reference, compared, log);
    const redacted = _report_schema_js__WEBPACK_IMPORTED_MODULE_14__.ReportSchema.parse(_redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redactDeep(report));
    return { report: redacted, suites, samples: _redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redactDeep(samplesFile(samples)), sha, noReference };
}
const idOf = (r) => `${r.suite}\0${r.caseId}\0${r.sampleIndex}`;
function sumCalls(a, b) {
    return b ? { total: a.total + b.total, cached: a.cached + b.cached, failed: a.failed + b.failed, retried: a.retried + b.retried } : a;
}
async function readPinned(path, log) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch {
        return new Map();
    }
    try {
        return new Map(parseSamplesFile(path, text).samples.map((s) => [s.key, s]));
    }
    catch (err) {
        // A damaged pin is a lost reference, not a failed run: the cache's answers are the reference instead.
        log(`warning: the pinned reference is unreadable and was ignored: ${err.message}`);
        return new Map();
    }
}
/**
 * The pinned reference (docs/monitor.md, "While a drift is open"): a suite that drifted keeps the reference it
 * drifted from, so the next run compares with it again (the issue stays open until the behaviour comes back); a
 * suite that passed drops its pin, and the cache's answers — this run's — are the reference again. A run that
 * ended in error or inconclusive keeps the pin it had; pins of keys no suite plans any more (a changed prompt) go.
 */
async function updatePinned(path, pinned, planned, suites, bySuite, reference, compared, log) {
    const next = new Map();
    planned.forEach((s, i) => {
        const verdict = suites[i].verdict;
        const reqs = bySuite.get(s);
        if (verdict === 'fail') {
            const cases = new Set(compared.get(s)?.cases.map((c) => c.id));
            for (const r of reqs) {
                const out = reference.get(r.cacheKey);
                if (out && cases.has(r.caseId))
                    next.set(r.cacheKey, { key: r.cacheKey, suite: s.name, case_id: r.caseId, sample_index: r.sampleIndex, output: out });
            }
        }
        else if (verdict === 'error' || verdict === 'inconclusive') {
            // Not decided either way: a drift that is open stays open against the same reference.
            for (const r of reqs) {
                const p = pinned.get(r.cacheKey);
                if (p)
                    next.set(r.cacheKey, p);
            }
        }
    });
    try {
        if (next.size === 0) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(path, { force: true });
            return;
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
        const tmp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(4).toString('hex')}.tmp`;
        const file = { kind: SAMPLES_KIND, schema_version: 1, sha: 'pinned', created_at: new Date().toISOString(), samples: [...next.values()] };
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(tmp, JSON.stringify(_redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redactDeep(file)));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(tmp, path);
    }
    catch (err) {
        log(`warning: the pinned reference could not be written (${err.message}); the next run compares with this run's samples`);
    }
}


/***/ }),

/***/ 84734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ readSides)
/* harmony export */ });
/* harmony import */ var _changes_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1345);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73395);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);



/**
 * Both commits' config, files and reader. Fail closed (docs/fail-closed.md): a config named with `--config` /
 * `config` that does not exist, and a config the change deletes, are errors — never "no prompt changes". A config
 * broken at the base while the head fixes it is not held against the PR when the head is trusted: the baseline
 * then runs with the head's config.
 */
async function readSides(input, baseSha, headSha, trusted, log) {
    const readSide = async (sha, tolerateBrokenConfig) => {
        const read = (path) => (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_0__.readFileAt)(input.repoDir, sha, path);
        // The file list does not depend on the config: read it meanwhile (see docs/architecture.md, "Start-up").
        const files = (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_0__.listFilesAt)(input.repoDir, sha);
        files.catch(() => { });
        let found;
        try {
            found = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .findConfig */ .u0)(read, input.configPath);
        }
        catch (err) {
            if (!tolerateBrokenConfig || !(err instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__.PromptgateError))
                throw err;
            log(`warning: the base commit's config does not load, so the baseline runs with the head's config: ${err.format().split('\n')[0]}`);
            found = { config: null, configFile: null, text: null };
        }
        return { sha, config: found.config, configFile: found.configFile, files: await files, read, ...(found.cases ? { cases: found.cases } : {}) };
    };
    const [base, head] = await Promise.all([readSide(baseSha, trusted === 'head'), readSide(headSha, false)]);
    const trustedSide = trusted === 'base' ? base : head;
    const short = (sha) => sha.slice(0, 7);
    if (input.configPath && !trustedSide.config) {
        const elsewhere = trusted === 'head' && base.config ? ` (it exists at base ${short(baseSha)}: this change deletes it)` : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.PromptgateError(`config file not found at ${trusted} ${short(trustedSide.sha)}${elsewhere}`, {
            file: input.configPath,
            hint: elsewhere ? 'restore the config; to stop gating prompts, remove the required check first' : 'check the --config / config path: it is relative to the repository root',
        });
    }
    if (trusted === 'head' && base.config && !head.config) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__.PromptgateError(`was deleted by this change (it exists at base ${short(baseSha)}, not at head ${short(headSha)})`, {
            file: base.configFile ?? undefined,
            hint: 'a review without its config would pass every prompt change unchecked; restore the file (or move it to promptgate.yml / .github/promptgate.yml). To stop gating prompts, remove the required check first',
        });
    }
    return [base, head];
}


/***/ }),

/***/ 91327:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ReportSchema: () => (/* binding */ ReportSchema)
/* harmony export */ });
/* unused harmony exports CaseReportSchema, PassRateSchema, SuiteReportSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45586);
/* harmony import */ var _gate_verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71442);


/**
 * The JSON report (docs/contract.md §9). Field names in the contract are fixed; fields marked "extension" are additions
 * documented in the README. The change note (Markdown) is rendered from this report alone, so that a report read
 * back from disk (or merged from shards) renders the same note.
 */
// The verdicts, rules and kinds of change are the gate's (src/gate/verdict.ts); the report holds them.

const Interval = zod__WEBPACK_IMPORTED_MODULE_1__/* .tuple */ .PVZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()]);
const Percentiles = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ p50: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(), p95: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(), p99: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable().optional() });
const Tokens = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ input: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), output: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig() });
/** Pass rates of a group of cases with the paired interval on the delta: a tag's, the holdout cases'. */
const GroupPassRate = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    n_cases: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    ci: Interval.nullable(),
});
const VariantCount = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ passed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), runs: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional() });
const CaseReportSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    tags: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    baseline: VariantCount.nullable(),
    candidate: VariantCount.nullable(),
    /**
     * extension: one output per variant, truncated, for the flipped-cases section. For a case whose pass rate dropped:
     * a passing baseline sample and a failing candidate sample (what the regression looks like); for one whose pass
     * rate rose, the reverse; otherwise the variant's typical sample (see docs/change-note.md).
     */
    outputs: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(), candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional() }).optional(),
    /** extension: whether the sample shown in `outputs` passed, per variant, so the note can label it. */
    output_passed: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().nullable().optional(), candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().nullable().optional() }).optional(),
    /** extension: the first failing assertion's reason per variant, where a sample failed. */
    reasons: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(), candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional() }).optional(),
    /**
     * extension: true when the case's baseline samples disagree with each other (some passed, some failed): its flip
     * may be the model's noise rather than the change's doing. Absent otherwise.
     */
    flaky_at_base: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
});
const PassRateSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    delta: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    ci: Interval.nullable(),
    p_value: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
    /** extension: interval method, for the note and the README. */
    method: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** extension: interval on the candidate's absolute pass rate (added prompts, cases-only changes). */
    candidate_ci: Interval.nullable().optional(),
    /**
     * extension: cases needed for the pass-rate interval to settle the pass_rate rule, when that rule is
     * inconclusive (other rules carry their own in `rules[].cases_needed`).
     */
    cases_needed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable().optional(),
});
const SuiteReportSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    name: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    prompt: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    change: _gate_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .ChangeKindSchema */ .IZ,
    verdict: _gate_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .VerdictSchema */ .jp,
    n_cases: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    repeats: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    pass_rate: PassRateSchema,
    latency_ms: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        baseline: Percentiles.nullable(),
        candidate: Percentiles.nullable(),
        p95_ratio: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
        p95_ratio_ci: Interval.nullable(),
        /**
         * extension: why the latencies were not compared (too few samples measured in this run on both sides; cached
         * samples are not latency evidence); p95_ratio and p95_ratio_ci are null then.
         */
        not_compared: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    }),
    cost_usd: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        baseline_per_case: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
        candidate_per_case: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
        ratio: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable(),
        ratio_ci: Interval.nullable(),
        /** extension: mean USD per passing sample, per variant. */
        baseline_per_pass: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable().optional(),
        candidate_per_pass: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().nullable().optional(),
    }),
    tokens: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ baseline: Tokens, candidate: Tokens }),
    rules: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(_gate_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .RuleResultSchema */ .LV),
    errors: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig() }),
    cases: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(CaseReportSchema),
    /** extension: the details a reviewer reads in the Change section. */
    change_detail: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        previous_path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
        diff: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
        lines_added: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
        lines_removed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
        /** "model: gpt-4o-mini → gpt-4o", "temperature: 0.7 → 0.2", … */
        settings: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
        model: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ baseline: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(), candidate: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable() }).optional(),
    })
        .optional(),
    /** extension: pass-rate deltas per tag (the segments a team watches), over every case; not the `holdout` tag. */
    by_tag: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(GroupPassRate.extend({ tag: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP() })).optional(),
    /**
     * extension: the cases tagged `holdout` (the team's overfitting check), apart from the rest: when a suite has
     * any, `pass_rate` covers the other cases and this row these; the note never shows their outputs.
     */
    holdout: GroupPassRate.optional(),
    /** extension: ids of the cases whose baseline samples disagree with each other (see `cases[].flaky_at_base`). */
    flaky_at_base: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    /** extension: calls and retries for this suite. */
    calls: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ total: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), cached: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), failed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), retried: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig() }).optional(),
    /**
     * How the suite was sampled (docs/sequential.md): `samples_used` of at most `samples_max` model samples over
     * `rounds` looks; `reused` of them came from the response cache (e.g. a default-branch run's baseline).
     */
    sampling: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        mode: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['fixed', 'sequential']),
        rounds: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        samples_used: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        samples_max: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
        reused: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional(),
        /** Why a sequential request ran as fixed (sharded runs, merges). */
        fallback: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    })
        .optional(),
    /** extension: why the suite was skipped or errored, in one sentence. */
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
const ReportSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    schema_version: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(1),
    verdict: _gate_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .VerdictSchema */ .jp,
    base: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    head: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    confidence: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    suites: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(SuiteReportSchema),
    calls: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({ total: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), cached: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), failed: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), retried: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig() }),
    cost_usd_total: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    duration_ms: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** extension: true when the run stopped early (signal, budget); the numbers cover what finished. */
    partial: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY().optional(),
    /** extension: review-level notes (multiple-comparison adjustment, budget stop, fork PR, …). */
    notes: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()).optional(),
    /**
     * extension: what an inconclusive verdict does to the check, from `gate.inconclusive` in the config (absent:
     * neutral). The Action fails the check when this or its `fail-on-inconclusive` input says failure.
     */
    inconclusive_policy: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['neutral', 'failure']).optional(),
    /** extension: PR context for the Goal and Rollout sections. */
    context: zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
        title: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
        goal: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
        rollout: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
        url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable().optional(),
    })
        .optional(),
});


/***/ }),

/***/ 81703:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $V: () => (/* binding */ SELECTION),
/* harmony export */   TF: () => (/* binding */ roundIndexes),
/* harmony export */   bd: () => (/* binding */ moreOf),
/* harmony export */   "in": () => (/* binding */ CONTINUATION),
/* harmony export */   lt: () => (/* binding */ lookConfidences),
/* harmony export */   p5: () => (/* binding */ roundsFor)
/* harmony export */ });
/* unused harmony export disagrees */
/**
 * The sequential design's rounds, looks and allocation (docs/sequential.md; the estimates and decisions are in
 * ./sequential.ts). Plain arithmetic with no statistics library behind it: the sampling loop
 * (src/review/rounds.ts) needs it before the first model call, and loads nothing more for it.
 */
/** Share of the error rate spent at each look, by the number of looks (1, 2 or 3). Tuned by bench/sequential-sim.ts. */
const LOOK_WEIGHTS = {
    1: [1],
    2: [0.3, 0.7],
    3: [0.05, 0.1, 0.85],
};
/** Rounds (= looks) of a suite with `repeats` samples per case at most. */
function roundsFor(repeats) {
    return Math.max(1, Math.min(3, repeats));
}
/**
 * The confidence each look's intervals and decisions are computed at: 1 − w_j · (1 − confidence). A rule fails
 * at look j when its one-sided p-value is below w_j · (1 − confidence)/2, so over every look a change that does
 * nothing fails at most (1 − confidence)/2 of the time, as a fixed design does.
 */
function lookConfidences(confidence, repeats, weights = LOOK_WEIGHTS[roundsFor(repeats)]) {
    return weights.map((w) => 1 - w * (1 - confidence));
}
/**
 * Do a case's samples disagree: any two of its samples, under either variant, differ. A case whose samples all
 * agree after two rounds (near-deterministic, the common case in real eval sets) gets nothing more: more repeats
 * would not change its value. The rule is symmetric in the two variants, so with a change that does nothing the
 * per-case difference stays symmetric around zero (docs/sequential.md, "An estimate that stays unbiased").
 */
function disagrees(baseline, candidate) {
    const first = baseline[0] ?? candidate[0];
    if (first === undefined)
        return false;
    return baseline.some((s) => s !== first) || candidate.some((s) => s !== first);
}
const CONTINUATION = { unanimous: 0.25 };
/** Samples 0 and 1 decide the allocation (the selection samples); later indexes are the extra samples. */
const SELECTION = 2;
/**
 * The sample indexes round `round` (1-based) adds to a case, given the scores it has so far (both variants) and the
 * case's coin, uniform on [0, 1) and drawn independently of its samples (src/review/rounds.ts: a hash of the
 * suite, the case and the head commit, so a rerun replays the same rounds). Empty when the case gets nothing more.
 */
function roundIndexes(round, repeats, scores, coin, design = CONTINUATION) {
    if (round > roundsFor(repeats))
        return [];
    if (round === 1)
        return [0];
    if (round === 2)
        return [1];
    if (!disagrees(scores.baseline, scores.candidate) && !(coin < design.unanimous))
        return [];
    return Array.from({ length: repeats - SELECTION }, (_, i) => i + SELECTION);
}
/**
 * What an inconclusive result at the maximum calls for (req. of docs/sequential.md): more cases when the spread
 * between cases dominates the interval's width, more repeats when the noise within cases does. `withinVariance`
 * is the mean over cases of the sampling variance of a case's value (what more repeats remove), `sd` the per-case
 * standard deviation (which includes it).
 */
function moreOf(delta) {
    const total = delta.sd * delta.sd;
    const within = delta.withinVariance ?? 0;
    return within > total / 2 ? 'repeats' : 'cases';
}


/***/ })

};
;