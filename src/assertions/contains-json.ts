import { z } from 'zod';

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
  value: z.union([z.record(z.string(), z.unknown()), z.boolean()]).optional(),
  whole: z.boolean().optional(),
};
/** One strict object per type (literal `type`), to spread into the assertion registry's discriminated union. */
export const ContainsJsonSpecSchemas = [z.strictObject({ type: z.literal('contains_json'), ...fields }), z.strictObject({ type: z.literal('not_contains_json'), ...fields })] as const;
export const ContainsJsonSpecSchema = z.discriminatedUnion('type', [...ContainsJsonSpecSchemas]);
export type ContainsJsonSpec = z.infer<typeof ContainsJsonSpecSchema>;

/** Whether an assertion spec is one of this file's types. */
export function isContainsJson(spec: { type: string }): spec is ContainsJsonSpec {
  return spec.type === 'contains_json' || spec.type === 'not_contains_json';
}

/**
 * The assertion result for the registry: `compile` turns a JSON Schema into a validator (the project's ajv).
 */
export function gradeContainsJsonAssertion(
  spec: ContainsJsonSpec,
  output: string,
  compile: (schema: Record<string, unknown> | boolean) => (value: unknown) => unknown,
): { type: string; passed: boolean; score: number; reason?: string } {
  const validator = spec.value === undefined ? undefined : compile(spec.value);
  const graded = gradeContainsJson(spec, output, validator ? (v) => validator(v) === true : undefined);
  return { type: spec.type, passed: graded.passed, score: graded.passed ? 1 : 0, ...(graded.reason !== undefined ? { reason: graded.reason } : {}) };
}

/** promptfoo gives up on a candidate longer than this (src/util/json.ts, maxJsonLength). */
export const MAX_JSON_CANDIDATE = 100_000;

/**
 * Every JSON object promptfoo's `extractJsonObjects` finds, in order. promptfoo tries every prefix from each `{`;
 * the shortest prefix that parses is the one whose braces balance first (outside strings), so one scan per `{`
 * finds the same objects without parsing every prefix.
 */
export function extractJsonObjects(text: string): object[] {
  const found: object[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{') continue;
    const end = balancedEnd(text, i);
    if (end === -1 || end + 1 - i > MAX_JSON_CANDIDATE) continue;
    try {
      found.push(JSON.parse(text.slice(i, end + 1)) as object);
      i = end;
    } catch {
      // Not JSON from this brace; promptfoo moves on to the next one.
    }
  }
  return found;
}

/** Index of the `}` that closes the `{` at `start`, skipping JSON strings; -1 if it never closes. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + MAX_JSON_CANDIDATE);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === '}' ? i : -1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/**
 * Grade one output. `validate` is the compiled schema when the spec has a `value` (the caller compiles it with the
 * project's JSON Schema validator); it returns whether a value matches.
 */
export function gradeContainsJson(spec: ContainsJsonSpec, output: string, validate?: (value: unknown) => boolean): { passed: boolean; reason?: string } {
  const inverse = spec.type === 'not_contains_json';
  let candidates: unknown[];
  if (spec.whole) {
    try {
      candidates = [JSON.parse(output)];
    } catch {
      candidates = [];
    }
  } else {
    candidates = extractJsonObjects(output);
  }
  const what = spec.whole ? 'is JSON' : 'contains a JSON object';
  if (candidates.length === 0) return inverse ? { passed: true } : { passed: false, reason: `the output is not JSON${spec.whole ? '' : ' and holds no JSON object'}` };
  if (!validate) return inverse ? { passed: false, reason: `the output ${what}, which it must not` } : { passed: true };
  const matches = candidates.some((c) => validate(c));
  if (inverse) return matches ? { passed: false, reason: `the output ${what} matching the schema, which it must not` } : { passed: true };
  return matches ? { passed: true } : { passed: false, reason: `the output ${what}, but none that matches the schema` };
}
