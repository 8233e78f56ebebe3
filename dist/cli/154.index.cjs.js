"use strict";
exports.id = 154;
exports.ids = [154];
exports.modules = {

/***/ 3613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fw: () => (/* binding */ signedMs),
/* harmony export */   Hn: () => (/* binding */ times),
/* harmony export */   KN: () => (/* binding */ percent),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   Rc: () => (/* binding */ level),
/* harmony export */   TS: () => (/* binding */ rate),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   VY: () => (/* binding */ pointDecimals),
/* harmony export */   WR: () => (/* binding */ points),
/* harmony export */   Zg: () => (/* binding */ change),
/* harmony export */   _9: () => (/* binding */ signedPoints),
/* harmony export */   dR: () => (/* binding */ usd),
/* harmony export */   kC: () => (/* binding */ tokensPerCall),
/* harmony export */   ms: () => (/* binding */ ms),
/* harmony export */   p0: () => (/* binding */ duration),
/* harmony export */   sp: () => (/* binding */ pValue),
/* harmony export */   tr: () => (/* binding */ dropPoints)
/* harmony export */ });
/**
 * Numbers as a reviewer reads them, in the change note and in the gate's one-line rule details alike (one module, so
 * the two never disagree on how a number is written). Signs are ASCII, so a reader can search the note and the
 * details alike.
 *
 * Two families: the detail forms (`percent`, `points`, `change`, …) trim a trailing ".0" and show one decimal; the
 * note's headline forms (`rate`, `signedPoints`, …) take the decimals the headline chose (see `pointDecimals`).
 *
 * It sits below both the gate (src/gate/) and the report (src/report/), which build on it, and imports nothing of
 * either.
 */
/** The confidence as people write it: 0.95 → "95%", 0.975 → "97.5%". */
function level(confidence) {
    return `${Number((confidence * 100).toFixed(1))}%`;
}
/** 0.8234 → "82%" (decimals 0) or "82.3%" (decimals 1); "—" for a missing value. */
function rate(x, decimals = 0) {
    return x === null || x === undefined ? '—' : `${(x * 100).toFixed(decimals)}%`;
}
/**
 * A difference in percentage points with its sign: 0.11 → "+11", -0.004 → "-0.4" (decimals 1; a trailing ".0" is
 * dropped, as in the gate's details). A nonzero value that rounds to zero keeps its sign ("+0", "-0"), so an interval
 * that crosses zero is never shown as ending at an unsigned "0".
 */
function signedPoints(d, decimals = 0) {
    const text = Math.abs(d * 100)
        .toFixed(decimals)
        .replace(/\.0$/, '');
    const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
    return `${sign}${text}`;
}
/**
 * Decimals for a pass-rate headline: whole points unless that would mislead — the rounded rates must differ by the
 * rounded delta (82% → 93% reads as +11, so the delta must not say +10), and a nonzero bound of the interval must
 * not round to 0 (that hides which side of zero it is on). One decimal otherwise.
 */
function pointDecimals(baseline, candidate, delta, ci) {
    const whole = (x) => Math.round(x * 100);
    if (baseline !== null && candidate !== null && whole(candidate) - whole(baseline) !== whole(delta))
        return 1;
    if ([delta, ci[0], ci[1]].some((x) => x !== 0 && whole(x) === 0))
        return 1;
    return 0;
}
/** 180.4 → "+180 ms", -32 → "-32 ms" */
function signedMs(x) {
    const v = Math.round(x);
    return `${v > 0 ? '+' : v < 0 ? '-' : '±'}${Math.abs(v)} ms`;
}
/** Tokens per call: whole numbers, one decimal below 10 (an answer of 2.3 tokens is not "2"). */
function tokensPerCall(x) {
    return x < 10 ? String(Number(x.toFixed(1))) : Math.round(x).toLocaleString('en-US');
}
/** 5400 → "5.4 s", 125000 → "2 min 5 s" */
function duration(msTotal) {
    const s = msTotal / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    const min = Math.floor(s / 60);
    return `${min} min ${Math.round(s - min * 60)} s`;
}
const trim = (s) => s.replace(/\.0$/, '');
/** 0.823 → "82.3%" */
function percent(x) {
    return `${trim((x * 100).toFixed(1))}%`;
}
/** -0.021 → "-2.1 points" */
function points(d, unit = ' points') {
    const v = Math.round(d * 1000) / 10;
    return `${v > 0 ? '+' : ''}${trim(v.toFixed(1))}${unit}`;
}
/** A drop as a positive number of points: 0.05 → "5 points" */
function dropPoints(d) {
    return `${trim((Math.round(d * 1000) / 10).toFixed(1))} points`;
}
/** 1.074 → "×1.07" */
function times(r) {
    return `×${r.toFixed(2)}`;
}
/** 1.27 → "+27%", 0.9 → "-10%" */
function change(r) {
    const v = Math.round((r - 1) * 1000) / 10;
    return `${v > 0 ? '+' : ''}${trim(v.toFixed(1))}%`;
}
/** 1412.3 → "1412 ms" */
function ms(x) {
    return `${Math.round(x)} ms`;
}
/** 0.000412 → "$0.00041" */
function usd(x) {
    return `$${x.toLocaleString('en-US', { maximumSignificantDigits: 2, useGrouping: false })}`;
}
/** 0.000123 → "0.0001", 0.0312 → "0.031" */
function pValue(p) {
    if (p < 0.0001)
        return '< 0.0001';
    return p.toLocaleString('en-US', { maximumSignificantDigits: 2, maximumFractionDigits: 4, useGrouping: false });
}
/** 1234 → "1,234" */
function count(n) {
    return n.toLocaleString('en-US');
}
function plural(n, word, many = `${word}s`) {
    return `${count(n)} ${n === 1 ? word : many}`;
}


/***/ }),

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

/***/ 21367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ caseOutputs)
/* harmony export */ });
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


/***/ }),

/***/ 45069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R8: () => (/* binding */ bootstrapPValueAbove),
  bR: () => (/* binding */ clusterBootstrap),
  u6: () => (/* binding */ expandedConfidenceGrid),
  Ct: () => (/* binding */ expandedPercentileInterval),
  NR: () => (/* binding */ prepareGridLevels),
  qc: () => (/* binding */ prepareResamples),
  xf: () => (/* binding */ quantileRatioStatistic),
  Hc: () => (/* binding */ tGridCriticals)
});

// UNUSED EXPORTS: MAX_PREPARED_DRAWS, bootstrapInterval, clusterBootstrapRatio, expandedLevel, gridLevelsReady, meanRatioStatistic, readAtLevels

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/simple-statistics/dist/simple-statistics.mjs
var simple_statistics = __webpack_require__(15521);
// EXTERNAL MODULE: ./node_modules/pure-rand/lib/esm/generator/xoroshiro128plus.js
var xoroshiro128plus = __webpack_require__(19821);
// EXTERNAL MODULE: ./src/stats/t-distribution.ts
var t_distribution = __webpack_require__(89634);
// EXTERNAL MODULE: ./node_modules/@stdlib/math-base-special-beta/lib/index.js
var lib = __webpack_require__(91354);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./node_modules/@stdlib/math-base-special-erfc/lib/index.js
var math_base_special_erfc_lib = __webpack_require__(30988);
var math_base_special_erfc_lib_default = /*#__PURE__*/__webpack_require__.n(math_base_special_erfc_lib);
;// CONCATENATED MODULE: ./src/stats/t-grid.ts



/**
 * Student-t quantiles on a grid, fast: t_df(u_j) for u_j = (j + ½)/points, j = 0 … points − 1 — the level points of
 * a confidence grid (bootstrap.ts, ConfidenceGrid). The general-purpose quantile (@stdlib, an inverse incomplete
 * beta with Halley steps from a generic start) costs ~7 µs a point, 70 ms for a 10,000-point grid; here each point
 * is found by Newton steps on the t CDF started from its neighbour on the grid (a second-order Taylor step of
 * dt/du = 1/f(t)), so one or two CDF evaluations settle it: ~0.2 µs a point. Only the lower half is solved; the
 * upper half is its mirror image (t_df(1 − u) = −t_df(u), and u_j + u_{points−1−j} = 1 exactly).
 *
 * The CDF is the incomplete beta function, P(T ≤ t) = ½ I_x(ν/2, ½) with x = ν/(ν + t²) for t < 0, by its
 * continued fraction (modified Lentz; Press et al., "Numerical Recipes", 3rd ed., §6.4), in the tail form for
 * x below (a + 1)/(a + b + 2) and through I_x(a, b) = 1 − I_{1−x}(b, a) above it, where P(T ≤ t) is near ½ and
 * the Newton residual is taken against ½ − u (exact there) so that a quantile near 0 keeps its relative
 * accuracy. The fraction is written here rather than called from @stdlib's betainc (~2.3 µs a call, measured; a
 * point needs one or two, so the grid would be ~10× slower): each Newton step also shares its prefactor with the
 * density it divides by. Agreement with @stdlib: ≤ 3e-13 relative on every point of the grids checked in
 * test/stats/t-grid.test.ts, mostly @stdlib's own error (checked against 40-digit arithmetic: @stdlib is within
 * ~1e-13 near u = ½, this within ~2e-15 up to 1,000 degrees of freedom and 3e-13 at 10,000). See
 * docs/statistics.md, "How the grids are prepared".
 */
/** Newton iterations before a point is handed to the general quantile instead (never needed in the tests). */
const MAX_NEWTON = 40;
/** Continued-fraction terms before giving up on a point (same fallback). */
const MAX_FRACTION = 100_000;
/** A Newton step this small (relative) leaves an error of its square: the point is settled. */
const SETTLED = 2 ** -30;
const TINY = 1e-300;
/**
 * Above this df the continued fraction loses digits (its Lentz recurrence cancels, ~df · 1e-17 relative: 2.5e-13
 * at 10,000, 2e-12 at 100,000), so the grid comes from the general quantile; a suite that large spends far longer
 * in the bootstrap anyway.
 */
