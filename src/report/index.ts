/**
 * The report stage: the JSON report (schema, write, read back) and the change note rendered from it alone, so a
 * report read from disk or merged from shards renders the same note.
 */
export { renderChangeNote, type NoteOptions } from './markdown.js';
export { headline, checkTitle } from './headline.js';
export { escapeInline, fencedBlock, inlineCode, inertCode } from './escape.js';
export { writeJsonReport, parseJsonReport } from './json.js';
export { caseOutputs, type VariantOutputs } from '../results/case-outputs.js';
export { ReportSchema, type Report, type SuiteReport, type Verdict } from './schema.js';
