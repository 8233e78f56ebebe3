export const id = 825;
export const ids = [825,66];
export const modules = {

/***/ 83825:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMonitorAction: () => (/* binding */ runMonitorAction)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 10 modules
var schemas = __webpack_require__(13798);
// EXTERNAL MODULE: ./src/action/shell.ts + 8 modules
var shell = __webpack_require__(10251);
// EXTERNAL MODULE: ./src/changes/git.ts
var git = __webpack_require__(1345);
// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(73395);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/github/client.ts + 25 modules
var client = __webpack_require__(32842);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/github/limits.ts
var limits = __webpack_require__(71679);
;// CONCATENATED MODULE: ./src/github/issues.ts



/**
 * The drift issue (docs/monitor.md): one open issue per drifting suite, titled "promptgate: drift in <suite>",
 * labelled {@link DRIFT_LABEL}, found again by a hidden marker on the first line of its body. A drift opens it or
 * comments on it; a recovery comments and closes it.
 */
const DRIFT_LABEL = 'promptgate-drift';
/** The suite's marker: a digest of its name, so no name (one holding `-->`, say) can break out of the comment. */
function driftMarker(suite) {
    return `<!-- promptgate:drift:${(0,external_node_crypto_.createHash)('sha256').update(suite).digest('hex').slice(0, 16)} -->`;
}
const driftTitle = (suite) => `promptgate: drift in ${suite}`.slice(0, 256);
// Only the fields read here; GitHub's issue objects carry many more.
const IssueSchema = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int().positive(),
    html_url: schemas/* string */.YjP(),
    body: schemas/* string */.YjP().nullish(),
    state: schemas/* string */.YjP(),
    pull_request: schemas/* unknown */.L5J().optional(),
});
/** The open drift issues of one suite, oldest first (the list is labelled; the marker says which suite). */
async function openDriftIssues(octokit, where) {
    const marker = driftMarker(where.suite);
    const raw = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: where.owner, repo: where.repo, state: 'open', labels: DRIFT_LABEL, sort: 'created', direction: 'asc', per_page: 100 });
    return schemas/* array */.YOg(IssueSchema)
        .parse(raw)
        .filter((i) => i.pull_request === undefined && (i.body ?? '').startsWith(marker))
        .sort((a, b) => a.number - b.number);
}
const fit = (text) => (text.length <= limits/* COMMENT_BODY_LIMIT */.tx ? text : text.slice(0, limits/* COMMENT_BODY_LIMIT */.tx - 80) + "\n\n_Shortened to fit GitHub's limit; the job summary has all of it._\n");
/**
 * A drift: comment on the suite's open issue, or open one. Two runs that race may both open one, so after opening,
 * the list is read again and every newer duplicate is closed with a link to the oldest; a later run that finds
 * several open (the list lagged) does the same.
 */
async function reportDrift(octokit, where, note) {
    const existing = await openDriftIssues(octokit, where);
    if (existing.length > 0) {
        const [keep, ...dupes] = existing;
        await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: keep.number, body: fit(note.comment) });
        return { action: 'commented', issue: keep, duplicatesClosed: await closeDuplicates(octokit, where, keep, dupes) };
    }
    const created = IssueSchema.parse((await octokit.rest.issues.create({
        owner: where.owner,
        repo: where.repo,
        title: driftTitle(where.suite),
        body: fit(`${driftMarker(where.suite)}\n${note.body}`),
        labels: [DRIFT_LABEL],
    })).data);
    const now = await openDriftIssues(octokit, where);
    const keep = now[0] && now[0].number < created.number ? now[0] : created;
    const dupes = now.filter((i) => i.number !== keep.number);
    if (keep.number !== created.number) {
        if (!dupes.some((d) => d.number === created.number))
            dupes.push(created);
        // Another run opened it first: this run's note goes there, as a comment.
        await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: keep.number, body: fit(note.comment) });
    }
    return { action: keep.number === created.number ? 'opened' : 'commented', issue: keep, duplicatesClosed: await closeDuplicates(octokit, where, keep, dupes) };
}
/** Recovered: comment on every open drift issue of the suite and close it. */
async function reportRecovery(octokit, where, comment) {
    const open = await openDriftIssues(octokit, where);
    for (const issue of open) {
        await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: issue.number, body: fit(comment) });
        await octokit.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
    }
    return { action: open.length ? 'closed' : 'none', ...(open[0] ? { issue: open[0] } : {}), duplicatesClosed: [] };
}
async function closeDuplicates(octokit, where, keep, dupes) {
    const closed = [];
    for (const d of dupes) {
        await octokit.rest.issues.createComment({
            owner: where.owner,
            repo: where.repo,
            issue_number: d.number,
            body: `Duplicate of #${keep.number} (two monitoring runs opened one each); the drift is tracked there.`,
        });
        await octokit.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: d.number, state: 'closed', state_reason: 'not_planned' });
        closed.push(d.number);
    }
    return closed;
}

