import { isDeepStrictEqual } from 'node:util';
import { JSONPath } from 'jsonpath-plus';
import { PromptgateError } from '../errors.js';
import { clip } from '../text.js';
import { compileRegex, compileSchema, parseJsonOutput, schemaErrors } from './compile.js';
import { readGhModelsAnswer, readGraderAnswer, readPromptfooAnswer, rubricRequest, type GraderRequest, type RubricChoice } from './rubric.js';
import { GH_MODELS, PROMPTFOO, type AssertionSpec } from './schema.js';
import { ASSERTION_TYPES } from './validate.js';
import { gradeContainsJsonAssertion, isContainsJson } from './contains-json.js';

/**
 * What grading reads of a model's answer: its text, tool calls, token usage and latency. The provider's answer
 * (`ModelOutput`, src/providers/types.ts) has this shape; it is stated here, with the assertions, because the providers
 * sit above them (docs/architecture.md, "Layers").
 */
export interface GradedOutput {
  text: string;
  toolCalls?: { name: string; arguments: string }[];
  latencyMs: number;
  usage: { input: number; output: number };
}

export interface AssertionResult {
  type: string;
  passed: boolean;
  /** In [0, 1]: 1/0 for pass/fail checks, the grader's score for `llm_rubric`. */
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
  /** Calls the grader model for `llm_rubric` and returns its raw answer. */
  grader?: (req: GraderRequest) => Promise<string>;
}

/** Longest `reason` kept: one line in a table or a check-run summary. */
export const REASON_CHARS = 120;

/** A value quoted for a reason, cut so the whole reason stays short. */
const show = (value: unknown, max = 40): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
  const cut = clip(text, max);
  return typeof value === 'string' ? JSON.stringify(cut) : cut;
};

/** What a pass/fail check found: whether it holds, and how to say so when the assertion (or its `not_`) fails. */
interface Check {
  holds: boolean;
  /** Why the positive assertion failed (used when `holds` is false). */
  failed: string;
  /** Why the `not_` assertion failed (used when `holds` is true). */
  negatedFailed: string;
}

function normaliser(spec: AssertionSpec, forceIgnoreCase: boolean): (s: string) => string {
  return (s) => {
    let t = spec.trim === true ? s.trim() : s;
    if (spec.ignore_case === true || forceIgnoreCase) t = t.toLowerCase();
    return t;
  };
}

function checkText(base: string, spec: AssertionSpec, output: string): Check {
  const expected = String(spec.value ?? '');
  const norm = normaliser(spec, base === 'icontains');
  // `gh models eval` trims the model's reply, and only the reply (see docs/github-models.md).
  const got = norm(spec.semantics === GH_MODELS ? output.trim() : output);
  const want = norm(expected);
  switch (base) {
    case 'equals':
      return { holds: got === want, failed: `expected ${show(expected)}, got ${show(output)}`, negatedFailed: `got ${show(output)}, which it must not equal` };
    case 'contains':
    case 'icontains':
      return { holds: got.includes(want), failed: `${show(expected)} not found in ${show(output)}`, negatedFailed: `found ${show(expected)} in ${show(output)}` };
    case 'starts_with':
      return { holds: got.startsWith(want), failed: `expected a start of ${show(expected)}, got ${show(output)}`, negatedFailed: `starts with ${show(expected)}` };
    case 'ends_with':
      return { holds: got.endsWith(want), failed: `expected an end of ${show(expected)}, got ${show(output)}`, negatedFailed: `ends with ${show(expected)}` };
    case 'regex': {
      const re = compileRegex(expected, spec.ignore_case === true, {});
      const holds = re.test(spec.trim === true ? output.trim() : output);
      return { holds, failed: `/${expected}/ does not match ${show(output)}`, negatedFailed: `/${expected}/ matches ${show(output)}` };
    }
    default:
      throw new PromptgateError(`unknown assertion type "${spec.type}"`);
  }
}

function checkIsJson(output: string): Check {
  return { holds: parseJsonOutput(output).ok, failed: `not JSON: ${show(output)}`, negatedFailed: 'the output is JSON' };
}

