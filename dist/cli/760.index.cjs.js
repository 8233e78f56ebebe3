"use strict";
exports.id = 760;
exports.ids = [760,417,358];
exports.modules = {

/***/ 60760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mergeCommand: () => (/* binding */ mergeCommand),
  runCommand: () => (/* binding */ runCommand)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/config/load.ts + 1 modules
var load = __webpack_require__(73395);
// EXTERNAL MODULE: ./src/changes/git.ts
var git = __webpack_require__(1345);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/redact.ts
var redact = __webpack_require__(76670);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(45586);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var core_errors = __webpack_require__(37428);
;// CONCATENATED MODULE: ./src/results/shard-file.ts


/**
 * A shard's result (`promptgate run --shard i/n --json part.json`): the finished samples themselves, so that
 * `promptgate merge` recomputes exactly the statistics an unsharded run would.
 */
const ModelOutputSchema = schemas/* object */.Ikc({
    text: schemas/* string */.YjP(),
    toolCalls: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), arguments: schemas/* string */.YjP() })).optional(),
    latencyMs: schemas/* number */.aig(),
    usage: schemas/* object */.Ikc({ input: schemas/* number */.aig(), output: schemas/* number */.aig() }),
    finishReason: schemas/* string */.YjP().optional(),
});
const Common = {
    suite: schemas/* string */.YjP(),
    variant: schemas/* enum */.k5n(['baseline', 'candidate']),
    caseId: schemas/* string */.YjP(),
    sampleIndex: schemas/* number */.aig().int().min(0),
    cached: schemas/* boolean */.zMY(),
    retries: schemas/* number */.aig().int().min(0),
    costUsd: schemas/* number */.aig(),
};
const SampleRecordSchema = schemas/* discriminatedUnion */.gMt('ok', [
    schemas/* object */.Ikc({ ...Common, ok: schemas/* literal */.euz(true), output: ModelOutputSchema, passed: schemas/* boolean */.zMY(), score: schemas/* number */.aig(), reason: schemas/* string */.YjP().optional() }),
    schemas/* object */.Ikc({ ...Common, ok: schemas/* literal */.euz(false), error: schemas/* string */.YjP() }),
]);
const ShardFileSchema = schemas/* object */.Ikc({
    kind: schemas/* literal */.euz('promptgate-shard'),
    schema_version: schemas/* literal */.euz(1),
    base: schemas/* string */.YjP(),
    head: schemas/* string */.YjP(),
    shard: schemas/* object */.Ikc({ index: schemas/* number */.aig().int().min(1), count: schemas/* number */.aig().int().min(1) }),
    records: schemas/* array */.YOg(SampleRecordSchema),
});
function shardFile(base, head, shard, records) {
    return { kind: 'promptgate-shard', schema_version: 1, base, head, shard, records };
}
function parseShardFile(file, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw new errors.PromptgateError(`is not JSON: ${err.message}`, { file, hint: 'pass the files written by `promptgate run --shard i/n --json FILE`' });
    }
    const parsed = ShardFileSchema.safeParse(value);
    if (!parsed.success) {
        throw new errors.PromptgateError(`is not a promptgate shard file: ${core_errors/* prettifyError */.S1(parsed.error).split('\n').slice(0, 4).join('; ')}`, {
            file,
            hint: 'pass the files written by `promptgate run --shard i/n --json FILE`',
        });
    }
    return parsed.data;
}
/** Check the parts belong together (same base, head, shard count, every index once) and concatenate them. */
function combineShards(parts) {
    const first = parts[0];
    if (!first)
        throw new errors.PromptgateError('no shard files given', { hint: 'promptgate merge parts/*.json' });
    const seen = new Set();
    for (const { file, data } of parts) {
        if (data.base !== first.data.base || data.head !== first.data.head || data.shard.count !== first.data.shard.count) {
            throw new errors.PromptgateError(`belongs to another review (base ${data.base.slice(0, 7)}, head ${data.head.slice(0, 7)}, ${data.shard.count} shards) than ${first.file}`, { file });
        }
        if (seen.has(data.shard.index))
            throw new errors.PromptgateError(`shard ${data.shard.index}/${data.shard.count} is given twice`, { file });
        seen.add(data.shard.index);
    }
    if (seen.size !== first.data.shard.count) {
        const missing = Array.from({ length: first.data.shard.count }, (_, i) => i + 1).filter((i) => !seen.has(i));
        throw new errors.PromptgateError(`shards ${missing.join(', ')} of ${first.data.shard.count} are missing`, { hint: 'wait for every shard job and pass all their files' });
    }
    return { base: first.data.base, head: first.data.head, records: parts.flatMap((p) => p.data.records) };
}

;// CONCATENATED MODULE: ./src/changes/pr-context.ts
/**
 * The Goal and Rollout of a change note come from the PR (docs/contract.md §10): a `Goal:` line wins over the first paragraph
 * of the description; `Rollout:` only when written.
 *
 * The description is anyone's text (under `pull_request_target`, a stranger's), so it is read line by line with
 * patterns anchored to one line: a multiline pattern that starts with `\s*` rescans every following blank line from
 * each line start, which took 18 s on a description of 65,535 newlines (see docs/untrusted-output.md).
 */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
/**
 * `Goal: …`, `**Goal:** …`, `**Goal**: …`, `**Goal** …`, or the label alone on its line (the text is then on the next
 * non-blank line). The label is a whole word followed by a colon, bold markers or the end of the line, so
 * "Goals for this quarter" and "Goal-oriented" are prose, not labels.
 */
