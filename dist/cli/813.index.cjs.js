"use strict";
exports.id = 813;
exports.ids = [813];
exports.modules = {

/***/ 85813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ buildReport),
  emptySuiteReport: () => (/* binding */ emptySuiteReport)
});

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
// EXTERNAL MODULE: ./src/stats/index.ts + 2 modules
var stats = __webpack_require__(31144);
// EXTERNAL MODULE: ./src/format/numbers.ts
var numbers = __webpack_require__(3613);
;// CONCATENATED MODULE: ./src/gate/evaluate.ts


const SEVERITY = { skipped: 0, pass: 1, inconclusive: 2, fail: 3, error: 4 };
/** The most severe verdict: error > fail > inconclusive > pass > skipped; `skipped` for none. */
function worstVerdict(verdicts) {
    return verdicts.reduce((worst, v) => (SEVERITY[v] > SEVERITY[worst] ? v : worst), 'skipped');
}
/** The rules in the order the note lists them. */
const RULE_ORDER = ['completeness', 'pass_rate', 'holdout', 'latency_p95', 'cost', 'error_rate'];
/** Every rule of every suite, Holm-adjusted together; suite and review verdicts are the worst of their parts. */
function evaluateGate(suites, gate, opts = {}) {
    const drafts = suites.map((s) => draftSuite(s, gate, opts.seed ?? stats/* DEFAULT_SEED */.KP, opts.stopped));
    const comparisons = drafts.flatMap((d) => d.comparisons);
    const adjusted = (0,stats/* holm */.fU)(comparisons.map((c) => c.pWorse));
    const level = { confidence: gate.confidence, m: comparisons.length };
    let next = 0;
    const results = drafts.map((d) => {
        if (d.skipped)
            return { verdict: 'skipped', rules: [], cases_needed: null };
        const rules = [...d.comparisons.map((c) => c.finish(adjusted[next++], level)), ...d.fixed];
        rules.sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule));
        const passRate = rules.find((r) => r.rule === 'pass_rate');
        return { verdict: worstVerdict(rules.map((r) => r.verdict)), rules, cases_needed: passRate?.verdict === 'inconclusive' ? (passRate.cases_needed ?? null) : null };
    });
    return {
        suites: results,
        verdict: worstVerdict(results.map((r) => r.verdict)),
        notes: gateNotes(comparisons, level, suites.length),
        inconclusive_policy: gate.inconclusive,
    };
}
const RULE_LABEL = { pass_rate: 'pass rate', holdout: 'holdout pass rate', latency_p95: 'p95 latency', cost: 'cost' };
function gateNotes(comparisons, level, suiteCount) {
    const conf = (0,numbers/* percent */.KN)(level.confidence);
    if (comparisons.length === 0)
        return [];
    if (comparisons.length === 1)
        return [`1 gated comparison (${RULE_LABEL[comparisons[0].rule]}) at ${conf} confidence; no multiple-comparison adjustment needed.`];
    const kinds = [...new Set(comparisons.map((c) => RULE_LABEL[c.rule]))].join(', ');
    const across = suiteCount > 1 ? ` across ${(0,numbers/* plural */.LS)(suiteCount, 'suite')}` : '';
    return [
        `${comparisons.length} gated comparisons (${kinds})${across}; Holm-adjusted at ${conf}: a rule fails only when it is still beyond its threshold after the adjustment, so a change that does nothing fails at most ${(0,numbers/* percent */.KN)((1 - level.confidence) / 2)} of the time.`,
    ];
}
function draftSuite(input, gate, seed, stopped) {
    if (input.change === 'unchanged')
        return { skipped: true, fixed: [], comparisons: [] };
    const variants = (input.cases.some((c) => c.baseline) ? 1 : 0) + (input.cases.some((c) => c.candidate) ? 1 : 0);
    const bothRan = variants === 2;
    if (input.calls.total < input.runs_planned)
        return unfinishedSuite(input, gate, bothRan, stopped);
    const m = measurementFor(input, gate, seed);
    const detail = m.detail;
    const fixed = [];
    const comparisons = [];
    const repeats = input.cases.length && variants ? Math.round(input.runs_planned / (input.cases.length * variants)) : 0;
    const holdoutCases = input.cases.filter(stats/* isHoldout */.EH).length;
    const holdoutRule = holdoutRuleFor(gate, holdoutCases);
    if (input.change === 'added' || input.change === 'cases_only' || !bothRan) {
        fixed.push(absolutePassRateRule(input, detail, repeats, gate.confidence));
    }
    else if (holdoutCases === input.cases.length) {
        fixed.push(notEvaluated('pass_rate', `every case is tagged ${stats/* HOLDOUT_TAG */.lB}, so there is no pass rate apart from the holdout row (see the holdout rule)`));
    }
    else if (!detail.delta) {
        fixed.push({
            rule: 'pass_rate',
            verdict: 'inconclusive',
            detail: `No case has a successful sample under both variants, so the pass rates can't be compared.`,
        });
    }
    else {
        comparisons.push(passRateComparison({
            rule: 'pass_rate',
            label: holdoutCases > 0 ? `Pass rate without the ${stats/* HOLDOUT_TAG */.lB} cases` : 'Pass rate',
            delta: detail.delta,
            excluded: detail.excluded,
            repeats,
            before: m.pass_rate.baseline ?? 0,
            after: m.pass_rate.candidate ?? 0,
            maxDrop: gate.pass_rate.max_drop,
            confidence: gate.confidence,
        }));
    }
    if (holdoutRule) {
        const row = m.holdout;
        if (input.change === 'added' || input.change === 'cases_only' || !bothRan) {
            fixed.push(notEvaluated('holdout', 'there is no baseline to compare the holdout cases with'));
        }
        else if (holdoutCases === 0 || !row) {
            fixed.push(notEvaluated('holdout', `no case is tagged ${stats/* HOLDOUT_TAG */.lB}`));
        }
        else if (!detail.holdoutDelta) {
            fixed.push(notEvaluated('holdout', `no ${stats/* HOLDOUT_TAG */.lB} case has a successful sample under both variants`));
        }
        else {
            comparisons.push(passRateComparison({
                rule: 'holdout',
                label: `Holdout pass rate`,
                delta: detail.holdoutDelta,
                excluded: holdoutCases - detail.holdoutDelta.n,
                repeats,
                before: row.baseline ?? 0,
                after: row.candidate ?? 0,
                maxDrop: holdoutRule.max_drop,
                confidence: gate.confidence,
            }));
        }
    }
    // Cached samples are not latency evidence: a measurement that says so is never recomputed into a comparison.
    const notCompared = input.measured.latency_ms.not_compared ?? m.latency_ms.not_compared;
    if (gate.latency_p95 && bothRan && notCompared === undefined && m.latency_ms.p95_ratio !== null && m.latency_ms.p95_ratio_ci && detail.p95Ratio) {
        comparisons.push(ratioComparison({
            rule: 'latency_p95',
            estimate: m.latency_ms.p95_ratio,
            ci: m.latency_ms.p95_ratio_ci,
            distribution: detail.p95Ratio,
            maxIncrease: gate.latency_p95.max_increase,
            // The cases actually in the interval (fresh pairs only), for the cases-needed estimate.
            n: detail.latencyCases,
            what: `p95 latency ${(0,numbers.ms)(m.latency_ms.baseline.p95)} → ${(0,numbers.ms)(m.latency_ms.candidate.p95)} (${(0,numbers/* times */.Hn)(m.latency_ms.p95_ratio)}, ${(0,numbers/* percent */.KN)(gate.confidence)} CI ${(0,numbers/* times */.Hn)(m.latency_ms.p95_ratio_ci[0])} to ${(0,numbers/* times */.Hn)(m.latency_ms.p95_ratio_ci[1])})`,
            worse: (limit) => `more than ${limit} slower`,
        }));
    }
    else if (gate.latency_p95 && bothRan) {
        fixed.push(notEvaluated('latency_p95', `latency was not compared: ${notCompared ?? 'no case has a successful call under both variants'}`));
    }
    if (gate.cost && bothRan && m.cost_usd.ratio !== null && m.cost_usd.ratio_ci && detail.costRatio) {
        comparisons.push(ratioComparison({
            rule: 'cost',
            estimate: m.cost_usd.ratio,
            ci: m.cost_usd.ratio_ci,
            distribution: detail.costRatio,
            maxIncrease: gate.cost.max_increase,
            n: detail.costCases,
            what: `Cost per case ${(0,numbers/* usd */.dR)(m.cost_usd.baseline_per_case)} → ${(0,numbers/* usd */.dR)(m.cost_usd.candidate_per_case)} (${(0,numbers/* change */.Zg)(m.cost_usd.ratio)}, ${(0,numbers/* percent */.KN)(gate.confidence)} CI ${(0,numbers/* change */.Zg)(m.cost_usd.ratio_ci[0])} to ${(0,numbers/* change */.Zg)(m.cost_usd.ratio_ci[1])})`,
            worse: (limit) => `more than ${limit} costlier`,
        }));
    }
    else if (gate.cost && bothRan) {
        const why = m.cost_usd.baseline_per_case === 0
            ? 'the baseline cost $0 per case, so a relative change is undefined; set provider.pricing (USD per million tokens) to gate cost'
            : m.cost_usd.ratio !== null
                ? "the baseline's cost per case varies too much across these cases to bound the ratio at this confidence; more cases would"
                : 'no case has a successful call under both variants';
        fixed.push(notEvaluated('cost', `cost was not compared: ${why}`));
    }
    fixed.push(...errorRateRule(input, gate));
    return { skipped: false, fixed, comparisons };
}
/** A configured rule that has nothing to decide on: neither pass nor fail, and the detail says why. */
function notEvaluated(rule, why) {
    return { rule, verdict: 'skipped', detail: `Not evaluated: ${why}.` };
}
/**
 * A suite whose planned samples did not all finish (the run stopped early, or this is one shard of it): `error`,
 * with the statistical rules not evaluated. The error rate is still decided when the failures alone exceed the
 * limit over every planned call; otherwise it can't be judged on calls that never ran.
 */