const MAX_FAST_DF = 10_000;
/**
 * The continued fraction of I_x(a, b), y = 1 − x (Numerical Recipes eq. 6.4.5, modified Lentz), without the prefactor
 * x^a (1 − x)^b / (a B(a, b)): NaN when it does not converge.
 */
function betaFraction(x, y, a, b) {
    const qab = a + b;
    const qap = a + 1;
    const qam = a - 1;
    let c = 1;
    // 1 − (a + b)x/(a + 1), written without the cancellation that costs large a its digits: (a·y + 1 − b·x)/(a + 1).
    let d = (a * y + 1 - b * x) / qap;
    if (Math.abs(d) < TINY)
        d = TINY;
    d = 1 / d;
    let h = d;
    for (let m = 1; m <= MAX_FRACTION; m++) {
        const m2 = 2 * m;
        let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = 1 + aa / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        h *= d * c;
        aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (Math.abs(d) < TINY)
            d = TINY;
        c = 1 + aa / c;
        if (Math.abs(c) < TINY)
            c = TINY;
        d = 1 / d;
        const step = d * c;
        h *= step;
        if (Math.abs(step - 1) <= Number.EPSILON)
            return h;
    }
    return NaN;
}
/** Whether the fast path handles this df; otherwise every point comes from the general quantile. */
const fastDf = (df) => Number.isInteger(df) && df >= 1 && df <= MAX_FAST_DF;
function startTGrid(df, points) {
    const values = new Float64Array(points);
    // Points past the middle mirror the lower half; an odd grid's middle point is the median, 0.
    const middle = points >> 1;
    if (points % 2 === 1)
        values[middle] = 0;
    const fast = fastDf(df);
    const a = df / 2;
    return { df, points, values, next: middle - 1, t: 0, density: fast ? 1 / (Math.sqrt(df) * lib_default()(a, 0.5)) : NaN, fallbacks: 0 };
}
/** Whether every point of the grid is filled. */
const tGridDone = (state) => state.next < 0;
/**
 * Fill points of the grid, at most `budget` of them (all by default), from where the state left off.
 */
function fillTGrid(state, budget = Number.POSITIVE_INFINITY) {
    const { df, points, values } = state;
    if (!fastDf(df)) {
        for (let n = 0; n < budget && state.next >= 0; n++) {
            const j = state.next--;
            values[j] = (0,t_distribution/* tQuantile */.YW)((j + 0.5) / points, df);
            values[points - 1 - j] = -values[j];
        }
        return;
    }
    const a = df / 2;
    const lnBeta = Math.log(lib_default()(a, 0.5));
    const switchX = (a + 1) / (a + 2.5);
    let t = state.t;
    let density = state.density;
    let previousU = 0.5;
    if (state.next < (points >> 1) - 1)
        previousU = (state.next + 1.5) / points;
    for (let n = 0; n < budget && state.next >= 0; n++) {
        const j = state.next;
        const u = (j + 0.5) / points;
        const du = u - previousU;
        // Second-order Taylor step along dt/du = 1/f(t), d²t/du² = (ν + 1) t / ((ν + t²) f²).
        let guess = t + du / density + (0.5 * du * du * (df + 1) * t) / ((df + t * t) * density * density);
        if (!(guess < 0))
            guess = t < 0 ? t : du / density;
        let settled = false;
        let x = guess;
        let f = density;
        for (let k = 0; k < MAX_NEWTON; k++) {
            const t2 = x * x;
            const lnx = -Math.log1p(t2 / df);
            const y = t2 / (df + t2);
            // P = x^a y^½ / B(a, ½); the density is P / |t| (and the t CDF's tail is ½ P · fraction / a).
            const prefactor = Math.exp(a * lnx + 0.5 * Math.log(y) - lnBeta);
            f = prefactor / -x;
            let residual;
            const xb = df / (df + t2);
            if (xb < switchX) {
                residual = (0.5 * prefactor * betaFraction(xb, y, a, 0.5)) / a - u;
            }
            else {
                residual = 0.5 - u - prefactor * betaFraction(y, xb, 0.5, a);
            }
            const step = residual / f;
            if (!Number.isFinite(step))
                break;
            const nextX = x - step;
            x = nextX < 0 ? nextX : x / 2;
            if (Math.abs(step) <= SETTLED * Math.abs(x)) {
                settled = true;
                break;
            }
        }
        if (settled) {
            t = x;
            density = f;
        }
        else {
            state.fallbacks++;
            t = (0,t_distribution/* tQuantile */.YW)(u, df);
            // Restart the next point from its own first guess: f at the general quantile's answer.
            const t2 = t * t;
            density = Math.exp(-(a + 0.5) * Math.log1p(t2 / df) - lnBeta) / Math.sqrt(df);
        }
        values[j] = t;
        values[points - 1 - j] = -t;
        previousU = u;
        state.next--;
    }
    state.t = t;
    state.density = density;
}
/** t_df((j + ½)/points) for every j (see the file's comment). */
function tQuantileGrid(df, points) {
    const state = startTGrid(df, points);
    fillTGrid(state);
    return state.values;
}
/** Standard normal CDF Φ(x) = ½ erfc(−x/√2) (@stdlib's erfc, W. J. Cody's rational approximations). */
function fastNormalCdf(x) {
    return 0.5 * math_base_special_erfc_lib_default()(-x * Math.SQRT1_2);
}

// EXTERNAL MODULE: ./src/stats/types.ts
var types = __webpack_require__(65858);
;// CONCATENATED MODULE: ./src/stats/bootstrap.ts






/**
 * Draw `resamples` resamples of `nCases` cases with replacement (seeded xoroshiro128+ from pure-rand) and
 * evaluate every statistic on each. Returns, per statistic, its finite values sorted ascending. The draws depend on
 * the seed and the two counts only, so {@link prepareResamples} can make them ahead; the result is the same either
 * way.
 */
function clusterBootstrap(nCases, statistics, opts = {}) {
    const resamples = opts.resamples ?? types/* DEFAULT_RESAMPLES */.jF;
    const seed = opts.seed ?? types/* DEFAULT_SEED */.KP;
    const multiplicity = new Uint32Array(nCases);
    const values = statistics.map(() => new Float64Array(resamples));
    const prepared = preparedDraws.get(drawsKey(seed, nCases, resamples));
    if (prepared) {
        drawResamples(prepared);
        const all = prepared.multiplicities;
        for (let b = 0; b < resamples; b++) {
            // A copy, so that no statistic can touch the kept draws.
            multiplicity.set(all.subarray(b * nCases, (b + 1) * nCases));
            for (let s = 0; s < statistics.length; s++)
                values[s][b] = statistics[s](multiplicity);
        }
        return values.map(finiteSorted);
    }
    const rng = (0,xoroshiro128plus/* xoroshiro128plus */.b)(seed);
    const scale = nCases / 2 ** 32;
    for (let b = 0; b < resamples; b++) {
        multiplicity.fill(0);
        for (let i = 0; i < nCases; i++)
            multiplicity[((rng.next() >>> 0) * scale) | 0]++;
        for (let s = 0; s < statistics.length; s++)
            values[s][b] = statistics[s](multiplicity);
    }
    return values.map(finiteSorted);
}
const preparedDraws = new Map();
const drawsKey = (seed, nCases, resamples) => `${seed}:${nCases}:${resamples}`;
/** Draws kept ahead at most, in multiplicities (4 bytes each): 10 MB, 250 cases at 10,000 resamples. */
const MAX_PREPARED_DRAWS = 2_500_000;
const MAX_KEPT_DRAWS = 4;
/**
 * Draw up to `budget` more resamples into `draws`, continuing its generator: the multiplicities come out exactly
 * as clusterBootstrap's own loop draws them (the same multiply-shift onto [0, nCases), below).
 */
function drawResamples(draws, budget = Number.POSITIVE_INFINITY) {
    const { nCases, rng, multiplicities } = draws;
    // Multiply-shift maps a 32-bit draw onto [0, nCases) (Lemire, "Fast random integer generation in an interval",
    // ACM TOMACS 29(1), 2019) without the rejection step: the bias is below nCases / 2³², far under the Monte
    // Carlo error of any interval here, and it keeps the inner loop at one draw per case.
    const scale = nCases / 2 ** 32;
    for (let k = 0; k < budget && draws.drawn < draws.resamples; k++) {
        const offset = draws.drawn * nCases;
        for (let i = 0; i < nCases; i++)
            multiplicities[offset + (((rng.next() >>> 0) * scale) | 0)]++;
        draws.drawn++;
    }
}
/**
 * Make the resample draws of a bootstrap over `nCases` cases ahead of its data, a few milliseconds at a time
 * (yielding between slices), for clusterBootstrap to read. Skipped above {@link MAX_PREPARED_DRAWS}.
 */
