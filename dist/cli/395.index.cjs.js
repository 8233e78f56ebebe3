"use strict";
exports.id = 395;
exports.ids = [395];
exports.modules = {

/***/ 62879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ME: () => (/* binding */ ContainsJsonSpecSchema),
/* harmony export */   WT: () => (/* binding */ isContainsJson),
/* harmony export */   XM: () => (/* binding */ ContainsJsonSpecSchemas),
/* harmony export */   dk: () => (/* binding */ gradeContainsJsonAssertion)
/* harmony export */ });
/* unused harmony exports MAX_JSON_CANDIDATE, extractJsonObjects, gradeContainsJson */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45586);

/**
 * `contains_json` / `not_contains_json`: promptfoo's `contains-json` and `is-json`, graded exactly as `promptfoo eval`
 * grades them (see docs/formats.md, "promptfoo configs").
 *
 * - `contains_json`: the output holds at least one JSON object. As in promptfoo, every `{` starts a candidate and the
 *   shortest text from it that parses as JSON (at most 100,000 characters) is an object found; scanning goes on
 *   after it. With `value` (a JSON Schema), at least one object found must match it.
 * - `whole: true` (promptfoo's `is-json`): the whole output must parse with JSON.parse, as it is (surrounding
 *   whitespace allowed, a Markdown fence not); with `value`, it must match the schema.
 *
 * The negation passes exactly when promptfoo's `not-contains-json` / `not-is-json` passes.
 */
const fields = {
    value: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()), zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY()]).optional(),
    whole: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
};
/** One strict object per type (literal `type`), to spread into the assertion registry's discriminated union. */
const ContainsJsonSpecSchemas = [zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('contains_json'), ...fields }), zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('not_contains_json'), ...fields })];
const ContainsJsonSpecSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .discriminatedUnion */ .gMt('type', [...ContainsJsonSpecSchemas]);
/** Whether an assertion spec is one of this file's types. */
function isContainsJson(spec) {
    return spec.type === 'contains_json' || spec.type === 'not_contains_json';
}
/**
 * The assertion result for the registry: `compile` turns a JSON Schema into a validator (the project's ajv).
 */
function gradeContainsJsonAssertion(spec, output, compile) {
    const validator = spec.value === undefined ? undefined : compile(spec.value);
    const graded = gradeContainsJson(spec, output, validator ? (v) => validator(v) === true : undefined);
    return { type: spec.type, passed: graded.passed, score: graded.passed ? 1 : 0, ...(graded.reason !== undefined ? { reason: graded.reason } : {}) };
}
/** promptfoo gives up on a candidate longer than this (src/util/json.ts, maxJsonLength). */
const MAX_JSON_CANDIDATE = 100_000;
/**
 * Every JSON object promptfoo's `extractJsonObjects` finds, in order. promptfoo tries every prefix from each `{`;
 * the shortest prefix that parses is the one whose braces balance first (outside strings), so one scan per `{`
 * finds the same objects without parsing every prefix.
 */
function extractJsonObjects(text) {
    const found = [];
    for (let i = 0; i < text.length; i++) {
        if (text[i] !== '{')
            continue;
        const end = balancedEnd(text, i);
        if (end === -1 || end + 1 - i > MAX_JSON_CANDIDATE)
            continue;
        try {
            found.push(JSON.parse(text.slice(i, end + 1)));
            i = end;
        }
        catch {
            // Not JSON from this brace; promptfoo moves on to the next one.
        }
    }
    return found;
}
/** Index of the `}` that closes the `{` at `start`, skipping JSON strings; -1 if it never closes. */
function balancedEnd(text, start) {
    let depth = 0;
    let inString = false;
    const limit = Math.min(text.length, start + MAX_JSON_CANDIDATE);
    for (let i = start; i < limit; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === '"')
            inString = true;
        else if (c === '{' || c === '[')
            depth++;
        else if (c === '}' || c === ']') {
            depth--;
            if (depth === 0)
                return c === '}' ? i : -1;
            if (depth < 0)
                return -1;
        }
    }
    return -1;
}
/**
 * Grade one output. `validate` is the compiled schema when the spec has a `value` (the caller compiles it with the
 * project's JSON Schema validator); it returns whether a value matches.
 */
function gradeContainsJson(spec, output, validate) {
    const inverse = spec.type === 'not_contains_json';
    let candidates;
    if (spec.whole) {
        try {
            candidates = [JSON.parse(output)];
        }
        catch {
            candidates = [];
        }
    }
    else {
        candidates = extractJsonObjects(output);
    }
    const what = spec.whole ? 'is JSON' : 'contains a JSON object';
    if (candidates.length === 0)
        return inverse ? { passed: true } : { passed: false, reason: `the output is not JSON${spec.whole ? '' : ' and holds no JSON object'}` };
    if (!validate)
        return inverse ? { passed: false, reason: `the output ${what}, which it must not` } : { passed: true };
    const matches = candidates.some((c) => validate(c));
    if (inverse)
        return matches ? { passed: false, reason: `the output ${what} matching the schema, which it must not` } : { passed: true };
    return matches ? { passed: true } : { passed: false, reason: `the output ${what}, but none that matches the schema` };
}


/***/ }),

/***/ 18267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eb: () => (/* binding */ compilePattern),
/* harmony export */   JM: () => (/* binding */ PatternError),
/* harmony export */   eY: () => (/* binding */ RE2_SYNTAX),
/* harmony export */   jM: () => (/* binding */ PATTERN_HINT)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2856);

/**
 * User-supplied patterns (`regex` / `not_regex` values, JSON Schema `pattern` and `patternProperties`) run on text a
 * model wrote, and whoever edits the prompt steers the model. A backtracking engine (JavaScript's `RegExp`) takes
 * exponential time on patterns such as `^(a+)+$` against `aaaa…a!`, blocking the event loop so that not even
 * SIGINT is handled. RE2 matches in time linear in the input, whatever the pattern (see docs/untrusted-output.md).
 *
 * Patterns are written in JavaScript syntax, as before, and translated: `(?<name>…)`, `\u00e9`, `\u{1F600}`, `\cJ`,
 * `[^]` (re2js's `translateRegExp`); `\s` / `\S` to JavaScript's set (RE2's `\s` is ASCII only, and models write
 * no-break spaces); `\p{Script=Greek}` / `\p{gc=L}` to RE2's `\p{Greek}` / `\p{L}`. What RE2 cannot run at all —
 * backreferences and lookaround — is refused with a reason, before any model call.
 */
/** A pattern RE2 cannot run, and why, in words a user can act on. */
class PatternError extends Error {
    pattern;
    why;
    constructor(pattern, why) {
        super(`/${pattern}/ ${why}`);
        this.pattern = pattern;
        this.why = why;
        this.name = 'PatternError';
    }
}
const RE2_SYNTAX = 'https://github.com/google/re2/wiki/Syntax';
/** What to do about a PatternError; shared by every place that reports one. */
const PATTERN_HINT = `patterns run with RE2 (linear time, so a model answer cannot stall the review): JavaScript syntax without backreferences (\\1, \\k<name>) or lookaround ((?=, (?!, (?<=, (?<!) — see ${RE2_SYNTAX}; in YAML and JSON strings write a backslash as \\\\`;
/** JavaScript's `\s`: tab to carriage return, every space separator, the line and paragraph separators, the BOM. */
const JS_SPACE = '\\t-\\r\\p{Zs}\\u2028\\u2029\\uFEFF';
const PROPERTY_PREFIX = /^(?:Script|sc|General_Category|gc)=/;
/**
 * The pattern in the syntax re2js expects, or a PatternError for what it cannot express. One pass over the pattern:
 * escapes are read as a unit, character classes are tracked so `(?=` inside `[...]` stays a literal.
 */
function toRe2(source) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
        const ch = source[i];
        if (ch === '\\') {
            const next = source[i + 1];
            if (next === undefined) {
                out += ch;
                continue;
            }
            if (!inClass && next >= '1' && next <= '9') {
                throw new PatternError(source, `uses the backreference \\${next}, which RE2 does not support`);
            }
            if (next === 'k' && source[i + 2] === '<') {
                throw new PatternError(source, 'uses a named backreference (\\k<…>), which RE2 does not support');
            }
            if (next === 's') {
                out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
                i++;
                continue;
            }
            if (next === 'S' && !inClass) {
                out += `[^${JS_SPACE}]`;
                i++;
                continue;
            }
            if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
                const end = source.indexOf('}', i + 3);
                if (end !== -1) {
                    out += `\\${next}{${source.slice(i + 3, end).replace(PROPERTY_PREFIX, '')}}`;
                    i = end;
                    continue;
                }
            }
            out += ch + next;
            i++;
            continue;
        }
        if (inClass) {
            if (ch === ']')
                inClass = false;
        }
        else if (ch === '[') {
            inClass = true;
        }
        else if (ch === '(' && source[i + 1] === '?') {
            const a = source[i + 2];
            const b = source[i + 3];
            if (a === '=' || a === '!')
                throw new PatternError(source, `uses a lookahead (?${a}…), which RE2 does not support`);
            if (a === '<' && (b === '=' || b === '!'))
                throw new PatternError(source, `uses a lookbehind (?<${b}…), which RE2 does not support`);
        }
        out += ch;
    }
    return re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.translateRegExp(out);
}
/** Compile a JavaScript-syntax pattern to RE2. Throws PatternError when RE2 cannot run it. */
function compilePattern(source, ignoreCase) {
    const translated = toRe2(source);
    try {
        return re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.compile(translated, ignoreCase ? re2js__WEBPACK_IMPORTED_MODULE_0__/* .RE2JS */ .L3.CASE_INSENSITIVE : 0);
    }
    catch (err) {
        throw new PatternError(source, `does not compile: ${err.message.replace(/^error parsing regexp: /, '')}`);
    }
}