// EXTERNAL MODULE: ./src/github/response-cache.ts + 345 modules
var response_cache = __webpack_require__(28149);
// EXTERNAL MODULE: ./src/assertions/index.ts + 9 modules
var assertions = __webpack_require__(33749);
// EXTERNAL MODULE: ./src/config/limits.ts
var config_limits = __webpack_require__(59304);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/plan/requests.ts
var requests = __webpack_require__(93957);
// EXTERNAL MODULE: ./src/plan/read-sides.ts
var read_sides = __webpack_require__(84734);
// EXTERNAL MODULE: ./src/plan/settings.ts
var settings = __webpack_require__(39214);
// EXTERNAL MODULE: ./src/plan/suites.ts + 2 modules
var plan_suites = __webpack_require__(48950);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: ./src/report/build.ts
var build = __webpack_require__(95066);
// EXTERNAL MODULE: ./src/report/schema.ts
var report_schema = __webpack_require__(91327);
// EXTERNAL MODULE: ./src/run/index.ts + 158 modules
var run = __webpack_require__(42237);
;// CONCATENATED MODULE: ./src/monitor.ts

















/**
 * The drift monitor (docs/monitor.md): the prompts of every suite at one commit, sampled now, compared — paired by
 * case — with reference samples for the same rendered messages. The reference is what the response cache holds
 * for those messages (the last run's answers: same key = same endpoint, model, params, messages and sample index),
 * a pinned copy of it while a drift is open, or a samples file given with `--reference`. Variants: baseline =
 * reference, candidate = now; statistics, gate rules and the note are a review's.
 */
