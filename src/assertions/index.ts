import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { JSONPath } from 'jsonpath-plus';
import { isDeepStrictEqual } from 'node:util';
import { PromptgateError } from '../errors.js';
import { renderTemplate } from '../prompts/index.js';
import type { ModelOutput } from '../run/types.js';
import type { AssertionSpec } from './schema.js';

export type { AssertionSpec } from './schema.js';

export interface AssertionResult {
  type: string;
  passed: boolean;
  score: number;
  reason?: string;
}
export interface Grade {
  passed: boolean;
  score: number;
  reason?: string;
  results: AssertionResult[];
}
export interface GradeContext {
  /** Calls the grader model for `llm_rubric`; returns its raw answer. */
  grader?: (req: { model?: string; system?: string; prompt: string }) => Promise<string>;
}

type Where = { file?: string; caseId?: string };

/** Template every `value` (strings, and the strings inside json_path_equals values) with the case's vars. */
export function templateAssertions(specs: AssertionSpec[], vars: Record<string, unknown>, where: { file: string; caseId: string }): AssertionSpec[] {
  const deep = (v: unknown): unknown =>
    typeof v === 'string' ? renderTemplate(v, vars, where) : Array.isArray(v) ? v.map(deep) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deep(x)])) : v;
  return specs.map((s) => {
    if (s.type === 'json_schema' || s.type === 'llm_rubric' || s.type === 'tool_call') return s.type === 'llm_rubric' ? { ...s, value: deep(s.value) } : s;
    return 'value' in s ? { ...s, value: deep(s.value) } : s;
  });
}

const ajv = new Ajv({ allErrors: false, strict: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const schemaCache = new Map<string, ValidateFunction>();
const regexCache = new Map<string, RegExp>();

function compileSchema(schema: unknown, where: Where): ValidateFunction {
  const key = JSON.stringify(schema);
  let fn = schemaCache.get(key);
  if (!fn) {
    try {
      fn = ajv.compile(schema as object);
    } catch (err) {
      throw new PromptgateError(`json_schema does not compile: ${(err as Error).message}`, { ...where, hint: 'check the JSON Schema (draft 2020-12 / 07 keywords)' });
    }
    schemaCache.set(key, fn);
  }
  return fn;
}

function compileRegex(source: string, ignoreCase: boolean, where: Where): RegExp {
  const key = `${ignoreCase ? 'i' : ''}/${source}`;
  let re = regexCache.get(key);
  if (!re) {
    try {
      re = new RegExp(source, ignoreCase ? 'iu' : 'u');
    } catch (err) {
      throw new PromptgateError(`regex "${source}" does not compile: ${(err as Error).message}`, { ...where, hint: 'fix the pattern (JavaScript regular-expression syntax; escape \\ in YAML/JSON strings)' });
    }
    regexCache.set(key, re);
  }
  return re;
}

/** Compile regexes and JSON schemas up front, so a bad assertion stops the review before any model call. */
export function checkAssertions(specs: AssertionSpec[], where: Where): void {
  for (const s of specs) {
    const base = s.type.replace(/^not_/, '');
    if (base === 'regex') compileRegex(String(s.value), s.ignore_case === true, where);
    if (s.type === 'json_schema') compileSchema(s.value, where);
    if (s.type === 'json_path_equals') {
      try {
        JSONPath({ path: String(s.path), json: {}, wrap: true });
      } catch (err) {
        throw new PromptgateError(`json_path_equals path "${String(s.path)}" is invalid: ${(err as Error).message}`, where);
      }
    }
  }
}

/** JSON in the output, also inside a ```json fence. */
function parseJsonOutput(text: string): { ok: true; value: unknown } | { ok: false } {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1]! : text) };
  } catch {
    return { ok: false };
  }
}

const short = (s: string, n = 60) => JSON.stringify(s.length > n ? s.slice(0, n) + '…' : s);

function normalise(text: string, s: AssertionSpec): string {
  let t = text;
  if (s.trim) t = t.trim();
  if (s.ignore_case) t = t.toLowerCase();
  return t;
}