/***/ }),

/***/ 55834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pb: () => (/* binding */ PROMPTFOO),
/* harmony export */   Rf: () => (/* binding */ AssertionSpecSchema),
/* harmony export */   fJ: () => (/* binding */ GH_MODELS)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45586);
/* harmony import */ var _pattern_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(18267);
/* harmony import */ var _contains_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(62879);



/**
 * Assertion specs (docs/contract.md §4). A sample passes when every assertion that applies to it passes.
 * `value` strings are templated with the case's vars (`{{expected}}` included) before grading.
 * Each `not_*` type is the negation of its base type.
 */
const textOptions = {
    trim: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
    ignore_case: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().optional(),
    semantics: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('gh-models').optional(),
};
/**
 * `semantics: gh-models`: grade exactly as `gh models eval` does (see docs/github-models.md). Text checks compare
 * the trimmed answer with the value as written; an `llm_rubric` sends its prompt as written, takes the first listed
 * choice found in the judge's lower-cased reply, and passes when that choice's score is > 0 (or ≥ `threshold`,
 * when one is set). Every evaluator of a GitHub Models prompt file has it.
 */
const GH_MODELS = 'gh-models';
/**
 * `semantics: promptfoo` on an `llm_rubric`: grade exactly as `promptfoo eval` grades an `llm-rubric` (see
 * docs/formats.md): promptfoo's default grading prompt, its reading of the judge's JSON reply (`pass`, `score`,
 * `reason`), and `threshold` applied to `score` on top of `pass`. Every `llm-rubric` of a promptfoo config has it.
 */
const PROMPTFOO = 'promptfoo';
/**
 * A `regex` / `not_regex` pattern RE2 cannot run is an error where it is written (file and line), not only when the
 * case is planned. A pattern with a `{{var}}` is checked once templated (checkAssertions).
 */
/**
 * A `{{var}}` as the prompt templates read one. Written here rather than imported from ../prompts/template.js:
 * the config schema imports this file, and the prompt readers import the config schema.
 */
const TEMPLATE_VARIABLE = /\{\{\s*[A-Za-z_][\w-]*(?:\.[\w-]+)*\s*\}\}/;
const re2Pattern = (type) => zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().check((ctx) => {
    if (TEMPLATE_VARIABLE.test(ctx.value))
        return;
    try {
        (0,_pattern_js__WEBPACK_IMPORTED_MODULE_0__/* .compilePattern */ .Eb)(ctx.value, false);
    }
    catch (err) {
        if (!(err instanceof _pattern_js__WEBPACK_IMPORTED_MODULE_0__/* .PatternError */ .JM))
            throw err;
        ctx.issues.push({ code: 'custom', input: ctx.value, message: `${type} ${err.message}; write it in RE2 syntax (${_pattern_js__WEBPACK_IMPORTED_MODULE_0__/* .RE2_SYNTAX */ .eY})` });
    }
});
const stringValued = (type) => zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(type), value: type === 'regex' || type === 'not_regex' ? re2Pattern(type) : zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), ...textOptions });
const textTypes = ['equals', 'contains', 'icontains', 'starts_with', 'ends_with', 'regex'];
const AssertionSpecSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .discriminatedUnion */ .gMt('type', [
    ...textTypes.map((t) => stringValued(t)),
    ...textTypes.map((t) => stringValued(`not_${t}`)),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('is_json') }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('not_is_json') }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('json_schema'), value: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()) }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('json_path_equals'), path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), value: zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('max_tokens'), value: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('max_latency_ms'), value: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('llm_rubric'),
        value: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        model: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
        threshold: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(1).optional(),
        choices: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ choice: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), score: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(1) })).optional(),
        system: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
        semantics: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['gh-models', 'promptfoo']).optional(),
    }),
    ..._contains_json_js__WEBPACK_IMPORTED_MODULE_1__/* .ContainsJsonSpecSchemas */ .XM,
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        type: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('tool_call'),
        name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
        arguments: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .unknown */ .L5J()).optional(),
    }),
]);


/***/ }),

/***/ 7817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nb: () => (/* binding */ readCsv),
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   fl: () => (/* binding */ readJsonl),
/* harmony export */   gM: () => (/* binding */ readYaml)
/* harmony export */ });
/* harmony import */ var csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(25175);
/* harmony import */ var _config_limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59304);
/* harmony import */ var _source_yaml_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89094);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);
/* harmony import */ var _prompts_json_source_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(66959);





const stripBom = (text) => text.replace(/^\uFEFF/, '');
/** Lines that hold something other than spaces: the records of a JSONL file, the rows of a CSV (quotes aside). */
function countFilledLines(text) {
    let lines = 0;
    let filled = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
            if (filled)
                lines++;
            filled = false;
        }
        else if (!filled && c !== 32 && c !== 9 && c !== 13)
            filled = true;
    }
    return filled ? lines + 1 : lines;
}
/**
 * JSON Lines: one JSON object per line. Trailing blank lines are fine; a blank line between records is an error.
 * The text is checked (nesting, size, number of records) before any line is parsed, and read line by line without
 * splitting it: a file of line breaks would otherwise be an array of millions of strings.
 */
