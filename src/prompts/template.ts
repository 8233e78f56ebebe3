import { checkCount, MAX_COUNT, type RenderBudget } from '../config/limits.js';
import { PromptgateError } from '../errors.js';
import { renderDotprompt } from './dotprompt.js';
import { renderJinja, splitPromptyTurns } from './prompty.js';
import type { BodyTemplate, ChatMessage } from './types.js';

/**
 * `{{ name }}` with optional spaces inside the braces; a name is an identifier, optionally dotted (`{{a.b}}`,
 * `{{items.0}}`). Anything else between double braces (a Jinja example, `{{#if}}`, a JSON sample in the prompt) is
 * left as written, which is also what GitHub Models does with text that is not one of the row's keys.
 */
const VARIABLE = /\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;

export interface TemplateWhere {
  file: string;
  caseId: string;
}

type Lookup = { found: true; value: unknown } | { found: false; missing: string };

/** A literal key wins over a dotted path, so a CSV column named `user.name` still works as `{{user.name}}`. */
function lookup(vars: Record<string, unknown>, name: string): Lookup {
  if (Object.hasOwn(vars, name)) return { found: true, value: vars[name] };
  let value: unknown = vars;
  const parts = name.split('.');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) {
      return { found: false, missing: parts.slice(0, i + 1).join('.') };
    }
    value = (value as Record<string, unknown>)[part];
  }
  return { found: true, value };
}

function missingVariable(name: string, missing: string, vars: Record<string, unknown>, where: TemplateWhere): PromptgateError {
  const known = Object.keys(vars);
  const detail = missing === name ? '' : ` ("${missing}" is not there)`;
  return new PromptgateError(`case "${where.caseId}" has no variable "${name}"${detail}, which {{${name}}} needs`, {
    file: where.file,
    caseId: where.caseId,
    hint: `add "${missing}" to the case's vars, or fix {{${name}}}; the case has: ${known.length ? known.join(', ') : '(no vars)'}`,
  });
}

/** The value of one variable as the prompt shows it: strings as they are, anything else as JSON. */
export function variableText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Plain `{{var}}` substitution as GitHub Models does it: no HTML escaping, dotted paths for nested vars, non-string
 * values as JSON, one pass (a value that itself contains `{{x}}` is not expanded again). Written by hand because
 * Mustache-style libraries escape HTML by default and render a missing variable as an empty string, which would
 * silently test a different prompt; here a missing (or null) variable is an error naming the case and the variable.
 */
export function renderTemplate(template: string, vars: Record<string, unknown>, where: TemplateWhere): string {
  const text = renderWithin(template, vars, where, MAX_COUNT.renderedChars);
  if (text === undefined) tooLarge(renderedLength(template, vars), where);
  return text;
}

/**
 * The template rendered, or undefined as soon as the result would be longer than `limit`: the length is kept up
 * to date as variables are filled in, so a large variable used many times never builds the oversized string
 * (see docs/input-limits.md).
 */
function renderWithin(template: string, vars: Record<string, unknown>, where: TemplateWhere, limit: number): string | undefined {
  let length = template.length;
  const text = template.replace(VARIABLE, (match: string, name: string) => {
    if (length > limit) return '';
    const hit = lookup(vars, name);
    if (!hit.found) throw missingVariable(name, hit.missing, vars, where);
    if (hit.value === null || hit.value === undefined) {
      throw new PromptgateError(`case "${where.caseId}" has variable "${name}" set to null, which {{${name}}} would render as nothing`, {
        file: where.file,
        caseId: where.caseId,
        hint: `give "${name}" a value in the case (an empty string "" if empty is what you mean)`,
      });
    }
    const value = variableText(hit.value);
    length += value.length - match.length;
    return length > limit ? '' : value;
  });
  return length > limit ? undefined : text;
}

/** The length `renderTemplate` gives, without building the string (a variable that is missing counts as written). */
function renderedLength(template: string, vars: Record<string, unknown>): number {
  let length = template.length;
  for (const m of template.matchAll(VARIABLE)) {
    const hit = lookup(vars, m[1]!);
    if (hit.found && hit.value !== null && hit.value !== undefined) length += variableText(hit.value).length - m[0].length;
  }
  return length;
}

function tooLarge(length: number, where: TemplateWhere): never {
  checkCount('renderedChars', length, { file: where.file, caseId: where.caseId });
  throw new Error(`unreachable: ${length} characters are within the limit`);
}

/**
 * A template that is exactly one `{{var}}` (spaces allowed) gives the variable's own value, keeping its type, so
 * `json_path_equals: { value: "{{count}}" }` compares with the number 3, not the string "3".
 * Returns undefined when the template is anything else.
 */
export function soleVariable(template: string): string | undefined {
  const m = /^\{\{\s*([A-Za-z_][\w-]*(?:\.[\w-]+)*)\s*\}\}$/.exec(template);
  return m?.[1];
}

export function renderValue(template: string, vars: Record<string, unknown>, where: TemplateWhere): unknown {
  const name = soleVariable(template);
  if (name === undefined) return renderTemplate(template, vars, where);
  const hit = lookup(vars, name);
  if (!hit.found) throw missingVariable(name, hit.missing, vars, where);
  if (hit.value === undefined) throw missingVariable(name, name, vars, where);
  return hit.value;
}

/**
 * Every message of a prompt rendered for one case. All of them together may hold at most MAX_COUNT.renderedChars
 * characters; with a `budget` (one per review), they also count towards the review's total.
 */
export function renderMessages(messages: ChatMessage[], vars: Record<string, unknown>, where: TemplateWhere, budget?: RenderBudget): ChatMessage[] {
  let total = 0;
  const rendered: ChatMessage[] = [];
  for (const m of messages) {
    if (m.body) {
      const turns = renderBody(m.content, m.body, vars, where, MAX_COUNT.renderedChars - total);
      for (const turn of turns) {
        total += turn.content.length;
        rendered.push(turn);
      }
      if (total > MAX_COUNT.renderedChars) tooLarge(total, where);
      continue;
    }
    const content = renderWithin(m.content, vars, where, MAX_COUNT.renderedChars - total);
    if (content === undefined)
      tooLarge(
        messages.reduce((n, each) => n + renderedLength(each.content, vars), 0),
        where,
      );
    total += content.length;
    rendered.push({ role: m.role, content });
  }
  budget?.take(total, { file: where.file, caseId: where.caseId });
  return rendered;
}

/**
 * A Prompty (Jinja) or Dotprompt (Handlebars) body rendered with its own engine and split into turns. The case's
 * vars win over the file's defaults; `{{expected}}` is there as with every format.
 */
function renderBody(template: string, body: BodyTemplate, vars: Record<string, unknown>, where: TemplateWhere, limit: number): ChatMessage[] {
  const all = { ...body.defaults, ...vars };
  if (body.engine === 'jinja') return splitPromptyTurns(renderJinja(template, all, where, Math.max(limit, 0)), where);
  return renderDotprompt(template, all, where, Math.max(limit, 0));
}

/** Every variable the messages use, in order of first use, for `promptgate validate`. */
export function templateVariables(messages: ChatMessage[]): string[] {
  const names = new Set<string>();
  for (const m of messages) if (!m.body) for (const match of m.content.matchAll(VARIABLE)) names.add(match[1]!);
  return [...names];
}
