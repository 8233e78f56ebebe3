"use strict";
exports.id = 287;
exports.ids = [287];
exports.modules = {

/***/ 26111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LE: () => (/* binding */ analyseCases),
/* harmony export */   P5: () => (/* binding */ mainCases)
/* harmony export */ });
/* unused harmony export isFlakyAtBase */
/* harmony import */ var _stats_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31144);

const caseRate = (v) => (v && v.runs > 0 ? v.passed / v.runs : null);
/** Whether a case is flaky at base: the report's flag, or for a report written without it, the baseline counts. */
function isFlakyAtBase(c) {
    return c.flaky_at_base ?? (0,_stats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .flakyAtBase */ ._f)(c.baseline);
}
/**
 * Sorts a suite's cases for the note. Regressions by the size of the drop, fixes by the size of the gain, largest
 * first; ties by id (numeric-aware, so T-2 comes before T-10).
 */
function analyseCases(s) {
    const changed = [];
    for (const c of s.cases) {
        const b = caseRate(c.baseline);
        const k = caseRate(c.candidate);
        if (b !== null && k !== null && b !== k)
            changed.push({ c, d: k - b });
    }
    const byId = (a, b) => a.id.localeCompare(b.id, 'en', { numeric: true });
    const worstFirst = (list) => [
        ...list.filter((x) => x.d < 0).sort((a, b) => a.d - b.d || byId(a.c, b.c)),
        ...list.filter((x) => x.d > 0).sort((a, b) => b.d - a.d || byId(a.c, b.c)),
    ];
    const holdout = changed.filter((x) => (0,_stats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isHoldout */ .EH)(x.c));
    const flaky = changed.filter((x) => !(0,_stats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isHoldout */ .EH)(x.c) && isFlakyAtBase(x.c));
    const real = worstFirst(changed.filter((x) => !(0,_stats_index_js__WEBPACK_IMPORTED_MODULE_0__/* .isHoldout */ .EH)(x.c) && !isFlakyAtBase(x.c)));
    return {
        regressions: real.filter((x) => x.d < 0).map((x) => x.c),
        fixes: real.filter((x) => x.d > 0).map((x) => x.c),
        flakyFlips: worstFirst(flaky).map((x) => x.c),
        holdoutFlips: worstFirst(holdout).map((x) => x.c),
        flaky: s.flaky_at_base ?? s.cases.filter(isFlakyAtBase).map((c) => c.id),
    };
}
/** The number of cases in the suite's main pass-rate row: every case but the holdout ones. */
function mainCases(s) {
    return s.n_cases - (s.holdout?.n_cases ?? 0);
}


/***/ }),

/***/ 14031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VV: () => (/* binding */ escapeInline),
/* harmony export */   gQ: () => (/* binding */ inertCode),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   zW: () => (/* binding */ fencedBlock)
/* harmony export */ });
/* unused harmony export showInvisible */
/**
 * Text from outside (model output, PR titles and descriptions, case ids, error messages) rendered into GitHub
 * Markdown must stay inert: no @-mentions (a prompt can make a model write "@org/team"), no cross-references, no
 * HTML or images, no broken tables, headings or fences, and nothing invisible (see docs/untrusted-output.md).
 *
 * GitHub turns `@name`, `#123`, `GH-123` and `owner/repo#123` into mentions and references after rendering, on the
 * text nodes, so a backslash escape does not stop them; a zero-width joiner between the sign and the name does (the
 * reader sees no difference).
 */
const ZWJ = '\u200d';
/** Line breaks of every kind, including U+2028/U+2029, which some models emit. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/** C0 controls other than tab and line breaks, DEL, and C1 controls: invisible and meaningless in a note. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/**
 * Characters that render as nothing (Unicode's Default_Ignorable_Code_Point): bidirectional controls (U+202A–202E,
 * U+2066–2069, U+200E/200F, U+061C), which reorder what a reader sees; zero-width characters (U+200B–200D, U+2060,
 * U+FEFF), which hide text or make two different strings look alike; tag characters (U+E0000–E007F), which carry
 * invisible text. Left alone: variation selectors (they pick the look of the visible character before them), a
 * zero-width joiner between two pictographs (emoji sequences: woman, ZWJ, laptop) and the tags of a subdivision
 * flag (U+1F3F4, tags, U+E007F) — each matched by its own group so the replacer keeps it.
 */
const INVISIBLE = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)(\u200D)(?=\p{Extended_Pictographic})|(?![\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/gu;
/** `\u202E`, `\u{E0041}`: the escape a reader can look up. */
const codePointText = (ch) => {
    const cp = ch.codePointAt(0);
    const hex = cp.toString(16).toUpperCase();
    return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
};
/**
 * Invisible characters made visible as their escape (`\u202E`) rather than dropped: the note shows that the output
 * held one, which is often why an `equals` failed on text that looks right.
 */
function showInvisible(text) {
    return text.replace(INVISIBLE, (ch, flag, joiner) => flag ?? joiner ?? codePointText(ch));
}
/**
 * For text inside a line or a table cell: one line, HTML escaped, Markdown punctuation backslash-escaped
 * (CommonMark §2.4: any ASCII punctuation may be escaped), `|` escaped so a cell cannot split (GFM tables),
 * `$` escaped where it could start GitHub math, mentions, references and autolinks broken with a zero-width joiner,
 * invisible characters shown as escapes.
 */
function escapeInline(text) {
    return (showInvisible(text)
        .replace(CONTROL, '')
        .replace(LINE_BREAK, ' ')
        .replace(/\t/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|!#~]/g, '\\$&')
        // A `$` before anything but a digit could open GitHub math; amounts ("$0.31") are left readable.
        .replace(/\$(?!\d)/g, '\\$$')
        .replace(/@/g, `@${ZWJ}`)
        .replace(/#(?=\d)/g, `#${ZWJ}`)
        .replace(/\bgh-(?=\d)/gi, (m) => `${m}${ZWJ}`)
        .replace(/:\/\//g, `:${ZWJ}//`)
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWJ}.`)
        // What would start a list, a thematic break or a setext underline when the text opens a line.
        .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_m, space, lead) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`)));
}
/**
 * Text shown inside a code block or code span renders literally, so it needs no escaping to be safe. Mentions,
 * references and tags are still broken with a zero-width joiner (invisible), so that text which somehow left its
 * block — or a reader that does not render Markdown — meets no `<img`, `</details>`, `@team`, `#12`, `GH-12` or
 * `](link`; invisible characters are shown as escapes, since a code block reorders bidirectional text too. A lone `@` (a diff's `@@` hunk
 * header) is left alone, so highlighting still finds it.
 */
function inertCode(text) {
    return showInvisible(text)
        .replace(CONTROL, '')
        .replace(/@(?=[\w-])/g, `@${ZWJ}`)
        .replace(/#(?=\d)/g, `#${ZWJ}`)
        .replace(/\bgh-(?=\d)/gi, (m) => `${m}${ZWJ}`)
        .replace(/<(?=[a-z/!?])/gi, `<${ZWJ}`)
        .replace(/\]\(/g, `]${ZWJ}(`);
}
/** A loop, not `Math.max(...runs)`: a long output with many runs would overflow the call stack as arguments. */
function longestBacktickRun(text) {
    let longest = 0;
    for (const m of text.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    return longest;
}
/**
 * A fenced code block that the text cannot close: the fence is one backtick longer than the longest run of
 * backticks inside (CommonMark §4.5: a closing fence must be at least as long as the opening one). GitHub renders
 * neither HTML, images nor mentions inside a code block.
 */
function fencedBlock(text, lang = '') {
    const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
    const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
    // The info string may not contain backticks (CommonMark §4.5); keep it to a language name.
    const info = lang.replace(/[^\w+.-]/g, '');
    return `${fence}${info}\n${body}\n${fence}`;
}
/**
 * Inline code that the text cannot close, for short identifiers (paths, model ids, settings): the delimiter is one
 * backtick longer than any run inside, padded with a space when the text starts or ends with a backtick
 * (CommonMark §6.1). Not for table cells: GFM splits cells on `|` even inside code spans.
 */
function inlineCode(text) {
    const clean = inertCode(text.replace(LINE_BREAK, ' '));
    const ticks = '`'.repeat(longestBacktickRun(clean) + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
    return `${ticks}${pad}${clean}${pad}${ticks}`;
}


/***/ }),

/***/ 14512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   Tq: () => (/* binding */ checkTitle),
/* harmony export */   ad: () => (/* binding */ hasNoResults),
/* harmony export */   cV: () => (/* binding */ withinNoise)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48992);
/* harmony import */ var _format_numbers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3613);
/* harmony import */ var _case_analysis_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26111);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85066);