async function prepareResamples(nCases, opts = {}) {
    const resamples = opts.resamples ?? types/* DEFAULT_RESAMPLES */.jF;
    const seed = opts.seed ?? types/* DEFAULT_SEED */.KP;
    if (!(Number.isInteger(nCases) && nCases >= 1) || nCases * resamples > MAX_PREPARED_DRAWS)
        return;
    const key = drawsKey(seed, nCases, resamples);
    const draws = preparedDraws.get(key) ?? keepDraws(key, { nCases, resamples, rng: (0,xoroshiro128plus/* xoroshiro128plus */.b)(seed), drawn: 0, multiplicities: new Uint32Array(nCases * resamples) });
    await inSlices(() => draws.drawn >= resamples, () => drawResamples(draws, 64), opts.sliceMs ?? 4);
}
/** Keeps `draws` under `key`, the oldest kept draws making room past {@link MAX_KEPT_DRAWS}. */
function keepDraws(key, draws) {
    if (preparedDraws.size >= MAX_KEPT_DRAWS)
        preparedDraws.delete(preparedDraws.keys().next().value);
    preparedDraws.set(key, draws);
    return draws;
}
/** Runs `step` until `done`, a slice of about `sliceMs` at a time, yielding to the event loop after each slice. */
async function inSlices(done, step, sliceMs) {
    while (!done()) {
        const started = performance.now();
        while (!done() && performance.now() - started < sliceMs)
            step();
        await (0,promises_.setImmediate)();
    }
}
function finiteSorted(values) {
    let n = 0;
    for (let i = 0; i < values.length; i++)
        if (Number.isFinite(values[i]))
            values[n++] = values[i];
    return values.subarray(0, n).sort();
}
/** Percentile interval (Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, §13.3) of a sorted distribution. */
function bootstrapInterval(sorted, confidence) {
    if (sorted.length === 0)
        return null;
    const alpha = 1 - confidence;
    const values = Array.from(sorted);
    return [quantileSorted(values, alpha / 2), quantileSorted(values, 1 - alpha / 2)];
}
/**
 * The percentile level the expanded percentile interval reads for nominal one-sided level `u` with `nCases`
 * clusters (Hesterberg, "What Teachers Should Know About the Bootstrap", The American Statistician 69(4), 2015,
 * §6.2): Φ(√(n/(n−1)) · t_{n−1}(u)). The percentile interval is too narrow for small n — it ignores that the
 * spread is itself estimated, as z does where t is due — and the expansion puts that back: at 20 cases the 95%
 * interval reads the 1.6th and 98.4th percentiles, at 100 cases the 2.3rd and 97.7th. docs/statistics.md has the
 * coverage it buys on the p95 ratio.
 */
function expandedLevel(u, nCases) {
    if (nCases < 2)
        return u;
    return (0,t_distribution/* normalCdf */.vr)(Math.sqrt(nCases / (nCases - 1)) * (0,t_distribution/* tQuantile */.YW)(u, nCases - 1));
}
/** Expanded percentile interval (see {@link expandedLevel}) of a sorted bootstrap distribution over `nCases` cases. */
function expandedPercentileInterval(sorted, confidence, nCases) {
    if (sorted.length === 0)
        return null;
    const values = sorted;
    const alpha = 1 - confidence;
    return [(0,simple_statistics/* quantileSorted */.Z4)(values, expandedLevel(alpha / 2, nCases)), (0,simple_statistics/* quantileSorted */.Z4)(values, expandedLevel(1 - alpha / 2, nCases))];
}
const gridLevels = new Map();
/** Grids kept at once; each is three arrays of `points` numbers (240 KB at 10,000). */
const MAX_KEPT_GRIDS = 16;
function gridLevelsFor(nCases, points) {
    const key = `${nCases}:${points}`;
    let levels = gridLevels.get(key);
    if (!levels) {
        if (gridLevels.size >= MAX_KEPT_GRIDS)
            gridLevels.delete(gridLevels.keys().next().value);
        levels = { nCases, points, t: startTGrid(nCases - 1, points), expanded: null, criticals: null };
        gridLevels.set(key, levels);
    }
    return levels;
}
function expandedLevels(levels) {
    if (!levels.expanded) {
        fillTGrid(levels.t);
        const t = levels.t.values;
        const scale = Math.sqrt(levels.nCases / (levels.nCases - 1));
        const expanded = new Float64Array(levels.points);
        for (let j = 0; j < expanded.length; j++)
            expanded[j] = fastNormalCdf(scale * t[j]);
        levels.expanded = expanded;
    }
    return levels.expanded;
}
function criticalValues(levels) {
    if (!levels.criticals) {
        fillTGrid(levels.t);
        levels.criticals = levels.t.values.map((t) => -t);
    }
    return levels.criticals;
}
/**
 * How far (in level) the fast expanded level may be from {@link expandedLevel}'s. The two differ by under 1e-12
 * (t-grid.ts: ≤ 3e-13 relative on the t quantile; the two normal CDFs agree to 1e-12 relative), so this leaves a
 * margin of 1,000; see {@link readAtLevels} for what it decides.
 */
const LEVEL_BAND = 1e-9;
/**
 * Work through the grids a review will read — one per distinct case count — a few milliseconds at a time,
 * yielding to the event loop between slices (setImmediate), so that it runs while model calls are in flight and
 * the statistics after the last call find them ready. The grids come out the same however the work is sliced,
 * and whether or not this ran: it only moves the work earlier. Resolves when every grid is ready.
 */
async function prepareGridLevels(caseCounts, points = types/* DEFAULT_RESAMPLES */.jF, sliceMs = 4) {
    for (const nCases of new Set(caseCounts)) {
        if (!(Number.isInteger(nCases) && nCases >= 2))
            continue;
        const levels = gridLevelsFor(nCases, points);
        await inSlices(() => tGridDone(levels.t), () => fillTGrid(levels.t, 64), sliceMs);
        expandedLevels(levels);
        criticalValues(levels);
        await (0,promises_.setImmediate)();
    }
}
/** The expanded percentile interval's confidence grid: the bootstrap distribution read at the expanded levels. */
function expandedConfidenceGrid(sorted, nCases, points = types/* DEFAULT_RESAMPLES */.jF) {
    if (sorted.length === 0)
        return new Float64Array(0);
    if (nCases < 2) {
        const values = sorted;
        const grid = new Float64Array(points);
        for (let j = 0; j < points; j++)
            grid[j] = (0,simple_statistics/* quantileSorted */.Z4)(values, (j + 0.5) / points);
        return grid;
    }
    return readAtLevels(sorted, expandedLevels(gridLevelsFor(nCases, points)), (j) => expandedLevel((j + 0.5) / points, nCases));
}
/**
 * `sorted` read (quantileSorted, type 7) at each of `levels`, fast levels within {@link LEVEL_BAND} of `exact(j)`.
 * The read interpolates between the values at ⌊(length − 1) · level⌋ and the one above, so the two levels read
 * values that differ in the last digits only (a few 1e-16 relative), except in one place: where
 * (length − 1) · level is a whole number the exact level reads a value of the distribution itself, exactly, and
 * a threshold at that value (latencies in whole milliseconds make such ties common) must compare the same way.
 * So within the band of a whole number the exact level is computed and read.
 */
function readAtLevels(sorted, levels, exact) {
    const values = sorted;
    const last = sorted.length - 1;
    const band = sorted.length * LEVEL_BAND;
    const grid = new Float64Array(levels.length);
    for (let j = 0; j < levels.length; j++) {
        const level = levels[j];
        const at = last * level;
        if (Math.abs(at - Math.round(at)) <= band) {
            grid[j] = (0,simple_statistics/* quantileSorted */.Z4)(values, exact(j));
        }
        else {
            // quantileSorted's interpolation, inline (it is called 10,000 times a grid); `at` is not a whole number here,
            // and 0 < level < 1 (a level of 0 or 1 puts `at` on one).
            const lower = Math.floor(at);
            grid[j] = sorted[lower] + (at - lower) * (sorted[lower + 1] - sorted[lower]);
        }
    }
    return grid;
}
/** Whether the grid for `nCases` cases and `points` points is ready (prepareGridLevels has finished it). */
function gridLevelsReady(nCases, points = DEFAULT_RESAMPLES) {
    const levels = gridLevels.get(`${nCases}:${points}`);
    return !!levels?.expanded && !!levels.criticals;
}
/** The grid's level points as one-sided t critical values c_j = t_df(1 − u_j), cached per df: see fieller.ts. */
function tGridCriticals(df, points) {
    return criticalValues(gridLevelsFor(df + 1, points));
}
/**
 * One-sided bootstrap p-value for "the statistic is above `threshold`" against H0 "it is at or below": the share
 * of resamples at or below the threshold, (1 + #{θ* ≤ t}) / (B + 1) (Davison & Hinkley 1997, eq. 4.11), which
 * inverts the percentile interval: the interval's lower end is above t exactly when this is below α/2.
 */
function bootstrapPValueAbove(sorted, threshold) {
    if (sorted.length === 0)
        return 1;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= threshold)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (1 + lo) / (sorted.length + 1);
}
function callPool(byCase) {
    const callsPerCase = new Uint32Array(byCase.length);
    let total = 0;
    byCase.forEach((calls, c) => {
        callsPerCase[c] = calls?.length ?? 0;
        total += calls?.length ?? 0;
    });
    const order = [];
    byCase.forEach((calls, c) => {
        for (const v of calls ?? [])
            order.push({ v, c });
    });
    order.sort((a, b) => b.v - a.v);
    const values = new Float64Array(total);
    const caseOf = new Uint32Array(total);
    order.forEach(({ v, c }, i) => {
        values[i] = v;
        caseOf[i] = c;
    });
    const frequency = new Map();
    for (const k of callsPerCase)
        frequency.set(k, (frequency.get(k) ?? 0) + 1);
    let typicalCalls = 0;
    for (const [k, f] of frequency)
        if (f > (frequency.get(typicalCalls) ?? 0))
            typicalCalls = k;
    const irregular = [...callsPerCase.keys()].filter((c) => callsPerCase[c] !== typicalCalls);
    return {
        values,
        caseOf,
        typicalCalls,
        irregularCases: Uint32Array.from(irregular),
        irregularExtra: Int32Array.from(irregular, (c) => callsPerCase[c] - typicalCalls),
    };
}
/**
 * Quantile p (type 7, as `percentiles`) of the pool every call of a case repeated `multiplicity[case]` times.
 * Walks from the top, so a p95 reads about 5% of the calls; equals simple-statistics' quantileSorted on the
 * expanded pool.
 */