/** The samples file: what `promptgate monitor --samples FILE` writes and `--reference FILE` reads. */
const SAMPLES_KIND = 'promptgate-monitor-samples';
const ModelOutputSchema = schemas/* object */.Ikc({
    text: schemas/* string */.YjP(),
    toolCalls: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), arguments: schemas/* string */.YjP() })).optional(),
    latencyMs: schemas/* number */.aig().nonnegative(),
    usage: schemas/* object */.Ikc({ input: schemas/* number */.aig().nonnegative(), output: schemas/* number */.aig().nonnegative() }),
    finishReason: schemas/* string */.YjP().optional(),
    model: schemas/* string */.YjP().optional(),
});
const SampleSchema = schemas/* object */.Ikc({
    /** The response cache's content address (docs/reliability.md): the pairing key. */
    key: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/, 'expected the 64-hex-digit cache key'),
    suite: schemas/* string */.YjP(),
    case_id: schemas/* string */.YjP(),
    sample_index: schemas/* number */.aig().int().min(0),
    output: ModelOutputSchema,
});
const SamplesFileSchema = schemas/* object */.Ikc({
    kind: schemas/* literal */.euz(SAMPLES_KIND),
    schema_version: schemas/* literal */.euz(1),
    /** The commit whose prompts were sampled. */
    sha: schemas/* string */.YjP(),
    created_at: schemas/* string */.YjP(),
    samples: schemas/* array */.YOg(SampleSchema),
});
/** A reference file larger than this is refused before it is read (docs/input-limits.md). */
const MAX_REFERENCE_BYTES = (/* unused pure expression or super */ null && (256 * 1024 * 1024));
const REFERENCE_HINT = 'pass a file written by `promptgate monitor --samples FILE` (or the pinned reference `<cache_dir>/monitor/pinned.json`)';
/** Reads and checks a samples file (`--reference`): JSON, then the schema above; errors name the file and the field. */
async function readSamplesFile(file) {
    let size;
    try {
        size = (await stat(file)).size;
    }
    catch (err) {
        throw new PromptgateError(`reference file not found: ${err.message}`, { file, hint: REFERENCE_HINT });
    }
    if (size > MAX_REFERENCE_BYTES)
        throw new PromptgateError(`is ${size} bytes, over the ${MAX_REFERENCE_BYTES}-byte limit for a reference file`, { file, hint: REFERENCE_HINT });
    return parseSamplesFile(file, await readFile(file, 'utf8'));
}
function parseSamplesFile(file, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* PromptgateError */.g(`is not JSON: ${err.message}`, { file, hint: REFERENCE_HINT });
    }
    const parsed = SamplesFileSchema.safeParse(value);
    if (!parsed.success) {
        const where = parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`)
            .join('; ');
        const shard = value?.kind === 'promptgate-shard' ? ' (this is a shard file of `run --shard`, keyed by case, not by rendered messages)' : '';
        throw new errors/* PromptgateError */.g(`is not a promptgate monitor samples file${shard}: ${where}`, { file, hint: REFERENCE_HINT });
    }
    return parsed.data;
}
const NO_REFERENCE = 'No reference yet: this run is the reference.';
/** Where a drifting suite's reference is kept while the drift lasts, inside the response cache's directory. */
const PINNED_FILE = (0,external_node_path_.join)('monitor', 'pinned.json');
async function monitor(input) {
    const started = Date.now();
    const sink = input.log ?? (() => { });
    const log = (line) => sink(redact/* secrets */.O3.redact(line));
    const sha = await (0,git/* resolveRev */.EX)(input.repoDir, input.ref ?? 'HEAD');
    const [, side] = await (0,read_sides/* readSides */.h)(input, sha, sha, 'head', log);
    const config = side.config;
    const gate = config?.gate ?? schema/* GateSchema */.ZM.parse({});
    const runConfig = config?.run ?? schema/* RunSchema */.nl.parse({});
    // Every file counts as changed, so every suite (every prompt file a suite's glob matches) is planned: baseline
    // and candidate are the same text, hence the same rendered messages and the same cache keys.
    const planned = (await (0,plan_suites/* planSuites */.D)({
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
    const endpointFor = (0,settings/* endpointResolver */.yR)({ hasConfig: !!config, env: input.env, apiKey: input.overrides?.apiKey, zeroConfigKey: input.zeroConfigProvider?.apiKey });
    (0,config_limits/* checkCount */.wE)('samples', planned.reduce((n, s) => n + (0,requests/* plannedSamples */.OA)(s), 0) / 2, { file: side.configFile ?? undefined });
    const renderBudget = new config_limits/* RenderBudget */.uc();
    const bySuite = new Map(planned.map((s) => [s, (0,requests/* planRequests */._8)(s, endpointFor, renderBudget).filter((r) => r.variant === 'candidate')]));
    const fresh = [...bySuite.values()].flat();
    const sampleKeys = new Set(fresh.map((r) => r.cacheKey));
    // References, all read before any call: this run's answers overwrite the same cache keys.
    const disk = input.noCache ? null : (0,run/* diskCache */.IS)((0,external_node_path_.join)(input.repoDir, runConfig.cache_dir));
    const pinnedPath = (0,external_node_path_.join)(input.repoDir, runConfig.cache_dir, PINNED_FILE);
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
        const preflight = (0,run/* budgetPreflight */.Rl)(fresh, budget);
        log(preflight.line);
        if (preflight.refusal) {
            const report = skeleton('error', planned.map((s) => (0,build.emptySuiteReport)(s, 'error', preflight.refusal)), { notes: [preflight.refusal] });
            return { report: report_schema.ReportSchema.parse(redact/* secrets */.O3.redactDeep(report)), suites: [], samples: samplesFile([]), sha, noReference: compared.size === 0 };
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
        grade: (req, output, run) => (0,assertions/* gradeOutput */.zR)(req.assert, output, { grader: run.grader }),
    };
    log(`Sampling ${fresh.length} samples now (${planned.length} suite${planned.length === 1 ? '' : 's'}, concurrency ${concurrency}); ${reference.size} have a reference.`);
    // Samples are called fresh, never read from the cache (the point is what the model answers today); their answers
    // are written to it, and become the next reference. Grader answers (llm_rubric) are cached as in a review.
    const freshCache = {
        get: async (key) => (sampleKeys.has(key) ? undefined : disk?.get(key)),
        set: async (key, value) => disk?.set(key, value),
    };
    const now = await (0,run/* runSamples */.Tf)(fresh, { ...runOptions, cache: freshCache, budgetUsd: budget, onProgress: input.onProgress });
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
    const then = refRequests.length ? await (0,run/* runSamples */.Tf)(refRequests, { ...runOptions, cache: refCache }) : null;
    const records = [...now.records, ...(then?.records ?? [])];
    const calls = sumCalls(now.calls, then?.calls);
    const stopped = now.stopped ?? then?.stopped;
    const comparedSuites = [...compared.values()];
    const built = comparedSuites.length
        ? (0,build/* buildReport */.F)({ planned: comparedSuites, records, calls, gateConfig: gate, skeleton, stopped, sharded: false })
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
            suiteReport = (0,build.emptySuiteReport)(s, 'skipped', input.rebaseline ? 'Re-baselined on request: this run is the reference.' : NO_REFERENCE);
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
    const redacted = report_schema.ReportSchema.parse(redact/* secrets */.O3.redactDeep(report));
    return { report: redacted, suites, samples: redact/* secrets */.O3.redactDeep(samplesFile(samples)), sha, noReference };
}
const idOf = (r) => `${r.suite}\0${r.caseId}\0${r.sampleIndex}`;
function sumCalls(a, b) {
    return b ? { total: a.total + b.total, cached: a.cached + b.cached, failed: a.failed + b.failed, retried: a.retried + b.retried } : a;
}
async function readPinned(path, log) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
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
            await (0,promises_.rm)(path, { force: true });
            return;
        }
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        const tmp = `${path}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
        const file = { kind: SAMPLES_KIND, schema_version: 1, sha: 'pinned', created_at: new Date().toISOString(), samples: [...next.values()] };
        await (0,promises_.writeFile)(tmp, JSON.stringify(redact/* secrets */.O3.redactDeep(file)));
        await (0,promises_.rename)(tmp, path);
    }
    catch (err) {
        log(`warning: the pinned reference could not be written (${err.message}); the next run compares with this run's samples`);
    }
}

