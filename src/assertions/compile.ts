import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { PromptgateError } from '../errors.js';

export interface AssertionWhere {
  file?: string;
  caseId?: string;
}

// ajv-formats is CommonJS with a default export; under NodeNext its default import is typed as the module object.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv | Ajv2020) => void;

// `strict: false`: schemas written for OpenAI structured outputs carry keywords ajv's strict mode rejects.
const draft7 = new Ajv({ allErrors: false, strict: false });
const draft2020 = new Ajv2020({ allErrors: false, strict: false });
addFormats(draft7);
addFormats(draft2020);

const schemaCache = new Map<string, ValidateFunction>();
const regexCache = new Map<string, RegExp>();

/** Compiled once per distinct schema (by its JSON), whatever the number of cases and samples that use it. */
export function compileSchema(schema: unknown, where: AssertionWhere): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = schemaCache.get(key);
  if (cached) return cached;
  const $schema = (schema as { $schema?: unknown } | null)?.$schema;
  const ajv = typeof $schema === 'string' && $schema.includes('2020-12') ? draft2020 : draft7;
  let fn: ValidateFunction;
  try {
    fn = ajv.compile(schema as object);
  } catch (err) {
    throw new PromptgateError(`json_schema does not compile: ${(err as Error).message}`, {
      ...where,
      hint: 'fix the JSON Schema (draft-07, or draft 2020-12 with "$schema" set to it)',
    });
  }
  schemaCache.set(key, fn);
  return fn;
}

export function schemaErrors(fn: ValidateFunction): string {
  const first = fn.errors?.[0];
  if (!first) return 'does not match the schema';
  return `${first.instancePath || '(root)'} ${first.message ?? 'is invalid'}`;
}

/**
 * A pattern in JavaScript syntax. Unicode mode first (so `\p{L}` works); patterns that only the legacy syntax accepts
 * (`\-` outside a class, common in hand-written regexes) fall back to it rather than failing.
 */
export function compileRegex(source: string, ignoreCase: boolean, where: AssertionWhere): RegExp {
  const key = `${ignoreCase ? 'i' : '-'}${source}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  let re: RegExp;
  try {
    re = new RegExp(source, ignoreCase ? 'iu' : 'u');
  } catch {
    try {
      re = new RegExp(source, ignoreCase ? 'i' : '');
    } catch (err) {
      throw new PromptgateError(`regex /${source}/ does not compile: ${(err as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')}`, {
        ...where,
        hint: 'fix the pattern (JavaScript syntax; in YAML and JSON strings write a backslash as \\\\)',
      });
    }
  }
  regexCache.set(key, re);
  return re;
}

/**
 * jsonpath-plus evaluates almost any string without complaint (a typo just finds nothing), so the shape is checked
 * up front: it starts at `$` and its brackets, parentheses and quotes are balanced.
 */
export function checkJsonPath(path: string, where: AssertionWhere): void {
  const fail = (why: string) =>
    new PromptgateError(`json_path_equals path "${path}" ${why}`, { ...where, hint: 'write a JSONPath such as $.answer, $.items[0].id or $..name' });
  if (!path.startsWith('$')) throw fail('must start with "$"');
  const closing: Record<string, string> = { '[': ']', '(': ')' };
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch in closing) stack.push(closing[ch]!);
    else if (ch === ']' || ch === ')') {
      if (stack.pop() !== ch) throw fail(`has an unmatched "${ch}"`);
    }
  }
  if (quote) throw fail('has an unclosed quote');
  if (stack.length) throw fail(`is missing a "${stack[stack.length - 1]}"`);
}

/** JSON in a model's answer: the whole answer, or one ```json (or bare ```) fence that is the whole answer. */
export function parseJsonOutput(text: string): { ok: true; value: unknown } | { ok: false } {
  const fenced = /^\s*```[ \t]*(?:json[c5]?)?[ \t]*\r?\n([\s\S]*?)\r?\n?[ \t]*```\s*$/i.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1]! : text) };
  } catch {
    return { ok: false };
  }
}