function resampledQuantile(pool, multiplicity, p) {
    // Σ multiplicity·calls, from the fact that the multiplicities sum to the number of cases: only the cases
    // with an unusual number of calls (errors, a variant not run) need a look.
    let calls = pool.typicalCalls * multiplicity.length;
    for (let j = 0; j < pool.irregularCases.length; j++)
        calls += multiplicity[pool.irregularCases[j]] * pool.irregularExtra[j];
    if (calls === 0)
        return NaN;
    const h = (calls - 1) * p;
    const lo = Math.floor(h);
    const fraction = h - lo;
    // Positions counted from the top of the expanded pool: lo sits at calls-1-lo, lo+1 one place above it.
    const fromTopLo = calls - 1 - lo;
    const fromTopHi = fromTopLo - 1;
    let seen = 0;
    let upper = NaN;
    for (let i = 0; i < pool.values.length; i++) {
        seen += multiplicity[pool.caseOf[i]];
        if (seen > fromTopHi && Number.isNaN(upper))
            upper = pool.values[i];
        if (seen > fromTopLo) {
            const lower = pool.values[i];
            return fraction === 0 ? lower : lower + fraction * (upper - lower);
        }
    }
    return NaN;
}
/**
 * Ratio candidate/baseline of a quantile (default p95) of all calls in the resampled cases. `baseline[c]` and
 * `candidate[c]` are case c's call values (latencies), null when the variant did not run for it.
 */
function quantileRatioStatistic(baseline, candidate, p = 0.95) {
    const b = callPool(baseline);
    const c = callPool(candidate);
    return (multiplicity) => resampledQuantile(c, multiplicity, p) / resampledQuantile(b, multiplicity, p);
}
/**
 * Ratio candidate/baseline of the mean over the resampled cases of a per-case value (mean cost per case);
 * null where the variant has no value for the case.
 */
function meanRatioStatistic(baseline, candidate) {
    const n = baseline.length;
    const bValue = new Float64Array(n);
    const cValue = new Float64Array(n);
    const bHas = new Uint8Array(n);
    const cHas = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
        const bv = baseline[i];
        const cv = candidate[i];
        if (bv !== null && bv !== undefined)
            [bValue[i], bHas[i]] = [bv, 1];
        if (cv !== null && cv !== undefined)
            [cValue[i], cHas[i]] = [cv, 1];
    }
    const everyCaseHasBoth = bHas.every((h) => h === 1) && cHas.every((h) => h === 1);
    if (everyCaseHasBoth) {
        // The counts are both the number of cases, so the ratio of means is the ratio of sums.
        return (multiplicity) => {
            let bSum = 0;
            let cSum = 0;
            for (let i = 0; i < n; i++) {
                const m = multiplicity[i];
                bSum += m * bValue[i];
                cSum += m * cValue[i];
            }
            return cSum / bSum;
        };
    }
    return (multiplicity) => {
        let bSum = 0;
        let bCount = 0;
        let cSum = 0;
        let cCount = 0;
        for (let i = 0; i < n; i++) {
            const m = multiplicity[i];
            bSum += m * bValue[i];
            bCount += m * bHas[i];
            cSum += m * cValue[i];
            cCount += m * cHas[i];
        }
        return cSum / cCount / (bSum / bCount);
    };
}
/** Seeded cluster-bootstrap interval of one ratio statistic over `nCases` cases (≥ 10,000 resamples by default). */
function clusterBootstrapRatio(statistic, nCases, opts) {
    const [distribution] = clusterBootstrap(nCases, [statistic], opts);
    return { ci: bootstrapInterval(distribution, opts.confidence), distribution: distribution };
}


/***/ }),

/***/ 97096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ fiellerRatio)
/* harmony export */ });
/* unused harmony export FIELLER_METHOD */
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45069);
/* harmony import */ var _t_distribution_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89634);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65858);



const FIELLER_METHOD = 'Fieller interval on the ratio of paired means (t on per-case candidate − ratio × baseline)';
/**
 * Interval on the ratio θ = E[candidate] / E[baseline] of two paired per-case means (the cost per case), by
 * Fieller's theorem (Fieller, "Some Problems in Interval Estimation", JRSS B 16(2), 1954): θ is at most θ₀
 * exactly when E[candidate − θ₀ · baseline] ≤ 0, a mean of per-case differences that a paired t statistic
 * tests; the interval is every θ₀ that test does not reject. So the interval and the gate's p-value (that same
 * one-sided t test at the threshold) are one computation, and no resampling is involved.
 *
 * Why not the cluster percentile bootstrap the latency ratio uses: on skewed costs it under-covers — 87–90% at
 * 10 cases and 90–93% at 20 for a nominal 95% — where Fieller keeps 94–98% (docs/statistics.md has the table).
 *
 * The set {θ₀ : |t(θ₀)| ≤ c} is bounded only when the baseline mean is itself clearly above zero
 * (mean² > c² · var(mean)); otherwise the ratio has no finite upper bound at this confidence and `ci` is null.
 * Costs are positive, so a lower bound below 0 is cut to 0.
 */
function fiellerRatio(pairs, confidence, points = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_RESAMPLES */ .jF) {
    const n = pairs.length;
    if (n < 2)
        return null;
    let mb = 0;
    let mc = 0;
    for (const p of pairs) {
        mb += p.baseline;
        mc += p.candidate;
    }
    mb /= n;
    mc /= n;
    if (!(mb > 0))
        return null;
    let sbb = 0;
    let scc = 0;
    let sbc = 0;
    for (const p of pairs) {
        const db = p.baseline - mb;
        const dc = p.candidate - mc;
        sbb += db * db;
        scc += dc * dc;
        sbc += db * dc;
    }
    // Variances and covariance of the two means.
    const scale = 1 / (n * (n - 1));
    const vbb = sbb * scale;
    const vcc = scc * scale;
    const vbc = sbc * scale;
    const estimate = mc / mb;
    /**
     * The θ₀ where t(θ₀) = (mc − θ₀·mb) / √(vcc − 2θ₀·vbc + θ₀²·vbb) equals c: the lower bound at one-sided level
     * t_df⁻¹(c) for c > 0, the upper bound for c < 0. Squaring gives A·θ² − 2B·θ + C = 0.
     */
    const bound = (c) => {
        if (c === 0)
            return estimate;
        const c2 = c * c;
        const a = mb * mb - c2 * vbb;
        const b = mc * mb - c2 * vbc;
        const k = mc * mc - c2 * vcc;
        if (!(a > 0))
            return c > 0 ? 0 : Number.POSITIVE_INFINITY;
        // With a > 0 the roots bracket the estimate (where the left side is 0), so the discriminant is ≥ 0 up to rounding.
        const root = Math.sqrt(Math.max(0, b * b - a * k));
        const theta = c > 0 ? (b - root) / a : (b + root) / a;
        // Rounding can push a bound a hair past the estimate when the spread is zero.
        return c > 0 ? Math.max(0, Math.min(theta, estimate)) : Math.max(theta, estimate);
    };
    const critical = (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_1__/* .tCritical */ .c2)(confidence, n - 1);
    const lo = bound(critical);
    const hi = bound(-critical);
    const criticals = (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_0__/* .tGridCriticals */ .Hc)(n - 1, points);
    const grid = new Float64Array(points);
    for (let j = 0; j < points; j++)
        grid[j] = bound(criticals[j]);
    return { estimate, ci: Number.isFinite(hi) ? [lo, hi] : null, grid, n };
}


/***/ }),

/***/ 31144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KP: () => (/* reexport */ types/* DEFAULT_SEED */.KP),
  lB: () => (/* reexport */ types/* HOLDOUT_TAG */.lB),
  R8: () => (/* reexport */ bootstrap/* bootstrapPValueAbove */.R8),
  h1: () => (/* reexport */ casesNeeded),
  pM: () => (/* reexport */ casesNeededForRatio),
  _f: () => (/* reexport */ types/* flakyAtBase */._f),
  fU: () => (/* reexport */ holm),
  EH: () => (/* reexport */ types/* isHoldout */.EH),
  bt: () => (/* reexport */ measure_suite/* measureSuite */.bt),
  VM: () => (/* reexport */ intervals/* pValueBelow */.VM),
  MM: () => (/* reexport */ repeatsNeeded)
});

// UNUSED EXPORTS: DEFAULT_RESAMPLES, FIELLER_METHOD, MAX_CASES_NEEDED, MAX_REPEATS_NEEDED, MIN_LATENCY_CALLS, MIN_LATENCY_CASES, PAIRED_METHOD, PROPORTION_METHOD, bootstrapInterval, clusterBootstrap, clusterBootstrapRatio, expandedConfidenceGrid, expandedLevel, expandedPercentileInterval, fiellerRatio, meanRatioStatistic, normalCdf, normalQuantile, pairedDeltaInterval, percentiles, prepareStatistics, proportionInterval, quantileRatioStatistic, tCdf, tCritical, tQuantile

// EXTERNAL MODULE: ./src/stats/types.ts
var types = __webpack_require__(65858);
// EXTERNAL MODULE: ./src/stats/t-distribution.ts
var t_distribution = __webpack_require__(89634);
// EXTERNAL MODULE: ./src/stats/intervals.ts
var intervals = __webpack_require__(59413);
// EXTERNAL MODULE: ./src/stats/percentiles.ts
var percentiles = __webpack_require__(64975);
// EXTERNAL MODULE: ./src/stats/bootstrap.ts + 1 modules
var bootstrap = __webpack_require__(45069);
;// CONCATENATED MODULE: ./src/stats/holm.ts
/**
 * Holm's step-down adjustment (Holm, "A simple sequentially rejective multiple test procedure", Scand. J.
 * Statist. 6:65–70, 1979), as adjusted p-values (Wright, "Adjusted P-values for simultaneous inference",
 * Biometrics 48:1005–1013, 1992): sort ascending, p̃(j) = max over i ≤ j of min(1, (m − i + 1)·p(i)).
 * Rejecting where p̃ < α keeps the chance of any false rejection ≤ α. Same order as the input.
 */
