import { randomUUID } from 'node:crypto';
import Handlebars from 'handlebars';
import { z } from 'zod';
import type { ModelParams } from './params.js';
import { parseWithSchema, parseYamlSource } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { splitFrontMatter } from './text.js';
import type { ChatMessage, ChatRole, PromptDoc } from './types.js';

/**
 * Dotprompt (`.prompt` with Dotprompt front matter, google/dotprompt, Firebase Genkit): YAML front matter and a
 * Handlebars body whose `{{role "system"}}` markers start turns (text before the first marker is a user turn).
 * See docs/formats.md.
 */

const ConfigSchema = z.looseObject({
  temperature: z.number().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  topP: z.number().optional(),
  topK: z.number().optional(),
  stopSequences: z.array(z.string()).optional(),
  seed: z.number().int().optional(),
});

const FrontMatterSchema = z.looseObject({
  model: z.string().min(1).optional(),
  config: ConfigSchema.optional(),
  input: z.looseObject({ schema: z.unknown().optional(), default: z.record(z.string(), z.unknown()).optional() }).optional(),
  output: z.unknown().optional(),
  tools: z.array(z.unknown()).optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  variant: z.string().optional(),
  metadata: z.unknown().optional(),
});

/** Dotprompt `config` keys and the OpenAI parameter each becomes; others pass through under their own name. */
const CONFIG_TO_PARAM: Record<string, string> = {
  maxOutputTokens: 'max_tokens',
  topP: 'top_p',
  stopSequences: 'stop',
};

export function parseDotprompt(path: string, text: string): PromptDoc {
  const split = splitFrontMatter(path, text);
  const source = parseYamlSource(path, split.yaml ?? '', 1, 'prompt');
  const front = parseWithSchema(FrontMatterSchema, { ...source, value: source.value ?? {} }, 'Dotprompt front matter');
  if (front.tools !== undefined && front.tools.length > 0) {
    throw new PromptgateError('declares tools, which promptgate does not run', {
      file: path,
      line: source.lineOf(['tools']),
      hint: 'remove `tools` for the eval, or test tool calls with a GitHub Models .prompt.yml and a tool_call assertion',
    });
  }
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(front.config ?? {})) {
    if (key === 'topK') {
      throw new PromptgateError('sets config.topK, which OpenAI-compatible endpoints do not take', {
        file: path,
        line: source.lineOf(['config', 'topK']),
        hint: 'remove topK (temperature, topP, maxOutputTokens, stopSequences and seed are sent)',
      });
    }
    params[CONFIG_TO_PARAM[key] ?? key] = value;
  }
  if (split.body.trim() === '') throw new PromptgateError('has no prompt text', { file: path, line: split.bodyLine, hint: 'write the template after the front matter' });
  compileChecked(path, split.body, split.bodyLine);
  return {
    path,
    format: 'dotprompt',
    messages: [{ role: 'user', content: split.body, body: { engine: 'handlebars', defaults: front.input?.default ?? {} } }],
    ...(front.model !== undefined ? { model: front.model } : {}),
    params: params as ModelParams,
    ...(front.name !== undefined ? { name: front.name } : {}),
    ...(front.description !== undefined ? { description: front.description } : {}),
  };
}

// ---- Bounded Handlebars rendering -----------------------------------------------------------------------------

/** Block-helper iterations (`{{#each}}` bodies) one render may run. */
export const HANDLEBARS_MAX_ITERATIONS = 200_000;

/** Dotprompt's helpers that promptgate provides; anything else is a compile error (knownHelpersOnly). */
const HELPERS = ['role', 'json', 'ifEquals', 'unlessEquals', 'history', 'section'] as const;
const BUILTIN = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;

/** Node types a prompt file may not use: partials (which could recurse) and decorators (inline partials). */
const FORBIDDEN = new Set(['PartialStatement', 'PartialBlockStatement', 'Decorator', 'DecoratorBlock']);

function checkAst(path: string, body: string, line: number): void {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(body);
  } catch (err) {
    throw new PromptgateError(`has a template promptgate cannot read: ${(err as Error).message.split('\n')[0]}`, {
      file: path,
      line: line + (/line (\d+)/.exec((err as Error).message)?.[1] ? Number(/line (\d+)/.exec((err as Error).message)![1]) - 1 : 0),
      hint: 'fix the Handlebars syntax',
      cause: err,
    });
  }
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const n = node as { type?: string; loc?: { start: { line: number } } };
    if (typeof n.type === 'string' && FORBIDDEN.has(n.type)) {
      throw new PromptgateError(`uses a ${n.type.startsWith('Partial') ? 'partial ({{> name}})' : 'decorator or inline partial ({{#*inline}})'}, which promptgate does not render`, {
        file: path,
        line: n.loc ? line + n.loc.start.line - 1 : line,
        hint: 'write the text in the prompt file itself: a prompt file must be self-contained',
      });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'loc' && value !== null && typeof value === 'object') stack.push(value);
  }
}

function compileChecked(path: string, body: string, line: number): void {
  checkAst(path, body, line);
  try {
    Handlebars.precompile(body, compileOptions());
  } catch (err) {
    throw new PromptgateError(`has a template promptgate cannot render: ${(err as Error).message.split('\n')[0]}`, {
      file: path,
      line,
      hint: `only Handlebars' built-in helpers (${BUILTIN.join(', ')}) and Dotprompt's (${HELPERS.join(', ')}) are available`,
      cause: err,
    });
  }
}