function readJsonl(path, text) {
    const body = stripBom(text);
    (0,_prompts_json_source_js__WEBPACK_IMPORTED_MODULE_4__/* .checkJsonText */ .q$)(body, { where: { file: path }, lines: true });
    (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCount */ .wE)('cases', countFilledLines(body), { file: path });
    const rows = [];
    let blank;
    for (let start = 0, line = 1; start <= body.length; line++) {
        let end = body.indexOf('\n', start);
        if (end < 0)
            end = body.length;
        const source = body.slice(start, end).replace(/\r$/, '');
        start = end + 1;
        if (source.trim() === '') {
            blank ??= line;
            continue;
        }
        if (blank !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`line ${blank} is empty`, { file: path, line: blank, hint: 'remove the blank line: in a .jsonl file every line is one case, a JSON object' });
        }
        try {
            rows.push({ value: JSON.parse(source), line, label: `line ${line}` });
        }
        catch (err) {
            const message = err.message;
            const at = /at position (\d+)/.exec(message);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`line ${line} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
                file: path,
                line,
                ...(at ? { column: (0,_prompts_json_source_js__WEBPACK_IMPORTED_MODULE_4__/* .positionOf */ .df)(source, Number(at[1])).column } : {}),
                hint: 'each line of a .jsonl file is one complete JSON object, like {"vars": {"question": "..."}, "expected": "..."}',
            });
        }
    }
    return rows;
}
function fromList(source, what, lines) {
    if (source.value === null || source.value === undefined)
        return [];
    if (!Array.isArray(source.value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`must be a ${what} list of cases`, {
            file: source.file,
            line: 1,
            hint: what === 'JSON' ? 'write [ {"vars": {...}, "expected": "..."}, ... ]' : 'start each case with "- ", e.g. "- vars: { question: ... }"',
        });
    }
    (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCount */ .wE)('cases', source.value.length, { file: source.file });
    return source.value.map((value, i) => {
        const line = lines ? lines[i] : source.lineOf([i]);
        return {
            value,
            ...(line !== undefined ? { line } : {}),
            label: line !== undefined ? `line ${line}` : `case ${i + 1}`,
            lineOfKey: (key) => source.lineOf([i], key),
        };
    });
}
function readJson(path, text) {
    const body = stripBom(text);
    // Counted before JSON.parse builds the array: a 64 MB file of `1,` would be 30 million cases.
    const source = (0,_prompts_json_source_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJsonSource */ .X0)(path, body, 'a .json eval set is a JSON array of cases', (scan) => (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCount */ .wE)('cases', scan.topLevelItems, { file: path }));
    return fromList(source, 'JSON', Array.isArray(source.value) ? (0,_prompts_json_source_js__WEBPACK_IMPORTED_MODULE_4__/* .topLevelElementLines */ .ff)(body) : undefined);
}
function readYaml(path, text) {
    return fromList((0,_source_yaml_js__WEBPACK_IMPORTED_MODULE_2__/* .parseYamlSource */ .WF)(path, stripBom(text), 0, 'cases'), 'YAML');
}
/**
 * Rows and cells of CSV text, quotes respected, by one scan before csv-parse builds a record object per row: the
 * number of cases and the memory the records take are limited before they exist (see docs/input-limits.md).
 */
function checkCsvShape(path, text) {
    let rows = 0;
    let cells = 0;
    let columns = 0;
    let filled = false;
    let quoted = false;
    const endRow = () => {
        if (!filled)
            return;
        rows++;
        cells++;
        if (rows === 1)
            columns = cells;
        filled = false;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34)
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c === 44)
            cells++;
        else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
            endRow();
            if (columns > _config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_KEYS */ .aF)
                break;
            continue;
        }
        if (!filled && c !== 32 && c !== 9 && c !== 13)
            filled = true;
    }
    endRow();
    if (columns > _config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_KEYS */ .aF) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`has ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(columns)} columns, more than the limit of ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_KEYS */ .aF)} columns`, {
            file: path,
            line: 1,
            hint: 'every column is a variable of every case; keep only the columns the prompts use',
        });
    }
    if (cells > _config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_CSV_CELLS */ .e_) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`has ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(cells)} cells, more than the limit of ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCount */ .B4)(_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_CSV_CELLS */ .e_)} cells (rows × columns) per CSV eval set`, {
            file: path,
            hint: 'keep only the columns the prompts use, or split the eval set into several suites',
        });
    }
    (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .checkCount */ .wE)('cases', Math.max(0, rows - 1), { file: path });
}
/** Cells that hold JSON in a CSV eval set (everything else is text). */
const JSON_COLUMNS = new Set(['vars', 'assert']);
/**
 * CSV with a header row; every column is a var except `id`, `expected`, `tags` (`;`-separated) and `assert` / `vars`
 * (JSON in the cell). An empty `id` or `expected` cell counts as absent.
 */
function readCsv(path, text) {
    checkCsvShape(path, text);
    let header = [];
    let records;
    try {
        records = (0,csv_parse_sync__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text, {
            bom: true,
            columns: (names) => (header = names.map((n) => n.trim())),
            skip_empty_lines: true,
            info: true,
        });
    }
    catch (err) {
        const e = err;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`is not valid CSV: ${e.message.replace(/ (at|on) line \d+/, '')}`, {
            file: path,
            ...(typeof e.lines === 'number' ? { line: e.lines } : {}),
            hint: 'every row needs as many cells as the header; quote cells that contain commas, quotes or line breaks ("a ""b"" c")',
        });
    }
    const seen = new Set();
    for (const name of header) {
        if (name === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError('has a column with no name', { file: path, line: 1, hint: 'name every column in the header row' });
        if (seen.has(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`has two columns named "${name}"`, { file: path, line: 1, hint: 'give every column a unique name' });
        seen.add(name);
    }
    // csv-parse reports the byte offset just past a record (and its line break, if any); the record starts as many
    // lines before its last one as it holds line breaks inside quoted cells.
    const bytes = Buffer.from(text, 'utf8');
    const newlineOffsets = [];
    for (let i = 0; i < bytes.length; i++)
        if (bytes[i] === 10)
            newlineOffsets.push(i);
    const lineAtByte = (offset) => {
        let lo = 0;
        let hi = newlineOffsets.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (newlineOffsets[mid] < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo + 1;
    };
    return records.map(({ record, info }) => {
        const inside = Object.values(record).reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
        const line = lineAtByte(info.bytes - 1) - inside;
        const value = {};
        for (const [key, cell] of Object.entries(record)) {
            if (key === 'tags')
                value.tags = cell
                    .split(';')
                    .map((t) => t.trim())
                    .filter(Boolean);
            else if ((key === 'id' || key === 'expected') && cell === '')
                continue;
            else if (JSON_COLUMNS.has(key)) {
                if (cell.trim() === '')
                    continue;
                (0,_prompts_json_source_js__WEBPACK_IMPORTED_MODULE_4__/* .checkJsonText */ .q$)(cell, { where: { file: path, line }, pinpoint: false });
                try {
                    value[key] = JSON.parse(cell);
                }
                catch (err) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__.PromptgateError(`line ${line}: the "${key}" cell is not valid JSON: ${err.message}`, {
                        file: path,
                        line,
                        hint: `write the ${key} cell as JSON, quoted for CSV: "[{""type"": ""contains"", ""value"": ""refund""}]"`,
                    });
                }
            }
            else
                value[key] = cell;
        }
        return { value, line, label: `line ${line}` };
    });
}


/***/ }),

/***/ 73395:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iE: () => (/* binding */ CONFIG_PATHS),
  qO: () => (/* binding */ expandEnv),
  u0: () => (/* binding */ findConfig)
});

// UNUSED EXPORTS: assertInsideRepo, parseConfig

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(45586);
// EXTERNAL MODULE: ./src/assertions/contains-json.ts
var contains_json = __webpack_require__(62879);
// EXTERNAL MODULE: ./src/assertions/schema.ts
var schema = __webpack_require__(55834);
// EXTERNAL MODULE: ./src/cases/readers.ts
var readers = __webpack_require__(7817);
// EXTERNAL MODULE: ./src/prompts/promptfoo.ts
var promptfoo = __webpack_require__(12985);
// EXTERNAL MODULE: ./src/config/limits.ts
var limits = __webpack_require__(59304);
// EXTERNAL MODULE: ./src/config/schema.ts
var config_schema = __webpack_require__(90131);
// EXTERNAL MODULE: ./src/source/yaml.ts
var yaml = __webpack_require__(89094);
;// CONCATENATED MODULE: ./src/config/promptfoo.ts











/**
 * A promptfoo config (`promptfooconfig.yaml`) read as a promptgate config plus its tests as cases (see
 * docs/formats.md, "promptfoo configs"). Every prompt × provider becomes a suite; every test runs in every suite,
 * as in `promptfoo eval`. What promptgate cannot run is an error naming the key, never a silent skip.
 */
// Whether a file is a promptfoo config, and its inline prompt, are the prompt readers' (src/prompts/promptfoo.ts).

const AssertSchema = schemas/* looseObject */._H3({ type: schemas/* string */.YjP().min(1), value: schemas/* unknown */.L5J().optional(), threshold: schemas/* number */.aig().optional() });
const TestSchema = schemas/* looseObject */._H3({
    description: schemas/* string */.YjP().optional(),
    vars: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).optional(),
    assert: schemas/* array */.YOg(AssertSchema).optional(),
});
/** Top-level keys promptgate reads; others promptfoo knows are named in an error, never ignored. */
const KNOWN_TOP = new Set(['description', 'prompts', 'providers', 'defaultTest', 'tests', '$schema', 'sharing', 'outputPath', 'writeLatestResults', 'tags', 'env']);
/** Provider `config` keys and the promptgate params they become. */
const PARAM_KEYS = {
    temperature: 'temperature',
    max_tokens: 'max_tokens',
    top_p: 'top_p',
    seed: 'seed',
    stop: 'stop',
    frequency_penalty: 'frequency_penalty',
    presence_penalty: 'presence_penalty',
    response_format: 'response_format',
    max_completion_tokens: 'max_completion_tokens',
};
/**
 * Read a promptfoo config. `read` gives a repo file's text (or null) at the same commit, for `file://` tests and
 * vars; paths are relative to the config's folder, as promptfoo resolves them, and must stay in the repo.
 */
