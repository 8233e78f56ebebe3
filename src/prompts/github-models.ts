import { z } from 'zod';
import { GH_MODELS, type AssertionSpec } from '../assertions/schema.js';
import { COMPLETION_VARIABLE } from '../assertions/template.js';
import type { ModelParams } from './params.js';
import { checkCount, type MAX_COUNT } from '../config/limits.js';
import { parseWithSchema, parseYamlSource, type YamlSource } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { GITHUB_BUILTIN_EVALUATORS, githubBuiltinEvaluator } from './github-builtins.js';
import { checkJsonText, jsonSyntaxError } from './json-source.js';
import { MessageSchema } from './messages.js';
import { templateVariables } from './template.js';
import type { PromptDoc } from './types.js';

/** Each evaluator's `name`, for messages about it (the assertion spec has no room for it). */
const EVALUATOR_NAMES = new WeakMap<AssertionSpec, string>();

const StringEvaluatorSchema = z.strictObject({
  equals: z.string().optional(),
  contains: z.string().optional(),
  startsWith: z.string().optional(),
  endsWith: z.string().optional(),
});

const LlmEvaluatorSchema = z.strictObject({
  modelId: z.string().min(1),
  prompt: z.string().min(1),
  choices: z.array(z.strictObject({ choice: z.string().min(1), score: z.number().min(0).max(1) })).min(1),
  systemPrompt: z.string().optional(),
});

const EvaluatorSchema = z.strictObject({
  name: z.string().min(1),
  string: StringEvaluatorSchema.optional(),
  llm: LlmEvaluatorSchema.optional(),
  uses: z.string().min(1).optional(),
  /**
   * promptgate's opt-in extension (see docs/github-models.md): an `llm` or built-in evaluator passes only at a score
   * ≥ this, instead of `gh models eval`'s > 0. `gh` ignores the key, so the file still runs there.
   */
  passThreshold: z.number().min(0).max(1).optional(),
});

/** A GitHub Models prompt file, with the keys `gh models` reads (github/gh-models, pkg/prompt/prompt.go). */
const GitHubModelsSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  model: z.string().min(1).optional(),
  modelParameters: z
    .strictObject({
      maxTokens: z.number().int().positive().optional(),
      temperature: z.number().min(0).max(2).optional(),
      topP: z.number().min(0).max(1).optional(),
    })
    .optional(),
  responseFormat: z.enum(['text', 'json_object', 'json_schema']).optional(),
  // A JSON string (what `gh models` reads), or the same object written as YAML (both exist in the wild).
  jsonSchema: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  messages: z.array(MessageSchema).min(1),
  testData: z.array(z.record(z.string(), z.unknown())).optional(),
  evaluators: z.array(EvaluatorSchema).optional(),
});

type Evaluator = z.infer<typeof EvaluatorSchema>;