/** A check run's title is one short line (GitHub shows it next to the check's name). */
const TITLE_CHARS = 100;
const VERDICT_WORD = { pass: 'Pass', fail: 'Fail', inconclusive: 'Inconclusive', error: 'Error', skipped: 'Skipped' };
/** A suite with nothing measured: skipped before it ran, or errored before any sample came back. */
function hasNoResults(s) {
    return s.pass_rate.baseline === null && s.pass_rate.candidate === null;
}
/** Whether the pass-rate interval includes zero: the observed difference is within what chance alone produces. */
function withinNoise(s) {
    const ci = s.pass_rate.ci;
    return s.pass_rate.delta !== null && ci !== null && ci[0] <= 0 && ci[1] >= 0;
}
/** A relative change for a headline: 1.27 → "+27%", 1.004 → "+0.4%" (whole percents unless that shows 0). */
function signedPercent(ratio) {
    const v = (ratio - 1) * 100;
    const text = Math.abs(v) >= 0.95 || v === 0 ? Math.abs(Math.round(v)).toString() : Math.abs(v).toFixed(1);
    return `${v > 0 ? '+' : v < 0 ? '-' : '±'}${text}%`;
}
/**
 * The one line a person would say about a suite (docs/contract.md §10):
 * "Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); p95 latency +180 ms; cost +27%".
 * A suite that ended in `error` says why first, then what was measured. Plain text; the note escapes it like any
 * other line.
 */
function headline(suite, confidence, cause = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .suiteErrorCause */ .UM)(suite)) {
    if (hasNoResults(suite) && (suite.verdict === 'skipped' || suite.verdict === 'error' || suite.message)) {
        return cause ?? suite.message ?? (suite.verdict === 'skipped' ? 'Nothing to run.' : 'No results.');
    }
    const numbers = measuredLine(suite, confidence);
    return cause ? `${cause}; ${numbers}` : numbers;
}
function measuredLine(suite, confidence) {
    const pr = suite.pass_rate;
    const ci = `${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .level */ .Rc)(confidence)} CI`;
    // With holdout cases the pass rate is the other cases'; the holdout cases get their own clause.
    const n = `${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)((0,_case_analysis_js__WEBPACK_IMPORTED_MODULE_0__/* .mainCases */ .P5)(suite))} cases × ${suite.repeats}`;
    const parts = [];
    if (pr.delta !== null && pr.ci) {
        const d = (0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .pointDecimals */ .VY)(pr.baseline, pr.candidate, pr.delta, pr.ci);
        const noise = withinNoise(suite) ? ', within noise' : '';
        parts.push(`Pass rate ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.baseline, d)} → ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.candidate, d)} (${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .signedPoints */ ._9)(pr.delta, d)} points, ${ci} ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .signedPoints */ ._9)(pr.ci[0], d)} to ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .signedPoints */ ._9)(pr.ci[1], d)}, ${n}${noise})`);
    }
    else if (pr.candidate !== null) {
        const interval = pr.candidate_ci ? `${ci} ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.candidate_ci[0])} to ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.candidate_ci[1])}, ` : '';
        const why = suite.change === 'added' ? 'new prompt, no baseline' : suite.change === 'cases_only' ? 'cases changed, no delta' : 'no baseline to compare';
        parts.push(`Pass rate ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.candidate)} (${interval}${n}; ${why})`);
    }
    else if (pr.baseline !== null) {
        parts.push(`Pass rate ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.baseline)} before; no results after`);
    }
    else if (!suite.holdout) {
        parts.push('No successful samples');
    }
    const h = suite.holdout;
    if (h && h.delta !== null && h.ci) {
        const d = (0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .pointDecimals */ .VY)(h.baseline, h.candidate, h.delta, h.ci);
        const noise = h.ci[0] <= 0 && h.ci[1] >= 0 ? ', within noise' : '';
        parts.push(`holdout ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .signedPoints */ ._9)(h.delta, d)} points (${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)(h.n_cases)} cases${noise})`);
    }
    else if (h && h.candidate !== null) {
        parts.push(`holdout ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(h.candidate)} (${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)(h.n_cases)} cases)`);
    }
    const lb = suite.latency_ms.baseline?.p95 ?? null;
    const lc = suite.latency_ms.candidate?.p95 ?? null;
    if (suite.latency_ms.not_compared !== undefined)
        parts.push('latency not compared');
    else if (lb !== null && lc !== null)
        parts.push(`p95 latency ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .signedMs */ .Fw)(lc - lb)}`);
    if (suite.cost_usd.ratio !== null)
        parts.push(`cost ${signedPercent(suite.cost_usd.ratio)}`);
    const failed = suite.errors.baseline + suite.errors.candidate;
    if (failed > 0)
        parts.push(`${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9)(failed)} failed ${failed === 1 ? 'call' : 'calls'}`);
    return parts.join('; ');
}
/** The pass-rate part of a title: "49% → 88% (+39 points)", "93% (new prompt)". */
function titleNumbers(s) {
    const pr = s.pass_rate;
    if (pr.delta !== null && pr.ci) {
        const d = (0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .pointDecimals */ .VY)(pr.baseline, pr.candidate, pr.delta, pr.ci);
        return `${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.baseline, d)} → ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.candidate, d)} (${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .signedPoints */ ._9)(pr.delta, d)} points${withinNoise(s) ? ', within noise' : ''})`;
    }
    if (pr.candidate !== null)
        return `pass rate ${(0,_format_numbers_js__WEBPACK_IMPORTED_MODULE_2__/* .rate */ .TS)(pr.candidate)}`;
    return '';
}
/**
 * A short title for the check run (≤ 100 characters): the verdict and what it rests on. An error says why first
 * ("Error: stopped early — HTTP 404 …"); a fail or inconclusive verdict names its rules ("Inconclusive (cost): …").
 */