async function parsePromptfooConfig(file, text, read) {
    const source = (0,yaml/* parseYamlSource */.WF)(file, text);
    const pf = (0,yaml/* parseWithSchema */.fe)(promptfoo/* PromptfooSchema */.ad, source, 'promptfoo config');
    for (const key of Object.keys(pf)) {
        if (!KNOWN_TOP.has(key)) {
            throw new errors.PromptgateError(`uses "${key}", which promptgate does not read from a promptfoo config`, {
                file,
                line: source.lineOf([], key),
                hint: 'promptgate reads prompts, providers, defaultTest and tests; remove the key or run it with promptfoo itself',
            });
        }
    }
    if (pf.env !== undefined) {
        throw new errors.PromptgateError('sets "env", which promptgate does not take from a config', { file, line: source.lineOf([], 'env'), hint: 'set environment variables in the workflow instead' });
    }
    const dir = external_node_path_.posix.dirname(file);
    const prompts = promptsOf(pf, source, dir);
    const providers = providersOf(pf, source);
    const suites = prompts.flatMap((prompt) => providers.map((provider) => ({
        name: providers.length > 1 ? `${prompt.label} @ ${provider.label}` : prompt.label,
        prompt: prompt.path,
        cases: file,
        ...(Object.keys(provider.provider).length > 0 ? { provider: provider.provider } : {}),
    })));
    for (const prompt of prompts)
        if (prompt.path !== file)
            await checkPromptFile(prompt.path, read, { file, line: prompt.line });
    const config = (0,yaml/* parseWithSchema */.fe)(config_schema/* ConfigSchema */.Sk, { ...source, value: { version: 1, suites } }, 'promptfoo config (as a promptgate config)');
    const cases = await casesOf(pf, source, dir, read);
    return { config, cases };
}
function resolvePath(dir, ref, where) {
    const path = external_node_path_.posix.normalize(external_node_path_.posix.join(dir, ref.replace(/^file:\/\//, '')));
    if (external_node_path_.posix.isAbsolute(ref.replace(/^file:\/\//, '')) || path === '..' || path.startsWith('../')) {
        throw new errors.PromptgateError(`${where.key} "${ref}" points outside the repository`, { file: where.file, line: where.line, hint: 'use a path relative to the config file, inside the repository' });
    }
    return path;
}
/**
 * promptfoo splits a text prompt file on lines of `---` into several prompts; promptgate compares one prompt per
 * file, so such a file is refused rather than sent as one prompt.
 */
async function checkPromptFile(path, read, where) {
    const text = await read(path);
    if (text === null)
        throw new errors.PromptgateError(`prompt ${path} does not exist`, { ...where, hint: 'fix the file:// path (relative to the config file)' });
    if (/\.(txt|md)$/i.test(path) && /\n---[ \t]*\r?\n/.test(text) && !/^---[ \t]*\r?\n/.test(text)) {
        throw new errors.PromptgateError(`prompt ${path} holds several prompts separated by "---"`, {
            ...where,
            hint: 'put each prompt in its own file and list each as file://… (promptgate compares each prompt file between commits)',
        });
    }
    if (!/\.prompty$/i.test(path) && (/\{%/.test(text) || /\{\{[^}]*\|/.test(text))) {
        throw new errors.PromptgateError(`prompt ${path} uses Nunjucks tags or filters, which promptgate does not render in promptfoo prompts`, {
            ...where,
            hint: 'use plain {{var}} substitution, or write the prompt as a .prompty file (Jinja)',
        });
    }
}
function promptsOf(pf, source, dir) {
    const list = typeof pf.prompts === 'string' ? [pf.prompts] : pf.prompts;
    const out = [];
    list.forEach((p, i) => {
        const line = source.lineOf(typeof pf.prompts === 'string' ? ['prompts'] : ['prompts', i]);
        const raw = typeof p === 'string' ? p : p.raw;
        const label = typeof p === 'string' ? undefined : (p.label ?? p.id);
        if (raw === undefined) {
            if (typeof p !== 'string' && p.id?.startsWith('file://')) {
                out.push({ ...filePrompt(p.id, dir, source.file, line, label), line });
                return;
            }
            throw new errors.PromptgateError(`prompts[${i}] has neither raw text nor a file:// id`, { file: source.file, line, hint: 'write the prompt as a string, or as file://path/to/prompt.txt' });
        }
        if (raw.startsWith('file://')) {
            out.push({ ...filePrompt(raw, dir, source.file, line, label), line });
            return;
        }
        if (list.length > 1) {
            throw new errors.PromptgateError(`prompts[${i}] is written inline, next to other prompts`, {
                file: source.file,
                line,
                hint: 'promptgate compares each prompt file between commits; with several prompts, put each in its own file and list it as file://prompts/name.txt (one inline prompt alone is fine)',
            });
        }
        // One inline prompt: the config file itself is the prompt file (parsePromptFile reads its prompt).
        out.push({ path: source.file, label: label ?? 'prompt' });
    });
    return out;
}
const FUNCTION_PROMPT = /\.(js|cjs|mjs|ts|py)(:\w+)?$/i;
const READABLE_PROMPT = /\.(txt|md|json|ya?ml|prompt|prompty)$/i;
function filePrompt(ref, dir, file, line, label) {
    if (FUNCTION_PROMPT.test(ref)) {
        throw new errors.PromptgateError(`prompt "${ref}" is a prompt function, which promptgate does not run`, { file, line, hint: 'write the prompt as a text (.txt/.md) or chat (.json) file' });
    }
    if (/[*?[]/.test(ref)) {
        throw new errors.PromptgateError(`prompt "${ref}" is a glob`, { file, line, hint: 'list every prompt file on its own line' });
    }
    if (!READABLE_PROMPT.test(ref)) {
        throw new errors.PromptgateError(`prompt "${ref}" is not a format promptgate reads`, { file, line, hint: 'use a .txt/.md text prompt or a .json chat prompt (a list of {role, content})' });
    }
    const path = resolvePath(dir, ref, { file, line, key: 'prompt' });
    return { path, label: label ?? path };
}
function providersOf(pf, source) {
    const list = typeof pf.providers === 'string' ? [pf.providers] : pf.providers;
    if (list.length === 0)
        throw new errors.PromptgateError('has no providers', { file: source.file, line: source.lineOf(['providers']), hint: 'list one, e.g. openai:chat:gpt-4o-mini' });
    return list.map((p, i) => {
        const path = typeof pf.providers === 'string' ? ['providers'] : ['providers', i];
        const line = source.lineOf(path);
        const id = typeof p === 'string' ? p : p.id;
        const m = /^openai:(?:chat:)?([^:]+)$/.exec(id);
        if (!m || ['completion', 'embedding', 'embeddings', 'assistant', 'image', 'realtime', 'responses', 'moderation'].includes(m[1])) {
            throw new errors.PromptgateError(`provider "${id}" is not an OpenAI-compatible chat model`, {
                file: source.file,
                line,
                hint: 'promptgate calls OpenAI-compatible chat endpoints: use openai:chat:<model> (with config.apiBaseUrl for another endpoint)',
            });
        }
        const provider = { model: m[1] };
        const params = {};
        const config = typeof p === 'string' ? {} : (p.config ?? {});
        for (const [key, value] of Object.entries(config)) {
            const keyLine = source.lineOf([...path, 'config'], key);
            if (key === 'apiBaseUrl')
                provider.base_url = String(value);
            else if (key === 'apiKeyEnvar')
                provider.api_key_env = String(value);
            else if (key in PARAM_KEYS)
                params[PARAM_KEYS[key]] = value;
            else if (key === 'apiKey') {
                throw new errors.PromptgateError('provider config holds an API key', {
                    file: source.file,
                    line: keyLine,
                    hint: 'never commit a key: set it in the environment and name the variable with apiKeyEnvar (or use OPENAI_API_KEY)',
                });
            }
            else {
                throw new errors.PromptgateError(`provider config "${key}" is not one promptgate sends`, {
                    file: source.file,
                    line: keyLine,
                    hint: `promptgate reads apiBaseUrl, apiKeyEnvar and ${Object.keys(PARAM_KEYS).join(', ')}`,
                });
            }
        }
        if (Object.keys(params).length > 0)
            provider.params = params;
        return { label: (typeof p === 'string' ? undefined : p.label) ?? m[1], provider };
    });
}
async function casesOf(pf, source, dir, read) {
    const tests = [];
    const list = pf.tests === undefined ? [] : typeof pf.tests === 'string' ? [pf.tests] : pf.tests;
    for (const [i, t] of list.entries()) {
        const line = source.lineOf(typeof pf.tests === 'string' ? ['tests'] : ['tests', i]);
        if (typeof t === 'string') {
            for (const row of await testsFromFile(t, dir, { file: source.file, line }, read))
                tests.push(row);
        }
        else {
            const test = asTest(t, `tests[${i}]`, { file: source.file, line, lineOf: (key) => source.lineOf(['tests', i], key) });
            tests.push({ test, file: source.file, line, label: `tests[${i}]` });
        }
    }
    if (tests.length === 0) {
        throw new errors.PromptgateError('has no tests', {
            file: source.file,
            line: source.lineOf(['tests']),
            hint: 'add tests with vars and assert; promptgate runs every test against the baseline and the candidate prompt',
        });
    }
    (0,limits/* checkCount */.wE)('cases', tests.length, { file: source.file });
    const defaults = pf.defaultTest === undefined ? {} : asTest(pf.defaultTest, 'defaultTest', { file: source.file, line: source.lineOf(['defaultTest']), lineOf: (key) => source.lineOf(['defaultTest'], key) });
    const ids = new Set();
    const cases = [];
    for (const [n, { test, file, line, label }] of tests.entries()) {
        const vars = { ...(defaults.vars ?? {}), ...(test.vars ?? {}) };
        for (const [name, value] of Object.entries(vars)) {
            if (typeof value === 'string' && value.startsWith('file://'))
                vars[name] = await varFromFile(value, dir, { file, line, key: `vars.${name}` }, read);
        }
        const assert = [...(defaults.assert ?? []), ...(test.assert ?? [])].flatMap((a) => mapAssertion(a, { file, line }));
        let id = `${source.file}#${n + 1}`;
        if (test.description && !ids.has(test.description))
            id = test.description;
        ids.add(id);
        cases.push({ id, vars, tags: [], assert, ...(line !== undefined ? { line } : {}) });
        void label;
    }
    return cases;
}
const TEST_KEYS = new Set(['description', 'vars', 'assert', 'metadata']);
/** One test (or defaultTest) checked key by key, so an error names the test, the key and its line. */
function asTest(value, label, where) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new errors.PromptgateError(`${label} is not a test`, { file: where.file, line: where.line, hint: 'write a test as { description, vars: {...}, assert: [...] }' });
    }
    checkTestKeys(value, where.file, where.line);
    const asserts = value.assert;
    if (Array.isArray(asserts)) {
        asserts.forEach((a, j) => {
            if (a !== null && typeof a === 'object' && '$ref' in a) {
                throw new errors.PromptgateError(`${label}.assert[${j}] is a $ref to an assertion template, which promptgate does not resolve`, {
                    file: where.file,
                    line: where.lineOf?.('assert') ?? where.line,
                    hint: 'write the assertion out in the test (type and value)',
                });
            }
        });
    }
    const parsed = TestSchema.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new errors.PromptgateError(`${label}.${issue.path.join('.')}: ${issue.message}`, {
            file: where.file,
            line: where.lineOf?.(String(issue.path[0] ?? '')) ?? where.line,
            hint: 'write a test as { description, vars: {...}, assert: [{ type, value }] }',
        });
    }
    return parsed.data;
}
function checkTestKeys(t, file, line) {
    for (const key of Object.keys(t)) {
        if (!TEST_KEYS.has(key)) {
            throw new errors.PromptgateError(`a test uses "${key}", which promptgate does not run`, {
                file,
                line,
                hint: 'promptgate reads description, vars and assert of a test (options, threshold, provider and transforms are promptfoo-only)',
            });
        }
    }
}
async function readRepoFile(ref, dir, where, read) {
    const path = resolvePath(dir, ref, where);
    const text = await read(path);
    if (text === null)
        throw new errors.PromptgateError(`${where.key} refers to ${path}, which does not exist`, { file: where.file, line: where.line, hint: 'fix the file:// path (relative to the config file)' });
    return { path, text };
}
async function testsFromFile(ref, dir, where, read) {
    if (!ref.startsWith('file://'))
        throw new errors.PromptgateError(`tests "${ref}" is not a file:// reference`, { ...where, hint: 'write tests inline, or as file://tests.csv / .yaml / .jsonl' });
    const { path, text } = await readRepoFile(ref, dir, { ...where, key: 'tests' }, read);
    (0,limits/* checkSize */.C1)('cases', path, text);
    let rows;
    let csv = false;
    if (/\.csv$/i.test(path)) {
        rows = (0,readers/* readCsv */.Nb)(path, text);
        csv = true;
    }
    else if (/\.jsonl$/i.test(path))
        rows = (0,readers/* readJsonl */.fl)(path, text);
    else if (/\.json$/i.test(path))
        rows = (0,readers/* readJson */.Vh)(path, text);
    else if (/\.ya?ml$/i.test(path))
        rows = (0,readers/* readYaml */.gM)(path, text);
    else
        throw new errors.PromptgateError(`tests file ${path} is not a format promptgate reads`, { ...where, hint: 'use .csv, .yaml/.yml, .jsonl or .json (JavaScript and Python test generators are not run)' });
    return rows.map((row) => {
        const at = { file: path, ...(row.line !== undefined ? { line: row.line } : {}) };
        if (csv)
            return { test: csvTest(row.value, at), ...at, label: row.label };
        const test = asTest(row.value, row.label, { ...at, ...(row.lineOfKey ? { lineOf: row.lineOfKey } : {}) });
        return { test, ...at, label: row.label };
    });
}
/** A CSV row as promptfoo reads it: columns are vars; `__expected*` are assertions; `__description` names it. */
function csvTest(row, where) {
    const vars = {};
    const assert = [];
    let description;
    for (const [column, cell] of Object.entries(row)) {
        const value = typeof cell === 'string' ? cell : JSON.stringify(cell);
        if (/^__expected\d*$/.test(column)) {
            if (value.trim() !== '')
                assert.push(expectedCell(value, where));
        }
        else if (column === '__description')
            description = value;
        else if (column.startsWith('__metadata'))
            continue;
        else if (column.startsWith('__')) {
            throw new errors.PromptgateError(`column "${column}" is not one promptgate reads`, { ...where, hint: 'promptgate reads variable columns, __expected, __expected1… and __description' });
        }
        else
            vars[column] = cell;
    }
    return { vars, assert, ...(description !== undefined ? { description } : {}) };
}
/** promptfoo's `__expected` cell syntax: `type: value`, a bare `type` for valueless ones, or text to equal. */
function expectedCell(cell, where) {
    const bare = cell.trim();
    if (['is-json', 'contains-json', 'not-is-json', 'not-contains-json'].includes(bare))
        return { type: bare };
    const m = /^(not-)?([a-z][a-z-]*):\s?([\s\S]*)$/.exec(cell);
    if (m) {
        const type = m[2] === 'grade' ? 'llm-rubric' : m[2] === 'fn' ? 'javascript' : m[2];
        if (type === 'eval')
            throw new errors.PromptgateError('an __expected cell uses eval:, which promptgate does not run', { ...where });
        return { type: `${m[1] ?? ''}${type}`, value: m[3] };
    }
    return { type: 'equals', value: cell };
}
async function varFromFile(ref, dir, where, read) {
    if (!/\.(txt|md)$/i.test(ref)) {
        throw new errors.PromptgateError(`${where.key} is "${ref}", which promptgate does not load`, {
            file: where.file,
            line: where.line,
            hint: 'a file:// var may name a .txt or .md file (its text becomes the value); write other values inline',
        });
    }
    return (await readRepoFile(ref, dir, where, read)).text;
}
/** promptfoo assertion types whose promptgate type has the same pass/fail on the same output. */
const TEXT_TYPES = {
    equals: 'equals',
    contains: 'contains',
    icontains: 'icontains',
    'starts-with': 'starts_with',
    'ends-with': 'ends_with',
    regex: 'regex',
};
/** One promptfoo assertion as promptgate assertions (several for `contains-all`, which must all hold). */
function mapAssertion(a, where) {
    const negated = a.type.startsWith('not-');
    const base = negated ? a.type.slice(4) : a.type;
    const not = negated ? 'not_' : '';
    const extra = Object.keys(a).filter((k) => !['type', 'value', 'threshold', 'weight', 'metric'].includes(k));
    if (extra.length > 0) {
        throw new errors.PromptgateError(`assertion ${a.type} uses "${extra[0]}", which promptgate does not run`, {
            ...where,
            hint: 'promptgate reads type, value, threshold, weight and metric of an assertion',
        });
    }
    const unsupported = (why) => {
        throw new errors.PromptgateError(`assertion type "${a.type}" ${why}`, {
            ...where,
            hint: 'promptgate runs equals, contains, icontains, starts-with, ends-with, regex, contains-any/all, icontains-any/all, is-json, contains-json, llm-rubric, latency and their not- forms',
        });
    };
    if (a.threshold !== undefined && base !== 'llm-rubric' && base !== 'latency')
        unsupported('has a threshold, which only llm-rubric and latency use in promptgate');
    const text = (v) => {
        if (typeof v === 'string')
            return v;
        if (typeof v === 'number' || typeof v === 'boolean')
            return String(v);
        return unsupported('needs a text value');
    };
    if (base in TEXT_TYPES) {
        if (base === 'equals' && a.value !== null && typeof a.value === 'object') {
            // promptfoo compares an object value with the output parsed as JSON, deeply.
            return [{ type: `${not}json_path_equals`, path: '$', value: a.value }].map((s) => (negated ? unsupported('compares with an object, which promptgate cannot negate') : s));
        }
        return [{ type: `${not}${TEXT_TYPES[base]}`, value: text(a.value) }];
    }
    const list = () => Array.isArray(a.value)
        ? a.value.map(text)
        : text(a.value)
            .split(',')
            .map((s) => s.trim());
    switch (base) {
        case 'contains-all':
        case 'icontains-all': {
            if (negated)
                unsupported('(none of all) has no promptgate form; use not-contains for each value');
            return list().map((v) => ({ type: base === 'contains-all' ? 'contains' : 'icontains', value: v }));
        }
        case 'contains-any':
        case 'icontains-any': {
            const values = list();
            if (negated)
                return values.map((v) => ({ type: base === 'contains-any' ? 'not_contains' : 'not_icontains', value: v }));
            return [{ type: 'regex', value: values.map(quoteRe2).join('|'), ...(base === 'icontains-any' ? { ignore_case: true } : {}) }];
        }
        case 'is-json':
        case 'contains-json': {
            const schema = schemaValue(a.value, where, a.type);
            const spec = contains_json/* ContainsJsonSpecSchema */.ME.parse({ type: `${not}contains_json`, ...(base === 'is-json' ? { whole: true } : {}), ...(schema !== undefined ? { value: schema } : {}) });
            return [spec];
        }
        case 'llm-rubric': {
            if (negated)
                unsupported('is negated, which promptgate does not grade');
            // Graded as promptfoo grades it: its own grading prompt and its reading of the judge's reply (docs/formats.md).
            return [{ type: 'llm_rubric', value: text(a.value), ...(a.threshold !== undefined ? { threshold: a.threshold } : {}), semantics: schema/* PROMPTFOO */.Pb }];
        }
        case 'latency': {
            if (negated || a.threshold === undefined)
                unsupported('needs a threshold (milliseconds)');
            return [{ type: 'max_latency_ms', value: a.threshold }];
        }
        case 'javascript':
        case 'python':
        case 'ruby':
        case 'webhook':
            return unsupported('runs code, which promptgate never does with a file from the repository');
        default:
            return unsupported('is not one promptgate runs');
    }
}
/** A literal for RE2: every metacharacter escaped. */
function quoteRe2(text) {
    return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
function schemaValue(value, where, type) {
    if (value === undefined || value === null || value === '')
        return undefined;
    let schema = value;
    if (typeof value === 'string') {
        if (value.startsWith('file://'))
            throw new errors.PromptgateError(`${type} names a schema file, which promptgate does not read`, { ...where, hint: 'write the JSON Schema inline under value:' });
        try {
            schema = (0,dist/* parse */.qg)(value);
        }
        catch {
            throw new errors.PromptgateError(`${type} value is not a JSON Schema`, { ...where, hint: 'write the schema as a YAML mapping under value:' });
        }
    }
    if (typeof schema === 'boolean')
        return schema;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
        throw new errors.PromptgateError(`${type} value is not a JSON Schema`, { ...where, hint: 'write the schema as a YAML mapping under value:' });
    return schema;
}

;// CONCATENATED MODULE: ./src/config/load.ts





/** Where promptgate looks for its config, in order (docs/contract.md §2). */
const CONFIG_PATHS = ['promptgate.yml', '.github/promptgate.yml'];
/** Parse and validate `promptgate.yml` text. Pure: the caller reads the file (from disk or from a git commit). */
function parseConfig(file, text) {
    const source = (0,yaml/* parseYamlSource */.WF)(file, text);
    if (source.value === null || source.value === undefined) {
        throw new errors.PromptgateError('is empty', { file, hint: 'start from `npx promptgate init`, or see the README for the format' });
    }
    const config = (0,yaml/* parseWithSchema */.fe)(config_schema/* ConfigSchema */.Sk, source, 'config');
    const names = new Set();
    config.suites.forEach((suite, i) => {
        if (names.has(suite.name)) {
            throw new errors.PromptgateError(`two suites are named "${suite.name}"`, {
                file,
                line: source.lineOf(['suites', i, 'name']),
                hint: 'give every suite a unique name; it is how reports and checks refer to it',
            });
        }
        names.add(suite.name);
        for (const key of ['prompt', 'cases']) {
            const value = suite[key];
            if (value !== undefined)
                assertInsideRepo(value, { file, line: source.lineOf(['suites', i, key]), key });
        }
    });
    assertInsideRepo(config.run.cache_dir, { file, line: source.lineOf(['run', 'cache_dir']), key: 'cache_dir' });
    return config;
}
/** Paths in the config are repo-relative and must stay inside the repo. */
function assertInsideRepo(path, where) {
    const normal = external_node_path_.posix.normalize(path.replaceAll('\\', '/'));
    if (external_node_path_.posix.isAbsolute(normal) || normal === '..' || normal.startsWith('../')) {
        throw new errors.PromptgateError(`${where.key} "${path}" points outside the repository`, {
            file: where.file,
            line: where.line,
            hint: 'use a path relative to the repository root, without leading "/" or ".."',
        });
    }
}
/**
 * Expand `${VAR}` references (allowed in `base_url` and `model` only, docs/contract.md §2). An unset variable is an error,
 * never an empty string: a silently empty base URL would send requests somewhere unintended.
 */
function expandEnv(value, env, where) {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name) => {
        const v = env[name];
        if (v === undefined || v === '') {
            throw new errors.PromptgateError(`${where.key} refers to \${${name}}, which is not set`, {
                file: where.file,
                hint: `set the environment variable ${name}, or write the value in ${where.key} directly`,
            });
        }
        return v;
    });
}
/**
 * The config at one side of the comparison: `configPath` when given, else the first of CONFIG_PATHS that exists.
 * `read` returns a file's text or null (from a commit, or from the working tree). null config: zero-config mode.
 * A promptfoo config (`--config promptfooconfig.yaml`, see docs/formats.md) gives a promptgate config whose suites'
 * `cases` is the config file itself, and `cases`: its tests, read at the same commit.
 */
async function findConfig(read, configPath) {
    for (const path of configPath ? [configPath] : CONFIG_PATHS) {
        const text = await read(path);
        if (text === null)
            continue;
        if (configPath && (0,promptfoo/* isPromptfooConfig */.LO)(path, (0,yaml/* parseYamlSource */.WF)(path, text).value)) {
            const { config, cases } = await parsePromptfooConfig(path, text, read);
            return { config, configFile: path, text, cases };
        }
        return { config: parseConfig(path, text), configFile: path, text };
    }
    return { config: null, configFile: null, text: null };
}


/***/ }),

/***/ 90131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sk: () => (/* binding */ ConfigSchema),
/* harmony export */   ZM: () => (/* binding */ GateSchema),
/* harmony export */   nl: () => (/* binding */ RunSchema)
/* harmony export */ });
/* unused harmony exports PricingSchema, ProviderSchema, SuiteSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45586);
/* harmony import */ var _assertions_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55834);
/* harmony import */ var _prompts_params_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19425);