function holm(pValues) {
    const m = pValues.length;
    const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
    const adjusted = new Array(m);
    let running = 0;
    order.forEach(({ p, i }, rank) => {
        running = Math.max(running, Math.min(1, (m - rank) * p));
        adjusted[i] = running;
    });
    return adjusted;
}

;// CONCATENATED MODULE: ./src/stats/cases-needed.ts

/** Beyond this many cases we say "more than 10,000" instead of a number. */
const MAX_CASES_NEEDED = 10_000;
/** The config's `repeats` cap. */
const MAX_REPEATS_NEEDED = 100;
/**
 * Cases for a t interval to separate the estimate from a threshold: the smallest n with
 * t_{n−1, 1−α/2} · sd / √n ≤ gap, where sd is the observed per-case standard deviation and gap the distance
 * from the estimate to the threshold (the usual sample-size formula n = (z·σ/E)², solved with t instead of z;
 * the precision-based sample size for a mean). Assumes the per-case spread stays what it is now.
 * null when the estimate sits on the threshold or more than `max` cases would be needed.
 */
function casesNeeded(args) {
    const { sd, gap, confidence } = args;
    const max = args.max ?? MAX_CASES_NEEDED;
    if (!Number.isFinite(sd) || !(gap > 0))
        return null;
    if (sd === 0)
        return 2;
    const fits = (n) => (0,t_distribution/* tCritical */.c2)(confidence, n - 1) * (sd / Math.sqrt(n)) <= gap;
    if (!fits(max))
        return null;
    // Bisection on n: the half-width falls monotonically in n.
    let lo = 1;
    let hi = max;
    while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (fits(mid))
            hi = mid;
        else
            lo = mid;
    }
    return Math.max(2, hi);
}
/**
 * Repeats per case that would resolve the same comparison on the same `n` cases. The per-case variance is
 * between-case variance plus sampling variance that falls as 1/k (the one-way random-effects decomposition Miller,
 * "Adding Error Bars to Evals", 2024, uses for resampling each question K times): sd² = B + W, with W the
 * observed sampling variance at k repeats, so at k′ repeats it is B + W·k/k′. Solves t·√((B + W·k/k′)/n) ≤ gap
 * for k′. null when W is unknown (one sample per case), when no k′ can do it (B alone is too wide) or above `max`.
 */
function repeatsNeeded(args) {
    const { sd, withinVariance, repeats, n, gap, confidence } = args;
    const max = args.max ?? MAX_REPEATS_NEEDED;
    if (withinVariance === null || !Number.isFinite(sd) || !(gap > 0) || n < 2)
        return null;
    const within = Math.min(withinVariance, sd * sd);
    const between = sd * sd - within;
    const allowed = (gap / (0,t_distribution/* tCritical */.c2)(confidence, n - 1)) ** 2 * n;
    if (allowed <= between)
        return null;
    const k = Math.ceil((within * repeats) / (allowed - between));
    return k > max ? null : Math.max(1, k);
}
/**
 * Cases for a bootstrap interval on a ratio to separate the estimate from a threshold, scaling the half-width on
 * the side that faces the threshold as 1/√n on the log scale (the ratio's standard error shrinks as 1/√n; the
 * log makes the interval roughly symmetric). null when the estimate sits on the threshold or beyond `max`.
 */
function casesNeededForRatio(args) {
    const { n, estimate, ci, threshold } = args;
    const max = args.max ?? MAX_CASES_NEEDED;
    if (!(estimate > 0) || !(threshold > 0) || !(ci[0] > 0))
        return null;
    const gap = Math.abs(Math.log(estimate) - Math.log(threshold));
    const half = estimate < threshold ? Math.log(ci[1]) - Math.log(estimate) : Math.log(estimate) - Math.log(ci[0]);
    if (!(gap > 0) || !(half >= 0))
        return null;
    const needed = Math.ceil(n * (half / gap) ** 2);
    return needed > max ? null : Math.max(2, needed);
}

// EXTERNAL MODULE: ./src/stats/fieller.ts
var fieller = __webpack_require__(97096);
// EXTERNAL MODULE: ./src/stats/measure-suite.ts + 1 modules
var measure_suite = __webpack_require__(29846);
// EXTERNAL MODULE: ./src/stats/prepare.ts
var prepare = __webpack_require__(44792);
;// CONCATENATED MODULE: ./src/stats/index.ts












/***/ }),

/***/ 59413:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ proportionInterval),
/* harmony export */   H: () => (/* binding */ pairedDeltaInterval),
/* harmony export */   VM: () => (/* binding */ pValueBelow)
/* harmony export */ });
/* unused harmony exports PAIRED_METHOD, PROPORTION_METHOD */
/* harmony import */ var simple_statistics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15521);
/* harmony import */ var _t_distribution_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89634);


const PAIRED_METHOD = 'paired t on per-case differences, ½ pseudo-discordant sample each way (Agresti–Min)';
const PROPORTION_METHOD = 't on per-case means, z²/2 pseudo-passes and -fails (Agresti–Coull)';
/** Weighted mean and t interval of `values` plus pseudo-observations; df = n − 1 (see the comment at the top). */
function augmentedT(values, pseudo, confidence, range) {
    const n = values.length;
    let total = n;
    let sum = 0;
    for (const v of values)
        sum += v;
    for (const p of pseudo) {
        total += p.weight;
        sum += p.weight * p.value;
    }
    const center = sum / total;
    if (n < 2) {
        return { center, se: Infinity, sd: NaN, df: 0, ci: [range[0], range[1]] };
    }
    let squares = 0;
    for (const v of values)
        squares += (v - center) ** 2;
    for (const p of pseudo)
        squares += p.weight * (p.value - center) ** 2;
    const variance = squares / (total - 1);
    const sd = Math.sqrt(variance);
    const se = sd / Math.sqrt(total);
    const df = n - 1;
    const half = (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_1__/* .tCritical */ .c2)(confidence, df) * se;
    const ci = [Math.max(range[0], center - half), Math.min(range[1], center + half)];
    return { center, se, sd, df, ci };
}
/** Sampling variance of one case's mean score (s²/k), or null with fewer than two samples. */
function varianceOfCaseMean(scores) {
    return scores.length >= 2 ? (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .sampleVariance */ .y4)(scores) / scores.length : null;
}
const plainDelta = (p) => (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .RE)(p.candidate) - (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .RE)(p.baseline);
/**
 * Interval on the mean over cases of (candidate − baseline), each case's value being the mean of its samples, or
 * `caseDelta` of them: an estimator of the case's difference that stays unbiased under the sampling design (the
 * sequential design's, src/stats/sequential.ts). `pairs` holds each case's successful sample scores in [0,1]
 * under both variants; a pair with an empty side is left out (it says nothing about the difference). Returns null
 * when no pair is left.
 */
function pairedDeltaInterval(pairs, confidence, caseDelta = plainDelta) {
    const deltas = [];
    let samples = 0;
    let within = 0;
    let withinCases = 0;
    for (const p of pairs) {
        if (p.baseline.length === 0 || p.candidate.length === 0)
            continue;
        deltas.push(caseDelta(p));
        samples += p.baseline.length + p.candidate.length;
        const vb = varianceOfCaseMean(p.baseline);
        const vc = varianceOfCaseMean(p.candidate);
        if (vb !== null && vc !== null) {
            within += vb + vc;
            withinCases++;
        }
    }
    const n = deltas.length;
    if (n === 0)
        return null;
    const repeats = samples / (2 * n);
    const weight = 1 / (2 * repeats);
    const pseudo = [
        { value: 1, weight },
        { value: -1, weight },
    ];
    const t = augmentedT(deltas, pseudo, confidence, [-1, 1]);
    const pValue = n < 2 ? 1 : Math.min(1, 2 * (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_1__/* .tCdf */ .w_)(-Math.abs(t.center / t.se), t.df));
    return {
        estimate: (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .RE)(deltas),
        ...t,
        n,
        repeats,
        withinVariance: withinCases > 0 ? within / withinCases : null,
        confidence,
        pValue,
        method: PAIRED_METHOD,
    };
}
/**
 * Interval on the mean over cases of one variant's per-case mean score (an absolute pass rate: added prompts,
 * cases-only changes). `perCase` holds each case's successful sample scores in [0,1]; empty cases are left out.
 */
function proportionInterval(perCase, confidence) {
    const values = [];
    let samples = 0;
    let within = 0;
    let withinCases = 0;
    for (const scores of perCase) {
        if (scores.length === 0)
            continue;
        values.push((0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .RE)(scores));
        samples += scores.length;
        const v = varianceOfCaseMean(scores);
        if (v !== null) {
            within += v;
            withinCases++;
        }
    }
    const n = values.length;
    if (n === 0)
        return null;
    const repeats = samples / n;
    const z = (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_1__/* .normalQuantile */ .Zl)(1 - (1 - confidence) / 2);
    const weight = (z * z) / (2 * repeats);
    const t = augmentedT(values, [
        { value: 1, weight },
        { value: 0, weight },
    ], confidence, [0, 1]);
    return {
        estimate: (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .mean */ .RE)(values),
        ...t,
        n,
        repeats,
        withinVariance: withinCases > 0 ? within / withinCases : null,
        confidence,
        method: PROPORTION_METHOD,
    };
}
/**
 * One-sided p-value for "the true mean is below `threshold`" against H0 "it is at or above": small when the
 * data say the mean is confidently below. The same t statistic as the interval, shifted to the threshold.
 */
