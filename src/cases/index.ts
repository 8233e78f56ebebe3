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
 * Parse an eval set (`.jsonl`, `.json`, `.yaml`/`.yml`, `.csv`) into normalised cases (DESIGN §1). Pure: the caller
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
 * GitHub Models `testData` rows (flat records whose keys are the template variables, `expected` among them) as
 * cases. `path` is the prompt file they came from; rows are named `testData[i]` in messages.
 */
export function casesFromRows(rows: Record<string, unknown>[], path: string): EvalCase[] {
  if (rows.length === 0) throw new PromptgateError('has an empty testData', { file: path, hint: 'add at least one row to testData' });
  checkCount('cases', rows.length, { file: path });
  return normaliseCases(rows.map((value, i) => ({ value, label: `testData[${i}]` })), path);
}
