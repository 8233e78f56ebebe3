import { checkCount, checkSize, guardParse } from '../config/limits.js';
import { PromptgateError } from '../errors.js';
import { derivedCaseId, normaliseCases } from './normalise.js';
import { readCsv, readJson, readJsonl, readYaml, type RawCase } from './readers.js';
import type { EvalCase } from './types.js';

export type { EvalCase } from './types.js';
export { derivedCaseId };

const READERS: [RegExp, (path: string, text: string) => RawCase[]][] = [
  [/\.jsonl$/i, readJsonl],
  [/\.json$/i, readJson],
  [/\.ya?ml$/i, readYaml],
  [/\.csv$/i, readCsv],
];

/** Whether `parseCases` reads this path's format (by extension). */
export function isCasesPath(path: string): boolean {
  return READERS.some(([ext]) => ext.test(path));
}

/**
 * Parse an eval set (`.jsonl`, `.json`, `.yaml`/`.yml`, `.csv`) into normalised cases (docs/contract.md §1). Pure: the caller
 * reads the text. Problems are PromptgateErrors naming the file, the line and, where known, the case.
 */
export function parseCases(path: string, text: string): EvalCase[] {
  const reader = READERS.find(([ext]) => ext.test(path))?.[1];
  if (!reader) {
    throw new PromptgateError('is not an eval-set format promptgate reads', { file: path, hint: 'use .jsonl, .json, .yaml/.yml or .csv' });
  }
  // Size, nesting and counts are checked before the text is parsed (see docs/input-limits.md); whatever still
  // escapes a parser (a stack overflow, a library's internal error) is reported against this file.
  checkSize('cases', path, text);
  return guardParse(path, 'an eval set', () => {
    const rows = reader(path, text);
    if (rows.length === 0) {
      throw new PromptgateError('has no cases', { file: path, hint: 'add at least one case, e.g. {"vars": {"question": "..."}, "expected": "..."}' });
    }
    return normaliseCases(rows, path);
  });
}

/**
 * GitHub Models `testData` rows as cases. As in `gh models eval`, a row is a flat record and every key is a
 * template variable (`expected`, `id` and `tags` included). A row is named by its file and 1-based position,
 * `summarise.prompt.yml#3`, in the note, the report and every error, so a reader can find it. `path` is the prompt
 * file the rows came from.
 */
export function casesFromRows(rows: Record<string, unknown>[], path: string): EvalCase[] {
  if (rows.length === 0) throw new PromptgateError('has an empty testData', { file: path, hint: 'add at least one row to testData' });
  checkCount('cases', rows.length, { file: path });
  return rows.map((row, i) => {
    const id = testDataRowId(path, i);
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      throw new PromptgateError(`testData row ${i + 1} must be a mapping of variables`, { file: path, caseId: id, hint: 'write each row as `- { name: value, expected: value }`' });
    }
    const vars = { ...row };
    return { id, vars, ...(Object.hasOwn(row, 'expected') ? { expected: row.expected } : {}), tags: [], assert: [] };
  });
}

/** `file#row`: the prompt file's name and the row's 1-based position in its `testData`. */
export function testDataRowId(path: string, index: number): string {
  return `${path.split('/').pop()}#${index + 1}`;
}
