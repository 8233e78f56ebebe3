"use strict";
exports.id = 270;
exports.ids = [270,549];
exports.modules = {

/***/ 88549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ReportSchema: () => (/* reexport */ schema.ReportSchema),
  caseOutputs: () => (/* reexport */ case_outputs/* caseOutputs */.T),
  checkTitle: () => (/* reexport */ headline/* checkTitle */.Tq),
  escapeInline: () => (/* reexport */ report_escape/* escapeInline */.VV),
  fencedBlock: () => (/* reexport */ report_escape/* fencedBlock */.zW),
  headline: () => (/* reexport */ headline/* headline */.Pl),
  inertCode: () => (/* reexport */ report_escape/* inertCode */.gQ),
  inlineCode: () => (/* reexport */ report_escape/* inlineCode */.ti),
  parseJsonReport: () => (/* reexport */ parseJsonReport),
  renderChangeNote: () => (/* reexport */ markdown/* renderChangeNote */.d),
  writeJsonReport: () => (/* reexport */ writeJsonReport)
});

// EXTERNAL MODULE: ./src/report/markdown.ts + 6 modules
var markdown = __webpack_require__(6289);
// EXTERNAL MODULE: ./src/report/headline.ts
var headline = __webpack_require__(14512);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var errors = __webpack_require__(37428);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/report/schema.ts
var schema = __webpack_require__(91327);
;// CONCATENATED MODULE: ./src/report/json.ts



/** The JSON report as written to disk: validated against the schema first, so a file on disk always reads back. */
function writeJsonReport(report) {
    return JSON.stringify(schema.ReportSchema.parse(report), null, 2) + '\n';
}
/** 1-based line and column of a character offset. */
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
/**
 * A JSON report read back (for `promptgate merge`, and to render a note from a report on disk). Every problem is a
 * PromptgateError naming the file, and the line for a syntax error.
 */
function parseJsonReport(text, file) {
    let value;
    try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (err) {
        const message = err.message;
        // V8 says "… in JSON at position 42" (Node 20) and may add "(line 3 column 5)" (Node 22+).
        const position = /position (\d+)/.exec(message);
        const where = position ? lineAndColumn(text, Number(position[1])) : {};
        throw new src_errors.PromptgateError(`is not valid JSON: ${message}`, { file, ...where, hint: 'Pass the file written by `promptgate run --json FILE`.' });
    }
    const version = value?.schema_version;
    if (typeof version === 'number' && version !== 1) {
        throw new src_errors.PromptgateError(`has schema_version ${version}; this promptgate reads version 1`, { file, hint: 'Use the promptgate version that wrote the report.' });
    }
    const parsed = schema.ReportSchema.safeParse(value);
    if (!parsed.success) {
        throw new src_errors.PromptgateError(`is not a promptgate report:\n${errors/* prettifyError */.S1(parsed.error)}`, { file, hint: 'Pass the file written by `promptgate run --json FILE`.' });
    }
    return parsed.data;
}

// EXTERNAL MODULE: ./src/results/case-outputs.ts
var case_outputs = __webpack_require__(21367);
;// CONCATENATED MODULE: ./src/report/index.ts
/**
 * The report stage: the JSON report (schema, write, read back) and the change note rendered from it alone, so a
 * report read from disk or merged from shards renders the same note.
 */








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


/***/ }),

/***/ 48992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ clip)
/* harmony export */ });
/* unused harmony export sliceUnits */
/**
 * Cutting text to a length. Lengths are UTF-16 code units (JavaScript's `length`), and a cut never splits a
 * surrogate pair, so an emoji in a model's output is kept whole or left out, never half-shown.
 */
/** At most `n` code units. */
function sliceUnits(text, n) {
    if (text.length <= n)
        return text;
    const end = n > 0 && /[\uD800-\uDBFF]/.test(text[n - 1]) ? n - 1 : n;
    return text.slice(0, end);
}
/** Shortened to `max` code units, with "…" when cut. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    if (max <= 0)
        return '';
    return sliceUnits(text, max - 1) + '…';
}


/***/ })

};
;