const labelPattern = (label) => new RegExp(`^[ \\t]*(?:\\*\\*)?${label}(?:\\*\\*:?|:(?:\\*\\*)?|(?=[ \\t]*$))(.*)$`, 'i');
const LABELS = { goal: labelPattern('Goal'), rollout: labelPattern('Rollout') };
/** Each `<!-- … -->` removed, by search rather than a lazy pattern that rescans the rest of the text per opener. */
function withoutComments(text) {
    let out = '';
    let from = 0;
    for (;;) {
        const open = text.indexOf('<!--', from);
        const close = open === -1 ? -1 : text.indexOf('-->', open + 4);
        if (close === -1)
            return out + text.slice(from);
        out += text.slice(from, open);
        from = close + 3;
    }
}
function labelled(lines, pattern) {
    for (let i = 0; i < lines.length; i++) {
        const m = pattern.exec(lines[i]);
        if (!m)
            continue;
        const rest = m[1].trim();
        if (rest !== '')
            return rest;
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        return next?.trim() ?? null;
    }
    return null;
}
function prContext(title, body, url) {
    const text = withoutComments((body ?? '').replace(/\r\n/g, '\n'));
    const lines = text.split(LINE_BREAK);
    const isLabel = (paragraph) => {
        const first = paragraph.split(LINE_BREAK, 1)[0];
        return LABELS.goal.test(first) || LABELS.rollout.test(first);
    };
    const firstParagraph = text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .find((p) => p !== '' && !p.startsWith('#') && !isLabel(p));
    return {
        title: title?.trim() || null,
        goal: labelled(lines, LABELS.goal) ?? firstParagraph ?? null,
        rollout: labelled(lines, LABELS.rollout),
        url: url ?? null,
    };
}

// EXTERNAL MODULE: ./src/config/limits.ts
var limits = __webpack_require__(59304);
// EXTERNAL MODULE: ./src/config/schema.ts
var schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/plan/requests.ts
var plan_requests = __webpack_require__(93957);
// EXTERNAL MODULE: ./src/plan/read-sides.ts
var read_sides = __webpack_require__(84734);
// EXTERNAL MODULE: ./src/plan/settings.ts
var settings = __webpack_require__(39214);
// EXTERNAL MODULE: ./src/plan/suites.ts + 2 modules
var suites = __webpack_require__(48950);
;// CONCATENATED MODULE: ./src/results/given.ts


/*
 * Samples computed elsewhere (`promptgate merge` of shard files): fitting them to the plan, and what a shard writes.
 */
/**
 * Shard files carry their samples, not the options they ran with: a shard run with `--repeats 5` holds sample
 * indexes 0–4, so the merge plans as many repeats per suite as the files hold instead of the config's default.
 */
function matchGivenRepeats(planned, records) {
    const most = new Map();
    for (const r of records)
        most.set(r.suite, Math.max(most.get(r.suite) ?? 0, r.sampleIndex + 1));
    for (const s of planned) {
        const n = most.get(s.name);
        if (n !== undefined)
            s.repeats = n;
    }
}
function pickGivenRecords(requests, given) {
    const byKey = new Map(given.map((r) => [`${r.suite}\0${r.variant}\0${r.caseId}\0${r.sampleIndex}`, r]));
    const missing = [];
    const out = [];
    for (const q of requests) {
        const r = byKey.get(`${q.suite}\0${q.variant}\0${q.caseId}\0${q.sampleIndex}`);
        if (r)
            out.push(r);
        else
            missing.push(`${q.suite}/${q.variant}/${q.caseId}#${q.sampleIndex}`);
    }
    if (missing.length > 0) {
        throw new errors.PromptgateError(`${missing.length} planned samples are missing from the shard files (first: ${missing[0]})`, {
            hint: 'merge the parts of every shard (1/n … n/n) of the same base, head and config',
        });
    }
    return out;
}
function countCalls(records) {
    const calls = { total: 0, cached: 0, failed: 0, retried: 0 };
    for (const r of records) {
        calls.total++;
        if (r.cached)
            calls.cached++;
        if (!r.ok)
            calls.failed++;
        calls.retried += r.retries;
    }
    return calls;
}
/** A record as it may leave the process: every known secret removed from its text and error (docs/security.md). */
function redactRecord(r) {
    if (!r.ok)
        return { ...r, error: redact.secrets.redact(r.error) };
    const text = redact.secrets.redact(r.output.text);
    return text === r.output.text ? r : { ...r, output: { ...r.output, text } };
}

// EXTERNAL MODULE: ./src/assertions/index.ts + 4 modules
var assertions = __webpack_require__(63980);
// EXTERNAL MODULE: ./src/providers/http-fetch.ts
var http_fetch = __webpack_require__(40621);
// EXTERNAL MODULE: ./src/run/index.ts + 5 modules
var run = __webpack_require__(45772);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/canonical-json.ts
var canonical_json = __webpack_require__(21552);
// EXTERNAL MODULE: ./src/stats/sequential-design.ts
var sequential_design = __webpack_require__(81703);
;// CONCATENATED MODULE: ./src/review/rounds.ts



const key = (suite, caseId) => `${suite}\0${caseId}`;
/**
 * A case's continuation coin, uniform on [0, 1): 48 bits of sha256 over (seed, suite, case id). It depends on
 * nothing the samples say, which is what keeps the estimate unbiased (src/stats/sequential.ts), and on nothing
 * that changes between a run and its rerun, which is what lets an interrupted run resume from the cache.
 */
