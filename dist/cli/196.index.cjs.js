"use strict";
exports.id = 196;
exports.ids = [196];
exports.modules = {

/***/ 29815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildReport: () => (/* reexport */ build/* buildReport */.F),
  prepareStatistics: () => (/* reexport */ prepare/* prepareStatistics */.b),
  warmReportCode: () => (/* reexport */ warmReportCode),
  withSamplingNotes: () => (/* reexport */ withSamplingNotes)
});

// EXTERNAL MODULE: ./src/report/build.ts + 2 modules
var build = __webpack_require__(85813);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/format/numbers.ts
var numbers = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/report/markdown.ts + 6 modules
var markdown = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/report/schema.ts
var schema = __webpack_require__(91327);
;// CONCATENATED MODULE: ./src/report/warm.ts




/**
 * Does early, while the model calls are in flight, what the report's first use would otherwise do after the last
 * one (docs/architecture.md, "Start-up"): start Intl's number formatting and collation (their first use loads ICU's
 * data: 17–60 ms on a CI machine); then, each in a turn of its own, build a made-up report (`build`: the review's
 * own suites over a few made-up samples), parse it with the report schema and render its change note, so that the
 * code of each — and the parsers zod compiles for each nested schema the first time it meets one — is ready when
 * the real report comes. Nothing it does changes a report, and nothing it builds is kept; it never rejects.
 */
async function warmReportCode(build) {
    await (0,promises_.setImmediate)();
    attempt(() => {
        (0,numbers/* count */.U9)(1234);
        (0,numbers/* pValue */.sp)(0.01);
        (0,numbers/* usd */.dR)(0.001);
        'case 2'.localeCompare('case 10', 'en', { numeric: true });
    });
    await (0,promises_.setImmediate)();
    const report = attempt(build);
    if (!report)
        return;
    await (0,promises_.setImmediate)();
    attempt(() => schema.ReportSchema.parse(report));
    await (0,promises_.setImmediate)();
    attempt(() => (0,markdown/* renderChangeNote */.d)(report, { target: 'cli' }));
}
function attempt(work) {
    try {
        return work();
    }
    catch {
        // Only a head start: what fails here, the report meets, and reports, itself when it runs.
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/stats/prepare.ts
var prepare = __webpack_require__(44792);
// EXTERNAL MODULE: ./src/results/aggregate.ts
var aggregate = __webpack_require__(42089);
// EXTERNAL MODULE: ./src/stats/intervals.ts
var intervals = __webpack_require__(59413);
// EXTERNAL MODULE: ./src/stats/sequential-design.ts
var sequential_design = __webpack_require__(81703);
;// CONCATENATED MODULE: ./src/review/notes.ts



const pct = (x) => `${Number((100 * x).toFixed(2))}%`;
/**
 * The report's notes on how the suites were sampled: a sequential run's looks and the level each was decided at,
 * a fallback to the fixed design, and — for a suite still inconclusive at its most samples — whether the data call
 * for more cases or more repeats (from the share of the per-case variance that is noise within cases).
 */
function withSamplingNotes(report, planned, sampled, confidence) {
    const notes = [];
    const fallback = [...sampled.sampling.values()].find((s) => s.fallback)?.fallback;
    if (fallback)
        notes.push(`Sequential sampling was asked for, but ${fallback}.`);
    if (sampled.sequential.size > 0) {
        const looks = Math.max(...[...sampled.sequential].map((n) => sampled.sampling.get(n)?.rounds ?? 1));
        notes.push(`Sequential sampling (docs/sequential.md): after each round every gated rule is decided at a stricter level, so that over all looks together a change that does nothing fails at most ${pct((1 - confidence) / 2)} of the time; this review stopped after look ${looks}, and its intervals are at ${pct(sampled.confidence)}.`);
    }
    for (const suite of report.suites) {
        const s = sampled.sampling.get(suite.name);
        const plan = planned.find((p) => p.name === suite.name);
        if (!s || !plan || s.mode !== 'sequential' || suite.verdict !== 'inconclusive' || report.partial)
            continue;
        const delta = (0,intervals/* pairedDeltaInterval */.H)((0,aggregate/* aggregateSuite */.K)(plan, sampled.records).samples.flatMap((c) => (c.baseline && c.candidate ? [{ baseline: c.baseline.scores, candidate: c.candidate.scores }] : [])), sampled.confidence);
        if (!delta || !(delta.sd > 0))
            continue;
        const more = (0,sequential_design/* moreOf */.bd)(delta);
        notes.push(more === 'cases'
            ? `${suite.name}: still inconclusive after its most samples; the spread between cases dominates the interval, so more cases would settle it, not more repeats.`
            : `${suite.name}: still inconclusive after its most samples; the noise within cases dominates the interval, so more repeats (a higher \`repeats\`) would settle it.`);
    }
    return notes.length ? { ...report, notes: [...(report.notes ?? []), ...notes] } : report;
}

;// CONCATENATED MODULE: ./src/review/after-calls.ts
/**
 * What a review needs only once its model calls are out: the statistics, the report and its warm-up. The sampling
 * step (./sampling.ts) loads it with `import()` — when the first calls are on their way, or when a look or the
 * report needs it — so that none of it is loaded, or its modules run, before the first model call
 * (docs/architecture.md, "Start-up"). In the CLI's bundle it is a chunk of its own, with the statistics library.
 */






/***/ })

};
;