async function gradeOne(s: AssertionSpec, out: ModelOutput, ctx: GradeContext): Promise<AssertionResult> {
  const negated = s.type.startsWith('not_');
  const base = negated ? s.type.slice(4) : s.type;
  const result = (passed: boolean, reason: string, score = passed ? 1 : 0): AssertionResult => {
    const p = negated ? !passed : passed;
    return { type: s.type, passed: p, score: negated ? (p ? 1 : 0) : score, ...(p ? {} : { reason: negated ? `${s.type}: matched ${short(String(s.value ?? ''))}` : reason }) };
  };
  const value = typeof s.value === 'string' ? s.value : '';
  switch (base) {
    case 'equals': {
      const got = normalise(out.text, s);
      return result(got === normalise(value, s), `equals: expected ${short(value)}, got ${short(out.text)}`);
    }
    case 'contains':
      return result(normalise(out.text, s).includes(normalise(value, s)), `contains: ${short(value)} not in ${short(out.text)}`);
    case 'icontains':
      return result(out.text.toLowerCase().includes(value.toLowerCase()), `icontains: ${short(value)} not in ${short(out.text)}`);
    case 'starts_with':
      return result(normalise(out.text, s).startsWith(normalise(value, s)), `starts_with: ${short(out.text)} does not start with ${short(value)}`);
    case 'ends_with':
      return result(normalise(out.text, s).endsWith(normalise(value, s)), `ends_with: ${short(out.text)} does not end with ${short(value)}`);
    case 'regex':
      return result(compileRegex(value, s.ignore_case === true, {}).test(s.trim ? out.text.trim() : out.text), `regex: /${value}/ did not match ${short(out.text)}`);
    case 'is_json':
      return result(parseJsonOutput(out.text).ok, `is_json: not JSON: ${short(out.text)}`);
    case 'json_schema': {
      const parsed = parseJsonOutput(out.text);
      if (!parsed.ok) return result(false, `json_schema: not JSON: ${short(out.text)}`);
      const fn = compileSchema(s.value, {});
      return result(fn(parsed.value) === true, `json_schema: ${ajv.errorsText(fn.errors)}`);
    }
    case 'json_path_equals': {
      const parsed = parseJsonOutput(out.text);
      if (!parsed.ok) return result(false, `json_path_equals: not JSON: ${short(out.text)}`);
      const found = JSONPath({ path: String(s.path), json: parsed.value as object, wrap: true }) as unknown[];
      const got = found.length === 1 ? found[0] : found;
      return result(isDeepStrictEqual(got, s.value), `json_path_equals: ${String(s.path)} is ${short(JSON.stringify(got) ?? 'nothing')}, expected ${short(JSON.stringify(s.value))}`);
    }
    case 'max_tokens':
      return result(out.usage.output <= Number(s.value), `max_tokens: ${out.usage.output} output tokens > ${Number(s.value)}`);
    case 'max_latency_ms':
      return result(out.latencyMs <= Number(s.value), `max_latency_ms: ${Math.round(out.latencyMs)} ms > ${Number(s.value)} ms`);
    case 'tool_call': {
      const call = out.toolCalls?.find((c) => c.name === s.name);
      if (!call) return result(false, `tool_call: no call to ${String(s.name)}${out.toolCalls?.length ? ` (got ${out.toolCalls.map((c) => c.name).join(', ')})` : ''}`);
      if (!s.arguments) return result(true, '');
      let args: unknown;
      try {
        args = JSON.parse(call.arguments);
      } catch {
        return result(false, `tool_call: arguments of ${call.name} are not JSON`);
      }
      return result(isSubset(s.arguments, args), `tool_call: ${call.name} arguments ${short(call.arguments)} do not include ${short(JSON.stringify(s.arguments))}`);
    }
    case 'llm_rubric':
      return gradeRubric(s, out, ctx);
    default:
      throw new PromptgateError(`unknown assertion type "${s.type}"`);
  }
}

function isSubset(expected: unknown, actual: unknown): boolean {
  if (expected && typeof expected === 'object' && !Array.isArray(expected)) {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => isSubset(v, (actual as Record<string, unknown>)[k]));
  }
  return isDeepStrictEqual(expected, actual);
}

/** A grader model scores the output against the rubric: a named choice (with its score) or a number in [0, 1]. */
async function gradeRubric(s: AssertionSpec, out: ModelOutput, ctx: GradeContext): Promise<AssertionResult> {
  if (!ctx.grader) throw new PromptgateError('llm_rubric needs a grader model, and none is configured', { hint: 'set the grader model on the assertion (`model:`) and a provider' });
  const choices = (s.choices as { choice: string; score: number }[] | undefined) ?? [];
  const prompt = `${String(s.value)}\n\n<output>\n${out.text}\n</output>\n\n${choices.length ? `Answer with exactly one of: ${choices.map((c) => c.choice).join(', ')}.` : 'Answer with a score between 0 and 1.'}`;
  const answer = (await ctx.grader({ model: s.model as string | undefined, system: s.system as string | undefined, prompt })).trim();
  let score: number;
  if (choices.length) {
    const hit = choices.find((c) => answer.toLowerCase().startsWith(c.choice.toLowerCase())) ?? choices.find((c) => answer.toLowerCase().includes(c.choice.toLowerCase()));
    score = hit ? hit.score : 0;
  } else {
    score = Math.min(1, Math.max(0, Number.parseFloat(/[01](?:\.\d+)?/.exec(answer)?.[0] ?? '0')));
  }
  const threshold = typeof s.threshold === 'number' ? s.threshold : 0.5;
  return { type: s.type, passed: score >= threshold, score, ...(score >= threshold ? {} : { reason: `llm_rubric: score ${score} < ${threshold} (${short(answer, 40)})` }) };
}

/** Grade one output: it passes when every assertion passes; the score is the mean of the assertions' scores. */
export async function gradeOutput(specs: AssertionSpec[], output: ModelOutput, ctx: GradeContext = {}): Promise<Grade> {
  const results: AssertionResult[] = [];
  for (const s of specs) results.push(await gradeOne(s, output, ctx));
  const passed = results.every((r) => r.passed);
  // The pass rate counts samples that pass every assertion; the per-assertion scores stay in `results`.
  const score = passed ? 1 : 0;
  const reason = results.find((r) => !r.passed)?.reason;
  return { passed, score, ...(reason ? { reason: reason.length > 160 ? reason.slice(0, 159) + '…' : reason } : {}), results };
}
