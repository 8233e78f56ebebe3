"use strict";
exports.id = 549;
exports.ids = [549];
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








/***/ })

};
;