// EXTERNAL MODULE: ./src/report/index.ts + 1 modules
var src_report = __webpack_require__(88549);
;// CONCATENATED MODULE: ./src/monitor-action.ts














const GITHUB_MODELS = { baseUrl: 'https://models.github.ai/inference', model: 'openai/gpt-4o-mini' };
const SUMMARY_LIMIT = 300_000;
const ISSUE_NOTE_LIMIT = 60_000;
const Sha = schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/i, 'expected a 40-character commit sha');
// Only the fields the monitor reads; GitHub sends many more.
const Payload = schemas/* object */.Ikc({
    /** push: the pushed commit. */
    after: Sha.optional(),
    repository: schemas/* object */.Ikc({ full_name: schemas/* string */.YjP().regex(/^[^/\s]+\/[^/\s]+$/) })
        .loose()
        .optional(),
    /** workflow_dispatch: `rebaseline: true` accepts today's behaviour as the new reference. */
    inputs: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish(),
});
/**
 * The Action on `schedule`, `workflow_dispatch` and `push` to the default branch (docs/monitor.md): restore the
 * response cache, run the monitor on the checkout, save the cache — under the key a pull request against this
 * commit restores first, so its baseline samples are warm — then, per suite, open or update the drift issue, or
 * close it when the suite recovered. A suite without a reference gets a job-summary line, never an issue.
 * Everything written passes through the secrets registry (docs/security.md).
 */