/**
 * The holdout rule: `gate.holdout` when set; otherwise, when any case is tagged holdout, the pass-rate rule's own
 * tolerance. Fail closed (docs/fail-closed.md): tagging cases `holdout` moves them to their own row, never out of
 * the gate.
 */
function holdoutRuleFor(gate, holdoutCases) {
    return gate.holdout ?? (holdoutCases > 0 ? { max_drop: gate.pass_rate.max_drop } : undefined);
}
function unfinishedSuite(input, gate, bothRan, stopped) {
    const finished = `${(0,numbers/* count */.U9)(input.calls.total)} of ${(0,numbers/* plural */.LS)(input.runs_planned, 'planned sample')} finished`;
    const why = stopped ? `the run stopped early: ${stopped}` : 'the run stopped early (or this is one shard of it)';
    const notRun = `only ${finished}`;
    const fixed = [{ rule: 'completeness', verdict: 'error', detail: `Only ${finished}; ${why}. No rule can be decided on an unfinished run.` }];
    fixed.push(notEvaluated('pass_rate', notRun));
    if (holdoutRuleFor(gate, input.cases.filter(stats/* isHoldout */.EH).length) && bothRan)
        fixed.push(notEvaluated('holdout', notRun));
    if (gate.latency_p95 && bothRan)
        fixed.push(notEvaluated('latency_p95', notRun));
    if (gate.cost && bothRan)
        fixed.push(notEvaluated('cost', notRun));
    const errors = errorRateRule(input, gate);
    fixed.push(...errors.map((r) => (r.verdict === 'error' ? r : notEvaluated('error_rate', `${notRun} (${(0,numbers/* count */.U9)(input.calls.failed)} failed); the rest never ran`))));
    return { skipped: false, fixed, comparisons: [] };
}
/** The measurement as given, or recomputed from the cases when it lacks its detail or used another confidence. */
function measurementFor(input, gate, seed) {
    if (input.measured.detail?.confidence === gate.confidence)
        return input.measured;
    return (0,stats/* measureSuite */.bt)(input.cases, { confidence: gate.confidence, seed, sequential: input.sequential ?? false });
}
function absolutePassRateRule(input, detail, repeats, confidence) {
    const c = detail.candidate;
    const why = input.change === 'added' ? 'New prompt' : input.change === 'cases_only' ? 'Only cases or assertions changed' : input.cases.some((x) => x.candidate) ? 'No baseline ran' : 'No candidate ran';
    if (!c)
        return { rule: 'pass_rate', verdict: 'skipped', detail: `${why}: nothing to compare, so the pass rate is not gated.` };
    return {
        rule: 'pass_rate',
        verdict: 'skipped',
        detail: `${why}: pass rate ${(0,numbers/* percent */.KN)(c.estimate)} (${(0,numbers/* percent */.KN)(confidence)} CI ${(0,numbers/* percent */.KN)(c.ci[0])} to ${(0,numbers/* percent */.KN)(c.ci[1])}, ${sizeOf(c.n, repeats)}); nothing to compare, so it is not gated.`,
    };
}
const sizeOf = (n, repeats) => `${(0,numbers/* plural */.LS)(n, 'case')}${repeats > 1 ? ` × ${repeats}` : ''}`;
function holmClause(pAdjusted, level) {
    return level.m > 1 ? `Holm-adjusted p = ${(0,numbers/* pValue */.sp)(pAdjusted)} across ${level.m} comparisons` : `p = ${(0,numbers/* pValue */.sp)(pAdjusted)}`;
}
/**
 * A paired pass-rate delta against −max_drop: the `pass_rate` rule on the cases not tagged `holdout`, the `holdout`
 * rule on those that are. Both are gated comparisons in the review's Holm family.
 */