function compileOptions(): CompileOptions {
  return {
    noEscape: true,
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])),
    // Prototype access stays off (the default since Handlebars 4.6); said here so it is not changed by accident.
    allowProtoPropertiesByDefault: false,
    allowProtoMethodsByDefault: false,
  } as CompileOptions;
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

const ROLES: Record<string, ChatRole> = { system: 'system', user: 'user', model: 'assistant', assistant: 'assistant' };

/**
 * Render a Dotprompt body for one case and split it into turns. A fresh Handlebars environment per render holds
 * only Dotprompt's helpers; role markers carry a random nonce, so a variable's text can never start a turn; block
 * iterations and output size are bounded (see docs/formats.md, "Untrusted templates").
 */
export function renderDotprompt(body: string, vars: Record<string, unknown>, where: { file: string; caseId: string }, limit: number): ChatMessage[] {
  const hb = Handlebars.create();
  const nonce = randomUUID();
  const marker = (kind: string): string => `\u0000${nonce}:${kind}\u0000`;
  let iterations = 0;
  let produced = 0;
  const tick = (text: string): string => {
    if (++iterations > HANDLEBARS_MAX_ITERATIONS) throw new RenderLimit(`more than ${HANDLEBARS_MAX_ITERATIONS.toLocaleString('en-US')} block iterations`);
    produced += text.length;
    if (produced > 2 * limit + 1_000_000) throw new RenderLimit('more text than a prompt can hold');
    return text;
  };
  hb.registerHelper('role', (role: unknown) => new hb.SafeString(marker(`role:${String(role)}`)));
  hb.registerHelper('history', () => '');
  hb.registerHelper('section', () => '');
  hb.registerHelper('json', (value: unknown, options: { hash?: { indent?: number } }) => JSON.stringify(value, null, options?.hash?.indent ?? 0) ?? 'null');
  hb.registerHelper('ifEquals', function (this: unknown, a: unknown, b: unknown, options: Handlebars.HelperOptions) {
    return a === b ? options.fn(this) : options.inverse(this);
  });
  hb.registerHelper('unlessEquals', function (this: unknown, a: unknown, b: unknown, options: Handlebars.HelperOptions) {
    return a !== b ? options.fn(this) : options.inverse(this);
  });
  for (const name of ['each', 'with', 'if', 'unless']) {
    const builtin = hb.helpers[name] as (...args: unknown[]) => unknown;
    hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as Handlebars.HelperOptions;
      const wrap = (fn: Handlebars.TemplateDelegate) => (context: unknown, opts?: unknown) => tick(fn(context, opts as Handlebars.RuntimeOptions));
      const bounded = { ...options, fn: wrap(options.fn), inverse: wrap(options.inverse) };
      return builtin.apply(this, [...args.slice(0, -1), bounded]);
    });
  }
  let rendered: string;
  try {
    rendered = hb.compile(body, compileOptions())(vars, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  } catch (err) {
    const missing = /^"([^"]+)" not defined in/.exec((err as Error).message);
    if (missing) {
      const known = Object.keys(vars);
      throw new PromptgateError(`case "${where.caseId}" has no variable "${missing[1]}", which the template needs`, {
        file: where.file,
        caseId: where.caseId,
        hint: `add "${missing[1]}" to the case's vars (or to input.default), or guard it with {{#if ${missing[1]}}}; the case has: ${known.length ? known.join(', ') : '(no vars)'}`,
      });
    }
    if (err instanceof RenderLimit) {
      throw new PromptgateError(`case "${where.caseId}": the template stopped after ${err.message}`, {
        file: where.file,
        caseId: where.caseId,
        hint: 'a prompt template renders a bounded amount of text; shorten {{#each}} loops over large variables',
      });
    }
    throw new PromptgateError(`case "${where.caseId}": the template failed: ${(err as Error).message.split('\n')[0]}`, { file: where.file, caseId: where.caseId, cause: err });
  }
  return splitTurns(rendered, `\u0000${nonce}:role:`, where);
}

class RenderLimit extends Error {}

function splitTurns(rendered: string, rolePrefix: string, where: { file: string; caseId: string }): ChatMessage[] {
  const parts = rendered.split(rolePrefix);
  const turns: ChatMessage[] = [];
  const push = (role: ChatRole, text: string): void => {
    const content = text.trim();
    if (content !== '') turns.push({ role, content });
  };
  push('user', parts[0]!);
  for (const part of parts.slice(1)) {
    const end = part.indexOf('\u0000');
    const name = part.slice(0, end);
    const role = ROLES[name];
    if (!role) {
      throw new PromptgateError(`uses {{role "${name}"}}, which promptgate does not send`, {
        file: where.file,
        caseId: where.caseId,
        hint: 'use {{role "system"}}, {{role "user"}} or {{role "model"}}',
      });
    }
    push(role, part.slice(end + 1));
  }
  if (turns.length === 0) throw new PromptgateError('renders no message text', { file: where.file, caseId: where.caseId, hint: 'check the template: every turn is empty for this case' });
  return turns;
}