function checkTitle(report) {
    const oneLine = (text) => (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(text.replace(/\s+/g, ' '), TITLE_CHARS);
    const suites = report.suites;
    if (report.verdict === 'error') {
        const [first, ...more] = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCauses */ .hK)(report);
        if (first) {
            const where = first.suites.length === 0
                ? 'stopped early'
                : suites.length > 1 && first.suites.length < suites.length
                    ? (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(first.suites[0], 40) + (first.suites.length > 1 ? ` +${first.suites.length - 1}` : '')
                    : '';
            const others = more.length ? ` (+${more.length} more)` : '';
            return oneLine(`Error: ${where ? `${where} — ` : ''}${first.text}${others}`);
        }
    }
    const verdict = VERDICT_WORD[report.verdict];
    if (suites.length === 0)
        return report.verdict === 'skipped' ? 'No prompt changes' : `${verdict}: no suite ran`;
    if (suites.length === 1) {
        const s = suites[0];
        const rules = (0,_outcome_js__WEBPACK_IMPORTED_MODULE_1__/* .decidingRules */ .BE)(s);
        const head = `${verdict}${rules ? ` (${rules})` : ''}`;
        const about = hasNoResults(s) ? (s.message ?? '') : titleNumbers(s);
        const tail = about ? ` — ${about}` : '';
        // The name gives way first: the numbers are the point of the title.
        const name = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(s.name, Math.max(12, TITLE_CHARS - head.length - 2 - tail.length));
        return oneLine(`${head}: ${name}${tail}`);
    }
    const counts = new Map();
    for (const s of suites)
        counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
    const order = ['error', 'fail', 'inconclusive', 'pass', 'skipped'];
    const tally = order.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`);
    return oneLine(`${verdict}: ${suites.length} suites (${tally.join(', ')})`);
}


/***/ }),

/***/ 6289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ renderChangeNote)
});

// EXTERNAL MODULE: ./src/format/numbers.ts
var numbers = __webpack_require__(3613);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(48992);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
;// CONCATENATED MODULE: ./src/report/detail.ts
/**
 * How much a rendering of the note shows, and where it goes: the detail levels the note steps down through to fit
 * its size limit, what each step left out, and the few helpers every section uses to put outside text on a line.
 */


const ICON = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '🛑', skipped: '⏭️' };
const FULL_DETAIL = { diffChars: 20_000, outputChars: 1_000, tagRows: 50, flipped: 10, tradeoffs: true, textChars: 1_000, suiteBody: true };
/** Identifiers and short texts from outside, shown in tables and lines. */
const ID_CHARS = 100;
const TAG_CHARS = 60;
const REASON_CHARS = 300;
const NAME_CHARS = 120;
/** What a shortened rendering actually left out, for the line that says so; in the order detail is given up. */
const CUTS = [
    'part of the diff',
    'the diff',
    'the end of long outputs',
    'model outputs',
    'by-tag rows',
    'the by-tag table',
    'flipped cases',
    'the flipped-case tables',
    'the tradeoff tables',
    'the end of long PR text',
    'everything but each suite’s headline and gate',
];
/** Outside text in a line or a table cell: clipped, then escaped. */
const inline = (text, max) => (0,report_escape/* escapeInline */.VV)((0,src_text/* clip */.$)(text, max));
/** Free text from the PR or a message, as long as the detail allows. */
function freeText(text, ctx) {
    if (ctx.detail.textChars < FULL_DETAIL.textChars && text.length > ctx.detail.textChars)
        ctx.cuts.add('the end of long PR text');
    return inline(text, ctx.detail.textChars);
}
/**
 * A section a reader opens on demand. The summary is our own text (HTML inside `<summary>` is not Markdown, so it
 * must not carry outside text); blank lines around the body let GitHub render its Markdown (CommonMark §4.6: an
 * HTML block ends at a blank line).
 */
function collapsible(ctx, summary, body) {
    if (ctx.target === 'cli')
        return `**${summary}**\n\n${body}`;
    return `<details><summary>${summary.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</summary>\n\n${body}\n\n</details>`;
}

// EXTERNAL MODULE: ./src/report/headline.ts
var headline = __webpack_require__(14512);
// EXTERNAL MODULE: ./src/report/outcome.ts
var outcome = __webpack_require__(85066);
// EXTERNAL MODULE: ./src/report/case-analysis.ts
var case_analysis = __webpack_require__(26111);
;// CONCATENATED MODULE: ./src/report/diff.ts
/** A prompt's diff as the note shows it: prepared once per suite, then cut to whole lines per detail level. */

function diffView(diff) {
    // Only the head is searched and only newlines are counted: a diff can be megabytes, and the note shows 20,000 characters.
    const start = diff.slice(0, 2_000).search(/^--- /m);
    const text = (start > 0 ? diff.slice(start) : diff).replace(/\r?\n$/, '');
    let lines = text === '' ? 0 : 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        lines++;
    return { text, lines };
}
/** Whole lines of `text` within `chars` (a prompt may be one enormous line: then that line, clipped). */
function headLines(text, chars) {
    let head = text;
    if (text.length > chars) {
        const end = text.lastIndexOf('\n', chars);
        head = end > 0 ? text.slice(0, end) : (0,src_text/* clip */.$)(text.slice(0, chars + 1).split('\n')[0], chars);
    }
    head = head.replace(/\r\n?/g, '\n');
    return { shown: head, lines: head.split('\n').length };
}

;// CONCATENATED MODULE: ./src/report/prepare.ts


function prepareSuite(s) {
    return {
        suite: s,
        flips: (0,case_analysis/* analyseCases */.LE)(s),
        diff: s.change_detail?.diff ? diffView(s.change_detail.diff) : null,
        tags: [...(s.by_tag ?? [])].sort((a, b) => (a.delta ?? Infinity) - (b.delta ?? Infinity) || a.tag.localeCompare(b.tag)),
    };
}

;// CONCATENATED MODULE: ./src/report/review-sections.ts
/**
 * The parts of the note that belong to the whole review: the headlines, why it ended in error, the policy line,
 * Goal, the review's notes, Rollout, Run and the partial-results warning.
 */






function headlineList(report, textChars) {
    const stop = (0,outcome/* stopCause */.w3)(report);
    return report.suites
        .map((s) => {
        // A suite that errored only because the run stopped points up to the reason rather than repeating it.
        const line = (0,headline/* headline */.Pl)(s, report.confidence, (0,outcome/* erroredByStop */.XD)(s, stop) ? (0,outcome/* stoppedSuiteCause */.n1)(s) : (0,outcome/* suiteErrorCause */.UM)(s));
        return `- ${ICON[s.verdict]} **${inline(s.name, NAME_CHARS)}** (${(0,report_escape/* escapeInline */.VV)((0,outcome/* verdictWithRules */.jz)(s))}) — ${inline(line, textChars + 200)}`;
    })
        .join('\n');
}
/**
 * Why the review ended in `error`, right under its title: the reason the run stopped, then each errored suite's
 * own cause (see docs/change-note.md). Empty for any other verdict.
 */
function errorSection(report, textChars) {
    return (0,outcome/* errorCauses */.hK)(report)
        .map((c) => `**${(0,outcome/* errorLabel */.Vk)(c, report.suites.length, inline)}**: ${inline(c.text, textChars)}`)
        .join('\n\n');
}
/** A line under the headlines when the config makes an inconclusive verdict fail the check. */
function policyLine(report) {
    if (report.verdict !== 'inconclusive' || report.inconclusive_policy !== 'failure')
        return '';
    return '_This review fails its check: the config sets `gate.inconclusive: failure`._';
}
function goalSection(report, ctx) {
    const c = report.context;
    if (!c || (!c.title && !c.goal))
        return '';
    let title = c.title ? `**${inline(c.title, 300)}**` : '';
    // Only a plain https URL becomes a link target; anything else could smuggle Markdown or a script URL.
    if (title && c.url && /^https:\/\/[^\s()<>[\]`]+$/.test(c.url))
        title = `[${title}](${c.url})`;
    const goal = c.goal ? freeText(c.goal, ctx) : '';
    return `### Goal\n\n${[title, goal].filter(Boolean).join(' — ')}`;
}
function rolloutSection(report, ctx) {
    const r = report.context?.rollout;
    return r ? `### Rollout\n\n${freeText(r, ctx)}` : '';
}
function notesSection(report, ctx) {
    // The stop and the errors are at the top of the note already.
    const shown = (0,outcome/* errorCauses */.hK)(report).map((c) => c.text);
    const notes = (report.notes ?? []).filter((n) => !(0,outcome/* isStopNote */.D$)(n) && !shown.includes(n));
    if (notes.length === 0)
        return '';
    return notes.map((n) => `> ${freeText(n, ctx)}`).join('\n>\n');
}
function runSection(report) {
    if (report.suites.length === 0)
        return '';
    const before = new Set();
    const after = new Set();
    for (const s of report.suites) {
        const m = s.change_detail?.model;
        if (m?.baseline)
            before.add(m.baseline);
        if (m?.candidate)
            after.add(m.candidate);
    }
    const same = before.size === after.size && [...before].every((m) => after.has(m));
    const list = (set) => [...set]
        .slice(0, 5)
        .map((m) => (0,report_escape/* inlineCode */.ti)((0,src_text/* clip */.$)(m, 80)))
        .join(', ') + (set.size > 5 ? ', …' : '');
    const models = before.size + after.size === 0 ? null : same || before.size === 0 ? `model ${list(after)}` : after.size === 0 ? `model ${list(before)}` : `model ${list(before)} → ${list(after)}`;
    const repeats = [...new Set(report.suites.map((s) => s.repeats))].sort((a, b) => a - b).join('/');
    const c = report.calls;
    const bits = [
        models,
        `${repeats} repeats`,
        `${(0,numbers/* plural */.LS)(c.total, 'sample')} (${(0,numbers/* count */.U9)(c.cached)} from cache, ${(0,numbers/* plural */.LS)(c.total - c.cached, 'call')})`,
        `${(0,numbers/* count */.U9)(c.failed)} failed`,
        `${(0,numbers/* plural */.LS)(c.retried, 'retry', 'retries')}`,
        `${(0,numbers/* usd */.dR)(report.cost_usd_total)} spent`,
        (0,numbers/* duration */.p0)(report.duration_ms),
        `base ${(0,report_escape/* inlineCode */.ti)(report.base.slice(0, 7))} → head ${(0,report_escape/* inlineCode */.ti)(report.head.slice(0, 7))}`,
    ].filter((x) => x !== null);
    return `**Run**: ${bits.join(' · ')}`;
}
function partialWarning(report, target) {
    if (!report.partial)
        return '';
    const text = 'the run stopped early (or this is one shard of it); the numbers cover only the samples that finished.';
    // GitHub renders alerts in comments and job summaries; elsewhere the marker would show as text.
    return target === 'comment' || target === 'summary' ? `> [!WARNING]\n> **Partial results**: ${text}` : `> **Warning — partial results**: ${text}`;
}