async function runMonitorAction(opts = {}) {
    const env = process.env;
    (0,shell/* registerSecrets */.dg)(env);
    const inputs = (0,shell/* readInputs */.Ko)();
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const parsed = Payload.safeParse(await (0,shell/* readEventPayload */.N5)(env.GITHUB_EVENT_PATH));
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new errors/* PromptgateError */.g(`the ${eventName} event payload is not what GitHub sends: ${issue.path.join('.') || '(the payload)'}: ${issue.message}`, {
            file: 'GITHUB_EVENT_PATH',
            hint: `promptgate reads the event from the file GITHUB_EVENT_PATH names; when testing locally, save a real ${eventName} payload there`,
        });
    }
    const payload = parsed.data;
    const [owner, repo] = (payload.repository?.full_name ?? env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo)
        throw new errors/* PromptgateError */.g('cannot tell which repository this run is for (GITHUB_REPOSITORY is not set)', { hint: 'run promptgate as a step of a GitHub Actions workflow' });
    const headSha = Sha.safeParse(eventName === 'push' ? payload.after : env.GITHUB_SHA);
    if (!headSha.success)
        throw new errors/* PromptgateError */.g(`no commit to monitor: ${eventName === 'push' ? 'the push event has no `after` sha' : 'GITHUB_SHA is not set to a commit sha'}`, {
            hint: 'run promptgate as a step of a GitHub Actions workflow',
        });
    const sha = headSha.data;
    const rebaseline = eventName === 'workflow_dispatch' && ['true', true].includes(payload.inputs?.rebaseline);
    const repoDir = (0,shell/* workspace */.Gl)();
    await (0,shell/* ensureCommits */.nm)(repoDir, [sha]);
    const found = await (0,load/* findConfig */.u0)((path) => (0,git/* readFileAt */._T)(repoDir, sha, path), inputs.config);
    (0,shell/* registerSecrets */.dg)(env, found.config);
    const cacheDir = found.config?.run.cache_dir ?? '.promptgate/cache';
    // Restored by this commit's prefix first, then any: entries are content-addressed, so an older commit's answers
    // are the reference for every prompt it shares with this one.
    const cacheKey = await (0,response_cache/* restoreResponseCache */.U)(repoDir, cacheDir, sha, inputs.config, { info: shell/* info */.pq, warn: shell/* warn */.R8 });
    let out = null;
    let failure = null;
    try {
        out = await monitor({
            repoDir,
            ref: sha,
            configPath: inputs.config,
            rebaseline,
            overrides: { repeats: inputs.repeats, concurrency: inputs.concurrency, budgetUsd: inputs['budget-usd'], baseUrl: inputs['base-url'], apiKey: inputs['api-key'] },
            env,
            zeroConfigProvider: { ...GITHUB_MODELS, apiKey: inputs['github-token'] },
            log: shell/* info */.pq,
            onProgress: (0,shell/* progressLogger */.St)(),
            signal: opts.signal,
            forceStop: opts.forceStop,
        });
    }
    catch (err) {
        failure = (0,shell/* describe */.q0)(err);
        core/* error */.z3(failure);
    }
    // The cache first: what was paid for is kept even if GitHub refuses what follows.
    if (cacheKey)
        await (0,response_cache/* saveResponseCache */.d)(repoDir, cacheDir, cacheKey, { info: shell/* info */.pq });
    if (!out) {
        await summary(`## 🛑 promptgate monitor: error\n\n${failure}\n`);
        (0,shell/* setOutputs */.n0)({ verdict: 'error' });
        core/* setFailed */.C1(`promptgate: ${failure}`);
        return;
    }
    const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : null;
    const octokit = (0,client/* makeOctokit */.a)(inputs['github-token'], { baseUrl: env.GITHUB_API_URL, log: shell/* info */.pq });
    const lines = [];
    const drifting = [];
    let issueFailure = null;
    for (const s of out.suites) {
        const where = { owner, repo, suite: s.name };
        const versions = versionLine(s);
        if (s.compared === 0) {
            lines.push(`- ⏭️ **${s.name}**: ${rebaseline ? 're-baselined on request' : 'no reference yet (new suite, changed prompt or evicted cache)'}: this run is the reference; no issue.`);
            continue;
        }
        try {
            if (s.verdict === 'fail') {
                drifting.push(s.name);
                const note = suiteNote(out.report, s.name);
                const lead = `**Drift** in \`${s.name}\`: the prompts at ${sha.slice(0, 7)} answer worse now than their reference samples${runUrl ? ` ([run](${runUrl}))` : ''}.\n\n${versions}`;
                const result = await reportDrift(octokit, where, {
                    body: redact/* secrets */.O3.redact(`${lead}\n\n${note}`),
                    comment: redact/* secrets */.O3.redact(`Still drifting at ${sha.slice(0, 7)}${runUrl ? ` ([run](${runUrl}))` : ''}.\n\n${versions}\n\n${note}`),
                });
                lines.push(`- ❌ **${s.name}**: drift — ${issueLine(result)}. ${versions}`);
            }
            else if (s.verdict === 'pass') {
                const comment = redact/* secrets */.O3.redact(`**Recovered** at ${sha.slice(0, 7)}${runUrl ? ` ([run](${runUrl}))` : ''}: no drift from the reference any more. Closing.\n\n${versions}\n\n${suiteNote(out.report, s.name)}`);
                const result = await reportRecovery(octokit, where, comment);
                lines.push(`- ✅ **${s.name}**: no drift (${s.compared} cases compared${s.rebaselined ? `, ${s.rebaselined} re-baselined` : ''})${result.action === 'closed' ? ` — ${issueLine(result)}` : ''}. ${versions}`);
            }
            else {
                lines.push(`- **${s.name}**: ${s.verdict} (${s.compared} cases compared); any open drift issue stays open. ${versions}`);
            }
        }
        catch (err) {
            issueFailure ??= (0,shell/* describe */.q0)(err);
            (0,shell/* warn */.R8)(`Could not write the drift issue for ${s.name}: ${(0,shell/* describe */.q0)(err)}. Give the workflow \`issues: write\`.`);
            lines.push(`- **${s.name}**: ${s.verdict}; the drift issue could not be written (${(0,shell/* describe */.q0)(err)}).`);
        }
    }
    const reportPath = (0,external_node_path_.join)(env.RUNNER_TEMP ?? repoDir, 'promptgate-monitor-report.json');
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(reportPath), { recursive: true });
        await (0,promises_.writeFile)(reportPath, (0,src_report/* writeJsonReport */.a_)(out.report));
    }
    catch (err) {
        (0,shell/* warn */.R8)(`Could not write the JSON report to ${reportPath}: ${(0,shell/* describe */.q0)(err)}`);
    }
    const head = `## promptgate monitor at ${sha.slice(0, 7)}${eventName === 'push' ? ' (push: this run also warms the response cache for pull requests against it)' : ''}\n\n${lines.join('\n')}\n`;
    await summary(redact/* secrets */.O3.redact(`${head}\n${(0,src_report/* renderChangeNote */["do"])(out.report, { target: 'summary', maxChars: SUMMARY_LIMIT - head.length - 10 })}`));
    (0,shell/* setOutputs */.n0)({ verdict: out.report.verdict, 'report-path': reportPath, drift: JSON.stringify(drifting) });
    if (out.report.verdict === 'error')
        core/* setFailed */.C1(`promptgate monitor: error (see the job summary)`);
    else if (drifting.length)
        core/* setFailed */.C1(`promptgate: drift in ${drifting.join(', ')}`);
    else if (issueFailure)
        core/* setFailed */.C1(`promptgate: the drift issue could not be written: ${issueFailure}`);
}
function versionLine(s) {
    const code = (list) => (list.length ? list.map((m) => `\`${m.replace(/`/g, "'")}\``).join(', ') : '(none)');
    const changed = s.models.reference.join() !== s.models.now.join();
    return `Model version the provider reported: reference ${code(s.models.reference)}, now ${code(s.models.now)}${changed ? ' (changed)' : ''}.`;
}
function issueLine(r) {
    const n = r.issue ? `#${r.issue.number}` : 'the issue';
    const dupes = r.duplicatesClosed.length ? ` (closed duplicate ${r.duplicatesClosed.map((d) => `#${d}`).join(', ')})` : '';
    return `${r.action === 'opened' ? `opened ${n}` : r.action === 'commented' ? `commented on ${n}` : r.action === 'closed' ? `closed ${n}` : 'no issue'}${dupes}`;
}
/** One suite's part of the note (Eval result, Tradeoffs, By tag, Flipped cases, Gate) and its own notes. */
function suiteNote(report, name) {
    const suite = report.suites.find((s) => s.name === name);
    const notes = (report.notes ?? []).filter((n) => n.startsWith(`${name}: `) || !report.suites.some((s) => n.startsWith(`${s.name}: `)));
    const one = { ...report, verdict: suite?.verdict ?? report.verdict, suites: suite ? [suite] : [], notes };
    return (0,src_report/* renderChangeNote */["do"])(one, { target: 'comment', maxChars: ISSUE_NOTE_LIMIT });
}
async function summary(text) {
    try {
        await core/* summary */.z.addRaw(text).write();
    }
    catch (err) {
        core/* summary */.z.emptyBuffer();
        (0,shell/* warn */.R8)(`Could not write the job summary: ${(0,shell/* describe */.q0)(err)}`);
    }
}


