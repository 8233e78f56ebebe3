"use strict";
exports.id = 327;
exports.ids = [327];
exports.modules = {

/***/ 71442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  IZ: () => (/* reexport */ ChangeKindSchema),
  LV: () => (/* binding */ RuleResultSchema),
  jp: () => (/* binding */ VerdictSchema)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(45586);
;// CONCATENATED MODULE: ./src/changes/types.ts

/**
 * The kind of change a suite has between base and head: what changed decides which gate rules apply. It is the
 * change's, so it lives here; the gate's verdicts (src/gate/verdict.ts) and the report's schema hold it as it is.
 */
const ChangeKindSchema = schemas/* enum */.k5n(['modified', 'added', 'deleted', 'renamed', 'settings', 'cases_only', 'unchanged']);

;// CONCATENATED MODULE: ./src/gate/verdict.ts

/**
 * What the gate decides, as the report stores it: a verdict per rule, suite and review, and (from src/changes/types.ts)
 * the kinds of change a suite can have, which decide the rules that apply. The report's schema (src/report/schema.ts)
 * holds these as they are; they live here, below it, so the gate imports nothing from the report.
 */
const VerdictSchema = schemas/* enum */.k5n(['pass', 'fail', 'inconclusive', 'error', 'skipped']);
// The kinds of change are the change's (src/changes/types.ts); the gate decides with them.

const RuleResultSchema = schemas/* object */.Ikc({
    rule: schemas/* string */.YjP(),
    verdict: VerdictSchema,
    detail: schemas/* string */.YjP(),
    /** extension: Holm-adjusted one-sided p-value for "worse than the allowed threshold", where the rule tests one. */
    p_adjusted: schemas/* number */.aig().nullable().optional(),
    /**
     * extension: for an inconclusive rule, the cases that would make this rule's interval narrow enough to settle it,
     * from the observed per-case variance; null when no number of cases would (the estimate sits on the threshold).
     */
    cases_needed: schemas/* number */.aig().nullable().optional(),
});


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


/***/ })

};
;