/** `promptgate.yml` (docs/contract.md §2). Every object is strict: an unknown key is an error, never ignored. */
const PricingSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    input_per_mtok: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().nonnegative(),
    output_per_mtok: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().nonnegative(),
});
// Model parameters belong to the prompt formats, below the config (docs/architecture.md, "Layers"); the config's
// users take them from here as before.

const ProviderSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    model: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional(),
    base_url: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional(),
    api_key_env: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name like OPENAI_API_KEY')
        .optional(),
    params: _prompts_params_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelParamsSchema */ .H.optional(),
    pricing: PricingSchema.optional(),
});
const SuiteSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
    prompt: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1),
    cases: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional(),
    assert: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_assertions_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .AssertionSpecSchema */ .Rf).optional(),
    repeats: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(100).optional(),
    provider: ProviderSchema.optional(),
    // Suite-level shorthands for the most common overrides (equivalent to provider.model / provider.params).
    model: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).optional(),
    params: _prompts_params_js__WEBPACK_IMPORTED_MODULE_1__/* .ModelParamsSchema */ .H.optional(),
});
const GateSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    confidence: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().gt(0.5).lt(1).default(0.95),
    pass_rate: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ max_drop: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(1).default(0) }).default({ max_drop: 0 }),
    latency_p95: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ max_increase: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).default(0.25) }).optional(),
    cost: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ max_increase: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).default(0.2) }).optional(),
    max_error_rate: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(1).default(0.05),
    inconclusive: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['neutral', 'failure']).default('neutral'),
    /** The rule on the cases tagged `holdout` alone (docs/contract.md §15); absent: pass_rate's max_drop (docs/change-note.md). */
    holdout: zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ max_drop: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(1).default(0) }).optional(),
});
const RunSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    concurrency: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(1).max(256).default(8),
    timeout_s: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().default(60),
    max_retries: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().min(0).max(20).default(5),
    budget_usd: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().optional(),
    cache_dir: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().default('.promptgate/cache'),
    /** Client-side requests-per-minute limit (0 or absent: none). Extension, see README. */
    rpm: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().optional(),
    /** Client-side tokens-per-minute limit (0 or absent: none). Extension, see README. */
    tpm: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().optional(),
    /** `fixed`: every case gets `repeats` samples. `sequential`: rounds that stop when every gated rule is decided,
     *  `repeats` is then the most a case may get (docs/sequential.md). */
    sampling: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['fixed', 'sequential']).default('fixed'),
});
const ConfigSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(1),
    provider: ProviderSchema.default({}),
    suites: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(SuiteSchema).min(1),
    gate: GateSchema.default(GateSchema.parse({})),
    run: RunSchema.default(RunSchema.parse({})),
});