/***/ }),

/***/ 95066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ buildReport),
/* harmony export */   emptySuiteReport: () => (/* binding */ emptySuiteReport)
/* harmony export */ });
/* harmony import */ var diff__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37291);
/* harmony import */ var _gate_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13219);
/* harmony import */ var _plan_requests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93957);
/* harmony import */ var _plan_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(39214);
/* harmony import */ var _results_aggregate_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32379);
/* harmony import */ var _stats_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(31144);






function buildReport(args) {
    const { planned, records, gateConfig } = args;
    const runnable = planned.filter((s) => !s.message);
    const results = runnable.map((s) => (0,_results_aggregate_js__WEBPACK_IMPORTED_MODULE_3__/* .aggregateSuite */ .K)(s, records));
    const measured = results.map((r, i) => (0,_stats_index_js__WEBPACK_IMPORTED_MODULE_4__/* .measureSuite */ .bt)(r.samples, { confidence: gateConfig.confidence, sequential: args.sequential?.has(runnable[i].name) ?? false }));
    const gateInputs = runnable.map((s, i) => ({
        name: s.name,
        change: s.change,
        measured: measured[i],
        cases: results[i].samples,
        calls: { total: results[i].calls.total, failed: results[i].calls.failed },
        runs_planned: args.scheduled?.get(s.name) ?? (0,_plan_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .plannedSamples */ .OA)(s),
        sequential: args.sequential?.has(s.name) ?? false,
    }));
    const gate = (0,_gate_index_js__WEBPACK_IMPORTED_MODULE_0__/* .evaluateGate */ .DR)(gateInputs, gateConfig, { stopped: args.stopped?.message });
    const suites = planned.map((s) => {
        const i = runnable.indexOf(s);
        if (i < 0)
            return emptySuiteReport(s, 'skipped', s.message);
        const r = results[i];
        const m = measured[i];
        const g = gate.suites[i];
        const diff = changeDetail(s);
        return {
            name: s.name,
            prompt: s.prompt,
            change: s.change,
            verdict: g.verdict,
            n_cases: s.cases.length,
            repeats: s.repeats,
            pass_rate: { ...m.pass_rate, cases_needed: m.pass_rate.cases_needed ?? g.cases_needed },
            latency_ms: m.latency_ms,
            cost_usd: m.cost_usd,
            tokens: r.tokens,
            rules: g.rules,
            errors: r.errors,
            cases: r.cases,
            change_detail: diff,
            by_tag: m.by_tag,
            ...(m.holdout ? { holdout: m.holdout } : {}),
            flaky_at_base: r.flakyAtBase,
            calls: r.calls,
            ...(args.sampling?.has(s.name) ? { sampling: args.sampling.get(s.name) } : {}),
            ...(g.verdict === 'error' && r.firstError ? { message: `Calls failed: ${r.firstError}` } : {}),
        };
    });
    const notes = [...gate.notes];
    for (const s of planned) {
        if (s.candidate?.ignoredSettings?.length) {
            notes.push(`${s.name}: the head's settings were not applied — only prompt text is taken from the head of this pull request, so the candidate ran with the base's settings. Not applied: ${s.candidate.ignoredSettings.join('; ')}.`);
        }
    }
    let verdict = gate.verdict;
    if (args.stopped) {
        notes.unshift(`Partial: ${args.stopped.message}`);
        verdict = 'error';
    }
    if (args.sharded)
        notes.unshift('Shard result: this covers one slice of the samples; merge all shards with `promptgate merge` for the verdict.');
    // Money actually spent: cached samples cost nothing this time (their cost still counts in the per-case figures).
    const cost = records.reduce((sum, r) => sum + (r.cached ? 0 : r.costUsd), 0);
    return args.skeleton(verdict, suites, {
        calls: args.calls,
        cost_usd_total: cost,
        ...(args.stopped || args.sharded ? { partial: true } : {}),
        ...(notes.length ? { notes } : {}),
    });
}
function changeDetail(s) {
    const b = s.baseline;
    const c = s.candidate;
    const model = { baseline: b?.settings.model ?? null, candidate: c?.settings.model ?? null };
    if (!b || !c)
        return { previous_path: s.previousPath ?? null, model };
    const patch = b.text === c.text ? null : (0,diff__WEBPACK_IMPORTED_MODULE_5__/* .createTwoFilesPatch */ .ss)(b.path, c.path, b.text, c.text, undefined, undefined, { context: 3 });
    // Counted from the hunks themselves: a changed line may begin with "---" or "+++" (front matter), which a count
    // over the patch text would take for a file header.
    let added = 0;
    let removed = 0;
    if (b.text !== c.text) {
        for (const hunk of (0,diff__WEBPACK_IMPORTED_MODULE_5__/* .structuredPatch */ .YB)(b.path, c.path, b.text, c.text, undefined, undefined, { context: 0 }).hunks) {
            for (const line of hunk.lines) {
                if (line.startsWith('+'))
                    added++;
                else if (line.startsWith('-'))
                    removed++;
            }
        }
    }
    return {
        previous_path: s.previousPath ?? null,
        diff: patch,
        lines_added: added,
        lines_removed: removed,
        settings: (0,_plan_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .settingsChanges */ .fH)(b.settings, c.settings),
        model,
    };
}
function emptySuiteReport(s, verdict, message) {
    return {
        name: s.name,
        prompt: s.prompt,
        change: s.change,
        verdict,
        n_cases: s.cases.length,
        repeats: s.repeats,
        pass_rate: { baseline: null, candidate: null, delta: null, ci: null, p_value: null },
        latency_ms: { baseline: null, candidate: null, p95_ratio: null, p95_ratio_ci: null },
        cost_usd: { baseline_per_case: null, candidate_per_case: null, ratio: null, ratio_ci: null },
        tokens: { baseline: { input: 0, output: 0 }, candidate: { input: 0, output: 0 } },
        rules: [],
        errors: { baseline: 0, candidate: 0 },
        cases: [],
        message,
    };
}