function pValueBelow(interval, threshold) {
    if (!(interval.se < Infinity))
        return 1;
    return (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_1__/* .tCdf */ .w_)((interval.center - threshold) / interval.se, interval.df);
}


/***/ }),

/***/ 29846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bt: () => (/* binding */ measureSuite)
});

// UNUSED EXPORTS: MIN_LATENCY_CALLS, MIN_LATENCY_CASES

// EXTERNAL MODULE: ./node_modules/simple-statistics/dist/simple-statistics.mjs
var simple_statistics = __webpack_require__(15521);
// EXTERNAL MODULE: ./src/stats/bootstrap.ts + 1 modules
var bootstrap = __webpack_require__(45069);
// EXTERNAL MODULE: ./src/stats/fieller.ts
var fieller = __webpack_require__(97096);
// EXTERNAL MODULE: ./src/stats/intervals.ts
var intervals = __webpack_require__(59413);
// EXTERNAL MODULE: ./src/stats/percentiles.ts
var percentiles = __webpack_require__(64975);
// EXTERNAL MODULE: ./src/stats/sequential-design.ts
var sequential_design = __webpack_require__(81703);
;// CONCATENATED MODULE: ./src/stats/sequential.ts


/**
 * Sequential sampling (docs/sequential.md): a suite's `repeats` becomes the most samples a case may get, and the
 * suite is sampled in rounds that stop as soon as every gated rule is decided.
 *
 * The design, for `repeats` = K:
 * - round 1: sample index 0 of every case, both variants (interleaved as in the fixed design);
 * - round 2 (K ≥ 2): sample index 1 of every case — after it, a case's four samples show whether it is one of the
 *   cases whose samples disagree;
 * - round 3 (K ≥ 3): sample indexes 2 … K − 1 of the cases whose samples disagree, and of a unanimous case when
 *   its coin says so (chance CONTINUATION.unanimous); nothing more for the others.
 *
 * Each case is estimated by {@link sequentialEstimate}, unbiased under that allocation, and the per-case
 * differences go to the same paired interval as in the fixed design.
 *
 * After each round every gated rule is decided at that look's confidence ({@link lookConfidences}): the error
 * rate 1 − confidence is split over the looks (α_j = w_j · α, Σ w_j = 1), so by the union bound the chance that
 * any look fails a change that does nothing is at most the sum, (1 − confidence)/2 — whatever the looks' mutual
 * dependence and however the rounds were allocated (Bonferroni; a group-sequential design with alpha spending in
 * the sense of Lan & DeMets 1983, spent at fixed levels per look).
 */
// The design — rounds, looks, allocation — lives in ./sequential-design.ts, without the intervals, so that the
// sampling loop can use it before any statistic is loaded (docs/architecture.md, "Start-up").

function choose(n, k) {
    if (k < 0 || k > n)
        return 0;
    let c = 1;
    for (let i = 1; i <= k; i++)
        c = (c * (n - k + i)) / i;
    return c;
}
function split(v) {
    let sel = 0;
    let ext = 0;
    let total = 0;
    let binary = true;
    v.scores.forEach((s, i) => {
        if ((v.sampleIndex?.[i] ?? i) < sequential_design/* SELECTION */.$V)
            sel++;
        else
            ext++;
        total += s;
        if (s !== 0 && s !== 1)
            binary = false;
    });
    return { sel, ext, total, binary };
}
const plainMean = (v) => v.scores.reduce((a, b) => a + b, 0) / v.scores.length;
/**
 * One case's pass-rate estimates under the sequential design, unbiased for the case's pass
 * probabilities whatever the allocation did (docs/sequential.md, "An estimate that stays unbiased").
 *
 * The inverse-probability-weighted estimate of a variant's rate is m₂ + (C/π)(m_extra − m₂): m₂ the mean of the
 * selection samples, m_extra the mean of the extra samples, C whether the case got extra samples and π the
 * chance it did given its selection samples (1 when they disagree, `design.unanimous` when all four agree). Its
 * expectation is the case's rate because the extra samples are independent of the selection samples given the
 * case (Horvitz & Thompson, JASA 47, 1952). That estimate throws the selection samples of every continued case
 * away; its Rao–Blackwellisation — its expectation given the sufficient statistic (C and each variant's total
 * passes) — keeps their information, stays unbiased and has a variance no larger (Rao 1945; Blackwell, Ann. Math.
 * Statist. 18, 1947). Given those and C = 1, each placement of the passes among the samples is as likely as π of
 * the selection pattern it implies, so the conditional expectation is a weighted average over the (passes among
 * the selection samples) of the two variants — at most 9 terms. A continued case gets the same extra indexes
 * whatever its pattern, so no pattern is ruled out by the number of samples it got.
 *
 * A case without extra samples is its plain mean (all its samples are selection samples). A case without both
 * selection and extra samples in a variant (failed calls), or with graded (non 0/1) scores, keeps the plain mean.
 */
function sequentialEstimate(baseline, candidate, design = sequential_design/* CONTINUATION */["in"]) {
    const b = split(baseline);
    const c = split(candidate);
    const plain = { baseline: plainMean(baseline), candidate: plainMean(candidate) };
    if (b.ext + c.ext === 0 || !b.binary || !c.binary || b.sel === 0 || c.sel === 0 || b.ext === 0 || c.ext === 0)
        return plain;
    let weight = 0;
    let sumB = 0;
    let sumC = 0;
    for (let ab = 0; ab <= b.sel; ab++) {
        const nb = choose(b.sel, ab) * choose(b.ext, b.total - ab);
        if (nb === 0)
            continue;
        for (let ac = 0; ac <= c.sel; ac++) {
            const nc = choose(c.sel, ac) * choose(c.ext, c.total - ac);
            if (nc === 0)
                continue;
            const unanimous = (ab === 0 && ac === 0) || (ab === b.sel && ac === c.sel);
            const pi = unanimous ? design.unanimous : 1;
            const n = nb * nc;
            // Σ N·π·(m₂ + (m_extra − m₂)/π) = Σ N·(π·m₂ + m_extra − m₂), over Σ N·π.
            const m2b = ab / b.sel;
            const m2c = ac / c.sel;
            sumB += n * (pi * m2b + (b.total - ab) / b.ext - m2b);
            sumC += n * (pi * m2c + (c.total - ac) / c.ext - m2c);
            weight += n * pi;
        }
    }
    return weight > 0 ? { baseline: sumB / weight, candidate: sumC / weight } : plain;
}
/** The per-case difference (candidate − baseline) under the sequential design: what the paired interval is fed. */
function sequentialDelta(design = sequential_design/* CONTINUATION */["in"]) {
    return (pair) => {
        const e = sequentialEstimate({ scores: pair.baseline, sampleIndex: pair.baselineIndex }, { scores: pair.candidate, sampleIndex: pair.candidateIndex }, design);
        return e.candidate - e.baseline;
    };
}
/**
 * The gate's pass-rate rule for one comparison (src/gate/evaluate.ts: fail when the one-sided p-value for "worse
 * than −max_drop" is below (1 − confidence)/2; pass when the interval's lower end is at or above −max_drop), for
 * simulations that must decide thousands of looks without building a report. `caseDelta`: the per-case estimator
 * (sequentialDelta for the sequential design; the plain difference of means by default).
 */
function passRateDecision(pairs, confidence, maxDrop, caseDelta) {
    const delta = pairedDeltaInterval(pairs, confidence, caseDelta);
    if (!delta)
        return { decision: 'inconclusive', delta };
    if (pValueBelow(delta, -maxDrop) < (1 - confidence) / 2)
        return { decision: 'fail', delta };
    if (delta.ci[0] >= -maxDrop)
        return { decision: 'pass', delta };
    return { decision: 'inconclusive', delta };
}

// EXTERNAL MODULE: ./src/stats/types.ts
var types = __webpack_require__(65858);
;// CONCATENATED MODULE: ./src/stats/measure-suite.ts







const hasSuccess = (v) => v !== null && v.scores.length > 0;
/** Mean over the cases that have a successful sample of the case's mean `pick`; null when none has. */
function meanOfCaseMeans(cases, variant, pick) {
    const values = [];
    for (const c of cases) {
        const v = c[variant];
        const picked = v ? pick(v) : [];
        if (picked.length > 0)
            values.push((0,simple_statistics/* mean */.RE)(picked));
    }
    return values.length ? (0,simple_statistics/* mean */.RE)(values) : null;
}
function pairsOf(cases) {
    const pairs = [];
    for (const c of cases) {
        if (hasSuccess(c.baseline) && hasSuccess(c.candidate)) {
            pairs.push({ baseline: c.baseline.scores, candidate: c.candidate.scores, baselineIndex: c.baseline.sampleIndex, candidateIndex: c.candidate.sampleIndex });
        }
    }
    return pairs;
}
/**
 * Pass rates of a group of cases: the mean over cases of each case's rate. Under the sequential design a case with
 * both variants is estimated by the design's unbiased estimator (src/stats/sequential.ts), so that the rates shown
 * agree with the delta and its interval; otherwise (and for the per-case rows of the report) the plain mean.
 */