/** GitHub Models `.prompt.yml` / `.prompt.yaml` (docs/contract.md §2): messages, settings, test data and evaluators. */
export function parseGitHubModels(path: string, text: string): PromptDoc {
  const source = parseYamlSource(path, text, 0, 'prompt');
  if (source.value === null || source.value === undefined) {
    throw new PromptgateError('is empty', { file: path, hint: 'a GitHub Models prompt file needs at least `messages: [{role: user, content: ...}]`' });
  }
  // Counted before the schema runs, so a file with a million messages is one clear error, not a million issues.
  const raw = source.value as Record<string, unknown>;
  const counted: [key: string, kind: keyof typeof MAX_COUNT][] = [
    ['messages', 'messages'],
    ['testData', 'cases'],
    ['evaluators', 'assertions'],
  ];
  for (const [key, kind] of counted) {
    const list = raw[key];
    if (Array.isArray(list)) checkCount(kind, list.length, { file: path, line: source.lineOf([], key) });
  }
  const doc = parseWithSchema(GitHubModelsSchema, source, 'GitHub Models prompt file');
  const params: ModelParams = {};
  const mp = doc.modelParameters;
  if (mp?.maxTokens !== undefined) params.max_tokens = mp.maxTokens;
  if (mp?.temperature !== undefined) params.temperature = mp.temperature;
  if (mp?.topP !== undefined) params.top_p = mp.topP;
  // Like `gh models`, jsonSchema must be valid JSON whenever present, and is sent only with json_schema, as
  // `response_format: { type: json_schema, json_schema: <the object as written: name, strict, schema> }`.
  const jsonSchema = doc.jsonSchema === undefined ? undefined : typeof doc.jsonSchema === 'string' ? parseJsonSchemaField(doc.jsonSchema, source) : checkJsonSchemaObject(doc.jsonSchema, source);
  if (doc.responseFormat === 'json_schema') {
    if (jsonSchema === undefined) {
      throw new PromptgateError('responseFormat json_schema needs a jsonSchema', {
        file: path,
        line: source.lineOf(['responseFormat']),
        hint: 'add jsonSchema: a JSON string (use `jsonSchema: |-` and a block) with "name" and "schema"',
      });
    }
    params.response_format = { type: 'json_schema', json_schema: jsonSchema };
  } else if (doc.responseFormat !== undefined) {
    params.response_format = { type: doc.responseFormat };
  }
  const evaluators = (doc.evaluators ?? []).map((e, i) => {
    const spec = evaluatorSpec(e, path, source.lineOf(['evaluators', i]));
    EVALUATOR_NAMES.set(spec, e.name);
    return spec;
  });
  return {
    path,
    format: 'github-models',
    messages: doc.messages,
    ...(doc.model !== undefined ? { model: doc.model } : {}),
    params,
    ...(doc.testData !== undefined ? { testData: doc.testData } : {}),
    ...(doc.evaluators !== undefined ? { evaluators } : {}),
    ...(doc.name !== undefined ? { name: doc.name } : {}),
    ...(doc.description !== undefined ? { description: doc.description } : {}),
  };
}