/***/ }),

/***/ 32379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ aggregateSuite)
});

;// CONCATENATED MODULE: ./src/results/case-outputs.ts
function pick(v, want) {
    if (!v)
        return { text: null, passed: null };
    const pass = v.firstPass !== null ? { text: v.firstPass, passed: true } : null;
    const fail = v.firstFail !== null ? { text: v.firstFail, passed: false } : null;
    // The variant's typical behaviour: a failing sample when most samples failed, a passing one otherwise.
    const failFirst = want === 'fail' || (want === 'typical' && v.passed * 2 < v.runs);
    return (failFirst ? (fail ?? pass) : (pass ?? fail)) ?? { text: null, passed: null };
}
const rateOf = (v) => (v && v.runs > 0 ? v.passed / v.runs : null);
/**
 * The output shown per variant for a case, and whether that sample passed (see docs/change-note.md): the note shows
 * what a flip looks like, so for a case whose pass rate dropped (a regression) it is a passing baseline sample and a
 * failing candidate sample; for one whose pass rate rose (a fix), a failing baseline sample and a passing candidate
 * sample; for any other case, each variant's typical sample. Where a variant has no sample of the wanted kind, its
 * other kind is shown, and `output_passed` says which it is.
 */
function caseOutputs(baseline, candidate) {
    const b = rateOf(baseline);
    const k = rateOf(candidate);
    const direction = b !== null && k !== null ? Math.sign(k - b) : 0;
    const shownBaseline = pick(baseline, direction < 0 ? 'pass' : direction > 0 ? 'fail' : 'typical');
    const shownCandidate = pick(candidate, direction < 0 ? 'fail' : direction > 0 ? 'pass' : 'typical');
    return {
        outputs: { baseline: shownBaseline.text, candidate: shownCandidate.text },
        output_passed: { baseline: shownBaseline.passed, candidate: shownCandidate.passed },
    };
}

