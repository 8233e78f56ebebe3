import { z } from 'zod';
import { PromptgateError } from '../errors.js';
import { ReportSchema, type Report } from './schema.js';

/** The JSON report as written to disk: validated against the schema first, so a file on disk always reads back. */
export function writeJsonReport(report: Report): string {
  return JSON.stringify(ReportSchema.parse(report), null, 2) + '\n';
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * A JSON report read back (for `promptgate merge`, and to render a note from a report on disk). Every problem is a
 * PromptgateError naming the file, and the line for a syntax error.
 */
export function parseJsonReport(text: string, file: string): Report {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = (err as Error).message;
    // V8 says "… in JSON at position 42" (Node 20) and may add "(line 3 column 5)" (Node 22+).
    const position = /position (\d+)/.exec(message);
    const where = position ? lineAndColumn(text, Number(position[1])) : {};
    throw new PromptgateError(`is not valid JSON: ${message}`, { file, ...where, hint: 'Pass the file written by `promptgate run --json FILE`.' });
  }
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (typeof version === 'number' && version !== 1) {
    throw new PromptgateError(`has schema_version ${version}; this promptgate reads version 1`, { file, hint: 'Use the promptgate version that wrote the report.' });
  }
  const parsed = ReportSchema.safeParse(value);
  if (!parsed.success) {
    throw new PromptgateError(`is not a promptgate report:\n${z.prettifyError(parsed.error)}`, { file, hint: 'Pass the file written by `promptgate run --json FILE`.' });
  }
  return parsed.data;
}