;// CONCATENATED MODULE: ./src/report/flipped.ts
/**
 * The Flipped cases section: the real regressions and fixes with the failure that explains each and their outputs,
 * then, apart, the flips of cases flaky at base and of holdout cases (by id only; see docs/change-note.md).
 */




const counts = (v) => (v ? `${v.passed}/${v.runs}` : '—');
function outputBlock(label, v, text, passed, chars) {
    const which = passed === true ? ', a passing sample' : passed === false ? ', a failing sample' : '';
    const head = `${label} (${counts(v)} passed${which}):`;
    if (text === null || text === undefined)
        return `${head} _no output recorded_`;
    return `${head}\n\n${(0,report_escape/* fencedBlock */.zW)((0,report_escape/* inertCode */.gQ)((0,src_text/* clip */.$)(text, chars)))}`;
}
function flipList(kind, list, ctx) {
    const { flipped, outputChars } = ctx.detail;
    if (flipped < Math.min(list.length, FULL_DETAIL.flipped))
        ctx.cuts.add('flipped cases');
    const shown = list.slice(0, flipped);
    const title = kind === 'regression' ? 'Regressions (worst first)' : 'Fixes (best first)';
    // For a regression the candidate's failure explains it; for a fix, the baseline's failure is what got fixed.
    const reasonOf = (c) => (kind === 'regression' ? c.reasons?.candidate : c.reasons?.baseline) ?? '';
    const rows = [`| case | tags | before → after | ${kind === 'regression' ? 'first failure after' : 'first failure before'} |`, '|---|---|---|---|'];
    for (const c of shown) {
        rows.push(`| ${inline(c.id, ID_CHARS)} | ${inline(c.tags.join(', '), TAG_CHARS)} | ${counts(c.baseline)} → ${counts(c.candidate)} | ${inline(reasonOf(c), REASON_CHARS)} |`);
    }
    const out = [`**${title}**`, rows.join('\n')];
    if (list.length > shown.length)
        out.push(`_… ${(0,numbers/* plural */.LS)(list.length - shown.length, `more ${kind === 'regression' ? 'regression' : 'fix'}`, kind === 'regression' ? 'more regressions' : 'more fixes')} in the JSON report._`);
    const withOutputs = shown.filter((c) => c.outputs && (c.outputs.baseline != null || c.outputs.candidate != null));
    if (withOutputs.length > 0) {
        if (outputChars <= 0) {
            ctx.cuts.add('model outputs');
            out.push('_Outputs were left out to fit the size limit; the JSON report has them._');
        }
        else {
            const long = (t) => (t?.length ?? 0) > outputChars;
            if (outputChars < FULL_DETAIL.outputChars && withOutputs.some((c) => long(c.outputs?.baseline) || long(c.outputs?.candidate)))
                ctx.cuts.add('the end of long outputs');
            const blocks = withOutputs.map((c) => `**${inline(c.id, ID_CHARS)}**\n\n${outputBlock('Before', c.baseline, c.outputs?.baseline, c.output_passed?.baseline, outputChars)}\n\n${outputBlock('After', c.candidate, c.outputs?.candidate, c.output_passed?.candidate, outputChars)}`);
            out.push(collapsible(ctx, `Outputs of these ${kind === 'regression' ? 'regressions' : 'fixes'}`, blocks.join('\n\n')));
        }
    }
    return out.join('\n\n');
}
/**
 * Flips that may not be the change's doing, by id and counts only: cases flaky at base (their own noise flips them)
 * and holdout cases (nothing of their outputs, expected values or failure reasons is shown).
 */
function apartList(kind, list, ctx) {
    const { flipped } = ctx.detail;
    if (flipped < Math.min(list.length, FULL_DETAIL.flipped))
        ctx.cuts.add('flipped cases');
    const shown = list.slice(0, flipped);
    const title = kind === 'flaky' ? 'Flips of cases flaky at base (their baseline samples disagree: may be noise)' : 'Flips of holdout cases';
    const rows = kind === 'flaky' ? ['| case | tags | before → after |', '|---|---|---|'] : ['| case | tags | before → after | output |', '|---|---|---|---|'];
    for (const c of shown) {
        const last = kind === 'flaky' ? '' : ' holdout case — output withheld |';
        rows.push(`| ${inline(c.id, ID_CHARS)} | ${inline(c.tags.join(', '), TAG_CHARS)} | ${counts(c.baseline)} → ${counts(c.candidate)} |${last}`);
    }
    const out = [`**${title}**`, rows.join('\n')];
    if (list.length > shown.length)
        out.push(`_… ${(0,numbers/* plural */.LS)(list.length - shown.length, 'more case')} in the JSON report._`);
    return out.join('\n\n');
}
function flippedSection(p, ctx) {
    const s = p.suite;
    const { regressions, fixes, flakyFlips, holdoutFlips } = p.flips;
    const compared = s.pass_rate.delta !== null || (s.holdout?.delta ?? null) !== null;
    if (!compared)
        return '';
    if (regressions.length + fixes.length + flakyFlips.length + holdoutFlips.length === 0)
        return '**Flipped cases**: none — every case kept its pass rate.';
    let summary = `Flipped cases: ${(0,numbers/* plural */.LS)(regressions.length, 'regression')}, ${(0,numbers/* plural */.LS)(fixes.length, 'fix', 'fixes')}`;
    if (flakyFlips.length)
        summary += `; ${(0,numbers/* plural */.LS)(flakyFlips.length, 'flip')} of cases flaky at base`;
    if (holdoutFlips.length)
        summary += `; ${(0,numbers/* plural */.LS)(holdoutFlips.length, 'holdout case')}`;
    if (ctx.detail.flipped <= 0) {
        ctx.cuts.add('the flipped-case tables');
        return `**${summary}** — listed in the JSON report (left out here to fit the size limit).`;
    }
    const body = [
        regressions.length ? flipList('regression', regressions, ctx) : '',
        fixes.length ? flipList('fix', fixes, ctx) : '',
        flakyFlips.length ? apartList('flaky', flakyFlips, ctx) : '',
        holdoutFlips.length ? apartList('holdout', holdoutFlips, ctx) : '',
    ].filter(Boolean);
    return collapsible(ctx, summary, body.join('\n\n'));
}

;// CONCATENATED MODULE: ./src/report/suite-sections.ts
/**
 * One suite's section of the note, in reading order: Change, Eval result, Tradeoffs, By tag, Flipped cases
 * (flipped.ts) and Gate, each from the prepared suite (prepare.ts) at the context's level of detail.
 */