function continuationCoin(seed, suite, caseId) {
    return ((0,external_node_crypto_.createHash)('sha256')
        .update((0,canonical_json/* canonicalJson */.d)(['promptgate-continuation', seed, suite, caseId]))
        .digest()
        .readUIntBE(0, 6) /
        2 ** 48);
}
/** A suite compared in rounds: both variants run and something changed; otherwise it runs fixed. */
const isSequential = (s) => !!s.baseline && !!s.candidate && !s.message && s.change !== 'unchanged';
/** Decided: a look at which the gate says pass, fail or error leaves nothing for more samples to settle. */
const DECIDED = new Set(['pass', 'fail', 'error', 'skipped']);
async function sampleSuites(args) {
    const { planned, requests } = args;
    const max = new Map();
    for (const q of requests)
        max.set(q.suite, (max.get(q.suite) ?? 0) + 1);
    const sequential = new Set(args.mode === 'sequential' ? planned.filter(isSequential).map((s) => s.name) : []);
    const records = [];
    const calls = { total: 0, cached: 0, failed: 0, retried: 0 };
    const warnings = [];
    const scheduled = new Map();
    const rounds = new Map();
    let stopped;
    let spent = 0;
    const repeatsOf = new Map(planned.map((s) => [s.name, s.repeats]));
    const looks = Math.max(1, ...[...sequential].map((name) => (0,sequential_design/* roundsFor */.p5)(repeatsOf.get(name) ?? 1)));
    const levels = sequential.size > 0 ? (0,sequential_design/* lookConfidences */.lt)(args.confidence, looks === 1 ? 1 : looks) : [args.confidence];
    // Scores so far per (suite, case), both variants: what the next round's allocation reads.
    const scores = new Map();
    const open = new Set(sequential);
    let confidence = args.confidence;
    for (let round = 1; round <= looks; round++) {
        const batch = requests.filter((q) => {
            if (!sequential.has(q.suite))
                return round === 1;
            if (!open.has(q.suite))
                return false;
            const s = scores.get(key(q.suite, q.caseId)) ?? { baseline: [], candidate: [] };
            return (0,sequential_design/* roundIndexes */.TF)(round, repeatsOf.get(q.suite), s, continuationCoin(args.seed, q.suite, q.caseId)).includes(q.sampleIndex);
        });
        if (batch.length === 0 && round > 1)
            break;
        for (const q of batch) {
            if (!sequential.has(q.suite))
                continue;
            scheduled.set(q.suite, (scheduled.get(q.suite) ?? 0) + 1);
            rounds.set(q.suite, round);
        }
        if (sequential.size > 0)
            args.log?.(`Round ${round}: ${batch.length} samples${round > 1 ? ` (${open.size} suite${open.size === 1 ? '' : 's'} not decided yet)` : ''}.`);
        const outcome = await args.run(batch, args.budgetUsd === undefined ? undefined : args.budgetUsd - spent);
        warnings.push(...outcome.warnings.filter((w) => !warnings.includes(w)));
        calls.total += outcome.calls.total;
        calls.cached += outcome.calls.cached;
        calls.failed += outcome.calls.failed;
        calls.retried += outcome.calls.retried;
        for (const r of outcome.records) {
            records.push(r);
            if (!r.cached)
                spent += r.costUsd;
            if (!r.ok)
                continue;
            const k = key(r.suite, r.caseId);
            const s = scores.get(k) ?? { baseline: [], candidate: [] };
            s[r.variant].push(r.passed ? 1 : 0);
            scores.set(k, s);
        }
        confidence = levels[round - 1] ?? args.confidence;
        if (outcome.stopped) {
            stopped = outcome.stopped;
            break;
        }
        if (open.size === 0 || round === looks)
            break;
        const verdicts = await args.decide(records, scheduled, confidence, sequential);
        for (const name of [...open])
            if (DECIDED.has(verdicts.get(name) ?? 'inconclusive'))
                open.delete(name);
        if (open.size === 0)
            break;
    }
    const reused = new Map();
    for (const r of records)
        if (r.cached)
            reused.set(r.suite, (reused.get(r.suite) ?? 0) + 1);
    const sampling = new Map();
    for (const s of planned) {
        if (s.message)
            continue;
        const isSeq = sequential.has(s.name);
        const used = isSeq ? (scheduled.get(s.name) ?? 0) : (max.get(s.name) ?? 0);
        sampling.set(s.name, {
            mode: isSeq ? 'sequential' : 'fixed',
            rounds: isSeq ? (rounds.get(s.name) ?? 1) : 1,
            samples_used: used,
            samples_max: max.get(s.name) ?? 0,
            reused: reused.get(s.name) ?? 0,
            ...(args.fallback ? { fallback: args.fallback } : {}),
        });
    }
    return { records, calls, ...(stopped ? { stopped } : {}), warnings, scheduled, sampling, confidence, sequential };
}
const SHARD_FALLBACK = 'a sharded run uses the fixed design: deciding when to stop needs every sample of a suite in one run, and a shard sees one slice of them';
const MERGE_FALLBACK = 'merged shard results are fixed-design samples (a sharded run uses the fixed design)';

;// CONCATENATED MODULE: ./src/review/sampling.ts





