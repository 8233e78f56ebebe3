import * as jinja from '@huggingface/jinja';
import { z } from 'zod';
import { ModelParamsSchema, type ModelParams } from './params.js';
import { parseWithSchema, parseYamlSource } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { splitFrontMatter } from './text.js';
import type { ChatMessage, ChatRole, PromptDoc } from './types.js';

/**
 * Prompty (`.prompty`, microsoft/prompty): YAML front matter and a Jinja body whose `system:` / `user:` /
 * `assistant:` lines start turns. The body is rendered as a whole (so a `{% for %}` may emit turns), then split, as
 * Prompty does. See docs/formats.md.
 */

const ConfigurationSchema = z.looseObject({
  type: z.string().optional(),
  azure_deployment: z.string().optional(),
  name: z.string().optional(),
  model: z.string().optional(),
});

const InputSchema = z.union([
  z.looseObject({ type: z.string().optional(), description: z.string().optional(), default: z.unknown().optional(), sample: z.unknown().optional() }),
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
]);

const FrontMatterSchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  model: z
    .strictObject({
      api: z.enum(['chat', 'completion']).optional(),
      configuration: ConfigurationSchema.optional(),
      parameters: ModelParamsSchema.optional(),
      response: z.unknown().optional(),
      connection: z.unknown().optional(),
      id: z.string().optional(),
    })
    .optional(),
  inputs: z.record(z.string(), InputSchema).optional(),
  sample: z.union([z.record(z.string(), z.unknown()), z.string()]).optional(),
  template: z.union([z.string(), z.looseObject({ format: z.string().optional(), parser: z.string().optional() })]).optional(),
});

/** `${env:NAME}` or `${env:NAME:default}`, Prompty's reference to the environment. */
const ENV_REF = /^\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?\}$/;

export function parsePrompty(path: string, text: string): PromptDoc {
  const split = splitFrontMatter(path, text);
  if (split.yaml === undefined) {
    throw new PromptgateError('has no front matter', {
      file: path,
      line: 1,
      hint: 'a .prompty file starts with "---", YAML front matter (name, model, inputs, sample), "---", then the template',
    });
  }
  const source = parseYamlSource(path, split.yaml, 1, 'prompt');
  const front = parseWithSchema(FrontMatterSchema, { ...source, value: source.value ?? {} }, 'Prompty front matter');
  if (front.model?.api === 'completion') {
    throw new PromptgateError('uses model.api "completion", which promptgate does not run', {
      file: path,
      line: source.lineOf(['model', 'api']),
      hint: 'promptgate calls chat completion endpoints; use "api: chat" (the body then becomes system/user/assistant turns)',
    });
  }
  const template = typeof front.template === 'string' ? front.template : front.template?.format;
  if (template !== undefined && !['jinja2', 'jinja'].includes(template)) {
    throw new PromptgateError(`uses template "${template}", which promptgate does not render`, {
      file: path,
      line: source.lineOf(['template']),
      hint: 'use the default Jinja template format (remove the template key)',
    });
  }
  if (typeof front.sample === 'string') {
    throw new PromptgateError('has a sample that refers to another file, which promptgate does not read', {
      file: path,
      line: source.lineOf(['sample']),
      hint: 'write the sample values in the front matter (sample: { name: ... }), or give the values in the eval cases',
    });
  }
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(front.inputs ?? {})) {
    if (spec !== null && typeof spec === 'object') {
      if (spec.default !== undefined) defaults[name] = spec.default;
      else if (spec.sample !== undefined) defaults[name] = spec.sample;
    } else if (spec !== null) defaults[name] = spec;
  }
  Object.assign(defaults, front.sample ?? {});
  checkJinja(path, split.body, split.bodyLine);
  const model = modelName(front.model?.configuration) ?? front.model?.id;
  return {
    path,
    format: 'prompty',
    messages: [{ role: 'user', content: split.body, body: { engine: 'jinja', defaults } }],
    ...(model !== undefined ? { model } : {}),
    params: (front.model?.parameters ?? {}) as ModelParams,
    ...(front.name !== undefined ? { name: front.name } : {}),
    ...(front.description !== undefined ? { description: front.description } : {}),
  };
}

/**
 * The model a Prompty names: Azure's `azure_deployment`, else OpenAI's `name` (or `model`). `${env:X:default}`
 * gives its default; `${env:X}` without one names no model, so promptgate.yml's model applies: a prompt file may not
 * read the runner's environment (see docs/security.md).
 */
function modelName(configuration: z.infer<typeof ConfigurationSchema> | undefined): string | undefined {
  const raw = configuration?.azure_deployment ?? configuration?.name ?? configuration?.model;
  if (raw === undefined) return undefined;
  const env = ENV_REF.exec(raw.trim());
  if (env) return env[2] === undefined || env[2] === '' ? undefined : env[2];
  return raw;
}

