import { renderTemplate, renderValue, type TemplateWhere } from '../prompts/template.js';
import type { AssertionSpec } from './schema.js';

/**
 * `{{completion}}` in an `llm` judge's prompt is the answer being graded (GitHub Models' convention), filled in at
 * grading time; templating with the case's vars leaves it in place.
 */
export const COMPLETION_VARIABLE = 'completion';

/** `{{completion}}`, spaces allowed inside the braces, as the prompt template syntax reads a variable. */
export const COMPLETION_PLACEHOLDER = new RegExp(`\\{\\{\\s*${COMPLETION_VARIABLE}\\s*\\}\\}`);

/**
 * Where a templated `llm_rubric` keeps its rubric: the text around each `{{completion}}` of the rubric as written,
 * each piece with the case's vars filled in. The answer goes between the pieces at grading time, so neither a var's
 * text nor the answer is ever read again for placeholders (see docs/untrusted-output.md): a case var that holds
 * "{{completion}}" reaches the judge as those characters.
 */
export const RUBRIC_PIECES = 'rubric_pieces';

/** The rubric as written, split at each `{{completion}}`. */
export function splitAtCompletion(rubric: string): string[] {
  return rubric.split(new RegExp(COMPLETION_PLACEHOLDER.source, 'g'));
}

const TEXT_TYPES = new Set(['equals', 'contains', 'icontains', 'starts_with', 'ends_with', 'regex']);

function renderDeep(value: unknown, vars: Record<string, unknown>, where: TemplateWhere): unknown {
  if (typeof value === 'string') return renderValue(value, vars, where);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, vars, where));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, vars, where)]));
  }
  return value;
}

/**
 * The case's copy of its assertions, with `{{var}}` filled in (docs/contract.md §4): text `value`s; `json_path_equals` values
 * and `tool_call` arguments, where a string that is exactly one `{{var}}` keeps the variable's type; an
 * `llm_rubric` rubric, in one pass that leaves its `{{completion}}` for grading time (see RUBRIC_PIECES). JSON
 * schemas, paths and limits are used as written. A missing variable is an error naming the case, as in prompts.
 */
export function templateAssertions(specs: AssertionSpec[], vars: Record<string, unknown>, where: TemplateWhere): AssertionSpec[] {
  return specs.map((spec) => {
    const base = spec.type.replace(/^not_/, '');
    if (TEXT_TYPES.has(base) && typeof spec.value === 'string') return { ...spec, value: renderTemplate(spec.value, vars, where) };
    if (spec.type === 'json_path_equals') return { ...spec, value: renderDeep(spec.value, vars, where) };
    if (spec.type === 'tool_call') {
      return {
        ...spec,
        ...(typeof spec.name === 'string' ? { name: renderTemplate(spec.name, vars, where) } : {}),
        ...(spec.arguments !== undefined ? { arguments: renderDeep(spec.arguments, vars, where) } : {}),
      };
    }
    if (spec.type === 'llm_rubric' && typeof spec.value === 'string') {
      const pieces = splitAtCompletion(spec.value).map((piece) => renderTemplate(piece, vars, where));
      return { ...spec, value: pieces.join(`{{${COMPLETION_VARIABLE}}}`), [RUBRIC_PIECES]: pieces };
    }
    return spec;
  });
}