const sharded = (shard) => !!shard && shard.count > 1;
/** Why a sequential request runs the fixed design: a merge of shard files, or a shard. */
function samplingFallback(requested, given, shard) {
    if (requested !== 'sequential')
        return undefined;
    return given ? MERGE_FALLBACK : sharded(shard) ? SHARD_FALLBACK : undefined;
}
/** How long after the first connection to a model the sample-free preparation starts. */
const PREPARE_AFTER_MS = 25;
/**
 * Runs `work` once the first model calls are on their way — {@link PREPARE_AFTER_MS} after the first connection to a
 * model is made, by when the calls the concurrency allows have followed it — so that it fills the wait for their
 * answers instead of delaying them (docs/architecture.md, "Start-up"). Never when no model is called (every sample
 * from the cache), nor after the returned function is called.
 */
function whenCallsAreOut(work) {
    let timer;
    const stop = (0,http_fetch/* onConnect */.GJ)(() => {
        stop();
        timer = setTimeout(work, PREPARE_AFTER_MS);
        timer.unref();
    });
    return () => {
        stop();
        if (timer)
            clearTimeout(timer);
    };
}
/**
 * Made-up answers for the first {@link WARM_UP_CASES} cases of each suite, both variants, for the report's warm-up
 * (report/warm.ts): every answer passes but one in three of the candidate's, latencies and usage vary.
 */
function warmUpRecords(requests) {
    const cases = new Map();
    const out = [];
    for (const q of requests) {
        let seen = cases.get(q.suite);
        if (!seen)
            cases.set(q.suite, (seen = new Set()));
        if (!seen.has(q.caseId)) {
            if (seen.size >= WARM_UP_CASES)
                continue;
            seen.add(q.caseId);
        }
        const i = out.length;
        out.push({
            suite: q.suite,
            variant: q.variant,
            caseId: q.caseId,
            sampleIndex: q.sampleIndex,
            cached: false,
            retries: 0,
            costUsd: 0.0001,
            ok: true,
            output: { text: 'warm-up', latencyMs: 150 + ((i * 37) % 100), usage: { input: 20 + (i % 7), output: 5 + (i % 3) } },
            passed: q.variant === 'baseline' || i % 3 !== 0,
            score: q.variant === 'baseline' || i % 3 !== 0 ? 1 : 0,
        });
    }
    return out;
}
const WARM_UP_CASES = 4;
async function sampleAndReport(args) {
    const { planned, gate, run: runConfig, given, log } = args;
    const fallback = samplingFallback(args.requested, !!given, args.shard);
    if (fallback)
        log(`Sequential sampling was asked for, but ${fallback}.`);
    if (!given)
        log(`Running ${args.requests.length} samples (${planned.length} suite${planned.length === 1 ? '' : 's'}, concurrency ${args.concurrency}).`);
    // The statistics' and the report's sample-free work runs while the model calls are in flight (docs/statistics.md).
    // Loaded when first needed: once the calls are out, or at the first look or report (./after-calls.ts).
    let loaded;
    const late = () => (loaded ??= Promise.all(/* import() */[__webpack_require__.e(503), __webpack_require__.e(291), __webpack_require__.e(154), __webpack_require__.e(287), __webpack_require__.e(813), __webpack_require__.e(196)]).then(__webpack_require__.bind(__webpack_require__, 29815)));
    const cancelPreparation = given
        ? () => { }
        : whenCallsAreOut(() => {
            late().then(({ buildReport, prepareStatistics, warmReportCode }) => {
                void prepareStatistics(planned.map((s) => s.cases.length));
                void warmReportCode(() => {
                    const records = warmUpRecords(args.requests);
                    return buildReport({ planned, records, calls: countCalls(records), gateConfig: gate, skeleton: args.skeleton, sharded: false });
                });
            }, 
            // Only a head start: the look or the report that needs the module meets the failure, and reports it.
            () => { });
        });
    const sampled = await sampleSuites({
        mode: fallback ? 'fixed' : args.requested,
        fallback,
        planned,
        requests: args.requests,
        confidence: gate.confidence,
        seed: args.head,
        budgetUsd: args.budgetUsd,
        log,
        decide: async (records, scheduled, confidence, sequential) => {
            const { buildReport } = await late();
            const look = buildReport({ planned, records, calls: countCalls(records), gateConfig: { ...gate, confidence }, skeleton: args.skeleton, sharded: false, scheduled, sequential });
            return new Map(look.suites.map((s) => [s.name, s.verdict]));
        },
        run: async (batch, budgetLeft) => {
            if (given) {
                const records = pickGivenRecords(batch, given);
                return { records, calls: countCalls(records), warnings: [] };
            }
            return (0,run/* runSamples */.Tf)(batch, {
                concurrency: args.concurrency,
                timeoutMs: runConfig.timeout_s * 1000,
                maxRetries: runConfig.max_retries,
                rpm: runConfig.rpm,
                tpm: runConfig.tpm,
                cache: args.cache,
                budgetUsd: budgetLeft,
                signal: args.signal,
                forceStop: args.forceStop,
                // Graders (llm_rubric) are model calls: paced, retried, budgeted and cached like the samples (docs/reliability.md).
                grade: (req, output, run) => (0,assertions/* gradeOutput */.zR)(req.assert, output, { grader: run.grader }),
                onProgress: args.onProgress,
            });
        },
    }).finally(cancelPreparation);
    for (const w of sampled.warnings)
        log(`warning: ${w}`);
    const { buildReport, withSamplingNotes } = await late();
    const built = buildReport({
        planned,
        records: sampled.records,
        calls: sampled.calls,
        gateConfig: { ...gate, confidence: sampled.confidence },
        skeleton: args.skeleton,
        stopped: sampled.stopped,
        sharded: sharded(args.shard),
        scheduled: sampled.scheduled,
        sampling: sampled.sampling,
        sequential: sampled.sequential,
    });
    return { report: withSamplingNotes(built, planned, sampled, gate.confidence), records: sampled.records };
}

