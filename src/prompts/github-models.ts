import { z } from 'zod';
import type { AssertionSpec } from '../assertions/schema.js';
import type { ModelParams } from '../config/schema.js';
import { checkCount, MAX_COUNT } from '../config/limits.js';
import { parseWithSchema, parseYamlSource, type YamlSource } from '../config/yaml-source.js';
import { PromptgateError } from '../errors.js';
import { GITHUB_BUILTIN_EVALUATORS, githubBuiltinEvaluator } from './github-builtins.js';
import { checkJsonText, jsonSyntaxError } from './json-source.js';
import { MessageSchema } from './messages.js';
import type { PromptDoc } from './types.js';

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
  jsonSchema: z.string().optional(),
  messages: z.array(MessageSchema).min(1),
  testData: z.array(z.record(z.string(), z.unknown())).optional(),
  evaluators: z.array(EvaluatorSchema).optional(),
});

type Evaluator = z.infer<typeof EvaluatorSchema>;

/** GitHub Models `.prompt.yml` / `.prompt.yaml` (DESIGN §2): messages, settings, test data and evaluators. */
export function parseGitHubModels(path: string, text: string): PromptDoc {
  const source = parseYamlSource(path, text, 0, 'prompt');
  if (source.value === null || source.value === undefined) {
    throw new PromptgateError('is empty', { file: path, hint: 'a GitHub Models prompt file needs at least `messages: [{role: user, content: ...}]`' });
  }
  // Counted before the schema runs, so a file with a million messages is one clear error, not a million issues.
  const raw = source.value as Record<string, unknown>;
  const counted: [key: string, kind: keyof typeof MAX_COUNT][] = [['messages', 'messages'], ['testData', 'cases'], ['evaluators', 'assertions']];
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
  // Like `gh models`, jsonSchema must be valid JSON whenever present, and is sent only with json_schema.
  const jsonSchema = doc.jsonSchema === undefined ? undefined : parseJsonSchemaField(doc.jsonSchema, source);
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
  const evaluators = (doc.evaluators ?? []).map((e, i) => evaluatorSpec(e, path, source.lineOf(['evaluators', i])));
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
  const record = value as Record<string, unknown>;
  if (typeof record.name !== 'string') throw new PromptgateError('jsonSchema needs a "name" (a string)', { ...where, hint });
  if (record.schema === null || typeof record.schema !== 'object') throw new PromptgateError('jsonSchema needs a "schema" (a JSON Schema object)', { ...where, hint });
  return record;
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
    const checks = Object.entries(e.string).filter((entry): entry is [string, string] => entry[1] !== undefined);
    if (checks.length !== 1) {
      throw new PromptgateError(`evaluator "${e.name}" needs exactly one string check, found ${checks.length}`, {
        file,
        line,
        hint: 'use one of equals, contains, startsWith, endsWith per evaluator (add more evaluators for more checks)',
      });
    }
    const [kind, value] = checks[0]!;
    if (kind === 'equals') return { type: 'equals', value };
    const type = kind === 'contains' ? 'contains' : kind === 'startsWith' ? 'starts_with' : 'ends_with';
    return { type, value, ignore_case: true };
  }
  if (e.llm) {
    return {
      type: 'llm_rubric',
      value: e.llm.prompt,
      model: e.llm.modelId,
      choices: e.llm.choices,
      ...(e.llm.systemPrompt !== undefined ? { system: e.llm.systemPrompt } : {}),
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
  return builtin;
}
