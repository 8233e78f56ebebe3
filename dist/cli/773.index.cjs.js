"use strict";
exports.id = 773;
exports.ids = [773];
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
            const report = skeleton('error', planned.map((s) => (0,_report_build_js__WEBPACK_IMPORTED_MODULE_13__/* .emptySuiteReport */ .a)(s, 'error', preflight.refusal)), { notes: [preflight.refusal] });
            return { report: _report_schema_js__WEBPACK_IMPORTED_MODULE_14__/* .ReportSchema */ .M9.parse(_redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redactDeep(report)), suites: [], samples: samplesFile([]), sha, noReference: compared.size === 0 };
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
            suiteReport = (0,_report_build_js__WEBPACK_IMPORTED_MODULE_13__/* .emptySuiteReport */ .a)(s, 'skipped', input.rebaseline ? 'Re-baselined on request: this run is the reference.' : NO_REFERENCE);
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
    const redacted = _report_schema_js__WEBPACK_IMPORTED_MODULE_14__/* .ReportSchema */ .M9.parse(_redact_js__WEBPACK_IMPORTED_MODULE_12__.secrets.redactDeep(report));
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


/***/ })

};
;