// EXTERNAL MODULE: ./src/run/progress.ts
var progress = __webpack_require__(66358);
;// CONCATENATED MODULE: ./src/review.ts














/**
 * The one pipeline behind the CLI and the Action (docs/architecture.md): read both sides → plan → limits → budget
 * preflight → sample (fixed or sequential; or take given samples) and build the report (statistics → gate) → redact. Bad input throws PromptgateError before any model call; a failed
 * run still returns a report (verdict `error`) so nothing computed is lost.
 */
async function review(input) {
    const started = Date.now();
    const sink = input.log ?? (() => { });
    const log = (line) => sink(redact.secrets.redact(line));
    const [baseSha, headSha] = [await (0,git.resolveRev)(input.repoDir, input.base), await (0,git.resolveRev)(input.repoDir, input.head)];
    const trusted = input.trustedSide ?? 'head';
    const [base, head] = await (0,read_sides/* readSides */.h)(input, baseSha, headSha, trusted, log);
    const trustedSide = trusted === 'base' ? base : head;
    const config = trustedSide.config;
    const gate = config?.gate ?? schema/* GateSchema */.ZM.parse({});
    const runConfig = config?.run ?? schema/* RunSchema */.nl.parse({});
    const changed = input.changedFiles ?? (await (0,git.changedFilesBetween)(input.repoDir, baseSha, headSha));
    const context = input.context ? prContext(input.context.title, input.context.body, input.context.url) : undefined;
    const planned = await (0,suites/* planSuites */.D)({
        base,
        head,
        trusted,
        changed,
        settings: { env: input.env, configFile: null, overrides: { baseUrl: input.overrides?.baseUrl }, zeroConfig: config ? undefined : input.zeroConfigProvider },
        repeatsOverride: input.overrides?.repeats,
    });
    const changedPrompts = planned.map((s) => s.prompt);
    const skeleton = (verdict, suites, extra = {}) => ({
        schema_version: 1,
        verdict,
        base: baseSha,
        head: headSha,
        confidence: gate.confidence,
        inconclusive_policy: gate.inconclusive,
        suites,
        calls: { total: 0, cached: 0, failed: 0, retried: 0 },
        cost_usd_total: 0,
        duration_ms: Date.now() - started,
        ...(context ? { context } : {}),
        ...extra,
    });
    if (planned.length === 0) {
        log('No prompt changes: nothing to review.');
        return { report: skeleton('skipped', [], { notes: ['No prompt changes: no suite was triggered.'] }), changedPrompts, records: [], planned: 0 };
    }
    const endpointFor = (0,settings/* endpointResolver */.yR)({
        hasConfig: !!config,
        env: input.env,
        apiKey: input.overrides?.apiKey,
        zeroConfigKey: input.zeroConfigProvider?.apiKey,
        noKeys: !!input.records,
    });
    if (input.records)
        matchGivenRepeats(planned, input.records);
    // Limits before anything is rendered: samples per review, and rendered text per review (docs/input-limits.md).
    const samples = planned.reduce((n, s) => n + (0,plan_requests/* plannedSamples */.OA)(s), 0);
    (0,limits/* checkCount */.wE)('samples', samples, { file: trustedSide.configFile ?? undefined });
    // Before anything is rendered: a review handed elsewhere here has built nothing large (src/cli/run.ts).
    input.onPlanned?.(input.shard ? Math.ceil(samples / input.shard.count) : samples);
    const renderBudget = new limits/* RenderBudget */.uc();
    const requests = (0,plan_requests/* shardSlice */.RD)(planned.flatMap((s) => (0,plan_requests/* planRequests */._8)(s, endpointFor, renderBudget)), input.shard);
    const cache = input.noCache || input.records ? null : (0,run/* diskCache */.IS)((0,external_node_path_.join)(input.repoDir, runConfig.cache_dir));
    const budget = input.overrides?.budgetUsd ?? runConfig.budget_usd;
    if (budget !== undefined && !input.records) {
        // The preflight prices the most a review may make: a sequential run that stops early spends less.
        const preflight = (0,run/* budgetPreflight */.Rl)(cache ? await (0,run/* filterUncached */.M4)(requests, cache) : requests, budget);
        log(preflight.line);
        if (preflight.refusal) {
            const { emptySuiteReport } = await Promise.all(/* import() */[__webpack_require__.e(503), __webpack_require__.e(291), __webpack_require__.e(154), __webpack_require__.e(813)]).then(__webpack_require__.bind(__webpack_require__, 85813));
            const suites = planned.map((s) => emptySuiteReport(s, 'error', preflight.refusal));
            return { report: skeleton('error', suites, { notes: [preflight.refusal] }), changedPrompts, records: [], planned: requests.length };
        }
    }
    const { report, records } = await sampleAndReport({
        planned,
        requests,
        gate,
        run: runConfig,
        requested: input.overrides?.sampling ?? runConfig.sampling,
        given: input.records,
        shard: input.shard,
        cache,
        budgetUsd: budget,
        concurrency: input.overrides?.concurrency ?? runConfig.concurrency,
        head: headSha,
        skeleton,
        signal: input.signal,
        forceStop: input.forceStop,
        onProgress: input.onProgress,
        log,
    });
    // Nothing the run knows as a secret leaves in the report, the note, the check or a shard file (docs/security.md).
    // The report's schema is loaded after the calls, like the rest of the report (docs/architecture.md, "Start-up").
    const { ReportSchema } = await __webpack_require__.e(/* import() */ 327).then(__webpack_require__.bind(__webpack_require__, 91327));
    return { report: ReportSchema.parse(redact.secrets.redactDeep(report)), changedPrompts, records: records.map(redactRecord), planned: requests.length };
}