function passRateComparison(args) {
    const { delta, excluded, repeats, maxDrop } = args;
    const threshold = -maxDrop;
    const conf = (0,numbers/* percent */.KN)(args.confidence);
    const left = excluded > 0 ? ` ${(0,numbers/* plural */.LS)(excluded, 'case')} without a successful sample under both variants left out.` : '';
    const what = `${args.label} ${(0,numbers/* percent */.KN)(args.before)} → ${(0,numbers/* percent */.KN)(args.after)} (${(0,numbers/* points */.WR)(delta.estimate)}, ${conf} CI ${(0,numbers/* points */.WR)(delta.ci[0], '')} to ${(0,numbers/* points */.WR)(delta.ci[1], '')}, ${sizeOf(delta.n, repeats)})`;
    const allowed = maxDrop > 0 ? `a drop of more than ${(0,numbers/* dropPoints */.tr)(maxDrop)}` : 'any drop';
    return {
        rule: args.rule,
        pWorse: (0,stats/* pValueBelow */.VM)(delta, threshold),
        finish(pAdjusted, level) {
            const base = { rule: args.rule, p_adjusted: pAdjusted };
            if (pAdjusted < (1 - level.confidence) / 2) {
                const worse = maxDrop > 0 ? `worse than the allowed drop of ${(0,numbers/* dropPoints */.tr)(maxDrop)}` : 'confidently lower';
                return { ...base, verdict: 'fail', detail: `${what}: ${worse} (${holmClause(pAdjusted, level)}).${left}` };
            }
            if (delta.ci[0] >= threshold) {
                return { ...base, verdict: 'pass', detail: `${what}: rules out ${allowed}.${left}` };
            }
            const leansWorse = delta.center < threshold;
            const confidence = leansWorse ? 1 - (1 - level.confidence) / level.m : level.confidence;
            const gap = Math.abs(delta.center - threshold);
            const cases = (0,stats/* casesNeeded */.h1)({ sd: delta.sd, gap, confidence });
            const k = (0,stats/* repeatsNeeded */.MM)({ sd: delta.sd, withinVariance: delta.withinVariance, repeats: Math.max(1, repeats), n: delta.n, gap, confidence });
            let rest;
            if (leansWorse && delta.ci[1] < threshold) {
                rest = `below the threshold, but not after Holm adjustment for ${level.m} comparisons (adjusted p = ${(0,numbers/* pValue */.sp)(pAdjusted)})`;
            }
            else {
                rest = `can't tell yet whether it ${maxDrop > 0 ? `dropped by more than ${(0,numbers/* dropPoints */.tr)(maxDrop)}` : 'dropped'}`;
            }
            if (cases !== null) {
                const more = k !== null && k > repeats ? ` (or ${k} repeats on these ${(0,numbers/* count */.U9)(delta.n)} cases)` : '';
                rest += `; about ${(0,numbers/* plural */.LS)(cases, 'case')}${more} would settle it`;
            }
            else {
                rest += `; the estimate sits so close to the threshold that more than ${(0,numbers/* count */.U9)(10_000)} cases would be needed`;
            }
            if (delta.ci[0] < 0)
                rest += `. The data do rule out a drop of more than ${(0,numbers/* dropPoints */.tr)(-delta.ci[0])}`;
            return { ...base, verdict: 'inconclusive', detail: `${what}: ${rest}.${left}`, cases_needed: cases };
        },
    };
}
function ratioComparison(args) {
    const threshold = 1 + args.maxIncrease;
    const limit = (0,numbers/* change */.Zg)(threshold).replace(/^\+/, '');
    return {
        rule: args.rule,
        pWorse: (0,stats/* bootstrapPValueAbove */.R8)(args.distribution, threshold),
        finish(pAdjusted, level) {
            const base = { rule: args.rule, p_adjusted: pAdjusted };
            if (pAdjusted < (1 - level.confidence) / 2) {
                return { ...base, verdict: 'fail', detail: `${args.what}: ${args.worse(limit)} (${holmClause(pAdjusted, level)}).` };
            }
            if (args.ci[1] <= threshold) {
                return { ...base, verdict: 'pass', detail: `${args.what}: rules out an increase of more than ${limit}.` };
            }
            const cases = (0,stats/* casesNeededForRatio */.pM)({ n: args.n, estimate: args.estimate, ci: args.ci, threshold });
            let rest = args.ci[0] > threshold
                ? `above the threshold, but not after Holm adjustment for ${level.m} comparisons (adjusted p = ${(0,numbers/* pValue */.sp)(pAdjusted)})`
                : `can't tell yet whether it rose by more than ${limit}`;
            rest += cases !== null ? `; about ${(0,numbers/* plural */.LS)(cases, 'case')} would settle it` : `; more than ${(0,numbers/* count */.U9)(10_000)} cases would be needed to settle it`;
            return { ...base, verdict: 'inconclusive', detail: `${args.what}: ${rest}.`, cases_needed: cases };
        },
    };
}
function errorRateRule(input, gate) {
    if (input.runs_planned <= 0)
        return [];
    const rate = input.calls.failed / input.runs_planned;
    const limit = (0,numbers/* percent */.KN)(gate.max_error_rate);
    const counted = `${(0,numbers/* count */.U9)(input.calls.failed)} of ${(0,numbers/* plural */.LS)(input.runs_planned, 'planned call')} failed after retries (${(0,numbers/* percent */.KN)(rate)})`;
    if (rate > gate.max_error_rate) {
        return [{ rule: 'error_rate', verdict: 'error', detail: `Too many failed calls: ${counted}, over the ${limit} limit; the numbers may be biased by which cases failed.` }];
    }
    // The limit holds for each variant too. Failed samples are left out of the statistics, so failures on one side
    // only — say, the candidate's prompt overflowing the context window on the long cases — would otherwise hide
    // exactly the cases where it regressed, behind an overall rate that looks small (docs/change-note.md).
    const ran = ['baseline', 'candidate'].filter((v) => input.cases.some((c) => c[v] !== null));
    if (ran.length === 2) {
        const perVariant = input.runs_planned / 2;
        const failed = (v) => input.cases.reduce((n, c) => n + (c[v]?.errors ?? 0), 0);
        for (const v of ran) {
            const other = v === 'baseline' ? 'candidate' : 'baseline';
            const vRate = failed(v) / perVariant;
            if (vRate > gate.max_error_rate) {
                return [
                    {
                        rule: 'error_rate',
                        verdict: 'error',
                        detail: `Too many failed calls on one side: ${(0,numbers/* count */.U9)(failed(v))} of ${(0,numbers/* plural */.LS)(perVariant, `${v} call`)} failed after retries (${(0,numbers/* percent */.KN)(vRate)}), ` +
                            `over the ${limit} limit (the ${other}'s: ${(0,numbers/* count */.U9)(failed(other))}). Failed samples are left out of the statistics, so they could hide a regression on exactly those cases.`,
                    },
                ];
            }
        }
    }
    return [{ rule: 'error_rate', verdict: 'pass', detail: `${counted}, within the ${limit} limit.` }];
}