const CHANGE_WORDS = {
    modified: 'modified',
    added: 'added (new prompt: no baseline)',
    deleted: 'deleted',
    renamed: 'renamed',
    settings: 'model or settings changed (same prompt text)',
    cases_only: 'unchanged; only the cases or assertions changed',
    unchanged: 'unchanged',
};
function changeSection(p, ctx) {
    const s = p.suite;
    const cd = s.change_detail;
    let what = CHANGE_WORDS[s.change];
    if (s.change === 'renamed' && cd?.previous_path)
        what = `renamed from ${(0,report_escape/* inlineCode */.ti)((0,src_text/* clip */.$)(cd.previous_path, NAME_CHARS))}`;
    let line = `**Change**: ${(0,report_escape/* inlineCode */.ti)((0,src_text/* clip */.$)(s.prompt, NAME_CHARS))} ${what}`;
    if (cd?.lines_added !== undefined || cd?.lines_removed !== undefined)
        line += `, +${cd.lines_added ?? 0} -${cd.lines_removed ?? 0} lines`;
    const out = [line + '.'];
    if (cd?.settings?.length)
        out.push(`Settings changed: ${cd.settings.map((x) => (0,report_escape/* inlineCode */.ti)((0,src_text/* clip */.$)(x, NAME_CHARS))).join(', ')}.`);
    else if (cd?.model?.baseline && cd.model.candidate && cd.model.baseline !== cd.model.candidate) {
        out.push(`Model: ${(0,report_escape/* inlineCode */.ti)(cd.model.baseline)} → ${(0,report_escape/* inlineCode */.ti)(cd.model.candidate)}.`);
    }
    const parts = [out.join(' ')];
    if (p.diff) {
        const total = (0,numbers/* plural */.LS)(p.diff.lines, 'line');
        if (ctx.detail.diffChars <= 0) {
            ctx.cuts.add('the diff');
            parts.push(`_The diff (${total}) was left out to fit the size limit; it is in the JSON report._`);
        }
        else {
            if (ctx.detail.diffChars < FULL_DETAIL.diffChars && p.diff.text.length > ctx.detail.diffChars)
                ctx.cuts.add('part of the diff');
            const { shown, lines } = headLines(p.diff.text, ctx.detail.diffChars);
            let body = (0,report_escape/* fencedBlock */.zW)((0,report_escape/* inertCode */.gQ)(shown), 'diff');
            if (p.diff.lines > lines)
                body += `\n\n_… ${(0,numbers/* plural */.LS)(p.diff.lines - lines, 'more line')} in the JSON report._`;
            parts.push(collapsible(ctx, `Diff (${total})`, body));
        }
    }
    return parts.join('\n\n');
}
function evalResultSection(p, ctx) {
    const s = p.suite;
    const pr = s.pass_rate;
    const ci = `${(0,numbers/* level */.Rc)(ctx.confidence)} CI`;
    const holdout = s.holdout;
    const upTo = s.sampling?.mode === 'sequential' ? 'up to ' : '';
    const samples = `${(0,numbers/* plural */.LS)((0,case_analysis/* mainCases */.P5)(s), 'case')} × ${upTo}${(0,numbers/* plural */.LS)(s.repeats, 'sample')}`;
    const out = ['**Eval result**'];
    if (pr.delta !== null && pr.ci) {
        const rows = ['| | before | after | change |', '|---|---:|---:|---|'];
        const label = holdout ? `pass rate (${(0,numbers/* plural */.LS)((0,case_analysis/* mainCases */.P5)(s), 'case')}, without holdout)` : 'pass rate';
        rows.push(`| ${label} | ${(0,numbers/* percent */.KN)(pr.baseline ?? 0)} | ${(0,numbers/* percent */.KN)(pr.candidate ?? 0)} | **${(0,numbers/* signedPoints */._9)(pr.delta, 1)} points** (${ci} ${(0,numbers/* signedPoints */._9)(pr.ci[0], 1)} to ${(0,numbers/* signedPoints */._9)(pr.ci[1], 1)}) |`);
        if (holdout)
            rows.push(holdoutRow(holdout, ci));
        out.push(rows.join('\n'));
        const bits = [`${samples} per variant, paired by case`];
        if (pr.p_value !== null)
            bits.push(`p ${pr.p_value < 0.0001 ? '' : '= '}${(0,numbers/* pValue */.sp)(pr.p_value)} against "no difference"`);
        if (pr.method)
            bits.push(`method: ${inline(pr.method, 200)}`);
        out.push(bits.join('; ') + '.');
        if ((0,headline/* withinNoise */.cV)(s)) {
            out.push(`**Within noise**: the interval (${(0,numbers/* signedPoints */._9)(pr.ci[0], 1)} to ${(0,numbers/* signedPoints */._9)(pr.ci[1], 1)} points) includes 0 — a no-op change shows differences this large by chance.`);
        }
        else {
            out.push(`The interval excludes 0: the ${pr.delta > 0 ? 'improvement' : 'drop'} is unlikely to be chance.`);
        }
    }
    else if (pr.candidate !== null) {
        const interval = pr.candidate_ci ? ` (${ci} ${(0,numbers/* percent */.KN)(pr.candidate_ci[0])} to ${(0,numbers/* percent */.KN)(pr.candidate_ci[1])})` : '';
        const why = s.change === 'added'
            ? 'a new prompt has no baseline to compare with'
            : s.change === 'cases_only'
                ? 'only the cases or assertions changed, so there is nothing to compare'
                : 'the baseline has no results to compare with';
        out.push(`Pass rate **${(0,numbers/* percent */.KN)(pr.candidate)}**${interval} over ${samples} — ${why}.`);
    }
    else if (pr.baseline !== null) {
        out.push(`Pass rate before **${(0,numbers/* percent */.KN)(pr.baseline)}** over ${samples}; the candidate has no results.`);
    }
    else if (!holdout) {
        out.push('No sample succeeded under either variant.');
    }
    if (holdout && !(pr.delta !== null && pr.ci))
        out.push(holdoutLine(holdout, ci, (0,case_analysis/* mainCases */.P5)(s) === 0));
    if (holdout)
        out.push('Holdout: the cases tagged `holdout`, the overfitting check — not in the pass rate above, and their outputs are never shown.');
    const sampled = samplingLine(s);
    if (sampled)
        out.push(sampled);
    const flaky = flakyLine(p.flips.flaky, s);
    if (flaky)
        out.push(flaky);
    out.push(...outcomeLines(s, ctx));
    const failed = s.errors.baseline + s.errors.candidate;
    if (failed > 0)
        out.push(`Failed calls after retries (left out of every number): before ${(0,numbers/* count */.U9)(s.errors.baseline)}, after ${(0,numbers/* count */.U9)(s.errors.candidate)}.`);
    // An errored suite's message opens its section (see `suiteSection`); any other message is a note.
    if (s.message && s.verdict !== 'error')
        out.push(`**Note**: ${freeText(s.message, ctx)}`);
    return out.join('\n\n');
}
/** The holdout row of the Eval result table: like the pass-rate row, over the holdout cases alone. */
function holdoutRow(h, ci) {
    const change = h.delta !== null
        ? `${h.ci && (h.ci[0] > 0 || h.ci[1] < 0) ? `**${(0,numbers/* signedPoints */._9)(h.delta, 1)} points**` : `${(0,numbers/* signedPoints */._9)(h.delta, 1)} points`}${h.ci ? ` (${ci} ${(0,numbers/* signedPoints */._9)(h.ci[0], 1)} to ${(0,numbers/* signedPoints */._9)(h.ci[1], 1)})` : ''}`
        : '—';
    const cell = (x) => (x === null ? '—' : (0,numbers/* percent */.KN)(x));
    return `| holdout (${(0,numbers/* plural */.LS)(h.n_cases, 'case')}) | ${cell(h.baseline)} | ${cell(h.candidate)} | ${change} |`;
}
/** The holdout cases' pass rate when there is no delta to put in a table (an added prompt, cases only). */
function holdoutLine(h, ci, only) {
    const rates = h.delta !== null && h.ci
        ? `${(0,numbers/* percent */.KN)(h.baseline ?? 0)} → ${(0,numbers/* percent */.KN)(h.candidate ?? 0)} (${(0,numbers/* signedPoints */._9)(h.delta, 1)} points, ${ci} ${(0,numbers/* signedPoints */._9)(h.ci[0], 1)} to ${(0,numbers/* signedPoints */._9)(h.ci[1], 1)})`
        : `**${(0,numbers/* rate */.TS)(h.candidate ?? h.baseline)}**`;
    return `Holdout pass rate ${rates} over ${(0,numbers/* plural */.LS)(h.n_cases, 'case')}${only ? ' — every case of this suite is a holdout case' : ''}.`;
}
/**
 * How the suite was sampled, when there is something to say (docs/change-note.md): "Sequential sampling: decided
 * after 240 of 600 samples (3 rounds), 120 of them reused from the cache". Fixed sampling with nothing reused says
 * nothing.
 */