function passRates(cases, sequential) {
    if (!sequential)
        return { baseline: meanOfCaseMeans(cases, 'baseline', scoresOf), candidate: meanOfCaseMeans(cases, 'candidate', scoresOf) };
    const baseline = [];
    const candidate = [];
    for (const c of cases) {
        const b = hasSuccess(c.baseline) ? c.baseline : null;
        const k = hasSuccess(c.candidate) ? c.candidate : null;
        const e = b && k ? sequentialEstimate(b, k) : null;
        if (b)
            baseline.push(e ? e.baseline : (0,simple_statistics/* mean */.RE)(b.scores));
        if (k)
            candidate.push(e ? e.candidate : (0,simple_statistics/* mean */.RE)(k.scores));
    }
    return { baseline: baseline.length ? (0,simple_statistics/* mean */.RE)(baseline) : null, candidate: candidate.length ? (0,simple_statistics/* mean */.RE)(candidate) : null };
}
const scoresOf = (v) => v.scores;
/** The per-case difference the paired interval is fed: the sequential design's estimator, or the plain difference. */
const caseDeltaFor = (sequential) => (sequential ? sequentialDelta() : undefined);
const ran = (cases, variant) => cases.some((c) => c[variant] !== null);
/**
 * Everything numeric the report needs for one suite (docs/contract.md §5): pass rates with a paired interval on the delta,
 * latency percentiles with a bootstrap interval on the p95 ratio, cost per case with a bootstrap interval on the
 * ratio, and the pass-rate delta per tag. A pass rate is the mean over cases of the case's mean score (binary
 * scores make it the share of passing samples); errored samples are left out of every number and counted.
 */
function measureSuite(cases, opts) {
    const { confidence } = opts;
    const sequential = opts.sequential;
    const bothRan = ran(cases, 'baseline') && ran(cases, 'candidate');
    // The pass rate is the rest's; the holdout cases get their own row (docs/change-note.md, "Holdout cases").
    const holdoutCases = cases.filter(types/* isHoldout */.EH);
    const rest = holdoutCases.length > 0 ? cases.filter((c) => !(0,types/* isHoldout */.EH)(c)) : cases;
    const pairs = bothRan ? pairsOf(rest) : [];
    const delta = bothRan && rest.length > 0 ? (0,intervals/* pairedDeltaInterval */.H)(pairs, confidence, caseDeltaFor(sequential)) : null;
    const candidateInterval = bothRan || !ran(rest, 'candidate')
        ? null
        : (0,intervals/* proportionInterval */.Ew)(rest.map((c) => c.candidate?.scores ?? []), confidence);
    const passRate = {
        ...passRates(rest, bothRan ? sequential : undefined),
        delta: delta ? delta.estimate : null,
        ci: delta ? delta.ci : null,
        p_value: delta ? delta.pValue : null,
        method: delta ? delta.method : (candidateInterval?.method ?? (rest.length === 0 ? 'every case is a holdout case' : bothRan ? 'no case succeeded under both variants' : 'no interval')),
        ...(bothRan ? {} : { candidate_ci: candidateInterval ? candidateInterval.ci : null }),
    };
    const holdout = holdoutCases.length > 0 ? groupPassRate(holdoutCases, bothRan, confidence, sequential) : null;
    const latency = latencyComparison(cases, bothRan, confidence, opts);
    const costs = (v) => v.costUsd;
    const baselinePerCase = meanOfCaseMeans(cases, 'baseline', costs);
    const candidatePerCase = meanOfCaseMeans(cases, 'candidate', costs);
    const costPairs = [];
    if (bothRan) {
        for (const c of cases) {
            if (c.baseline && c.candidate && c.baseline.costUsd.length > 0 && c.candidate.costUsd.length > 0) {
                costPairs.push({ baseline: (0,simple_statistics/* mean */.RE)(c.baseline.costUsd), candidate: (0,simple_statistics/* mean */.RE)(c.candidate.costUsd) });
            }
        }
    }
    const cost = bothRan ? (0,fieller/* fiellerRatio */.$)(costPairs, confidence, opts.resamples ?? types/* DEFAULT_RESAMPLES */.jF) : null;
    return {
        pass_rate: passRate,
        latency_ms: latency.report,
        cost_usd: {
            baseline_per_case: baselinePerCase,
            candidate_per_case: candidatePerCase,
            ratio: cost ? cost.estimate : null,
            ratio_ci: cost ? cost.ci : null,
            baseline_per_pass: costPerPass(cases, 'baseline'),
            candidate_per_pass: costPerPass(cases, 'candidate'),
        },
        by_tag: byTag(cases, confidence, sequential),
        holdout: holdout?.row ?? null,
        paired_n: pairs.length,
        detail: {
            confidence,
            delta,
            candidate: candidateInterval,
            excluded: bothRan ? rest.length - pairs.length : 0,
            holdoutDelta: holdout?.delta ?? null,
            p95Ratio: latency.grid,
            costRatio: cost?.ci ? cost.grid : null,
            latencyCases: latency.cases,
            costCases: cost ? cost.n : 0,
            resamples: opts.resamples ?? types/* DEFAULT_RESAMPLES */.jF,
        },
    };
}
/**
 * Fewest cases, and fewest calls per variant, with a pair measured in this run for the p95 ratio to be compared.
 * With fewer than 20 calls a p95 is little more than the largest call, and with 10 calls per variant the interval
 * covered 90–92% for a nominal 95% in simulation; at 10 cases × 2 and 20 × 1 it covers 94–96% (docs/statistics.md).
 */
const MIN_LATENCY_CASES = 10;
const MIN_LATENCY_CALLS = 20;
/**
 * Latency is compared only on calls made in this run, pair by pair (see docs/statistics.md): a sample enters when
 * it succeeded under both variants with the same sample index and neither answer came from the response cache.
 * The two calls of such a pair were started side by side (src/plan/requests.ts), so they met the same provider;
 * a cached answer's latency was measured on another day, under other load. Percentiles, the p95 ratio and its
 * interval (cluster bootstrap over cases, expanded percentile: bootstrap.ts) all come from those pairs.
 * With one variant (an added or deleted prompt) its fresh calls give the percentiles, and there is no ratio.
 */
function latencyComparison(cases, bothRan, confidence, opts) {
    const none = (reason) => ({
        report: { baseline: null, candidate: null, p95_ratio: null, p95_ratio_ci: null, ...(reason ? { not_compared: reason } : {}) },
        grid: null,
        cases: 0,
    });
    if (!bothRan) {
        const variant = cases.some((c) => c.baseline) ? 'baseline' : 'candidate';
        const calls = cases.flatMap((c) => freshLatencies(c[variant]));
        const ran = cases.some((c) => (c[variant]?.latenciesMs.length ?? 0) > 0);
        if (calls.length === 0)
            return none(ran ? 'every call was answered from the response cache, so no latency was measured in this run' : undefined);
        const shown = (0,percentiles/* percentiles */.F)(calls);
        return { report: { baseline: variant === 'baseline' ? shown : null, candidate: variant === 'candidate' ? shown : null, p95_ratio: null, p95_ratio_ci: null }, grid: null, cases: 0 };
    }
    const baseline = [];
    const candidate = [];
    let anyPair = false;
    let anyCached = false;
    let anyErrors = false;
    let freshBaseline = 0;
    let freshCandidate = 0;
    for (const c of cases) {
        const b = c.baseline;
        const k = c.candidate;
        if (!b || !k)
            continue;
        if (b.latenciesMs.length > 0 && k.latenciesMs.length > 0)
            anyPair = true;
        if (b.fresh?.includes(false) || k.fresh?.includes(false))
            anyCached = true;
        if (b.errors > 0 || k.errors > 0)
            anyErrors = true;
        freshBaseline += freshLatencies(b).length;
        freshCandidate += freshLatencies(k).length;
        const mine = freshBySample(b);
        const theirs = freshBySample(k);
        const bCalls = [];
        const kCalls = [];
        for (const [index, ms] of mine) {
            const other = theirs.get(index);
            if (other === undefined)
                continue;
            bCalls.push(ms);
            kCalls.push(other);
        }
        if (bCalls.length > 0) {
            baseline.push(bCalls);
            candidate.push(kCalls);
        }
    }
    const calls = baseline.reduce((sum, x) => sum + x.length, 0);
    if (baseline.length < MIN_LATENCY_CASES || calls < MIN_LATENCY_CALLS) {
        let reason;
        if (!anyPair)
            reason = 'no case had a successful call under both variants';
        else if (freshBaseline === 0 && freshCandidate === 0)
            reason = 'every call was answered from the response cache, so no latency was measured in this run';
        else if (freshBaseline === 0 || freshCandidate === 0)
            reason = `every ${freshBaseline === 0 ? 'baseline' : 'candidate'} call was answered from the response cache, so no pair of calls was measured side by side in this run`;
        else {
            const others = anyCached ? ' (the others came from the response cache or failed)' : anyErrors ? ' (the others failed)' : '';
            reason = `only ${calls} call pair${calls === 1 ? '' : 's'} in ${baseline.length} case${baseline.length === 1 ? '' : 's'} ${calls === 1 ? 'was' : 'were'} measured side by side in this run${others}; comparing p95 latency needs at least ${MIN_LATENCY_CALLS} pairs in ${MIN_LATENCY_CASES} cases`;
        }
        return none(reason);
    }
    const baselineLatency = (0,percentiles/* percentiles */.F)(baseline.flat());
    const candidateLatency = (0,percentiles/* percentiles */.F)(candidate.flat());
    if (!(baselineLatency.p95 > 0))
        return { report: { baseline: baselineLatency, candidate: candidateLatency, p95_ratio: null, p95_ratio_ci: null }, grid: null, cases: 0 };
    const [distribution] = (0,bootstrap/* clusterBootstrap */.bR)(baseline.length, [(0,bootstrap/* quantileRatioStatistic */.xf)(baseline, candidate)], { seed: opts.seed, resamples: opts.resamples });
    const ci = (0,bootstrap/* expandedPercentileInterval */.Ct)(distribution, confidence, baseline.length);
    return {
        report: { baseline: baselineLatency, candidate: candidateLatency, p95_ratio: candidateLatency.p95 / baselineLatency.p95, p95_ratio_ci: ci },
        grid: ci ? (0,bootstrap/* expandedConfidenceGrid */.u6)(distribution, baseline.length, opts.resamples ?? types/* DEFAULT_RESAMPLES */.jF) : null,
        cases: baseline.length,
    };
}
/** A variant's latencies measured in this run (not from the cache). */
function freshLatencies(v) {
    if (!v)
        return [];
    return v.fresh ? v.latenciesMs.filter((_, i) => v.fresh[i]) : v.latenciesMs;
}
/** Sample index → latency of the variant's fresh successful samples. */
function freshBySample(v) {
    const out = new Map();
    v.latenciesMs.forEach((ms, i) => {
        if (v.fresh && !v.fresh[i])
            return;
        out.set(v.sampleIndex?.[i] ?? i, ms);
    });
    return out;
}
/** Total cost of the successful samples over the passes they bought (the sum of scores: passes, for pass/fail). */
function costPerPass(cases, variant) {
    let cost = 0;
    let passes = 0;
    let any = false;
    for (const c of cases) {
        const v = c[variant];
        if (!v)
            continue;
        any = true;
        for (const x of v.costUsd)
            cost += x;
        for (const s of v.scores)
            passes += s;
    }
    return any && passes > 0 ? cost / passes : null;
}
/** A group's pass rates with the paired machinery of the suite's own row, and the interval behind them. */
function groupPassRate(group, bothRan, confidence, sequential) {
    const delta = bothRan && ran(group, 'baseline') && ran(group, 'candidate') ? (0,intervals/* pairedDeltaInterval */.H)(pairsOf(group), confidence, caseDeltaFor(sequential)) : null;
    return {
        row: {
            n_cases: group.length,
            ...passRates(group, bothRan ? sequential : undefined),
            delta: delta ? delta.estimate : null,
            ci: delta ? delta.ci : null,
        },
        delta,
    };
}
/**
 * The same paired machinery on each tag's cases, tags in order of first appearance. Not gated, not adjusted. The
 * `holdout` tag is left out: those cases have their own row.
 */