/** Does `actual` contain everything `expected` has? Objects by key, recursively; arrays element by element. */
function firstMismatch(expected: unknown, actual: unknown, path: string): string | undefined {
  if (expected !== null && typeof expected === 'object') {
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length !== expected.length) return `${path} is ${show(actual)}, expected ${show(expected)}`;
      for (let i = 0; i < expected.length; i++) {
        const m = firstMismatch(expected[i], actual[i], `${path}[${i}]`);
        if (m) return m;
      }
      return undefined;
    }
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path} is ${show(actual)}, expected an object`;
    for (const [key, value] of Object.entries(expected)) {
      const m = firstMismatch(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (m) return m;
    }
    return undefined;
  }
  return isDeepStrictEqual(expected, actual) ? undefined : `${path} is ${show(actual)}, expected ${show(expected)}`;
}

function checkToolCall(spec: AssertionSpec, out: GradedOutput): { holds: boolean; failed: string } {
  const name = String(spec.name);
  const calls = (out.toolCalls ?? []).filter((c) => c.name === name);
  if (calls.length === 0) {
    const made = (out.toolCalls ?? []).map((c) => c.name);
    return { holds: false, failed: `no call to ${name}${made.length ? ` (called ${made.join(', ')})` : ' (no tool calls)'}` };
  }
  if (spec.arguments === undefined) return { holds: true, failed: '' };
  let firstProblem = '';
  for (const call of calls) {
    let args: unknown;
    try {
      args = JSON.parse(call.arguments);
    } catch {
      firstProblem ||= `${name} arguments are not JSON: ${show(call.arguments)}`;
      continue;
    }
    const mismatch = firstMismatch(spec.arguments, args, 'arguments');
    if (!mismatch) return { holds: true, failed: '' };
    firstProblem ||= `${name} ${mismatch}`;
  }
  return { holds: false, failed: firstProblem };
}

async function gradeRubric(spec: AssertionSpec, out: GradedOutput, ctx: GradeContext): Promise<AssertionResult> {
  if (!ctx.grader) {
    throw new PromptgateError('llm_rubric needs a grader model, and none was given', {
      hint: "run llm_rubric assertions through a review with a provider, which grades with the assertion's `model` (or the suite's)",
    });
  }
  const choices = (spec.choices as RubricChoice[] | undefined) ?? [];
  if (spec.semantics === GH_MODELS) return gradeGhModelsJudge(spec, choices, await ctx.grader(rubricRequest(spec, out.text.trim())));
  if (spec.semantics === PROMPTFOO) return gradePromptfooJudge(spec, await ctx.grader(rubricRequest(spec, out.text)));
  const answer = await ctx.grader(rubricRequest(spec, out.text));
  const verdict = readGraderAnswer(answer, choices);
  const threshold = typeof spec.threshold === 'number' ? spec.threshold : 0.5;
  if ('unreadable' in verdict) {
    const expected = choices.length ? `one of ${choices.map((c) => c.choice).join('/')}` : 'a score in [0, 1]';
    return { type: spec.type, passed: false, score: 0, reason: `llm_rubric: grader answered ${show(answer.trim(), 40)}, not ${expected}` };
  }
  const passed = verdict.score >= threshold;
  const said = verdict.choice !== undefined ? ` (grader chose ${show(verdict.choice, 20)})` : '';
  return { type: spec.type, passed, score: verdict.score, ...(passed ? {} : { reason: `llm_rubric: score ${verdict.score} < ${threshold}${said}` }) };
}

/**
 * A GitHub Models `llm` evaluator (or built-in) as `gh models eval` grades it: the first listed choice found in the
 * judge's reply, passing when its score is > 0; `threshold` (the file's opt-in `passThreshold`) asks for ≥ instead.
 * No choice found fails, with the reply in the reason.
 */
function gradeGhModelsJudge(spec: AssertionSpec, choices: RubricChoice[], answer: string): AssertionResult {
  const choice = readGhModelsAnswer(answer, choices);
  if (!choice) {
    const listed = choices.map((c) => c.choice).join(', ');
    return { type: spec.type, passed: false, score: 0, reason: clip(`llm: judge replied ${show(answer.trim().toLowerCase(), 50)}, which matches none of the choices (${listed})`, REASON_CHARS) };
  }
  const threshold = typeof spec.threshold === 'number' ? spec.threshold : undefined;
  const passed = threshold === undefined ? choice.score > 0 : choice.score >= threshold;
  if (passed) return { type: spec.type, passed, score: choice.score };
  const rule = threshold === undefined ? 'not > 0' : `< passThreshold ${threshold}`;
  return { type: spec.type, passed, score: choice.score, reason: clip(`llm: judge chose ${show(choice.choice, 20)}, score ${choice.score} ${rule}`, REASON_CHARS) };
}

/**
 * A promptfoo `llm-rubric` as `promptfoo eval` grades it (see readPromptfooAnswer). The score promptgate keeps is
 * the judge's, held to [0, 1]; pass/fail is decided on the judge's score as given, as promptfoo does.
 */
function gradePromptfooJudge(spec: AssertionSpec, answer: string): AssertionResult {
  const verdict = readPromptfooAnswer(answer, typeof spec.threshold === 'number' ? spec.threshold : undefined);
  if ('failure' in verdict) return { type: spec.type, passed: false, score: 0, reason: clip(`llm-rubric: ${verdict.failure}`, REASON_CHARS) };
  const score = Number.isFinite(verdict.score) ? Math.min(1, Math.max(0, verdict.score)) : 0;
  if (verdict.pass) return { type: spec.type, passed: true, score };
  return { type: spec.type, passed: false, score, reason: clip(`llm-rubric: ${verdict.reason}`, REASON_CHARS) };
}

async function gradeOne(spec: AssertionSpec, out: GradedOutput, ctx: GradeContext): Promise<AssertionResult> {
  if (!ASSERTION_TYPES.includes(spec.type)) throw new PromptgateError(`unknown assertion type "${spec.type}"`, { hint: `use one of: ${ASSERTION_TYPES.join(', ')}` });
  if (spec.type === 'llm_rubric') return gradeRubric(spec, out, ctx);
  if (isContainsJson(spec)) return gradeContainsJsonAssertion(spec, out.text, (s) => compileSchema(s, {}));
  const negated = spec.type.startsWith('not_');
  const base = negated ? spec.type.slice('not_'.length) : spec.type;
  let check: Check;
  switch (base) {
    case 'equals':
    case 'contains':
    case 'icontains':
    case 'starts_with':
    case 'ends_with':
    case 'regex':
      check = checkText(base, spec, out.text);
      break;
    case 'is_json':
      check = checkIsJson(out.text);
      break;
    case 'json_schema': {
      const parsed = parseJsonOutput(out.text);
      const fn = compileSchema(spec.value, {});
      const holds = parsed.ok && fn(parsed.value) === true;
      check = { holds, failed: parsed.ok ? schemaErrors(fn) : `not JSON: ${show(out.text)}`, negatedFailed: 'matches the schema' };
      break;
    }
    case 'json_path_equals': {
      const parsed = parseJsonOutput(out.text);
      const path = String(spec.path);
      if (!parsed.ok) {
        check = { holds: false, failed: `not JSON: ${show(out.text)}`, negatedFailed: '' };
        break;
      }
      const found = JSONPath({ path, json: parsed.value as object, wrap: true, eval: 'safe' }) as unknown[];
      const got = found.length === 1 ? found[0] : found;
      check = {
        holds: found.length > 0 && isDeepStrictEqual(got, spec.value),
        failed: found.length === 0 ? `${path} not found` : `${path} is ${show(got)}, expected ${show(spec.value)}`,
        negatedFailed: `${path} equals ${show(spec.value)}`,
      };
      break;
    }
    case 'max_tokens': {
      const limit = Number(spec.value);
      check = { holds: out.usage.output <= limit, failed: `${out.usage.output} output tokens > ${limit}`, negatedFailed: '' };
      break;
    }
    case 'max_latency_ms': {
      const limit = Number(spec.value);
      check = { holds: out.latencyMs <= limit, failed: `${Math.round(out.latencyMs)} ms > ${limit} ms`, negatedFailed: '' };
      break;
    }
    case 'tool_call':
      check = { ...checkToolCall(spec, out), negatedFailed: '' };
      break;
    default:
      throw new PromptgateError(`unknown assertion type "${spec.type}"`);
  }
  const passed = negated ? !check.holds : check.holds;
  if (passed) return { type: spec.type, passed, score: 1 };
  return { type: spec.type, passed, score: 0, reason: clip(`${spec.type}: ${negated ? check.negatedFailed : check.failed}`, REASON_CHARS) };
}

/**
 * Grade one model output (docs/contract.md §4): it passes when every assertion passes; `score` is the mean of the
 * assertions' scores (1/0 for pass/fail checks, the grader's score for `llm_rubric`); `reason` is the first failing
 * assertion's, short. Assertions run in order, one grader call at a time.
 */
export async function gradeOutput(specs: AssertionSpec[], output: GradedOutput, ctx: GradeContext = {}): Promise<Grade> {
  const results: AssertionResult[] = [];
  for (const spec of specs) results.push(await gradeOne(spec, output, ctx));
  const passed = results.every((r) => r.passed);
  const score = results.length === 0 ? 1 : results.reduce((sum, r) => sum + r.score, 0) / results.length;
  const reason = results.find((r) => !r.passed)?.reason;
  return { passed, score, ...(reason !== undefined ? { reason: clip(reason, REASON_CHARS) } : {}), results };
}