function samplingLine(s) {
    const x = s.sampling;
    if (!x)
        return '';
    const reused = (x.reused ?? 0) > 0 ? `, ${(0,numbers/* count */.U9)(x.reused)} of them reused from the cache` : '';
    if (x.mode === 'sequential') {
        const rounds = (0,numbers/* plural */.LS)(x.rounds, 'round');
        const what = x.samples_used < x.samples_max ? `decided after ${(0,numbers/* count */.U9)(x.samples_used)} of ${(0,numbers/* plural */.LS)(x.samples_max, 'sample')}` : `all ${(0,numbers/* plural */.LS)(x.samples_max, 'sample')} taken`;
        return `Sequential sampling: ${what} (${rounds})${reused}.`;
    }
    const parts = [];
    if (x.fallback)
        parts.push(`Sampled in full rather than sequentially: ${(0,report_escape/* escapeInline */.VV)((0,src_text/* clip */.$)(x.fallback, 300))}${/[.!?]$/.test(x.fallback) ? '' : '.'}`);
    if (reused)
        parts.push(`${(0,numbers/* plural */.LS)(x.samples_used, 'sample')}${reused}.`);
    return parts.join(' ');
}
/** "3 cases flaky at base" with their ids, so a reviewer does not read their flips as the change's doing. */
function flakyLine(flaky, s) {
    if (flaky.length === 0 || s.pass_rate.delta === null)
        return '';
    const shown = flaky.slice(0, 10).map((id) => inline(id, ID_CHARS));
    const more = flaky.length > shown.length ? `, … ${(0,numbers/* count */.U9)(flaky.length - shown.length)} more` : '';
    return `**${(0,numbers/* plural */.LS)(flaky.length, 'case')} flaky at base** (${shown.join(', ')}${more}): their baseline samples disagree with each other, so a flip of theirs may be the model's noise rather than the change; Flipped cases lists them apart.`;
}
/**
 * Each failing or inconclusive rule by name, with what would settle it: a suite that is inconclusive on cost while
 * its pass rate passed must not read as an unsettled pass rate. Nothing here for a run that stopped early: its
 * numbers cover only what finished, and are no measurement that happens to be inconclusive.
 */