/***/ }),

/***/ 66959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UQ: () => (/* binding */ jsonSyntaxError),
/* harmony export */   X0: () => (/* binding */ parseJsonSource),
/* harmony export */   df: () => (/* binding */ positionOf),
/* harmony export */   ff: () => (/* binding */ topLevelElementLines),
/* harmony export */   q$: () => (/* binding */ checkJsonText)
/* harmony export */ });
/* unused harmony export jsonOffsetOf */
/* harmony import */ var _config_limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59304);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);


/** 1-based line and column of a character offset. */
function positionOf(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
const QUOTE = 34; // "
const BACKSLASH = 92;
const NEWLINE = 10;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;
/**
 * One pass over JSON text before `JSON.parse` sees it, outside strings: nesting deeper than MAX_DEPTH, more than
 * MAX_JSON_VALUES values and an object with more than MAX_KEYS keys are errors at their line and column.
 * `JSON.parse` itself does not recurse, but what it builds would: a 4 MB file of `[` is two million nested arrays,
 * which every later step (zod, hashing, `JSON.stringify`) walks recursively; and memory follows the number of
 * values, not the bytes (see docs/input-limits.md). Invalid JSON passes through; `JSON.parse` reports it.
 */
function checkJsonText(text, opts) {
    let depth = 0;
    let values = 0;
    let topCommas = 0;
    let topArray;
    // Per open level: whether it is an object, and how many commas it has had so far.
    const isObject = new Uint8Array(_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DEPTH */ .lr + 1);
    const commas = new Uint32Array(_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DEPTH */ .lr + 1);
    let inString = false;
    const at = (i, error) => {
        if (opts.pinpoint === false)
            return error(opts.where);
        const { line, column } = positionOf(text, i);
        const first = opts.where.line ?? 1;
        return error({ ...opts.where, line: first + line - 1, ...(line === 1 && opts.where.column !== undefined ? { column: opts.where.column + column - 1 } : { column }) });
    };
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === BACKSLASH)
                i++;
            else if (c === QUOTE)
                inString = false;
            else if (c === NEWLINE && opts.lines)
                inString = false;
            continue;
        }
        if (c === QUOTE)
            inString = true;
        else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
            topArray ??= c === OPEN_SQUARE;
            if (++depth > _config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DEPTH */ .lr)
                throw at(i, (where) => (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .depthError */ .Cu)(where));
            isObject[depth] = c === OPEN_CURLY ? 1 : 0;
            commas[depth] = 0;
            if (++values > _config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_JSON_VALUES */ .H6)
                throw at(i, tooManyValues);
        }
        else if (c === CLOSE_SQUARE || c === CLOSE_CURLY)
            depth = Math.max(0, depth - 1);
        else if (c === 44) {
            if (++values > _config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_JSON_VALUES */ .H6)
                throw at(i, tooManyValues);
            if (depth === 1)
                topCommas++;
            if (depth > 0 && ++commas[depth] >= _config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_KEYS */ .aF && isObject[depth])
                throw at(i, tooManyKeys);
        }
        else if (c === NEWLINE && opts.lines)
            depth = 0;
    }
    return { topLevelItems: topArray ? topCommas + 1 : 0 };
}
const tooManyValues = (where) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`has more than ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_JSON_VALUES */ .H6)} JSON values, the limit for one file`, {
    ...where,
    hint: 'split the data into several files (for an eval set: several suites), or keep only what the prompts use',
});
const tooManyKeys = (where) => new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`has an object with more than ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .formatCount */ .B4)(_config_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_KEYS */ .aF)} keys, the limit for one object`, {
    ...where,
    hint: 'an object with this many keys is data, not settings or variables: make it a list, or keep only the keys the prompts use',
});
/**
 * JSON text parsed by `JSON.parse` (the value is exactly what JSON says), checked first by `checkJsonText` (and by
 * `beforeParse`, which sees the number of items of a top-level array: its commas + 1). Line
 * numbers for later schema errors come from a scan of the text to the place a path names, only when a message
 * needs one. A syntax error names its line and column.
 */