function checkJinja(path: string, body: string, line: number): void {
  if (body.trim() === '') throw new PromptgateError('has no prompt text', { file: path, line, hint: 'write the template after the front matter' });
  try {
    new Template(body);
  } catch (err) {
    throw new PromptgateError(`has a template promptgate cannot read: ${(err as Error).message}`, {
      file: path,
      line,
      hint: 'fix the Jinja syntax; {% include %}, {% import %} and {% extends %} are not supported (a prompt file must be self-contained)',
      cause: err,
    });
  }
}

/** Prompty's role lines: `system:`, `# user:`, `assistant[name="x"]:` on a line of their own. */
const ROLE_LINE = /^[ \t]*#?[ \t]*(system|user|assistant|function|tool|developer)(\[[^\]\n]*\])?[ \t]*:[ \t]*$/gim;

/** The rendered body split into turns, as Prompty's chat parser does: text before the first role line is `system`. */
export function splitPromptyTurns(rendered: string, where: { file: string; caseId: string }): ChatMessage[] {
  const turns: ChatMessage[] = [];
  let role: string = 'system';
  let start = 0;
  const push = (end: number): void => {
    const content = rendered.slice(start, end).trim();
    if (content === '') return;
    if (role === 'function' || role === 'tool') {
      throw new PromptgateError(`renders a "${role}:" turn, which promptgate does not send`, {
        file: where.file,
        caseId: where.caseId,
        hint: 'use system, user and assistant turns',
      });
    }
    turns.push({ role: role as ChatRole, content });
  };
  for (const m of rendered.matchAll(ROLE_LINE)) {
    push(m.index);
    role = m[1]!.toLowerCase();
    start = m.index + m[0].length;
  }
  push(rendered.length);
  if (turns.length === 0) {
    throw new PromptgateError('renders no message text', { file: where.file, caseId: where.caseId, hint: 'check the template: every turn is empty for this case' });
  }
  return turns;
}

// ---- Bounded Jinja rendering ----------------------------------------------------------------------------------

/** Steps (expression and statement evaluations) one render may take: `{% for i in range(10**9) %}` stops here. */
export const JINJA_MAX_STEPS = 100_000;
/** Items `range()` may make at once (a list of them is built in memory). */
export const JINJA_MAX_RANGE = 10_000;

// The library's .d.ts files import each other without extensions, which NodeNext resolution does not follow, so
// the few shapes used here are declared locally.
interface RuntimeValue {
  type: string;
  value: unknown;
  toString(): string;
}
interface Statement {
  type: string;
}
interface Environment {
  set(name: string, value: unknown): unknown;
}
interface InterpreterShape {
  run(program: unknown): RuntimeValue;
  evaluate(statement: Statement | undefined, environment: Environment): RuntimeValue;
}
const Interpreter = jinja.Interpreter as unknown as new (env: Environment) => InterpreterShape;
const Environment = jinja.Environment as unknown as new () => Environment;
const Template = jinja.Template as unknown as new (source: string) => { parsed: unknown };

/** Statements that are expressions printed with `{{ }}`, as opposed to tags like `{% set %}`. */
const TAGS = new Set(['Set', 'If', 'For', 'Macro', 'CallStatement', 'Break', 'Continue', 'Comment', 'FilterStatement']);

class RenderLimit extends Error {}

/** Steps of one render: each evaluation is one, and each item `range()` makes is one. */
class Steps {
  private used = 0;
  take(n: number): void {
    this.used += n;
    if (this.used > JINJA_MAX_STEPS) throw new RenderLimit(`more than ${JINJA_MAX_STEPS.toLocaleString('en-US')} steps`);
  }
}

/**
 * The Jinja interpreter with limits: every evaluation counts a step, no value may be longer than the render's
 * character limit, and all text produced (loop bodies included) counts towards twice that limit. An expression that
 * prints an undefined value is an error naming it, never empty text (docs/contract.md: a missing variable is an error).
 */
class BoundedInterpreter extends Interpreter {
  private produced = 0;
  constructor(
    env: Environment,
    private readonly steps: Steps,
    private readonly limit: number,
    private readonly onUndefined: (expr: string) => never,
  ) {
    super(env);
    // evaluateBlock is private in the library's types; it is where printed values are joined.
    (this as unknown as { evaluateBlock: (s: Statement[], e: Environment) => RuntimeValue }).evaluateBlock = (statements, environment) => {
      let result = '';
      for (const statement of statements) {
        const value = this.evaluate(statement, environment);
        if (value.type === 'UndefinedValue' && !TAGS.has(statement.type)) this.onUndefined(describe(statement));
        if (value.type !== 'NullValue' && value.type !== 'UndefinedValue') {
          result += value.toString();
          if (result.length > this.limit) throw new RenderLimit(`text longer than ${this.limit} characters`);
        }
      }
      this.produced += result.length;
      if (this.produced > 2 * this.limit + 1_000_000) throw new RenderLimit('more text than a prompt can hold');
      return this.evaluate({ type: 'StringLiteral', value: result } as unknown as Statement, environment);
    };
  }