// EXTERNAL MODULE: ./src/stats/index.ts + 2 modules
var stats = __webpack_require__(31144);
;// CONCATENATED MODULE: ./src/results/aggregate.ts


const OUTPUT_CHARS = 2_000;
/**
 * Group one suite's finished samples by case and variant, in plan order. Errors are kept out of the scores (a
 * failed call says nothing about the prompt) and counted separately.
 */
function aggregateSuite(suite, records) {
    const byCase = new Map();
    for (const r of records) {
        if (r.suite !== suite.name)
            continue;
        const list = byCase.get(r.caseId);
        if (list)
            list.push(r);
        else
            byCase.set(r.caseId, [r]);
    }
    const tokens = { baseline: { input: 0, output: 0 }, candidate: { input: 0, output: 0 } };
    const errors = { baseline: 0, candidate: 0 };
    const calls = { total: 0, cached: 0, failed: 0, retried: 0 };
    let firstError;
    const samples = [];
    const cases = [];
    const flakyIds = [];
    for (const c of suite.cases) {
        const recs = (byCase.get(c.id) ?? []).sort((a, b) => a.sampleIndex - b.sampleIndex);
        const pick = (variant, ran) => {
            if (!ran)
                return { v: null, firstPass: null, firstFail: null, reason: null, passed: 0, runs: 0, errs: 0 };
            // fresh and sampleIndex let the latency comparison keep only pairs measured side by side in this run.
            const v = { scores: [], latenciesMs: [], costUsd: [], errors: 0, fresh: [], sampleIndex: [] };
            let firstPass = null;
            let firstFail = null;
            let reason = null;
            let passed = 0;
            for (const r of recs) {
                if (r.variant !== variant)
                    continue;
                calls.total++;
                if (r.cached)
                    calls.cached++;
                calls.retried += r.retries;
                if (!r.ok) {
                    v.errors++;
                    calls.failed++;
                    errors[variant]++;
                    firstError ??= r.error;
                    continue;
                }
                // The pass rate is the share of samples that pass every assertion; partial assertion scores stay in the
                // sample's grade and do not count as partial passes.
                v.scores.push(r.passed ? 1 : 0);
                v.latenciesMs.push(r.output.latencyMs);
                v.costUsd.push(r.costUsd);
                v.fresh.push(!r.cached);
                v.sampleIndex.push(r.sampleIndex);
                tokens[variant].input += r.output.usage.input;
                tokens[variant].output += r.output.usage.output;
                const text = r.output.text.length > OUTPUT_CHARS ? r.output.text.slice(0, OUTPUT_CHARS) + '…' : r.output.text;
                if (r.passed) {
                    passed++;
                    firstPass ??= text;
                }
                else {
                    firstFail ??= text;
                    reason ??= r.reason ?? null;
                }
            }
            return { v, firstPass, firstFail, reason, passed, runs: v.scores.length, errs: v.errors };
        };
        const b = pick('baseline', suite.baseline !== null);
        const k = pick('candidate', suite.candidate !== null);
        samples.push({ id: c.id, tags: c.tags, baseline: b.v, candidate: k.v });
        const flaky = b.v !== null && (0,stats/* flakyAtBase */._f)({ passed: b.passed, runs: b.runs });
        if (flaky)
            flakyIds.push(c.id);
        cases.push({
            id: c.id,
            tags: c.tags,
            baseline: b.v ? { passed: b.passed, runs: b.runs, ...(b.errs ? { errors: b.errs } : {}) } : null,
            candidate: k.v ? { passed: k.passed, runs: k.runs, ...(k.errs ? { errors: k.errs } : {}) } : null,
            // The sample that shows the flip: for a regression the candidate's failing one, for a fix its passing one.
            ...caseOutputs(b.v ? b : null, k.v ? k : null),
            reasons: { baseline: b.reason, candidate: k.reason },
            ...(flaky ? { flaky_at_base: true } : {}),
        });
    }
    return { samples, cases, tokens, errors, calls, firstError, flakyAtBase: flakyIds };
}


/***/ })

};
