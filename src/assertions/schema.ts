import { z } from 'zod';
import { compilePattern, PatternError, RE2_SYNTAX } from './pattern.js';
import { ContainsJsonSpecSchemas } from './contains-json.js';

/**
 * Assertion specs (docs/contract.md §4). A sample passes when every assertion that applies to it passes.
 * `value` strings are templated with the case's vars (`{{expected}}` included) before grading.
 * Each `not_*` type is the negation of its base type.
 */
const textOptions = {
  trim: z.boolean().optional(),
  ignore_case: z.boolean().optional(),
  semantics: z.literal('gh-models').optional(),
};

/**
 * `semantics: gh-models`: grade exactly as `gh models eval` does (see docs/github-models.md). Text checks compare
 * the trimmed answer with the value as written; an `llm_rubric` sends its prompt as written, takes the first listed
 * choice found in the judge's lower-cased reply, and passes when that choice's score is > 0 (or ≥ `threshold`,
 * when one is set). Every evaluator of a GitHub Models prompt file has it.
 */
export const GH_MODELS = 'gh-models';

/**
 * `semantics: promptfoo` on an `llm_rubric`: grade exactly as `promptfoo eval` grades an `llm-rubric` (see
 * docs/formats.md): promptfoo's default grading prompt, its reading of the judge's JSON reply (`pass`, `score`,
 * `reason`), and `threshold` applied to `score` on top of `pass`. Every `llm-rubric` of a promptfoo config has it.
 */
export const PROMPTFOO = 'promptfoo';

/**
 * A `regex` / `not_regex` pattern RE2 cannot run is an error where it is written (file and line), not only when the
 * case is planned. A pattern with a `{{var}}` is checked once templated (checkAssertions).
 */
/**
 * A `{{var}}` as the prompt templates read one. Written here rather than imported from ../prompts/template.js:
 * the config schema imports this file, and the prompt readers import the config schema.
 */
const TEMPLATE_VARIABLE = /\{\{\s*[A-Za-z_][\w-]*(?:\.[\w-]+)*\s*\}\}/;

const re2Pattern = (type: string) =>
  z.string().check((ctx) => {
    if (TEMPLATE_VARIABLE.test(ctx.value)) return;
    try {
      compilePattern(ctx.value, false);
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `${type} ${err.message}; write it in RE2 syntax (${RE2_SYNTAX})` });
    }
  });

const stringValued = (type: string) => z.strictObject({ type: z.literal(type), value: type === 'regex' || type === 'not_regex' ? re2Pattern(type) : z.string(), ...textOptions });

const textTypes = ['equals', 'contains', 'icontains', 'starts_with', 'ends_with', 'regex'] as const;
export type TextAssertionType = (typeof textTypes)[number];

export const AssertionSpecSchema: z.ZodType<AssertionSpec> = z.discriminatedUnion('type', [
  ...textTypes.map((t) => stringValued(t)),
  ...textTypes.map((t) => stringValued(`not_${t}`)),
  z.strictObject({ type: z.literal('is_json') }),
  z.strictObject({ type: z.literal('not_is_json') }),
  z.strictObject({ type: z.literal('json_schema'), value: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('json_path_equals'), path: z.string(), value: z.unknown() }),
  z.strictObject({ type: z.literal('max_tokens'), value: z.number().int().positive() }),
  z.strictObject({ type: z.literal('max_latency_ms'), value: z.number().positive() }),
  z.strictObject({
    type: z.literal('llm_rubric'),
    value: z.string(),
    model: z.string().optional(),
    threshold: z.number().min(0).max(1).optional(),
    choices: z.array(z.strictObject({ choice: z.string(), score: z.number().min(0).max(1) })).optional(),
    system: z.string().optional(),
    semantics: z.enum(['gh-models', 'promptfoo']).optional(),
  }),
  ...ContainsJsonSpecSchemas,
  z.strictObject({
    type: z.literal('tool_call'),
    name: z.string(),
    arguments: z.record(z.string(), z.unknown()).optional(),
  }),
] as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as z.ZodType<AssertionSpec>;

/** Kept loose at the type level; `AssertionSpecSchema` is what validates. */
export type AssertionSpec = { type: string; [key: string]: unknown };
