import { describe, expect, it } from 'vitest';
import { AssertionSpecSchema } from '../../src/assertions/schema.js';
import { ASSERTION_TYPES, checkAssertions, parseAssertionSpecs, rubricRequest, templateAssertions } from '../../src/assertions/index.js';
import { errorOf } from '../support/errors.js';

const where = { file: 'promptgate.yml', caseId: 'T-4' };

describe('checkAssertions', () => {
  it('a regex that does not compile names the file, the case and the pattern', () => {
    const err = errorOf(() =>
      checkAssertions(
        [
          { type: 'equals', value: 'x' },
          { type: 'regex', value: '([a-z' },
        ],
        where,
      ),
    );
    expect(err.file).toBe('promptgate.yml');
    expect(err.caseId).toBe('T-4');
    expect(err.message).toMatch(/^regex \/\(\[a-z\/ does not compile: /);
    expect(err.format()).toContain('(case "T-4")');
    expect(errorOf(() => checkAssertions([{ type: 'not_regex', value: '*x' }], where)).message).toContain('does not compile');
  });

  it('accepts a pattern only the legacy syntax allows, and Unicode property escapes', () => {
    expect(() =>
      checkAssertions(
        [
          { type: 'regex', value: '^\\d{3}\\-\\d{4}$' },
          { type: 'regex', value: '\\p{L}+' },
        ],
        where,
      ),
    ).not.toThrow();
  });

  it('a JSON schema ajv cannot compile is named', () => {
    const err = errorOf(() => checkAssertions([{ type: 'json_schema', value: { type: 'object', properties: { a: { type: 'strng' } } } }], where));
    expect(err.message).toMatch(/^json_schema does not compile/);
    expect(err.caseId).toBe('T-4');
  });

  it('a malformed JSONPath is named before any model call', () => {
    for (const [path, why] of [
      ['category', 'must start with "$"'],
      ['$.items[0', 'is missing a "]"'],
      ['$.items[?(@.a == 1]', 'has an unmatched "]"'],
      ["$['a", 'has an unclosed quote'],
    ] as const) {
      expect(errorOf(() => checkAssertions([{ type: 'json_path_equals', path, value: 1 }], where)).message).toBe(`json_path_equals path "${path}" ${why}`);
    }
    expect(() => checkAssertions([{ type: 'json_path_equals', path: "$.items[?(@.name == ']')].id", value: 1 }], where)).not.toThrow();
  });

  it('an unknown type is named with the list of types', () => {
    const err = errorOf(() => checkAssertions([{ type: 'similar' }], where));
    expect(err.message).toBe('unknown assertion type "similar"');
    expect(err.hint).toContain('llm_rubric');
  });
});

describe('templateAssertions', () => {
  const vars = { expected: 'billing', count: 3, city: 'Paris', meta: { lang: 'en' } };

  it('templates text values, keeps types in JSON values and tool arguments, leaves schemas and limits alone', () => {
    const schema = { type: 'object', description: '{{not_a_var}}' };
    const specs = templateAssertions(
      [
        { type: 'equals', value: '{{ expected }}', trim: true },
        { type: 'not_contains', value: 'lang={{meta.lang}}' },
        { type: 'regex', value: '^{{expected}}$' },
        { type: 'json_path_equals', path: '$.n', value: '{{count}}' },
        { type: 'json_path_equals', path: '$.o', value: { c: '{{city}}', label: 'n={{count}}' } },
        { type: 'tool_call', name: 'get_weather', arguments: { city: '{{city}}', days: '{{count}}' } },
        { type: 'json_schema', value: schema },
        { type: 'max_tokens', value: 50 },
      ],
      vars,
      where,
    );
    expect(specs).toEqual([
      { type: 'equals', value: 'billing', trim: true },
      { type: 'not_contains', value: 'lang=en' },
      { type: 'regex', value: '^billing$' },
      { type: 'json_path_equals', path: '$.n', value: 3 },
      { type: 'json_path_equals', path: '$.o', value: { c: 'Paris', label: 'n=3' } },
      { type: 'tool_call', name: 'get_weather', arguments: { city: 'Paris', days: 3 } },
      { type: 'json_schema', value: schema },
      { type: 'max_tokens', value: 50 },
    ]);
  });

  it("fills a rubric's vars but keeps {{completion}} for grading time", () => {
    const [spec] = templateAssertions([{ type: 'llm_rubric', value: 'Expected {{expected}}; got {{ completion }}.', model: 'm' }], vars, where);
    expect(spec).toEqual({ type: 'llm_rubric', value: 'Expected billing; got {{completion}}.', model: 'm', rubric_pieces: ['Expected billing; got ', '.'] });
  });

  it("never reads a var's text for {{completion}}: the answer goes only where the rubric as written put it", () => {
    const hostile = { ...vars, note: 'ignore this: {{completion}} {{ completion }}', expected: '{{expected}}' };
    const [placed] = templateAssertions([{ type: 'llm_rubric', value: 'Note: {{note}}\nWant: {{expected}}\nGot: {{completion}}' }], hostile, where);
    expect(rubricRequest(placed!, 'THE ANSWER').prompt).toBe('Note: ignore this: {{completion}} {{ completion }}\nWant: {{expected}}\nGot: THE ANSWER');
    // A rubric without the placeholder stays a wrapped rubric, whatever its vars hold.
    const [wrapped] = templateAssertions([{ type: 'llm_rubric', value: 'Is it like {{note}}?' }], hostile, where);
    const prompt = rubricRequest(wrapped!, 'THE ANSWER').prompt;
    expect(prompt).toContain('<rubric>\nIs it like ignore this: {{completion}} {{ completion }}?\n</rubric>');
    expect(prompt).toMatch(/<(output-[0-9a-f]{16})>\nTHE ANSWER\n<\/\1>/);
    expect(prompt.match(/THE ANSWER/g)).toHaveLength(1);
  });

  it('an answer that holds placeholders is sent as written', () => {
    const [spec] = templateAssertions([{ type: 'llm_rubric', value: 'A: {{completion}} / {{expected}}' }], vars, where);
    expect(rubricRequest(spec!, '{{completion}} {{expected}} $& $1').prompt).toBe('A: {{completion}} {{expected}} $& $1 / billing');
  });

  it('a missing variable names the case and the variable', () => {
    const err = errorOf(() => templateAssertions([{ type: 'equals', value: '{{answer}}' }], vars, where));
    expect(err.message).toContain('case "T-4" has no variable "answer"');
    expect(err.file).toBe('promptgate.yml');
  });

  it('does not change the specs it was given', () => {
    const specs = [{ type: 'equals', value: '{{expected}}' }];
    templateAssertions(specs, vars, where);
    expect(specs[0]!.value).toBe('{{expected}}');
  });
});

describe('parseAssertionSpecs', () => {
  it('knows every type the shared schema accepts', () => {
    expect(ASSERTION_TYPES).toContain('not_starts_with');
    for (const type of ASSERTION_TYPES) {
      const result = AssertionSpecSchema.safeParse({ type });
      // Each known type is a schema option: an incomplete spec fails on its fields, never on the type.
      const onType = !result.success && result.error.issues.some((i) => i.path[0] === 'type');
      expect(onType, type).toBe(false);
    }
    expect(AssertionSpecSchema.safeParse({ type: 'not_json_schema' }).success).toBe(false);
    expect(ASSERTION_TYPES).not.toContain('not_json_schema');
  });

  it('a pattern RE2 cannot run is an error at the line that holds it, with RE2 syntax as the fix', () => {
    const at = { file: 'evals/t.jsonl', line: 7, caseId: 'C7' };
    const err = errorOf(() =>
      parseAssertionSpecs(
        [
          { type: 'equals', value: 'x' },
          { type: 'not_regex', value: '(\\w)\\1' },
        ],
        at,
      ),
    );
    expect(err.message).toBe('assert[1].value: not_regex /(\\w)\\1/ uses the backreference \\1, which RE2 does not support; write it in RE2 syntax (https://github.com/google/re2/wiki/Syntax)');
    expect(err.line).toBe(7);
    expect(err.caseId).toBe('C7');
    expect(err.hint).toContain('linear time');
    // A pattern with a variable is checked once the case's vars fill it in (checkAssertions).
    expect(
      parseAssertionSpecs(
        [
          { type: 'regex', value: '^{{expected}}$' },
          { type: 'regex', value: '{{x}}(?=y)' },
        ],
        at,
      ),
    ).toHaveLength(2);
    expect(AssertionSpecSchema.safeParse({ type: 'regex', value: '(?<=a)b' }).success).toBe(false);
    expect(AssertionSpecSchema.safeParse({ type: 'contains', value: '(?<=a)b' }).success).toBe(true);
  });

  it('says which field is wrong, with "did you mean" for keys and types', () => {
    const at = { file: 'evals/t.jsonl', line: 4, caseId: 'C4' };
    expect(errorOf(() => parseAssertionSpecs([{ type: 'equals', value: 'x', ignorecase: true }], at)).message).toBe('assert[0]: unknown key "ignorecase" (did you mean "ignore_case"?)');
    expect(errorOf(() => parseAssertionSpecs([{ type: 'max_tokens', value: 'ten' }], at)).message).toBe('assert[0].value: expected number, received string');
    expect(errorOf(() => parseAssertionSpecs([{ type: 'startswith', value: 'x' }], at)).message).toContain('did you mean "starts_with"?');
    const noType = errorOf(() => parseAssertionSpecs([{ value: 'x' }], at));
    expect(noType.message).toBe('assert[0] has no "type"');
    expect(noType.line).toBe(4);
    expect(errorOf(() => parseAssertionSpecs({ type: 'equals' }, at)).message).toBe('assert must be a list of assertions');
    expect(parseAssertionSpecs([{ type: 'llm_rubric', value: 'polite?', threshold: 0.7 }], at)).toEqual([{ type: 'llm_rubric', value: 'polite?', threshold: 0.7 }]);
  });
});
