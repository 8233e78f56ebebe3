import { z } from 'zod';
import type { AssertionSpec } from '../assertions/schema.js';
import { parseWithSchema, parseYamlSource } from '../config/yaml-source.js';
import { PromptgateError } from '../errors.js';
import type { ModelParams } from '../config/schema.js';
import type { ChatMessage, PromptDoc } from './types.js';

export type { ChatMessage, PromptDoc } from './types.js';

const Role = z.enum(['system', 'developer', 'user', 'assistant']);
const MessageSchema = z.strictObject({ role: Role, content: z.string() });

/** GitHub Models prompt file, as `gh models` reads it. */
const GitHubModelsSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  model: z.string().optional(),
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
  evaluators: z
    .array(
      z.strictObject({
        name: z.string(),
        string: z
          .strictObject({
            equals: z.string().optional(),
            contains: z.string().optional(),
            startsWith: z.string().optional(),
            endsWith: z.string().optional(),
          })
          .optional(),
        llm: z
          .strictObject({
            modelId: z.string(),
            prompt: z.string(),
            choices: z.array(z.strictObject({ choice: z.string(), score: z.number() })),
            systemPrompt: z.string().optional(),
          })
          .optional(),
        uses: z.string().optional(),
      }),
    )
    .optional(),
});

const FrontMatterSchema = z.strictObject({
  model: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  system: z.string().optional(),
});

const TEXT_EXT = /\.(txt|md|prompt)$/i;
const GITHUB_MODELS_EXT = /\.prompt\.ya?ml$/i;
const CHAT_EXT = /\.(json|ya?ml)$/i;
const LATER_EXT = /\.(prompty|dotprompt)$/i;

export function isPromptPath(path: string): boolean {
  return TEXT_EXT.test(path) || GITHUB_MODELS_EXT.test(path) || CHAT_EXT.test(path);
}

/** Parse one version of a prompt file; the format follows the extension (DESIGN §3). */
export function parsePromptFile(path: string, text: string): PromptDoc {
  if (GITHUB_MODELS_EXT.test(path)) return parseGitHubModels(path, text);
  if (TEXT_EXT.test(path)) return parseTextPrompt(path, text);
  if (CHAT_EXT.test(path)) return parseChatFile(path, text);
  throw new PromptgateError(`is not a prompt format promptgate reads${LATER_EXT.test(path) ? ' yet' : ''}`, {
    file: path,
    hint: 'use a GitHub Models .prompt.yml, a .txt/.md/.prompt text file (optional front matter), or a .json/.yaml array of {role, content} messages',
  });
}

function parseGitHubModels(path: string, text: string): PromptDoc {
  const source = parseYamlSource(path, text);
  const doc = parseWithSchema(GitHubModelsSchema, source, 'GitHub Models prompt file');
  const params: ModelParams = {};
  if (doc.modelParameters?.maxTokens !== undefined) params.max_tokens = doc.modelParameters.maxTokens;
  if (doc.modelParameters?.temperature !== undefined) params.temperature = doc.modelParameters.temperature;
  if (doc.modelParameters?.topP !== undefined) params.top_p = doc.modelParameters.topP;
  if (doc.responseFormat === 'json_object') params.response_format = { type: 'json_object' };
  if (doc.responseFormat === 'json_schema') {
    let schema: unknown;
    try {
      schema = JSON.parse(doc.jsonSchema ?? '');
    } catch {
      throw new PromptgateError('jsonSchema is not valid JSON', { file: path, line: source.lineOf(['jsonSchema']), hint: 'responseFormat json_schema needs jsonSchema: a JSON string with name and schema' });
    }
    params.response_format = { type: 'json_schema', json_schema: schema };
  }
  const evaluators = (doc.evaluators ?? []).map((e, i): AssertionSpec => {
    const line = source.lineOf(['evaluators', i]);
    if (e.string) {
      const s = e.string;
      if (s.equals !== undefined) return { type: 'equals', value: s.equals };
      if (s.contains !== undefined) return { type: 'contains', value: s.contains };
      if (s.startsWith !== undefined) return { type: 'starts_with', value: s.startsWith };
      if (s.endsWith !== undefined) return { type: 'ends_with', value: s.endsWith };
      throw new PromptgateError(`evaluator "${e.name}" has an empty string check`, { file: path, line, hint: 'use one of equals, contains, startsWith, endsWith' });
    }
    if (e.llm) {
      return { type: 'llm_rubric', value: e.llm.prompt, model: e.llm.modelId, choices: e.llm.choices, ...(e.llm.systemPrompt ? { system: e.llm.systemPrompt } : {}) };
    }
    throw new PromptgateError(`evaluator "${e.name}" (${e.uses ?? 'no check'}) is not supported`, {
      file: path,
      line,
      hint: 'use a `string` or `llm` evaluator; built-in `uses: github/…` evaluators are not run by promptgate yet',
    });
  });
  return {
    path,
    format: 'github-models',
    messages: doc.messages,
    model: doc.model,
    params,
    testData: doc.testData,
    evaluators,
    name: doc.name,
    description: doc.description,
  };
}

function parseTextPrompt(path: string, text: string): PromptDoc {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { path, format: 'text', messages: [{ role: 'user', content: text }], params: {} };
  const front = parseWithSchema(FrontMatterSchema, parseYamlSource(path, m[1]!, 1), 'front matter');
  const messages: ChatMessage[] = [];
  if (front.system) messages.push({ role: 'system', content: front.system });
  messages.push({ role: 'user', content: text.slice(m[0].length) });
  return { path, format: 'text', messages, model: front.model, params: (front.params ?? {}) as ModelParams };
}

function parseChatFile(path: string, text: string): PromptDoc {
  let source;
  if (/\.json$/i.test(path)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new PromptgateError(`is not valid JSON: ${(err as Error).message}`, { file: path, hint: 'a chat prompt file is a JSON array of {"role", "content"} messages' });
    }
    source = { file: path, value, lineOf: () => undefined };
  } else {
    source = parseYamlSource(path, text);
  }
  const messages = parseWithSchema(z.array(MessageSchema).min(1), source, 'chat prompt file');
  return { path, format: 'chat', messages, params: {} };
}

const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

function lookup(vars: Record<string, unknown>, name: string): unknown {
  if (name in vars) return vars[name];
  let value: unknown = vars;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !(part in (value as object))) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Plain `{{var}}` substitution as GitHub Models does it: no HTML escaping, dotted paths for nested vars, non-string
 * values as JSON. Written by hand because mustache-style libraries escape HTML by default and render a missing
 * variable as an empty string, which would silently test a different prompt.
 */
export function renderTemplate(template: string, vars: Record<string, unknown>, where: { file: string; caseId: string }): string {
  return template.replace(VARIABLE, (_, name: string) => {
    const value = lookup(vars, name);
    if (value === undefined || value === null) {
      throw new PromptgateError(`case "${where.caseId}" has no variable "${name}", which the template uses`, {
        file: where.file,
        caseId: where.caseId,
        hint: `add "${name}" to the case's vars (or fix the spelling of {{${name}}} in the template)`,
      });
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

export function renderMessages(messages: ChatMessage[], vars: Record<string, unknown>, where: { file: string; caseId: string }): ChatMessage[] {
  return messages.map((m) => ({ role: m.role, content: renderTemplate(m.content, vars, where) }));
}

export function templateVariables(messages: ChatMessage[]): string[] {
  const names = new Set<string>();
  for (const m of messages) for (const match of m.content.matchAll(VARIABLE)) names.add(match[1]!);
  return [...names];
}
