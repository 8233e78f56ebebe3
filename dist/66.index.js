export const id = 66;
export const ids = [66];
export const modules = {

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