function parseJsonSource(file, text, what, beforeParse) {
    const scan = checkJsonText(text, { where: { file } });
    beforeParse?.(scan);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        throw jsonSyntaxError(file, text, err, `${what}; check the commas, quotes and brackets around that place`);
    }
    return {
        file,
        value,
        lineOf(path, key) {
            const offset = jsonOffsetOf(text, path, key);
            return offset === undefined ? undefined : positionOf(text, offset).line;
        },
    };
}
/** `JSON.parse`'s error as a PromptgateError at its line and column. */
function jsonSyntaxError(file, text, err, hint) {
    const message = err.message;
    const at = /at position (\d+)/.exec(message);
    const where = at ? positionOf(text, Number(at[1])) : text.trim() === '' ? { line: 1, column: 1 } : positionOf(text, text.length);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { file, ...where, hint });
}
const isSpace = (c) => c === 32 || c === 9 || c === 10 || c === 13;
function skipSpace(text, i) {
    while (i < text.length && isSpace(text.charCodeAt(i)))
        i++;
    return i;
}
/** Index just past the string starting at `i` (a `"`). */
function skipString(text, i) {
    for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === BACKSLASH)
            i++;
        else if (c === QUOTE)
            return i + 1;
    }
    return i;
}
/** Index just past the value starting at `i`. The text is valid JSON (JSON.parse accepted it). */
function skipValue(text, i) {
    const c = text.charCodeAt(i);
    if (c === QUOTE)
        return skipString(text, i);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
        let depth = 0;
        for (; i < text.length; i++) {
            const d = text.charCodeAt(i);
            if (d === QUOTE)
                i = skipString(text, i) - 1;
            else if (d === OPEN_SQUARE || d === OPEN_CURLY)
                depth++;
            else if ((d === CLOSE_SQUARE || d === CLOSE_CURLY) && --depth === 0)
                return i + 1;
        }
        return i;
    }
    while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 44 || d === CLOSE_SQUARE || d === CLOSE_CURLY || isSpace(d))
            break;
        i++;
    }
    return i;
}
/**
 * Offsets of the members of the object at `i`: each key's start and its value's start. A key given twice counts
 * at its last place, as `JSON.parse` keeps the last value.
 */
function findMember(text, i, name) {
    if (text.charCodeAt(i) !== OPEN_CURLY)
        return undefined;
    let found;
    i = skipSpace(text, i + 1);
    while (i < text.length && text.charCodeAt(i) === QUOTE) {
        const keyEnd = skipString(text, i);
        const key = JSON.parse(text.slice(i, keyEnd));
        const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (key === name)
            found = { key: i, value };
        i = skipSpace(text, skipValue(text, value));
        if (text.charCodeAt(i) !== 44)
            break;
        i = skipSpace(text, i + 1);
    }
    return found;
}
/**
 * Offset of the value at `path` in valid JSON text (or of `key` inside it), by a scan that skips everything else:
 * linear time, no memory beyond the text. Undefined when the path is not there.
 */
function jsonOffsetOf(text, path, key) {
    let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    for (const step of path) {
        if (typeof step === 'number') {
            if (text.charCodeAt(i) !== OPEN_SQUARE)
                return undefined;
            i = skipSpace(text, i + 1);
            for (let n = 0; n < step; n++) {
                if (i >= text.length || text.charCodeAt(i) === CLOSE_SQUARE)
                    return undefined;
                i = skipSpace(text, skipValue(text, i));
                if (text.charCodeAt(i) !== 44)
                    return undefined;
                i = skipSpace(text, i + 1);
            }
            if (i >= text.length || text.charCodeAt(i) === CLOSE_SQUARE)
                return undefined;
        }
        else {
            const member = findMember(text, i, String(step));
            if (!member)
                return undefined;
            i = member.value;
        }
    }
    if (key === undefined)
        return i;
    return findMember(text, i, key)?.key ?? i;
}
/**
 * 1-based start line of each element of a top-level JSON array, by one scan of the text (strings and nesting
 * tracked), so every case of a large .json eval set gets its line without a second full parse.
 */
function topLevelElementLines(text) {
    const lines = [];
    let line = 1;
    let depth = 0;
    let inString = false;
    let expectValue = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\n')
            line++;
        if (inString) {
            if (ch === '\\')
                i++;
            else if (ch === '"')
                inString = false;
            continue;
        }
        if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n')
            continue;
        if (depth === 1 && expectValue && ch !== ']') {
            lines.push(line);
            expectValue = false;
        }
        if (ch === '"')
            inString = true;
        else if (ch === '[' || ch === '{') {
            depth++;
            if (depth === 1)
                expectValue = true;
        }
        else if (ch === ']' || ch === '}')
            depth--;
        else if (ch === ',' && depth === 1)
            expectValue = true;
    }
    return lines;
}


/***/ }),

/***/ 94551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ MessageSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45586);

const ROLES = ['system', 'developer', 'user', 'assistant'];
/** One chat message as files write it. Roles are case-insensitive, as `gh models` reads them. */
const MessageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    role: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
        .transform((role) => role.toLowerCase())
        .pipe(zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(ROLES, { error: () => `a role must be one of ${ROLES.join(', ')}` })),
    content: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP({
        error: (issue) => (issue.input === undefined ? 'content is missing' : 'content must be text (quote it if it looks like a number, list or mapping)'),
    }),
});


/***/ }),

/***/ 19425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ ModelParamsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(45586);

/**
 * Model parameters sent with every call. Known ones are typed; others pass through to the endpoint as-is. A prompt
 * file may set them (front matter, `modelParameters`), and so may promptgate.yml: they live here, with the prompt
 * formats, and the config's schema (src/config/schema.ts) takes them from here (see docs/architecture.md, "Layers").
 */
const ModelParamsSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    temperature: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(2).optional(),
    max_tokens: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().optional(),
    top_p: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1).optional(),
    seed: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().optional(),
    stop: zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP())]).optional(),
    response_format: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
});


/***/ }),

/***/ 12985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LO: () => (/* binding */ isPromptfooConfig),
/* harmony export */   Sh: () => (/* binding */ promptfooInlinePrompt),
/* harmony export */   ad: () => (/* binding */ PromptfooSchema)
/* harmony export */ });
/* unused harmony export PROMPTFOO_CONFIG */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(45586);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _source_yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89094);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94551);




/**
 * What the prompt readers need of a promptfoo config (see docs/formats.md, "promptfoo configs"): whether a file is
 * one, its top-level shape, and its one inline prompt when the config file is a suite's prompt file. The config
 * reader (src/config/promptfoo.ts) builds on these; they live here, below it (docs/architecture.md, "Layers").
 */
/** `promptfooconfig.yaml` / `.yml`, anywhere in the repo. */
const PROMPTFOO_CONFIG = /(^|\/)promptfooconfig\.ya?ml$/i;
/** Whether a config file is a promptfoo config: by name, or by promptfoo's top-level keys. */
function isPromptfooConfig(path, value) {
    if (PROMPTFOO_CONFIG.test(path))
        return true;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    return !('version' in value) && ['prompts', 'providers', 'tests'].some((k) => k in value);
}
const ProviderObjectSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ id: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().min(1), label: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(), config: zod__WEBPACK_IMPORTED_MODULE_3__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J()).optional() });
const PromptObjectSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({ raw: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(), id: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(), label: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional() });
/** A promptfoo config's top level, as promptgate reads it (src/config/promptfoo.ts checks the rest). */
const PromptfooSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .looseObject */ ._H3({
    description: zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP().optional(),
    prompts: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), PromptObjectSchema]))]),
    providers: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), ProviderObjectSchema]))]),
    defaultTest: zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J().optional(),
    tests: zod__WEBPACK_IMPORTED_MODULE_3__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_3__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_3__/* .unknown */ .L5J())]).optional(),
});
/**
 * The prompt of a promptfoo config that has one inline prompt: the config file is then the suite's prompt file.
 * A prompt that is a JSON list of messages is a chat prompt, as in promptfoo; other text is one user message.
 */
function promptfooInlinePrompt(file, text) {
    const source = (0,_source_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYamlSource */ .WF)(file, text, 0, 'prompt');
    const pf = (0,_source_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseWithSchema */ .fe)(PromptfooSchema, source, 'promptfoo config');
    const list = typeof pf.prompts === 'string' ? [pf.prompts] : pf.prompts;
    const first = list[0];
    const raw = typeof first === 'string' ? first : first?.raw;
    if (list.length !== 1 || raw === undefined || raw.startsWith('file://')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError('is not a prompt file: its prompts are in other files', { file, line: source.lineOf(['prompts']), hint: 'point the suite at the prompt files the config lists' });
    }
    const line = source.lineOf(typeof pf.prompts === 'string' ? ['prompts'] : ['prompts', 0]);
    if (/^\s*\[/.test(raw)) {
        let messages;
        try {
            messages = JSON.parse(raw);
        }
        catch {
            messages = undefined;
        }
        const parsed = zod__WEBPACK_IMPORTED_MODULE_3__/* .array */ .YOg(_messages_js__WEBPACK_IMPORTED_MODULE_2__/* .MessageSchema */ .R).min(1).safeParse(messages);
        if (parsed.success)
            return { path: file, format: 'chat', messages: parsed.data, params: {} };
    }
    if (raw.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__.PromptgateError('has an empty prompt', { file, line, hint: 'write the prompt text' });
    return { path: file, format: 'text', messages: [{ role: 'user', content: raw }], params: {} };
}


/***/ }),

