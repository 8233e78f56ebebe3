import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseAssertionSpecs } from '../assertions/validate.js';
import { checkCount } from '../config/limits.js';
import { closest } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import type { RawCase } from './readers.js';
import type { EvalCase } from './types.js';
import { canonicalJson } from '../canonical-json.js';

/** Keys of a case record that are not vars (docs/contract.md §1). */
const RESERVED = ['id', 'vars', 'expected', 'tags', 'assert'] as const;
const NOT_VARS = new Set<string>(RESERVED);

const IdSchema = z.union([z.string().min(1, 'must not be empty'), z.number().finite()]).nullish();
const TagsSchema = z.union([z.array(z.union([z.string(), z.number()])), z.string()]).nullish();
const VarsSchema = z.record(z.string(), z.unknown());

/**
 * Records → cases (docs/contract.md §1): vars (the `vars` object, or every non-reserved key), `expected` (also a var named
 * `expected`), tags, validated `assert`, and an id: the explicit one, or one derived from the content. Ids are unique.
 */
export function normaliseCases(rows: RawCase[], path: string): EvalCase[] {
  const firstSeen = new Map<string, string>();
  return rows.map((raw) => {
    const c = normaliseCase(raw, path);
    const earlier = firstSeen.get(c.id);
    if (earlier !== undefined) {
      throw new PromptgateError(`duplicate case id "${c.id}" (${earlier} and ${raw.label})`, {
        file: path,
        ...(raw.line !== undefined ? { line: raw.line } : {}),
        caseId: c.id,
        hint: 'give every case a unique "id"; cases without one get an id from their vars and expected, so identical cases clash too',
      });
    }
    firstSeen.set(c.id, raw.label);
    return c;
  });
}

function normaliseCase(raw: RawCase, path: string): EvalCase {
  const at = (key?: string) => (key !== undefined ? (raw.lineOfKey?.(key) ?? raw.line) : raw.line);
  const fail = (message: string, hint: string, key?: string, caseId?: string) => {
    const line = at(key);
    return new PromptgateError(`${raw.label}: ${message}`, { file: path, ...(line !== undefined ? { line } : {}), ...(caseId !== undefined ? { caseId } : {}), hint });
  };
  const record = raw.value;
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw fail('a case must be an object', 'write a case as {"vars": {"question": "..."}, "expected": "..."}, or as a flat object of vars');
  }
  const r = record as Record<string, unknown>;
  if (Object.keys(r).length === 0) throw fail('the case is empty', 'give the case its vars (and expected), or remove it');

  const id = IdSchema.safeParse(r.id);
  if (!id.success) throw fail(`"id" ${id.error.issues[0]!.message.replace(/^Invalid input: /, '')}`, 'an id is a string or a number, unique in the file', 'id');
  const explicitId = id.data === null || id.data === undefined ? undefined : String(id.data);

  let vars: Record<string, unknown>;
  if ('vars' in r) {
    const unknown = Object.keys(r).filter((k) => !NOT_VARS.has(k));
    if (unknown.length) {
      const key = unknown[0]!;
      const suggestion = closest(key, RESERVED);
      throw fail(
        `unknown key "${key}" next to "vars"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        suggestion ? `rename "${key}" to "${suggestion}"` : `move "${key}" into "vars" (a case with "vars" may only also have ${RESERVED.filter((k) => k !== 'vars').join(', ')})`,
        key,
        explicitId,
      );
    }
    const parsed = VarsSchema.safeParse(r.vars);
    if (!parsed.success) throw fail('"vars" must be an object of variables', 'write "vars": {"name": "value", ...}', 'vars', explicitId);
    vars = { ...parsed.data };
  } else {
    vars = Object.fromEntries(Object.entries(r).filter(([k]) => !NOT_VARS.has(k)));
  }

  const tags = TagsSchema.safeParse(r.tags);
  if (!tags.success) throw fail('"tags" must be a list of strings', 'write "tags": ["billing", "urgent"] (or "billing;urgent")', 'tags', explicitId);
  const tagList = tags.data === null || tags.data === undefined ? [] : typeof tags.data === 'string' ? tags.data.split(';') : tags.data.map(String);

  const expected = r.expected;
  const id_ = explicitId ?? derivedCaseId(vars, expected);
  if (Array.isArray(r.assert)) {
    const line = at('assert');
    checkCount('assertions', r.assert.length, { file: path, ...(line !== undefined ? { line } : {}), caseId: id_ });
  }
  const assert = r.assert === undefined || r.assert === null ? [] : parseAssertionSpecs(r.assert, { file: path, line: at('assert'), caseId: id_, label: `${raw.label}: assert` });

  // `{{expected}}` works in templates; a var the case names `expected` itself wins.
  if (expected !== undefined && !Object.hasOwn(vars, 'expected')) vars.expected = expected;
  return {
    id: id_,
    vars,
    ...(expected !== undefined ? { expected } : {}),
    tags: [...new Set(tagList.map((t) => t.trim()).filter(Boolean))],
    assert,
    ...(raw.line !== undefined ? { line: raw.line } : {}),
  };
}

/**
 * A case without an `id` is named by its content: `c-` and 8 hex digits of the SHA-256 of the canonical JSON (keys
 * sorted) of its vars and expected. Same content → same id, wherever the case sits in the file and whatever the order
 * of its keys, so baseline and candidate pair up and reordering a file does not rename cases.
 */
export function derivedCaseId(vars: Record<string, unknown>, expected: unknown): string {
  return (
    'c-' +
    createHash('sha256')
      .update(canonicalJson({ vars, expected: expected ?? null }))
      .digest('hex')
      .slice(0, 8)
  );
}
