import { z } from 'zod';
import { PromptgateError } from '../errors.js';
import { ReportSchema, type Report } from './schema.js';

export { renderChangeNote, headline, checkTitle, type NoteOptions } from './markdown.js';
export { escapeInline, fencedBlock, inlineCode } from './escape.js';
export { ReportSchema, type Report, type SuiteReport, type Verdict } from './schema.js';

/** The JSON report as written to disk: validated against the exported schema first. */
export function writeJsonReport(report: Report): string {
  return JSON.stringify(ReportSchema.parse(report), null, 2) + '\n';
}

export function parseJsonReport(text: string, file: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PromptgateError(`is not JSON: ${(err as Error).message}`, { file });
  }
  const parsed = ReportSchema.safeParse(value);
  if (!parsed.success) throw new PromptgateError(`is not a promptgate report: ${z.prettifyError(parsed.error)}`, { file });
  return parsed.data;
}
