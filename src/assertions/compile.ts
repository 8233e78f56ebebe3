import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { PromptgateError } from '../errors.js';
import { compilePattern, PATTERN_HINT, PatternError } from './pattern.js';

export interface AssertionWhere {
  file?: string;
  caseId?: string;
}

// ajv-formats is CommonJS with a default export; under NodeNext its default import is typed as the module object.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv | Ajv2020) => void;

/**
 * `pattern` and `patternProperties` run on the model's answer, so they run with RE2 too (see docs/untrusted-output.md).
 * JSON Schema patterns have no flags; ajv passes "u", which RE2 always is. `code` names the engine in standalone
 * code, which promptgate does not generate.
 */
const regExp = Object.assign((pattern: string) => compilePattern(pattern, false), { code: 're2js' });

// `strict: false`: schemas written for OpenAI structured outputs carry keywords ajv's strict mode rejects.
const options: Options = { allErrors: false, strict: false, code: { regExp } };
/**
 * Each built the first time a schema of its draft is compiled, not when this module loads: building one (meta-schemas,
 * formats) costs milliseconds at start-up, before the first model call, in every review — most have no json_schema.
 */
let draft7: Ajv | undefined;
let draft2020: Ajv2020 | undefined;
function ajvFor(draft: '7' | '2020'): Ajv | Ajv2020 {
  if (draft === '2020') {
    if (!draft2020) addFormats((draft2020 = new Ajv2020(options)));
    return draft2020;
  }
  if (!draft7) addFormats((draft7 = new Ajv(options)));
  return draft7;
}

const schemaCache = new Map<string, ValidateFunction>();
const regexCache = new Map<string, ReturnType<typeof compilePattern>>();

/** Compiled once per distinct schema (by its JSON), whatever the number of cases and samples that use it. */
export function compileSchema(schema: unknown, where: AssertionWhere): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = schemaCache.get(key);
  if (cached) return cached;
  const $schema = (schema as { $schema?: unknown } | null)?.$schema;
  const ajv = ajvFor(typeof $schema === 'string' && $schema.includes('2020-12') ? '2020' : '7');
  let fn: ValidateFunction;
  try {
    fn = ajv.compile(schema as object);
  } catch (err) {
    if (err instanceof PatternError) throw new PromptgateError(`json_schema pattern ${err.message}`, { ...where, hint: PATTERN_HINT });
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
 * A `regex` / `not_regex` pattern, in JavaScript syntax, run with RE2 (see ./pattern.ts). `label` is the assertion
 * type, so the message names the assertion as written.
 */
export function compileRegex(source: string, ignoreCase: boolean, where: AssertionWhere, label = 'regex'): ReturnType<typeof compilePattern> {
  const key = `${ignoreCase ? 'i' : '-'}${source}`;
  const cached = regexCache.get(key);
  if (cached) return cached;
  let re: ReturnType<typeof compilePattern>;
  try {
    re = compilePattern(source, ignoreCase);
  } catch (err) {
    if (!(err instanceof PatternError)) throw err;
    throw new PromptgateError(`${label} ${err.message}`, { ...where, hint: PATTERN_HINT });
  }
  regexCache.set(key, re);
  return re;
}

/**
 * jsonpath-plus evaluates almost any string without complaint (a typo just finds nothing), so the shape is checked
 * up front: it starts at `$` and its brackets, parentheses and quotes are balanced.
 */
export function checkJsonPath(path: string, where: AssertionWhere): void {
  const fail = (why: string) => new PromptgateError(`json_path_equals path "${path}" ${why}`, { ...where, hint: 'write a JSONPath such as $.answer, $.items[0].id or $..name' });
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

/** `[ \t]` at the end of `text`, removed; a loop, since `/[ \t]+$/` backtracks quadratically on long runs. */
function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/**
 * JSON in a model's answer: the whole answer, or one ```json (or bare ```) fence that is the whole answer. Read by
 * hand rather than with one regular expression: the answer is the model's, and a pattern with a lazy body followed
 * by optional blanks takes quadratic time on a long run of spaces.
 */
export function parseJsonOutput(text: string): { ok: true; value: unknown } | { ok: false } {
  return tryParse(fencedJson(text) ?? text);
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The body of a fence that is the whole (trimmed) answer: ``` with an optional json/jsonc/json5 tag, a line break, the body, ```. */
function fencedJson(text: string): string | undefined {
  const whole = text.trim();
  if (!whole.startsWith('```') || !whole.endsWith('```')) return undefined;
  const lineEnd = whole.indexOf('\n');
  if (lineEnd === -1 || lineEnd + 1 > whole.length - 3) return undefined;
  const info = whole.slice(3, lineEnd).replace(/\r$/, '').trim().toLowerCase();
  if (info !== '' && info !== 'json' && info !== 'jsonc' && info !== 'json5') return undefined;
  let body = trimBlanksEnd(whole.slice(lineEnd + 1, whole.length - 3));
  if (body.endsWith('\n')) body = body.slice(0, -1);
  if (body.endsWith('\r')) body = body.slice(0, -1);
  return body;
}