// EXTERNAL MODULE: ./src/gate/verdict.ts + 1 modules
var verdict = __webpack_require__(71442);
;// CONCATENATED MODULE: ./src/gate/index.ts




// EXTERNAL MODULE: ./src/plan/requests.ts
var requests = __webpack_require__(93957);
// EXTERNAL MODULE: ./src/plan/settings.ts
var settings = __webpack_require__(39214);
// EXTERNAL MODULE: ./src/results/aggregate.ts
var aggregate = __webpack_require__(42089);
;// CONCATENATED MODULE: ./src/report/build.ts






function buildReport(args) {
    const { planned, records, gateConfig } = args;
    const runnable = planned.filter((s) => !s.message);
    const results = runnable.map((s) => (0,aggregate/* aggregateSuite */.K)(s, records));
    const measured = results.map((r, i) => (0,stats/* measureSuite */.bt)(r.samples, { confidence: gateConfig.confidence, sequential: args.sequential?.has(runnable[i].name) ?? false }));
    const gateInputs = runnable.map((s, i) => ({
        name: s.name,
        change: s.change,
        measured: measured[i],
        cases: results[i].samples,
        calls: { total: results[i].calls.total, failed: results[i].calls.failed },
        runs_planned: args.scheduled?.get(s.name) ?? (0,requests/* plannedSamples */.OA)(s),
        sequential: args.sequential?.has(s.name) ?? false,
    }));
    const gate = evaluateGate(gateInputs, gateConfig, { stopped: args.stopped?.message });
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
    const patch = b.text === c.text ? null : (0,create/* createTwoFilesPatch */.ss)(b.path, c.path, b.text, c.text, undefined, undefined, { context: 3 });
    // Counted from the hunks themselves: a changed line may begin with "---" or "+++" (front matter), which a count
    // over the patch text would take for a file header.
    let added = 0;
    let removed = 0;
    if (b.text !== c.text) {
        for (const hunk of (0,create/* structuredPatch */.YB)(b.path, c.path, b.text, c.text, undefined, undefined, { context: 0 }).hunks) {
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
        settings: (0,settings/* settingsChanges */.fH)(b.settings, c.settings),
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

/***/ 42089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ aggregateSuite)
/* harmony export */ });
/* harmony import */ var _case_outputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(21367);
/* harmony import */ var _stats_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31144);


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
        const flaky = b.v !== null && (0,_stats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .flakyAtBase */ ._f)({ passed: b.passed, runs: b.runs });
        if (flaky)
            flakyIds.push(c.id);
        cases.push({
            id: c.id,
            tags: c.tags,
            baseline: b.v ? { passed: b.passed, runs: b.runs, ...(b.errs ? { errors: b.errs } : {}) } : null,
            candidate: k.v ? { passed: k.passed, runs: k.runs, ...(k.errs ? { errors: k.errs } : {}) } : null,
            // The sample that shows the flip: for a regression the candidate's failing one, for a fix its passing one.
            ...(0,_case_outputs_js__WEBPACK_IMPORTED_MODULE_1__/* .caseOutputs */ .T)(b.v ? b : null, k.v ? k : null),
            reasons: { baseline: b.reason, candidate: k.reason },
            ...(flaky ? { flaky_at_base: true } : {}),
        });
    }
    return { samples, cases, tokens, errors, calls, firstError, flakyAtBase: flakyIds };
}


/***/ })

};
;