import { PromptgateError } from '../errors.js';
import { checkJsonPath, compileRegex, compileSchema, type AssertionWhere } from './compile.js';
import type { AssertionSpec } from './schema.js';
import { ASSERTION_TYPES } from './validate.js';

/**
 * Everything about an assertion that can be wrong before a model answers: an unknown type, a regex that does not
 * compile, a JSON schema ajv rejects, a malformed JSONPath. Run on each case's templated assertions before the
 * first (paid) call, so a bad one stops the review naming the file and the case. Compiled forms are cached for
 * grading.
 */
export function checkAssertions(specs: AssertionSpec[], where: AssertionWhere): void {
  for (const spec of specs) {
    if (!ASSERTION_TYPES.includes(spec.type)) {
      throw new PromptgateError(`unknown assertion type "${spec.type}"`, { ...where, hint: `use one of: ${ASSERTION_TYPES.join(', ')}` });
    }
    if (spec.type === 'regex' || spec.type === 'not_regex') compileRegex(String(spec.value), spec.ignore_case === true, where, spec.type);
    if (spec.type === 'json_schema') compileSchema(spec.value, where);
    if (spec.type === 'json_path_equals') checkJsonPath(String(spec.path), where);
    if (spec.type === 'llm_rubric' && Array.isArray(spec.choices) && spec.choices.length === 0) {
      throw new PromptgateError('llm_rubric has an empty list of choices', {
        ...where,
        hint: 'list the choices the grader may answer with, each with a score in [0, 1], or leave `choices` out for a 0–1 score',
      });
    }
  }
}