// EXTERNAL MODULE: ./src/launch.ts + 2 modules
var launch = __webpack_require__(31248);
// EXTERNAL MODULE: ./src/cli/common.ts
var common = __webpack_require__(60577);
// EXTERNAL MODULE: ./src/cli/zero-config.ts
var zero_config = __webpack_require__(19417);
;// CONCATENATED MODULE: ./src/cli/run.ts












/** Thrown from the review's plan step to hand a large review to the launcher (see {@link runCommand}). */
class HandOff extends Error {
}
/**
 * `promptgate run`. Started by the bin in its own process, a review whose plan is larger than
 * IN_PROCESS_MAX_SAMPLES (or PROMPTGATE_IN_PROCESS_MAX_SAMPLES) moves behind the launcher before its first model
 * call (docs/reliability.md, "The launcher"); until the plan says it stays, what it would print waits, so that the
 * launched process prints it once.
 */
async function runCommand(opts, io) {
    const relaunch = io.relaunch;
    if (!relaunch)
        return runHere(opts, io);
    const limit = Number(io.env.PROMPTGATE_IN_PROCESS_MAX_SAMPLES ?? launch/* IN_PROCESS_MAX_SAMPLES */.t);
    let held = [];
    const release = () => {
        const lines = held ?? [];
        held = null;
        for (const text of lines)
            io.stderr(text);
    };
    const holding = { ...io, stderr: (text) => (held ? held.push(text) : io.stderr(text)) };
    try {
        return await runHere(opts, holding, (samples) => {
            if (samples > limit)
                throw new HandOff();
            release();
        });
    }
    catch (err) {
        if (!(err instanceof HandOff))
            throw err;
        held = null;
        return relaunch();
    }
    finally {
        release();
    }
}
async function runHere(opts, io, onPlanned) {
    const repoDir = (await (0,git.git)(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
    redact.secrets.addUrl(opts.baseUrl);
    const warnings = !opts.quiet && opts.head === 'HEAD' ? uncommittedWarnings(repoDir, opts.config) : Promise.resolve([]);
    // Independent git reads run side by side (see docs/architecture.md, "Start-up").
    const headHasConfig = opts.config === undefined ? (0,zero_config.hasConfigAt)(repoDir, opts.head) : Promise.resolve(true);
    headHasConfig.catch(() => { });
    const base = opts.base ?? (await (0,git.defaultBase)(repoDir, opts.head));
    const context = commitContext(repoDir, base, opts.head);
    // What the review reads first, read now and side by side: it finds them known (src/changes/git.ts).
    const shas = Promise.all([(0,git.resolveRev)(repoDir, base), (0,git.resolveRev)(repoDir, opts.head)]);
    const changedFiles = shas.then(async ([b, h]) => {
        const [changed] = await Promise.all([(0,git.changedFilesBetween)(repoDir, b, h), (0,git.listFilesAt)(repoDir, b), (0,git.listFilesAt)(repoDir, h)]);
        return changed;
    });
    const prefetched = Promise.all([shas, changedFiles]).then(([[b, h], changed]) => ({ base: b, head: h, changedFiles: changed }), () => ({ base, head: opts.head }));
    // Said as soon as `git status` has answered, without holding the review up for it (docs/architecture.md,
    // "Start-up"), and always before the run ends.
    const warned = warnings.then((lines) => {
        for (const line of lines)
            io.stderr(line + '\n');
    }, 
    // Only a warning: whatever it meets must not end the review, nor stand in for its result or its error.
    () => { });
    const progress = opts.quiet ? undefined : progressPrinter(io);
    let zero;
    let out;
    try {
        // No config at the head: zero-config, on GitHub Models unless --base-url says otherwise (docs/github-models.md).
        zero = !(await headHasConfig) ? await (0,zero_config.zeroConfigCredential)(opts.baseUrl, io.env) : undefined;
        if (zero) {
            redact.secrets.add(zero.apiKey);
            if (!opts.quiet)
                io.stderr(`${zero.banner}\n`);
        }
        out = await review({
            context: await context,
            repoDir,
            // Read above; a revision that is not found is left for the review to report, as it reports it.
            ...(await prefetched),
            configPath: opts.config,
            overrides: { repeats: opts.repeats, concurrency: opts.concurrency, budgetUsd: opts.budgetUsd, sampling: opts.sampling, baseUrl: opts.baseUrl, ...(zero?.apiKey ? { apiKey: zero.apiKey } : {}) },
            // Without a config no key is read from the environment but the one named above: an OPENAI_API_KEY that happens
            // to be set is never sent to GitHub Models.
            env: zero ? (0,zero_config.withoutKeys)(io.env) : io.env,
            ...(zero ? { zeroConfigProvider: { baseUrl: common.GITHUB_MODELS_URL, model: common.GITHUB_MODELS_MODEL } } : {}),
            shard: opts.shard,
            noCache: !opts.cache,
            onProgress: progress?.update,
            onPlanned,
            log: opts.quiet ? undefined : (line) => io.stderr(line + '\n'),
            signal: io.signal,
            forceStop: io.forceStop,
        });
    }
    catch (err) {
        await warned;
        // The review asks for a key only when something will run; without a config, say what the user can do.
        if (zero && !zero.apiKey && err instanceof errors.PromptgateError && err.message.startsWith('no API key'))
            throw zero.missing;
        throw err;
    }
    progress?.finish();
    await warned;
    if (opts.shard && opts.shard.count > 1) {
        const file = shardFile(out.report.base, out.report.head, opts.shard, out.records);
        if (opts.json)
            await writeOut(io, opts.json, JSON.stringify(file) + '\n');
        io.stdout(`shard ${opts.shard.index}/${opts.shard.count}: ${out.records.length} samples${opts.json ? ` written to ${opts.json}` : ' (pass --json FILE to keep them for `promptgate merge`)'}\n`);
        return out.report.partial && out.records.length < out.planned ? 2 : 0;
    }
    return finish(out.report, opts, io);
}
async function mergeCommand(files, opts, io) {
    const parts = await Promise.all(files.map(async (file) => ({ file, data: parseShardFile(file, await (0,promises_.readFile)((0,external_node_path_.resolve)(io.cwd, file), 'utf8')) })));
    const combined = combineShards(parts);
    const repoDir = (await (0,git.git)(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
    const out = await review({
        repoDir,
        base: combined.base,
        head: combined.head,
        configPath: opts.config,
        env: io.env,
        records: combined.records,
        context: await commitContext(repoDir, combined.base, combined.head),
    });
    return finish(out.report, opts, io);
}
async function finish(report, opts, io) {
    // The report's code is loaded once there is a report (docs/architecture.md, "Start-up").
    const { renderChangeNote, writeJsonReport } = await Promise.all(/* import() */[__webpack_require__.e(503), __webpack_require__.e(154), __webpack_require__.e(287), __webpack_require__.e(549)]).then(__webpack_require__.bind(__webpack_require__, 88549));
    const note = renderChangeNote(report, { target: 'cli' });
    if (opts.json)
        await writeOut(io, opts.json, writeJsonReport(report));
    if (opts.markdown)
        await writeOut(io, opts.markdown, note);
    io.stdout(note.endsWith('\n') ? note : note + '\n');
    // Exit 2 always comes with its cause on stderr, where a script or a CI log shows it, not only deep in the note.
    if (report.verdict === 'error')
        io.stderr(`promptgate: error: ${redact.secrets.redact((0,common.errorCause)(report))}\n`);
    return (0,common.exitCodeFor)(report.verdict);
}
/**
 * The CLI compares commits, so edits not committed yet are not reviewed: say so when they touch the config, a
 * prompt or an eval set, instead of letting the user read a verdict on files they did not mean.
 */
async function uncommittedWarnings(repoDir, configPath) {
    try {
        return await uncommittedEdits(repoDir, configPath);
    }
    catch {
        // A work tree git cannot read, or a config in it no matcher can be made of: no warning, and the review goes on.
        return [];
    }
}
async function uncommittedEdits(repoDir, configPath) {
    let status;
    try {
        status = await (0,git.git)(repoDir, ['status', '--porcelain', '-z', '--untracked-files=no']);
    }
    catch {
        return [];
    }
    const dirty = status
        .split('\0')
        .filter((e) => /^.. /.test(e))
        .map((e) => e.slice(3));
    if (dirty.length === 0)
        return [];
    let config = null;
    try {
        config = (await (0,load/* findConfig */.u0)(async (p) => (0,promises_.readFile)((0,external_node_path_.join)(repoDir, p), 'utf8').catch(() => null), configPath)).config;
    }
    catch {
        // A config that does not parse is reported by the review itself.
    }
    const configPaths = configPath ? [configPath] : [...load/* CONFIG_PATHS */.iE];
    const matches = config ? picomatch_default()([...config.suites.map((s) => s.prompt), ...config.suites.flatMap((s) => (s.cases ? [s.cases] : []))], { dot: true }) : (p) => /\.prompt\.ya?ml$/i.test(p);
    const touched = dirty.filter((p) => configPaths.includes(p) || matches(p));
    return touched.length ? [`warning: uncommitted changes to ${touched.join(', ')} are not part of this review (it compares commits); commit or stash them to review them.`] : [];
}
/** Locally there is no PR: the head commit's message is the Goal (and may carry `Goal:` / `Rollout:` lines). */
async function commitContext(repoDir, base, head) {
    try {
        const message = (0,git.commitMessage)(repoDir, head);
        message.catch(() => { });
        const count = Number((await (0,git.git)(repoDir, ['rev-list', '--count', `${base}..${head}`])).trim());
        if (count === 0)
            return undefined;
        const [title, ...rest] = (await message).trim().split('\n');
        return { title, body: rest.join('\n').trim() };
    }
    catch {
        return undefined;
    }
}
/**
 * Written whole or not at all: the text goes to a temporary file beside the target, which is then renamed over it,
 * so a script (or CI step) that reads the report as soon as it appears never reads half of one.
 */
async function writeOut(io, path, text) {
    const target = (0,external_node_path_.resolve)(io.cwd, path);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temporary, text);
    await (0,promises_.rename)(temporary, target);
}
/** A live "123/480 samples · 40 cached · 0 failed · ETA 12s" line on a terminal; a line every 5 s in a log. */
function progressPrinter(io) {
    let last = 0;
    let lastLine = '';
    return {
        update(p) {
            const now = Date.now();
            lastLine = (0,progress.progressLine)(p);
            if (io.isTTY) {
                if (now - last > 100 || p.done === p.total) {
                    io.stderr(`\r\x1b[2K${lastLine}`);
                    last = now;
                }
            }
            else if (now - last > 5000 || p.done === p.total) {
                io.stderr(lastLine + '\n');
                last = now;
            }
        },
        finish() {
            if (io.isTTY && lastLine)
                io.stderr('\n');
        },
    };
}


/***/ }),

/***/ 19417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BASE_URL_KEY_ENVS: () => (/* binding */ BASE_URL_KEY_ENVS),
/* harmony export */   hasConfigAt: () => (/* binding */ hasConfigAt),
/* harmony export */   withoutKeys: () => (/* binding */ withoutKeys),
/* harmony export */   zeroConfigCredential: () => (/* binding */ zeroConfigCredential)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73395);
/* harmony import */ var _changes_git_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1345);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60577);