  override evaluate(statement: Statement | undefined, environment: Environment): RuntimeValue {
    this.steps.take(1);
    const value = super.evaluate(statement, environment);
    const inner: unknown = value.value;
    if ((typeof inner === 'string' || Array.isArray(inner)) && inner.length > this.limit) {
      throw new RenderLimit(`a value longer than ${this.limit.toLocaleString('en-US')}`);
    }
    return value;
  }
}

/** `name`, `user.name`, `items[0]` — for messages. */
function describe(node: unknown): string {
  const n = node as { type: string; value?: unknown; object?: unknown; property?: unknown; computed?: boolean };
  if (n.type === 'Identifier') return String(n.value);
  if (n.type === 'MemberExpression') {
    const property = n.property as { type: string; value?: unknown };
    return n.computed ? `${describe(n.object)}[${JSON.stringify(property.value)}]` : `${describe(n.object)}.${describe(property)}`;
  }
  if (n.type === 'StringLiteral' || n.type === 'IntegerLiteral') return JSON.stringify(n.value);
  return 'an expression';
}

function boundedRange(steps: Steps, ...nums: unknown[]): number[] {
  if (!nums.every((v) => Number.isInteger(v))) throw new Error('range() takes integers');
  const [start, stop, step] = nums.length === 1 ? [0, nums[0] as number, 1] : [nums[0] as number, nums[1] as number, (nums[2] as number | undefined) ?? 1];
  if (step === 0) throw new Error('range() step must not be zero');
  const count = Math.max(0, Math.ceil((stop - start) / step));
  if (count > JINJA_MAX_RANGE) throw new RenderLimit(`range() of ${count.toLocaleString('en-US')} items (at most ${JINJA_MAX_RANGE.toLocaleString('en-US')})`);
  steps.take(count);
  return Array.from({ length: count }, (_, i) => start + i * step);
}

/**
 * Render a Jinja body for one case. Only the template language itself runs: there is no loader (no include, import
 * or extends), the variables are data (no functions), the library's values have no JavaScript prototype behind them,
 * and the render is bounded in steps and size (see docs/formats.md, "Untrusted templates").
 */
export function renderJinja(body: string, vars: Record<string, unknown>, where: { file: string; caseId: string }, limit: number): string {
  const program = new Template(body).parsed;
  const env = new Environment();
  for (const [k, v] of [
    ['true', true],
    ['false', false],
    ['none', null],
    ['True', true],
    ['False', false],
    ['None', null],
  ] as const)
    env.set(k, v);
  const steps = new Steps();
  env.set('range', (...nums: unknown[]) => boundedRange(steps, ...nums));
  env.set('raise_exception', (message: unknown) => {
    throw new PromptgateError(`case "${where.caseId}": the template raised: ${String(message ?? '')}`, { file: where.file, caseId: where.caseId });
  });
  for (const [k, v] of Object.entries(vars)) env.set(k, v);
  const interpreter = new BoundedInterpreter(env, steps, limit, (expr) => {
    const known = Object.keys(vars);
    throw new PromptgateError(`case "${where.caseId}" has no variable "${expr}", which {{ ${expr} }} needs`, {
      file: where.file,
      caseId: where.caseId,
      hint: `add it to the case's vars (or to the file's sample / inputs defaults), or test it with {% if ${expr} is defined %}; the case has: ${known.length ? known.join(', ') : '(no vars)'}`,
    });
  });
  try {
    return String(interpreter.run(program).value);
  } catch (err) {
    if (err instanceof PromptgateError) throw err;
    if (err instanceof RenderLimit) {
      throw new PromptgateError(`case "${where.caseId}": the template stopped after ${err.message}`, {
        file: where.file,
        caseId: where.caseId,
        hint: 'a prompt template renders a bounded amount of text; shorten loops over range() or large variables',
      });
    }
    if (err instanceof RangeError) {
      throw new PromptgateError(`case "${where.caseId}": the template recursed or grew too deep to render`, { file: where.file, caseId: where.caseId, cause: err });
    }
    throw new PromptgateError(`case "${where.caseId}": the template failed: ${(err as Error).message}`, {
      file: where.file,
      caseId: where.caseId,
      hint: "check the Jinja expressions against the case's vars",
      cause: err,
    });
  }
}