function byTag(cases, confidence, sequential) {
    const groups = new Map();
    for (const c of cases) {
        for (const tag of new Set(c.tags)) {
            if (tag === types/* HOLDOUT_TAG */.lB)
                continue;
            const group = groups.get(tag);
            if (group)
                group.push(c);
            else
                groups.set(tag, [c]);
        }
    }
    return [...groups].map(([tag, group]) => ({ tag, ...groupPassRate(group, true, confidence, sequential).row }));
}


/***/ }),

/***/ 64975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ percentiles)
/* harmony export */ });
/* harmony import */ var simple_statistics__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15521);

/**
 * p50/p95/p99 of `values` by linear interpolation between order statistics (Hyndman & Fan type 7, the default
 * of R and numpy, as simple-statistics' quantileSorted computes it). null when there are no values.
 */
function percentiles(values) {
    if (values.length === 0)
        return null;
    const sorted = Float64Array.from(values).sort();
    const asArray = Array.from(sorted);
    return { p50: (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .quantileSorted */ .Z4)(asArray, 0.5), p95: (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .quantileSorted */ .Z4)(asArray, 0.95), p99: (0,simple_statistics__WEBPACK_IMPORTED_MODULE_0__/* .quantileSorted */ .Z4)(asArray, 0.99) };
}


/***/ }),

/***/ 44792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ prepareStatistics)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _bootstrap_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45069);
/* harmony import */ var _measure_suite_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29846);
/* harmony import */ var _t_distribution_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(89634);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65858);





/**
 * The statistics' work that does not need the samples, done while the model calls are in flight, so that the
 * statistics after the last call only do what the samples decide (docs/statistics.md, "How the grids are
 * prepared"):
 *
 * 1. a first call of each general t function, then small measurements of a made-up suite (12 cases, 64 and then
 *    4 × 500 resamples), each in a turn of its own, so that the code of every comparison is compiled, and its hot
 *    loops optimised, before the real suites come in;
 * 2. the confidence grids' level points for each suite's number of cases (bootstrap.ts, prepareGridLevels);
 * 3. the latency bootstrap's resample draws for each suite's number of cases (bootstrap.ts, prepareResamples): they
 *    depend on the seed and the counts, not on the samples.
 *
 * Each is done a few milliseconds at a time, yielding to the event loop between slices; the first calls compile
 * code and take longer, once (5–15 ms each on a busy 2-core machine).
 *
 * Nothing a review reports depends on whether, or how far, this ran: it fills caches the measurement fills itself
 * when they are empty, with the same numbers. Never rejects (a failure here only leaves the work for later).
 */
async function prepareStatistics(caseCounts, points = _types_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_RESAMPLES */ .jF) {
    try {
        // The general t functions first, each in a turn of its own (their first call compiles a good deal of code).
        for (const warm of [() => (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_3__/* .tCritical */ .c2)(0.95, 11), () => (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_3__/* .tCdf */ .w_)(-1, 11), () => (0,_t_distribution_js__WEBPACK_IMPORTED_MODULE_3__/* .normalCdf */ .vr)(-1)]) {
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setImmediate)();
            warm();
        }
        // Then small measurements, their bootstraps reading draws made ahead as the real ones will: the first compiles
        // the comparisons, the next four (2,000 resamples in all, a turn each) run the hot loops long enough for them to
        // be optimised before the real bootstrap's 10,000.
        const warmUp = warmUpSuite();
        for (const resamples of [64, 500, 500, 500, 500]) {
            await (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareResamples */ .qc)(warmUp.length, { resamples });
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setImmediate)();
            (0,_measure_suite_js__WEBPACK_IMPORTED_MODULE_2__/* .measureSuite */ .bt)(warmUp, { confidence: 0.95, resamples });
        }
        const counts = [...new Set(caseCounts)];
        await (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareGridLevels */ .NR)(counts, points);
        for (const nCases of counts)
            await (0,_bootstrap_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareResamples */ .qc)(nCases, { resamples: points });
    }
    catch {
        // The measurement redoes whatever is missing.
    }
}
/** A small two-variant suite with every kind of value a measurement reads: scores, latencies, costs, a tag. */
function warmUpSuite() {
    return Array.from({ length: 12 }, (_, i) => {
        const variant = (shift) => ({
            scores: [(i + shift) % 3 === 0 ? 0 : 1, 1],
            latenciesMs: [200 + ((i * 37 + shift) % 50), 210 + ((i * 11 + shift) % 40)],
            costUsd: [0.001 + i * 1e-5, 0.0011 + shift * 1e-5],
            errors: 0,
        });
        return { id: `warm-up-${i}`, tags: i % 2 ? ['odd'] : [], baseline: variant(0), candidate: variant(1) };
    });
}


/***/ }),

/***/ 89634:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YW: () => (/* binding */ tQuantile),
/* harmony export */   Zl: () => (/* binding */ normalQuantile),
/* harmony export */   c2: () => (/* binding */ tCritical),
/* harmony export */   vr: () => (/* binding */ normalCdf),
/* harmony export */   w_: () => (/* binding */ tCdf)
/* harmony export */ });
/* harmony import */ var _stdlib_stats_base_dists_t_cdf__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86021);
/* harmony import */ var _stdlib_stats_base_dists_t_cdf__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_stdlib_stats_base_dists_t_cdf__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _stdlib_stats_base_dists_t_quantile__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74455);
/* harmony import */ var _stdlib_stats_base_dists_t_quantile__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_stdlib_stats_base_dists_t_quantile__WEBPACK_IMPORTED_MODULE_1__);


/** Student-t quantile: the x with P(T_df ≤ x) = p. */
function tQuantile(p, df) {
    return _stdlib_stats_base_dists_t_quantile__WEBPACK_IMPORTED_MODULE_1___default()(p, df);
}
/** Student-t CDF: P(T_df ≤ x). */
function tCdf(x, df) {
    return _stdlib_stats_base_dists_t_cdf__WEBPACK_IMPORTED_MODULE_0___default()(x, df);
}
/** The t critical value of a two-sided interval at `confidence`. */
function tCritical(confidence, df) {
    return tQuantile(1 - (1 - confidence) / 2, df);
}
/**
 * Standard normal quantile, as the t quantile's limit for df → ∞ (stdlib returns NaN for df = Infinity; at
 * df = 1e15 the difference from the normal is below 1e-13). simple-statistics' `probit` is only good to ~3
 * digits (1.9572 for 0.975), too coarse for reference checks.
 */
function normalQuantile(p) {
    return tQuantile(p, 1e15);
}
/** Standard normal CDF Φ, as the t CDF's limit for df → ∞ (see normalQuantile). */
function normalCdf(x) {
    return _stdlib_stats_base_dists_t_cdf__WEBPACK_IMPORTED_MODULE_0___default()(x, 1e15);
}


/***/ }),

/***/ 65858:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ isHoldout),
/* harmony export */   KP: () => (/* binding */ DEFAULT_SEED),
/* harmony export */   _f: () => (/* binding */ flakyAtBase),
/* harmony export */   jF: () => (/* binding */ DEFAULT_RESAMPLES),
/* harmony export */   lB: () => (/* binding */ HOLDOUT_TAG)
/* harmony export */ });
const DEFAULT_SEED = 0x5eed;
const DEFAULT_RESAMPLES = 10_000;
/**
 * Cases tagged `holdout` are the team's overfitting check (docs/change-note.md): measured apart from the rest, in
 * their own row and their own optional gate rule.
 */
const HOLDOUT_TAG = 'holdout';
function isHoldout(c) {
    return c.tags.includes(HOLDOUT_TAG);
}
/**
 * A case is flaky at base when its baseline samples disagree with each other: some passed, some failed. Its flip
 * may be the model's noise rather than the change's doing. One sample cannot disagree with itself.
 */
function flakyAtBase(baseline) {
    return baseline !== null && baseline.runs >= 2 && baseline.passed > 0 && baseline.passed < baseline.runs;
}


/***/ })

};
;