/** The variables a key for `--base-url` is read from, in order, when there is no config. */
const BASE_URL_KEY_ENVS = ['PROMPTGATE_API_KEY', 'OPENAI_API_KEY'];
const TOKEN_ENVS = ['GITHUB_TOKEN', 'GH_TOKEN'];
/** Is there a promptgate.yml (or .github/promptgate.yml) in the head commit? */
async function hasConfigAt(repoDir, ref) {
    const found = await Promise.all(_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_PATHS */ .iE.map((path) => (0,_changes_git_js__WEBPACK_IMPORTED_MODULE_2__.existsAt)(repoDir, ref, path)));
    return found.includes(true);
}
function withoutKeys(env) {
    const copy = { ...env };
    for (const name of [...BASE_URL_KEY_ENVS, ...TOKEN_ENVS])
        delete copy[name];
    return copy;
}
/**
 * The zero-config endpoint and credential (docs/contract.md: the CLI without a config is zero-config too). GitHub Models with
 * GITHUB_TOKEN, else GH_TOKEN, else the `gh` CLI's token; with `--base-url`, that endpoint with PROMPTGATE_API_KEY,
 * else OPENAI_API_KEY (a GitHub token is never sent to another host).
 */
async function zeroConfigCredential(baseUrl, env) {
    const lead = 'no promptgate.yml: zero-config mode (every changed .prompt.yml with testData is a suite)';
    if (baseUrl !== undefined) {
        const where = `${(0,_redact_js__WEBPACK_IMPORTED_MODULE_4__.safeUrl)(baseUrl)} (--base-url)`;
        const name = BASE_URL_KEY_ENVS.find((n) => env[n]);
        return {
            ...(name ? { apiKey: env[name] } : {}),
            banner: `${lead}; calling ${where} with the key in ${name ?? '(none found)'}`,
            missing: new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`no API key for ${where}: neither ${BASE_URL_KEY_ENVS.join(' nor ')} is set`, {
                hint: `export PROMPTGATE_API_KEY=… (any non-empty value for a local server that needs none); drop --base-url to use GitHub Models with GITHUB_TOKEN, GH_TOKEN or \`gh auth login\``,
            }),
        };
    }
    const where = `GitHub Models (${_common_js__WEBPACK_IMPORTED_MODULE_5__.GITHUB_MODELS_URL})`;
    const name = TOKEN_ENVS.find((n) => env[n]);
    const gh = name ? undefined : await ghAuthToken(env);
    const apiKey = name ? env[name] : gh?.token;
    const source = name ?? (gh?.token ? 'the gh CLI (gh auth token)' : '(no token found)');
    const ghState = gh === undefined ? '' : gh.installed ? ' (`gh auth token` has none)' : ' (the gh CLI is not installed)';
    return {
        ...(apiKey ? { apiKey } : {}),
        banner: `${lead}; calling ${where} with the token from ${source}`,
        missing: new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`no token for ${where}: GITHUB_TOKEN and GH_TOKEN are not set${ghState}`, {
            hint: 'set GITHUB_TOKEN or GH_TOKEN (a token with the models:read permission), or run `gh auth login`, or pass --base-url URL with PROMPTGATE_API_KEY (or OPENAI_API_KEY) for another OpenAI-compatible endpoint',
        }),
    };
}
/** `gh auth token`, when the gh CLI is installed and logged in; never fails (a missing gh is simply no token). */
function ghAuthToken(env) {
    return new Promise((resolveToken) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)('gh', ['auth', 'token'], { env: { ...env, GH_PROMPT_DISABLED: '1' }, timeout: 15_000, windowsHide: true }, (err, stdout) => {
            const code = err?.code;
            if (code === 'ENOENT')
                return resolveToken({ installed: false });
            const token = err ? '' : String(stdout).trim();
            resolveToken(token && !/\s/.test(token) ? { installed: true, token } : { installed: true });
        });
    });
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

/***/ 66358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   progressLine: () => (/* binding */ progressLine)
/* harmony export */ });
/** "123/480 samples · 40 cached · 0 failed · ETA 12s": the progress line of the CLI and the Action's log. */
function progressLine(p) {
    return `${p.done}/${p.total} samples · ${p.cached} cached · ${p.failed} failed${p.etaMs !== null ? ` · ETA ${Math.ceil(p.etaMs / 1000)}s` : ''}`;
}


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