function outcomeLines(s, ctx) {
    if (s.verdict === 'error')
        return [];
    if (ctx.stopped !== null) {
        return ['**Not settled**: the run stopped early, so these numbers cover only the samples that finished; no rule is decided on them.'];
    }
    const out = [];
    const open = s.rules.filter((r) => r.verdict === 'inconclusive' || r.verdict === 'fail');
    for (const r of open) {
        const word = r.verdict === 'fail' ? 'Fail' : 'Inconclusive';
        const see = r.rule === 'pass_rate' || r.rule === 'holdout' ? 'see Gate' : 'see Tradeoffs and Gate';
        let text;
        if (r.verdict === 'fail') {
            text = `confidently beyond what the rule allows (${see}).`;
        }
        else {
            // A report written before rules carried their own need has it on the pass rate, for the pass-rate rule.
            const need = r.cases_needed !== undefined ? r.cases_needed : r.rule === 'pass_rate' ? (s.pass_rate.cases_needed ?? null) : null;
            text = need
                ? `about ${(0,numbers/* plural */.LS)(need, 'case')} (this run: ${(0,numbers/* count */.U9)(r.rule === 'pass_rate' ? (0,case_analysis/* mainCases */.P5)(s) : r.rule === 'holdout' ? (s.holdout?.n_cases ?? s.n_cases) : s.n_cases)}) would make the interval narrow enough to settle it (${see}).`
                : `the interval is too wide to settle it (${see}: what the data do rule out).`;
        }
        out.push(`**${word} — ${(0,report_escape/* escapeInline */.VV)((0,outcome/* ruleLabel */.Do)(r.rule))}**: ${text}`);
    }
    const passRate = s.rules.find((r) => r.rule === 'pass_rate');
    if (open.length > 0 && passRate?.verdict === 'pass') {
        out.push(`The pass-rate rule passed; the ${s.verdict} verdict rests on ${open.map((r) => (0,report_escape/* escapeInline */.VV)((0,outcome/* ruleLabel */.Do)(r.rule))).join(' and ')}.`);
    }
    return out;
}
/** Successful samples per variant, from the per-case counts (tokens are summed over successful samples only). */
function runs(s, variant) {
    let n = 0;
    for (const c of s.cases)
        n += c[variant]?.runs ?? 0;
    return n;
}
function tradeoffsSection(s, ctx) {
    const ci = (r) => (r ? `, ${(0,numbers/* level */.Rc)(ctx.confidence)} CI ${(0,numbers/* change */.Zg)(r[0])} to ${(0,numbers/* change */.Zg)(r[1])}` : '');
    const rows = ['| | before | after | change |', '|---|---:|---:|---|'];
    const cell = (x, f) => (x === null || x === undefined ? '—' : f(x));
    const summary = [];
    const notCompared = s.latency_ms.not_compared;
    if (notCompared !== undefined)
        summary.push('latency not compared');
    for (const key of notCompared !== undefined ? [] : ['p50', 'p95', 'p99']) {
        const b = s.latency_ms.baseline?.[key] ?? null;
        const c = s.latency_ms.candidate?.[key] ?? null;
        if (b === null && c === null)
            continue;
        let delta = b !== null && c !== null ? (0,numbers/* signedMs */.Fw)(c - b) : '—';
        if (key === 'p95' && s.latency_ms.p95_ratio !== null)
            delta += ` (${(0,numbers/* change */.Zg)(s.latency_ms.p95_ratio)}${ci(s.latency_ms.p95_ratio_ci)})`;
        if (key === 'p95' && b !== null && c !== null)
            summary.push(`p95 latency ${(0,numbers/* signedMs */.Fw)(c - b)}`);
        rows.push(`| latency ${key} | ${cell(b, numbers.ms)} | ${cell(c, numbers.ms)} | ${delta} |`);
    }
    const cost = s.cost_usd;
    if (cost.baseline_per_case !== null || cost.candidate_per_case !== null) {
        rows.push(`| cost per case | ${cell(cost.baseline_per_case, numbers/* usd */.dR)} | ${cell(cost.candidate_per_case, numbers/* usd */.dR)} | ${cost.ratio !== null ? (0,numbers/* change */.Zg)(cost.ratio) + ci(cost.ratio_ci) : '—'} |`);
        if (cost.ratio !== null)
            summary.push(`cost per case ${(0,numbers/* change */.Zg)(cost.ratio)}`);
        const pb = cost.baseline_per_pass ?? null;
        const pc = cost.candidate_per_pass ?? null;
        if (pb !== null || pc !== null)
            rows.push(`| cost per passing sample | ${cell(pb, numbers/* usd */.dR)} | ${cell(pc, numbers/* usd */.dR)} | ${pb && pc ? (0,numbers/* change */.Zg)(pc / pb) : '—'} |`);
    }
    const rb = runs(s, 'baseline');
    const rc = runs(s, 'candidate');
    for (const k of ['input', 'output']) {
        const b = rb > 0 ? s.tokens.baseline[k] / rb : null;
        const c = rc > 0 ? s.tokens.candidate[k] / rc : null;
        if (b === null && c === null)
            continue;
        rows.push(`| ${k} tokens per call | ${cell(b, numbers/* tokensPerCall */.kC)} | ${cell(c, numbers/* tokensPerCall */.kC)} | ${b !== null && c !== null && b > 0 ? (0,numbers/* change */.Zg)(c / b) : '—'} |`);
    }
    if (s.errors.baseline + s.errors.candidate > 0)
        rows.push(`| failed calls | ${(0,numbers/* count */.U9)(s.errors.baseline)} | ${(0,numbers/* count */.U9)(s.errors.candidate)} | |`);
    if (s.calls && s.calls.total > 0) {
        rows.push(`| retries | | | ${(0,numbers/* plural */.LS)(s.calls.retried, 'retry', 'retries')} over ${(0,numbers/* plural */.LS)(s.calls.total, 'sample')} (${(0,numbers/* percent */.KN)(s.calls.retried / s.calls.total)}) |`);
    }
    // Cached samples are not latency evidence: without a comparison the note shows no latency numbers at all.
    const latencyLine = notCompared !== undefined ? `Latency was not compared: ${freeText(notCompared, ctx)}${/[.!?]$/.test(notCompared) ? '' : '.'}` : '';
    if (rows.length === 2 && !latencyLine)
        return '';
    const body = [rows.length > 2 ? rows.join('\n') : '', latencyLine].filter(Boolean).join('\n\n');
    return collapsible(ctx, `Tradeoffs${summary.length ? `: ${summary.join(', ')}` : ''}`, body);
}
function byTagSection(p, ctx) {
    const tags = p.tags;
    if (tags.length === 0)
        return '';
    const summary = `By tag (${(0,numbers/* plural */.LS)(tags.length, 'tag')})`;
    if (ctx.detail.tagRows <= 0) {
        ctx.cuts.add('the by-tag table');
        return `**${summary}**: left out to fit the size limit; the JSON report has them.`;
    }
    if (ctx.detail.tagRows < Math.min(tags.length, FULL_DETAIL.tagRows))
        ctx.cuts.add('by-tag rows');
    const shown = tags.slice(0, ctx.detail.tagRows);
    const rows = [`| tag | cases | before | after | change (${(0,numbers/* level */.Rc)(ctx.confidence)} CI) |`, '|---|---:|---:|---:|---|'];
    for (const t of shown) {
        let delta = '—';
        if (t.delta !== null) {
            const clear = t.ci !== null && (t.ci[0] > 0 || t.ci[1] < 0);
            const d = `${(0,numbers/* signedPoints */._9)(t.delta)} points`;
            delta = `${clear ? `**${d}**` : d}${t.ci ? ` (${(0,numbers/* signedPoints */._9)(t.ci[0])} to ${(0,numbers/* signedPoints */._9)(t.ci[1])})` : ''}`;
        }
        rows.push(`| ${inline(t.tag, TAG_CHARS)} | ${(0,numbers/* count */.U9)(t.n_cases)} | ${(0,numbers/* rate */.TS)(t.baseline)} | ${(0,numbers/* rate */.TS)(t.candidate)} | ${delta} |`);
    }
    let body = rows.join('\n');
    if (tags.length > shown.length)
        body += `\n\n_… ${(0,numbers/* plural */.LS)(tags.length - shown.length, 'more tag')} in the JSON report._`;
    body += '\n\nPer tag, not adjusted for multiple comparisons: bold where the interval excludes 0.';
    // A few rows read at a glance; many rows are for those who look for them.
    return tags.length <= 5 && ctx.target !== 'cli' ? `**${summary}**\n\n${body}` : collapsible(ctx, summary, body);
}
function gateSection(s) {
    if (s.rules.length === 0)
        return '';
    const rows = ['| rule | outcome | detail |', '|---|---|---|'];
    // A rule that had nothing to decide on is "not evaluated": neither a pass nor a fail.
    for (const r of s.rules)
        rows.push(`| ${inline(r.rule, 40)} | ${ICON[r.verdict]} ${r.verdict === 'skipped' ? 'not evaluated' : r.verdict} | ${(0,report_escape/* escapeInline */.VV)(r.detail)} |`);
    return `**Gate**\n\n${rows.join('\n')}`;
}
/** One suite's section; a suite without results has none (its headline carries its message). */
function suiteSection(p, ctx) {
    const s = p.suite;
    if ((0,headline/* hasNoResults */.ad)(s))
        return '';
    const heading = `### ${ICON[s.verdict]} ${inline(s.name, NAME_CHARS)} — ${(0,report_escape/* escapeInline */.VV)((0,outcome/* verdictWithRules */.jz)(s))}`;
    const cause = (0,outcome/* erroredByStop */.XD)(s, ctx.stopped) ? (0,outcome/* stoppedSuiteCause */.n1)(s) : (0,outcome/* suiteErrorCause */.UM)(s);
    const error = cause ? `**Error**: ${freeText(cause, ctx)}` : '';
    if (!ctx.detail.suiteBody) {
        ctx.cuts.add('everything but each suite’s headline and gate');
        return [heading, error, gateSection(s)].filter(Boolean).join('\n\n');
    }
    if (!ctx.detail.tradeoffs)
        ctx.cuts.add('the tradeoff tables');
    const parts = [heading, error, changeSection(p, ctx), evalResultSection(p, ctx), ctx.detail.tradeoffs ? tradeoffsSection(s, ctx) : '', byTagSection(p, ctx), flippedSection(p, ctx), gateSection(s)];
    return parts.filter(Boolean).join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/markdown.ts









/**
 * Detail given up, one step at a time, until the note fits: the diff first, then the outputs, then by-tag rows, then
 * flipped cases (the order of the product contract), then the tradeoff tables and long PR text, and last every
 * suite's body but its gate. The headlines and the gates are never given up.
 */
const DETAIL_LADDER = (() => {
    const steps = [
        { diffChars: 3_000 },
        { diffChars: 0 },
        { outputChars: 300 },
        { outputChars: 0 },
        { tagRows: 10 },
        { tagRows: 0 },
        { flipped: 5 },
        { flipped: 0 },
        { tradeoffs: false, textChars: 300 },
        { suiteBody: false },
    ];
    const ladder = [FULL_DETAIL];
    for (const step of steps)
        ladder.push({ ...ladder[ladder.length - 1], ...step });
    return ladder;
})();
function cutNotice(cuts, maxChars) {
    const what = CUTS.filter((c) => cuts.has(c));
    return `_Shortened to fit the ${(0,numbers/* count */.U9)(maxChars)}-character limit (left out: ${what.join(', ')}); the JSON report has all of it._`;
}
function title(report) {
    return `## ${ICON[report.verdict]} promptgate: ${report.verdict}`;
}
/** The note at one level of detail; with `maxChars`, a line saying what this level left out, if anything. */
function render(report, opts, detail, prepared, maxChars) {
    const ctx = { target: opts.target, confidence: report.confidence, stopped: (0,outcome/* stopCause */.w3)(report), detail, cuts: new Set() };
    const parts = [];
    if (opts.marker)
        parts.push(opts.marker);
    parts.push(title(report));
    // An error says why before anything else (see docs/change-note.md).
    parts.push(errorSection(report, detail.textChars));
    parts.push(partialWarning(report, opts.target));
    if (report.suites.length === 0) {
        // The review's notes say why nothing ran (review() writes "No prompt changes…" there); a default otherwise.
        if (!report.notes?.length)
            parts.push(report.verdict === 'skipped' ? 'No prompt changes: no suite was triggered.' : 'No suite ran.');
    }
    else {
        parts.push(headlineList(report, detail.textChars));
        parts.push(policyLine(report));
    }
    parts.push(goalSection(report, ctx));
    for (const p of prepared)
        parts.push(suiteSection(p, ctx));
    parts.push(notesSection(report, ctx));
    parts.push(rolloutSection(report, ctx));
    parts.push(runSection(report));
    if (maxChars !== undefined && ctx.cuts.size > 0)
        parts.push(cutNotice(ctx.cuts, maxChars));
    return parts.filter((p) => p !== '').join('\n\n') + '\n';
}
/**
 * The last resort for a review of very many suites: one line per suite with its headline and each rule's outcome,
 * no tables, no collapsed blocks, so cutting it line by line cannot unbalance anything.
 */
function compactNote(report, opts, maxChars) {
    const safe = (text, max) => (0,report_escape/* escapeInline */.VV)((0,src_text/* clip */.$)(text, max));
    const errors = (0,outcome/* errorCauses */.hK)(report).map((c) => `**${(0,outcome/* errorLabel */.Vk)(c, report.suites.length, safe)}**: ${safe(c.text, 300)}`);
    const head = [opts.marker, title(report), ...errors.slice(0, 3), report.partial ? '**Partial results**: the run stopped early; the numbers cover only the samples that finished.' : ''].filter((x) => !!x);
    const lines = report.suites.map((s) => {
        const gate = s.rules.map((r) => `${ICON[r.verdict]} ${(0,report_escape/* escapeInline */.VV)(r.rule)}`).join(', ');
        return `- ${ICON[s.verdict]} **${(0,report_escape/* escapeInline */.VV)((0,src_text/* clip */.$)(s.name, 120))}** (${(0,report_escape/* escapeInline */.VV)((0,outcome/* verdictWithRules */.jz)(s))}) — ${(0,report_escape/* escapeInline */.VV)((0,src_text/* clip */.$)((0,headline/* headline */.Pl)(s, report.confidence), 300))}${gate ? ` · gate: ${gate}` : ''}`;
    });
    const notice = `_Shortened to fit the ${(0,numbers/* count */.U9)(maxChars)}-character limit: one line per suite; the JSON report has the details and every rule's reasoning._`;
    const assemble = (shown, more) => [...head, [...shown, ...(more > 0 ? [`- … ${(0,numbers/* count */.U9)(more)} more ${more === 1 ? 'suite' : 'suites'} in the JSON report`] : [])].join('\n'), notice].join('\n\n') + '\n';
    let note = assemble(lines, 0);
    if (note.length <= maxChars)
        return note;
    // Keep as many suites as fit, the failing ones first: they are what a reviewer must see.
    const severity = { error: 0, fail: 1, inconclusive: 2, pass: 3, skipped: 4 };
    const order = report.suites.map((_s, i) => i).sort((a, b) => severity[report.suites[a].verdict] - severity[report.suites[b].verdict] || a - b);
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        const keep = new Set(order.slice(0, mid));
        if (assemble(lines.filter((_, i) => keep.has(i)), order.length - mid).length <= maxChars)
            lo = mid;
        else
            hi = mid - 1;
    }
    const keep = new Set(order.slice(0, lo));
    note = assemble(lines.filter((_, i) => keep.has(i)), order.length - lo);
    // A limit smaller than the title itself: whole lines of what there is, never half a line.
    if (note.length > maxChars)
        note = note.split('\n').reduce((acc, line) => ((acc + line + '\n').length <= maxChars ? acc + line + '\n' : acc), '');
    return note;
}
/**
 * The change note (docs/contract.md §10), from the JSON report alone: the verdict, a headline per suite, then Goal, and per
 * suite Change, Eval result, Tradeoffs, By tag, Flipped cases and Gate, then the review's notes, Rollout and Run.
 * The headlines, eval results and gates are in plain view; the rest is collapsed. Over `maxChars`, detail is given
 * up in a fixed order (see `DETAIL_LADDER`) and the note says what was left out.
 */
