import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { AssertionSpecSchema, type AssertionSpec } from '../assertions/schema.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { PromptgateError } from '../errors.js';
import type { EvalCase } from './types.js';

export type { EvalCase } from './types.js';

const RESERVED = new Set(['id', 'vars', 'expected', 'tags', 'assert']);

const RecordSchema = z.record(z.string(), z.unknown());

/** Parse an eval set (.jsonl, .json, .yaml/.yml, .csv) into normalised cases (DESIGN §1). */
export function parseCases(path: string, text: string): EvalCase[] {
  const rows: { row: unknown; line?: number }[] = [];
  if (/\.jsonl$/i.test(path)) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        rows.push({ row: JSON.parse(line), line: i + 1 });
      } catch (err) {
        throw new PromptgateError(`line is not valid JSON: ${(err as Error).message}`, { file: path, line: i + 1, hint: 'each line of a .jsonl file is one JSON object' });
      }
    });
  } else if (/\.json$/i.test(path)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new PromptgateError(`is not valid JSON: ${(err as Error).message}`, { file: path, hint: 'a .json eval set is an array of case objects' });
    }
    if (!Array.isArray(value)) throw new PromptgateError('must be a JSON array of cases', { file: path });
    value.forEach((row) => rows.push({ row }));
  } else if (/\.ya?ml$/i.test(path)) {
    const source = parseYamlSource(path, text);
    if (!Array.isArray(source.value)) throw new PromptgateError('must be a YAML list of cases', { file: path, hint: 'start each case with "- "' });
    source.value.forEach((row, i) => rows.push({ row, line: source.lineOf([i]) }));
  } else if (/\.csv$/i.test(path)) {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parseCsv(text, { columns: true, skip_empty_lines: true, info: true, bom: true }) as typeof records;
    } catch (err) {
      throw new PromptgateError(`is not valid CSV: ${(err as Error).message}`, { file: path, line: (err as { lines?: number }).lines });
    }
    for (const { record, info } of records) {
      const row: Record<string, unknown> = { ...record };
      if (typeof row.tags === 'string') row.tags = (row.tags as string).split(';').map((t) => t.trim()).filter(Boolean);
      if (row.id === '') delete row.id;
      rows.push({ row, line: info.lines });
    }
  } else {
    throw new PromptgateError('is not an eval-set format promptgate reads', { file: path, hint: 'use .jsonl, .json, .yaml/.yml or .csv' });
  }
  if (rows.length === 0) throw new PromptgateError('has no cases', { file: path, hint: 'add at least one case' });
  return normalise(rows, path);
}

/** GitHub Models `testData` rows: flat records whose keys are the template variables. */
export function casesFromRows(rows: Record<string, unknown>[], path: string): EvalCase[] {
  return normalise(rows.map((row) => ({ row })), path);
}

function normalise(rows: { row: unknown; line?: number }[], path: string): EvalCase[] {
  const seen = new Map<string, number | undefined>();
  return rows.map(({ row, line }, index) => {
    const where = line !== undefined ? `line ${line}` : `case ${index + 1}`;
    const parsed = RecordSchema.safeParse(row);
    if (!parsed.success) throw new PromptgateError(`${where} is not an object`, { file: path, line, hint: 'a case is {"vars": {...}, "expected": ...}' });
    const r = parsed.data;
    let vars: Record<string, unknown>;
    if ('vars' in r) {
      if (r.vars === null || typeof r.vars !== 'object' || Array.isArray(r.vars)) throw new PromptgateError(`${where}: "vars" must be an object`, { file: path, line });
      vars = { ...(r.vars as Record<string, unknown>) };
    } else {
      vars = Object.fromEntries(Object.entries(r).filter(([k]) => !RESERVED.has(k)));
    }
    let tags: string[] = [];
    if (r.tags !== undefined) {
      if (!Array.isArray(r.tags) || !r.tags.every((t) => typeof t === 'string' || typeof t === 'number')) {
        throw new PromptgateError(`${where}: "tags" must be a list of strings`, { file: path, line });
      }
      tags = r.tags.map(String);
    }
    const assert: AssertionSpec[] = [];
    if (r.assert !== undefined) {
      const list = z.array(AssertionSpecSchema).safeParse(r.assert);
      if (!list.success) {
        const issue = list.error.issues[0]!;
        throw new PromptgateError(`${where}: assert${issue.path.map((p) => `[${String(p)}]`).join('')} is invalid: ${issue.message}`, { file: path, line, hint: 'see the README for assertion types' });
      }
      assert.push(...list.data);
    }
    const id = r.id !== undefined && r.id !== null && r.id !== '' ? String(r.id) : derivedId(vars, r.expected);
    if (seen.has(id)) {
      const first = seen.get(id);
      throw new PromptgateError(`duplicate case id "${id}"${first !== undefined ? ` (also on line ${first})` : ''}`, {
        file: path,
        line,
        caseId: id,
        hint: 'give every case a unique "id" (cases without an id get one from their content, so identical cases clash too)',
      });
    }
    seen.set(id, line);
    return { id, vars, ...(r.expected !== undefined ? { expected: r.expected } : {}), tags, assert, ...(line !== undefined ? { line } : {}) };
  });
}

/** Same content → same id, whatever the order of the file or of the keys. */
function derivedId(vars: Record<string, unknown>, expected: unknown): string {
  return 'c-' + createHash('sha256').update(canonical({ vars, expected: expected ?? null })).digest('hex').slice(0, 8);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