function parseJsonSchemaField(text: string, source: YamlSource): Record<string, unknown> {
  const where = { file: source.file, line: source.lineOf(['jsonSchema']) };
  const hint = 'jsonSchema is a JSON string such as {"name": "answer", "strict": true, "schema": {"type": "object", ...}}';
  let value: unknown;
  checkJsonText(text, { where, pinpoint: false });
  try {
    value = JSON.parse(text);
  } catch (err) {
    const e = jsonSyntaxError(source.file, text, err, hint);
    throw new PromptgateError(`jsonSchema ${e.message}`, { ...where, hint });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new PromptgateError('jsonSchema must be a JSON object', { ...where, hint });
  return checkJsonSchemaObject(value as Record<string, unknown>, source);
}

function checkJsonSchemaObject(record: Record<string, unknown>, source: YamlSource): Record<string, unknown> {
  const where = { file: source.file, line: source.lineOf(['jsonSchema']) };
  const hint = 'jsonSchema holds "name", "strict" (optional) and "schema", e.g. {"name": "answer", "strict": true, "schema": {"type": "object", ...}}';
  if (typeof record.name !== 'string') throw new PromptgateError('jsonSchema needs a "name" (a string)', { ...where, hint });
  if (record.schema === null || typeof record.schema !== 'object') throw new PromptgateError('jsonSchema needs a "schema" (a JSON Schema object)', { ...where, hint });
  return record;
}

/** "1–3, 5, 7–8" for [1, 2, 3, 5, 7, 8] (sorted, 1-based). */
export function rowRanges(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(j === i ? String(rows[i]) : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * Before any model call: every variable an evaluator fills in (its `string` value, its `llm` prompt, a built-in's
 * prompt; `{{completion}}` aside) must be in every `testData` row. Otherwise one error names the evaluator, the
 * variable and the rows that lack it ("rows 1–3, 5"), instead of one error per case at grading time.
 */
export function checkEvaluatorVariables(doc: PromptDoc): void {
  const rows = doc.testData ?? [];
  if (rows.length === 0) return;
  for (const spec of doc.evaluators ?? []) {
    const name = EVALUATOR_NAMES.get(spec);
    if (name === undefined || typeof spec.value !== 'string') continue;
    const vars = templateVariables([{ role: 'user', content: spec.value }]).filter((v) => v !== COMPLETION_VARIABLE);
    for (const variable of vars) {
      const lacking: number[] = [];
      rows.forEach((row, i) => {
        if (!hasVariable(row, variable)) lacking.push(i + 1);
      });
      if (lacking.length === 0) continue;
      const file = doc.path.split('/').pop()!;
      const which = lacking.length === rows.length ? `all ${rows.length} testData rows` : `testData ${lacking.length === 1 ? 'row' : 'rows'} ${rowRanges(lacking)}`;
      throw new PromptgateError(`evaluator "${name}" needs the variable "${variable}" ({{${variable}}}), which ${which} of ${file} ${lacking.length === 1 ? 'lacks' : 'lack'}`, {
        file: doc.path,
        hint: `add "${variable}" to ${lacking.length === rows.length ? 'every testData row' : `testData row${lacking.length === 1 ? '' : 's'} ${rowRanges(lacking)}`} (${file}#${lacking[0]} is the first), or remove the evaluator`,
      });
    }
  }
}

function hasVariable(row: Record<string, unknown>, name: string): boolean {
  if (Object.hasOwn(row, name)) return row[name] !== null && row[name] !== undefined;
  let value: unknown = row;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return value !== null && value !== undefined;
}

/**
 * One GitHub Models evaluator as an assertion, with `gh models eval` semantics: `equals` is exact, `contains`,
 * `startsWith` and `endsWith` ignore case; an `llm` judge's answer is matched against its choices.
 */
function evaluatorSpec(e: Evaluator, file: string, line: number | undefined): AssertionSpec {
  const kinds = (['string', 'llm', 'uses'] as const).filter((k) => e[k] !== undefined);
  if (kinds.length !== 1) {
    throw new PromptgateError(`evaluator "${e.name}" ${kinds.length === 0 ? 'has no check' : `has both ${kinds.join(' and ')}`}`, {
      file,
      line,
      hint: 'give each evaluator exactly one of `string`, `llm` or `uses`',
    });
  }
  if (e.string) {
    // `gh models` reads an empty string as "not set".
    const checks = Object.entries(e.string).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
    if (checks.length !== 1) {
      throw new PromptgateError(`evaluator "${e.name}" needs exactly one string check, found ${checks.length}`, {
        file,
        line,
        hint: 'use one of equals, contains, startsWith, endsWith per evaluator (add more evaluators for more checks)',
      });
    }
    if (e.passThreshold !== undefined) {
      throw new PromptgateError(`evaluator "${e.name}": passThreshold applies to \`llm\` and \`uses\` evaluators only`, {
        file,
        line,
        hint: 'a string check passes or fails; remove passThreshold from this evaluator',
      });
    }
    const [kind, value] = checks[0]!;
    if (kind === 'equals') return { type: 'equals', value, semantics: GH_MODELS };
    const type = kind === 'contains' ? 'contains' : kind === 'startsWith' ? 'starts_with' : 'ends_with';
    return { type, value, ignore_case: true, semantics: GH_MODELS };
  }
  const threshold = e.passThreshold !== undefined ? { threshold: e.passThreshold } : {};
  if (e.llm) {
    return {
      type: 'llm_rubric',
      value: e.llm.prompt,
      model: e.llm.modelId,
      choices: e.llm.choices,
      // `gh` sends no system message when systemPrompt is empty.
      ...(e.llm.systemPrompt ? { system: e.llm.systemPrompt } : {}),
      semantics: GH_MODELS,
      ...threshold,
    };
  }
  const uses = e.uses!;
  const builtin = githubBuiltinEvaluator(uses);
  if (!builtin) {
    throw new PromptgateError(`evaluator "${e.name}" uses "${uses}", which promptgate does not support`, {
      file,
      line,
      hint: `supported built-in evaluators: ${GITHUB_BUILTIN_EVALUATORS.join(', ')}; or write the check as a \`string\` or \`llm\` evaluator`,
    });
  }
  return { ...builtin, ...threshold };
}