/***/ 89094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WF: () => (/* binding */ parseYamlSource),
/* harmony export */   fe: () => (/* binding */ parseWithSchema),
/* harmony export */   kp: () => (/* binding */ closest)
/* harmony export */ });
/* unused harmony export editDistance */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48992);
/* harmony import */ var _config_limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59304);




/**
 * Parse YAML from outside input within the limits of docs/input-limits.md: the file's size for its `kind`, at most
 * MAX_YAML_TOKENS tokens and MAX_DEPTH levels of nesting, both checked while the text is tokenised (before the
 * recursive part of the parser runs), and aliases that expand to no more than the file's own limits.
 * `kind` defaults to 'config': a new caller gets the strictest size limit until it says otherwise.
 */
function parseYamlSource(file, text, lineOffset = 0, kind = 'config') {
    (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .checkSize */ .C1)(kind, file, text);
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const lineAt = (offset) => lineCounter.linePos(offset).line + lineOffset;
    const doc = (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .guardParse */ .LL)(file, 'YAML', () => composeBounded(file, text, lineCounter, lineAt));
    const first = doc.errors[0];
    if (first) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`is not valid YAML: ${first.message.split('\n')[0]}`, {
            file,
            line: lineAt(first.pos[0]),
            hint: 'check indentation and quoting on that line (a value starting with { [ * & ! | > @ or ` needs quotes)',
        });
    }
    const aliases = checkNodes(doc, file, lineAt);
    // Aliases are not expanded by toJS (an aliased value is shared), but everything after parsing walks values as
    // trees; the expanded tree must fit the limits the file itself has to.
    const value = (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .guardParse */ .LL)(file, 'YAML', () => doc.toJS({ maxAliasCount: -1 }));
    if (aliases)
        (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .checkValueShape */ .pw)(value, { file }, { maxNodes: _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_YAML_TOKENS */ .yw, maxChars: _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_FILE_BYTES */ .gZ[kind] });
    return {
        file,
        value,
        lineOf(path, key) {
            const node = doc.getIn(path, true);
            if (key !== undefined && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
                const pair = node.items.find((p) => (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(p.key) && p.key.value === key);
                if (pair && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(pair.key) && pair.key.range)
                    return lineAt(pair.key.range[0]);
            }
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) && node.range)
                return lineAt(node.range[0]);
            return undefined;
        },
    };
}
/**
 * `parseDocument`, taken apart so that the lexer's tokens can be counted and the CST parser's stack (one entry per
 * open collection) watched as they come: the composer after it recurses once per level of nesting, and the parser
 * keeps every token of a document until it ends, so both limits must hold before either runs out of hand.
 */
function composeBounded(file, text, lineCounter, lineAt) {
    const parser = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX(lineCounter.addNewLine);
    function* tokens() {
        lineCounter.addNewLine(0);
        let count = 0;
        for (const lexeme of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Lexer */ .JG().lex(text)) {
            if (++count > _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_YAML_TOKENS */ .yw) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`has more than ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_YAML_TOKENS */ .yw)} YAML tokens (values, keys, indicators and line breaks), the limit for one YAML file`, {
                    file,
                    line: lineAt(parser.offset),
                    hint: 'a file this large reads faster and in less memory as JSON Lines (.jsonl); for an eval set, convert it, or split it into several suites',
                });
            }
            yield* parser.next(lexeme);
            // The stack holds the document, then one entry per open collection, plus the scalar being read.
            if (parser.stack.length > _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DEPTH */ .lr + 2)
                throw (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .depthError */ .Cu)({ file, line: lineAt(parser.offset) });
        }
        yield* parser.end();
    }
    // Duplicate keys are found in checkNodes: the yaml package's own check compares every pair of keys of a mapping.
    const composer = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Composer */ .Dk({ uniqueKeys: false });
    let doc;
    for (const d of composer.compose(tokens(), true, text.length)) {
        if (!doc)
            doc = d;
        else {
            doc.errors.push(...d.errors);
            if (doc.errors.length === 0) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError('holds more than one YAML document', {
                    file,
                    line: d.range ? lineAt(d.range[0]) : undefined,
                    hint: 'remove the second "---" line (a file holds one document)',
                });
            }
            break;
        }
    }
    return doc;
}
/**
 * One iterative walk over the parsed nodes: nesting depth (exact; the token-time check allows for the parser's own
 * entries), and keys that occur twice in one mapping, in linear time. Returns whether the document uses aliases.
 */
function checkNodes(doc, file, lineAt) {
    let aliases = false;
    const stack = [{ node: doc.contents, depth: 0 }];
    while (stack.length > 0) {
        const { node, depth } = stack.pop();
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node))
            aliases = true;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            continue;
        const line = node.range ? lineAt(node.range[0]) : undefined;
        if (depth + 1 > _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DEPTH */ .lr)
            throw (0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .depthError */ .Cu)({ file, ...(line !== undefined ? { line } : {}) });
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) && node.items.length > _config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_KEYS */ .aF) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`has a mapping with ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(node.items.length)} keys, more than the limit of ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_KEYS */ .aF)} keys per mapping`, {
                file,
                ...(line !== undefined ? { line } : {}),
                hint: 'a mapping with this many keys is data, not settings or variables: make it a list, or keep only the keys the prompts use',
            });
        }
        const keys = new Set();
        for (const item of node.items) {
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(item)) {
                const key = item.key;
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(key)) {
                    if (keys.has(key.value)) {
                        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError('is not valid YAML: Map keys must be unique', {
                            file,
                            ...(key.range ? { line: lineAt(key.range[0]) } : {}),
                            hint: `"${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(String(key.value), 80)}" appears twice in the same mapping; keep one`,
                        });
                    }
                    keys.add(key.value);
                }
                stack.push({ node: key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
            }
            else
                stack.push({ node: item, depth: depth + 1 });
        }
    }
    return aliases;
}
/** Edit distance, for "did you mean" on unknown keys. Small inputs only (key names). */
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diag = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const up = row[j];
            row[j] = Math.min(up + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = up;
        }
    }
    return row[b.length];
}
function closest(word, candidates) {
    let best;
    let bestDistance = Infinity;
    const threshold = Math.max(2, Math.floor(word.length / 3));
    for (const c of candidates) {
        // The distance is at least the difference in length: a long key costs nothing against short candidates.
        if (Math.abs(word.length - c.length) > threshold)
            continue;
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [c, d];
    }
    return bestDistance <= threshold ? best : undefined;
}
/** Keys a strict zod object accepts at `path`, for "did you mean". */
function knownKeysAt(schema, path) {
    let node = schema;
    for (const step of path) {
        node = unwrap(node);
        const def = node.def;
        if (!def)
            return [];
        if (def.type === 'object')
            node = def.shape[String(step)];
        else if (def.type === 'array')
            node = def.element;
        else if (def.type === 'union')
            return [];
        else
            return [];
    }
    node = unwrap(node);
    const def = node.def;
    return def?.type === 'object' ? Object.keys(def.shape) : [];
}
function unwrap(node) {
    for (;;) {
        const def = node?.def;
        if (!def)
            return node;
        if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault')
            node = def.innerType;
        else if (def.type === 'pipe')
            node = def.in;
        else
            return node;
    }
}
const pathText = (path) => path.length === 0
    ? '(top level)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
/**
 * Validate a parsed YAML/JSON value with a zod schema; on failure throw one PromptgateError that names the file,
 * the line of the first problem, every problem as `path: message`, and a "did you mean" for unknown keys.
 */
function parseWithSchema(schema, source, what) {
    const result = schema.safeParse(source.value);
    if (result.success)
        return result.data;
    const problems = [];
    let line;
    let hint;
    // A broken file can hold a million problems; the first few tell the user what to fix.
    const SHOWN = 10;
    let more = 0;
    for (const issue of result.error.issues) {
        if (problems.length >= SHOWN) {
            more += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
            continue;
        }
        if (issue.code === 'unrecognized_keys') {
            const room = SHOWN - problems.length;
            more += Math.max(0, issue.keys.length - room);
            for (const key of issue.keys.slice(0, room)) {
                const suggestion = closest(key, knownKeysAt(schema, issue.path));
                problems.push(`unknown key "${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(key, 80)}" in ${pathText(issue.path)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
                line ??= source.lineOf(issue.path, key);
                hint ??= suggestion ? `rename "${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(key, 80)}" to "${suggestion}"` : `remove "${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$)(key, 80)}"; allowed keys here: ${knownKeysAt(schema, issue.path).join(', ') || '(see README)'}`;
            }
        }
        else {
            problems.push(`${pathText(issue.path)}: ${issue.message}`);
            line ??= source.lineOf(issue.path) ?? source.lineOf(issue.path.slice(0, -1));
        }
    }
    if (more > 0)
        problems.push(`… and ${(0,_config_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .formatCount */ .B4)(more)} more`);
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__.PromptgateError(`${what} is invalid: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`, { file: source.file, line, hint });
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