function renderChangeNote(report, opts) {
    const prepared = report.suites.map(prepareSuite);
    const max = opts.maxChars;
    const full = render(report, opts, FULL_DETAIL, prepared);
    if (max === undefined || full.length <= max)
        return full;
    // When even the barest rendering is too long (very many suites), the steps in between need not be tried.
    const barest = render(report, opts, DETAIL_LADDER[DETAIL_LADDER.length - 1], prepared, max);
    if (barest.length > max)
        return compactNote(report, opts, max);
    for (const detail of DETAIL_LADDER.slice(1)) {
        const note = render(report, opts, detail, prepared, max);
        if (note.length <= max)
            return note;
    }
    return compactNote(report, opts, max);
}


/***/ }),

/***/ 85066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ decidingRules),
/* harmony export */   D$: () => (/* binding */ isStopNote),
/* harmony export */   Do: () => (/* binding */ ruleLabel),
/* harmony export */   UM: () => (/* binding */ suiteErrorCause),
/* harmony export */   Vk: () => (/* binding */ errorLabel),
/* harmony export */   XD: () => (/* binding */ erroredByStop),
/* harmony export */   hK: () => (/* binding */ errorCauses),
/* harmony export */   jz: () => (/* binding */ verdictWithRules),
/* harmony export */   n1: () => (/* binding */ stoppedSuiteCause),
/* harmony export */   w3: () => (/* binding */ stopCause)
/* harmony export */ });
const RULE_LABEL = {
    completeness: 'completeness',
    pass_rate: 'pass rate',
    holdout: 'holdout pass rate',
    latency_p95: 'p95 latency',
    cost: 'cost',
    error_rate: 'error rate',
};
/** A rule as a reader names it: `latency_p95` → "p95 latency"; an unknown rule by its name. */
function ruleLabel(rule) {
    return RULE_LABEL[rule] ?? rule.replace(/_/g, ' ');
}
/** The review-level note that says the run stopped early (review() writes "Partial: <why>"). */
const STOP_PREFIX = 'Partial: ';
/** Why the run stopped early (a rejected key or model, the budget, an interruption), when it did. */
function stopCause(report) {
    const note = report.notes?.find((n) => n.startsWith(STOP_PREFIX));
    return note ? note.slice(STOP_PREFIX.length) : null;
}
/** Whether a review note is the stop cause (shown at the top of the note, not again among the notes). */
function isStopNote(note) {
    return note.startsWith(STOP_PREFIX);
}
/** The first clause of a rule's detail: up to its first "; ", or the whole detail without its final period. */
function firstClause(detail) {
    const cut = detail.indexOf('; ');
    return (cut > 0 ? detail.slice(0, cut) : detail).replace(/\.$/, '');
}
/** Why a suite ended in `error`, in one line: its message, else the first clause of its first `error` rule. */
function suiteErrorCause(s) {
    if (s.verdict !== 'error')
        return null;
    if (s.message)
        return s.message;
    const rule = s.rules.find((r) => r.verdict === 'error');
    return rule ? firstClause(rule.detail) : null;
}
/** The rules of a given outcome, as labels: ["cost", "p95 latency"]. */
function labelsOf(rules, verdict) {
    return rules.filter((r) => r.verdict === verdict).map((r) => ruleLabel(r.rule));
}
/**
 * A suite's verdict with the rules it rests on: "inconclusive: cost", "fail: pass rate; inconclusive: cost".
 * `pass`, `skipped` and `error` stay one word (an error says its cause right after).
 */
function verdictWithRules(s) {
    if (s.verdict === 'fail') {
        const failing = labelsOf(s.rules, 'fail');
        const open = labelsOf(s.rules, 'inconclusive');
        if (failing.length === 0)
            return 'fail';
        return `fail: ${failing.join(', ')}${open.length ? `; inconclusive: ${open.join(', ')}` : ''}`;
    }
    if (s.verdict === 'inconclusive') {
        const open = labelsOf(s.rules, 'inconclusive');
        return open.length ? `inconclusive: ${open.join(', ')}` : 'inconclusive';
    }
    return s.verdict;
}
/** The rules behind a fail or inconclusive verdict, for a title: "cost", "pass rate, p95 latency". */
function decidingRules(s) {
    if (s.verdict !== 'fail' && s.verdict !== 'inconclusive')
        return '';
    return labelsOf(s.rules, s.verdict).join(', ');
}
/**
 * Why a review ended in `error`, most important first: the reason the run stopped, then each errored suite's own
 * cause unless it only repeats that reason (a suite that errored because the run stopped, or whose message quotes
 * the same failure). Empty for any other verdict.
 */
function errorCauses(report) {
    if (report.verdict !== 'error')
        return [];
    const causes = [];
    const stop = stopCause(report);
    if (stop)
        causes.push({ suites: [], text: stop });
    for (const s of report.suites) {
        const cause = suiteErrorCause(s);
        if (!cause || erroredByStop(s, stop))
            continue;
        const same = causes.find((c) => c.text.includes(cause) || cause.includes(c.text));
        if (!same)
            causes.push({ suites: [s.name], text: cause });
        else if (same.suites.length > 0)
            same.suites.push(s.name);
    }
    return causes;
}
/**
 * Whether a suite's error is the run's stop and nothing more: its only `error` rule is `completeness`, or its
 * message quotes the stop's reason.
 */
function erroredByStop(s, stop) {
    if (stop === null || s.verdict !== 'error')
        return false;
    const errors = s.rules.filter((r) => r.verdict === 'error');
    if (errors.length > 0 && errors.every((r) => r.rule === 'completeness'))
        return true;
    return s.message?.includes(stop) ?? false;
}
/**
 * A suite's line when the run's stop is its whole error: how much finished, pointing up to the reason, instead of
 * the reason again. "Only 1 of 96 planned samples finished: the run stopped early (see above)".
 */
function stoppedSuiteCause(s) {
    const rule = s.rules.find((r) => r.rule === 'completeness');
    return `${rule ? `${firstClause(rule.detail)}: t` : 'T'}he run stopped early (see above)`;
}
/**
 * "Error — the run stopped early" for the review's own cause; "Error" when the cause is every suite's (or there is
 * one suite); else "Error in <suites>". `escapeName` makes the suite names safe for where the label goes.
 */
function errorLabel(c, suiteCount, escapeName) {
    if (c.suites.length === 0)
        return 'Error — the run stopped early';
    if (suiteCount <= 1 || c.suites.length === suiteCount)
        return 'Error';
    const names = c.suites
        .slice(0, 3)
        .map((n) => escapeName(n, 60))
        .join(', ');
    return `Error in ${names}${c.suites.length > 3 ? ` and ${c.suites.length - 3} more` : ''}`;
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


/***/ })

};
;