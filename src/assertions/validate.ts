import type { z } from 'zod';
import { closest } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { PATTERN_HINT } from './pattern.js';
import { AssertionSpecSchema, type AssertionSpec } from './schema.js';

/** The keys each assertion type accepts, read from the shared schema so the two never drift. */
const KEYS_BY_TYPE: ReadonlyMap<string, readonly string[]> = (() => {
  const options = (AssertionSpecSchema as unknown as { options?: { shape?: Record<string, { def?: { values?: unknown[] } }> }[] }).options ?? [];
  const map = new Map<string, string[]>();
  for (const option of options) {
    const shape = option.shape;
    const type = shape?.type?.def?.values?.[0];
    if (shape && typeof type === 'string') map.set(type, Object.keys(shape));
  }
  return map;
})();

/** Every assertion type, in the schema's order. */
export const ASSERTION_TYPES: readonly string[] = [...KEYS_BY_TYPE.keys()];

export interface AssertionListWhere {
  file: string;
  line?: number;
  caseId?: string;
  /** How the list is named in messages, e.g. `assert` or `case "T-3" assert`. */
  label?: string;
}

const typeHint = (type: string) => {
  const keys = KEYS_BY_TYPE.get(type);
  return keys ? `${type} takes ${keys.filter((k) => k !== 'type').join(', ') || 'no other keys'}` : 'see the README for the assertion types';
};

/**
 * Validate a list of assertion specs from outside (a case's `assert`, a CSV cell) with `AssertionSpecSchema`, and
 * say what is wrong the way a user fixes it: an unknown type or key with "did you mean", a missing or mistyped
 * field as `assert[1].value: …`.
 */
export function parseAssertionSpecs(value: unknown, where: AssertionListWhere): AssertionSpec[] {
  const label = where.label ?? 'assert';
  const fail = (message: string, hint: string) => new PromptgateError(message, { file: where.file, line: where.line, caseId: where.caseId, hint });
  if (!Array.isArray(value)) throw fail(`${label} must be a list of assertions`, 'write assert: [{ type: equals, value: "..." }]');
  return value.map((item, i): AssertionSpec => {
    const at = `${label}[${i}]`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw fail(`${at} must be an object`, 'an assertion looks like { type: contains, value: "refund" }');
    const type = (item as Record<string, unknown>).type;
    if (typeof type !== 'string') throw fail(`${at} has no "type"`, `set type to one of: ${ASSERTION_TYPES.join(', ')}`);
    if (!KEYS_BY_TYPE.has(type)) {
      const suggestion = closest(type, ASSERTION_TYPES);
      throw fail(
        `${at}: unknown assertion type "${type}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        suggestion ? `use type: ${suggestion}` : `use one of: ${ASSERTION_TYPES.join(', ')}`,
      );
    }
    const parsed = AssertionSpecSchema.safeParse(item);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, item, at, type));
    const badPattern = parsed.error.issues.some((issue) => issue.code === 'custom' && issue.path[0] === 'value' && type.endsWith('regex'));
    throw fail(`${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`, badPattern ? PATTERN_HINT : typeHint(type));
  });
}

/** One zod issue as `assert[0].value: is missing` or `assert[0]: unknown key "ignorecase" (did you mean "ignore_case"?)`. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown, at: string, type: string): string {
  const path = at + issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const suggestion = closest(
          key,
          (KEYS_BY_TYPE.get(type) ?? []).filter((k) => k !== 'type'),
        );
        return `${path}: unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
      })
      .join('; ');
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) return `${path}: is missing`;
  return `${path}: ${issue.message.replace(/^Invalid input: /, '')}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}
