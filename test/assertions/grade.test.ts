import { describe, expect, it } from 'vitest';
import { gradeOutput, type GradeContext } from '../../src/assertions/index.js';
import type { AssertionSpec } from '../../src/assertions/schema.js';
import { PromptgateError } from '../../src/errors.js';
import type { ModelOutput } from '../../src/run/types.js';

const out = (text: string, extra: Partial<ModelOutput> = {}): ModelOutput => ({ text, latencyMs: 800, usage: { input: 50, output: 12 }, ...extra });

async function passes(spec: AssertionSpec, output: ModelOutput | string): Promise<boolean> {
  return (await gradeOutput([spec], typeof output === 'string' ? out(output) : output)).passed;
}

async function reason(spec: AssertionSpec, output: ModelOutput | string): Promise<string | undefined> {
  return (await gradeOutput([spec], typeof output === 'string' ? out(output) : output)).reason;
}

describe('text assertions', () => {
  // [spec, output, passes]
  const table: [AssertionSpec, string, boolean][] = [
    [{ type: 'equals', value: 'billing' }, 'billing', true],
    [{ type: 'equals', value: 'billing' }, 'Billing', false],
    [{ type: 'equals', value: 'billing' }, ' billing\n', false],
    [{ type: 'equals', value: 'billing', trim: true }, ' billing\n', true],
    [{ type: 'equals', value: 'billing', ignore_case: true }, 'BILLING', true],
    [{ type: 'equals', value: 'billing', trim: true, ignore_case: true }, '  Billing ', true],
    [{ type: 'contains', value: 'refund' }, 'We will refund you', true],
    [{ type: 'contains', value: 'Refund' }, 'We will refund you', false],
    [{ type: 'contains', value: 'Refund', ignore_case: true }, 'We will refund you', true],
    [{ type: 'icontains', value: 'REFUND' }, 'We will refund you', true],
    [{ type: 'icontains', value: 'credit' }, 'We will refund you', false],
    [{ type: 'starts_with', value: 'Category:' }, 'Category: bug', true],
    [{ type: 'starts_with', value: 'Category:' }, ' Category: bug', false],
    [{ type: 'starts_with', value: 'Category:', trim: true }, ' Category: bug', true],
    [{ type: 'starts_with', value: 'category:', ignore_case: true }, 'Category: bug', true],
    [{ type: 'ends_with', value: 'bug' }, 'Category: bug', true],
    [{ type: 'ends_with', value: 'bug' }, 'Category: bug\n', false],
    [{ type: 'ends_with', value: 'BUG', trim: true, ignore_case: true }, 'Category: bug\n', true],
    [{ type: 'regex', value: '^(billing|bug)$' }, 'bug', true],
    [{ type: 'regex', value: '^(billing|bug)$' }, 'Bug', false],
    [{ type: 'regex', value: '^(billing|bug)$', ignore_case: true }, 'Bug', true],
    [{ type: 'regex', value: '^(billing|bug)$', trim: true }, ' bug\n', true],
    [{ type: 'regex', value: '^\\p{Lu}' }, 'Élan', true],
    [{ type: 'regex', value: '^\\d{3}\\-\\d{4}$' }, '555-1234', true],
  ];
  for (const [spec, output, expected] of table) {
    it(`${JSON.stringify(spec)} on ${JSON.stringify(output)} → ${expected ? 'pass' : 'fail'}`, async () => {
      expect(await passes(spec, output)).toBe(expected);
      // Every not_* is the exact negation of its base type.
      expect(await passes({ ...spec, type: `not_${spec.type}` }, output)).toBe(!expected);
    });
  }

  it('says what was expected and what came back, briefly', async () => {
    expect(await reason({ type: 'equals', value: 'billing' }, 'Billing issue')).toBe('equals: expected "billing", got "Billing issue"');
    expect(await reason({ type: 'contains', value: 'refund' }, 'no')).toBe('contains: "refund" not found in "no"');
    expect(await reason({ type: 'not_contains', value: 'sorry' }, 'so sorry')).toBe('not_contains: found "sorry" in "so sorry"');
    expect(await reason({ type: 'regex', value: '^\\d+$' }, 'abc')).toBe('regex: /^\\d+$/ does not match "abc"');
    expect(await reason({ type: 'not_equals', value: 'x' }, 'x')).toBe('not_equals: got "x", which it must not equal');
    const long = await reason({ type: 'equals', value: 'a'.repeat(300) }, 'b'.repeat(300));
    expect(long!.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^equals: expected "a+…", got "b+…"$/);
  });
});

describe('JSON assertions', () => {
  const fenced = '```json\n{"category": "billing", "items": [{"id": 1}, {"id": 2}], "n": 3}\n```';

  it('is_json accepts plain JSON and a ```json fence, not prose around JSON', async () => {
    expect(await passes({ type: 'is_json' }, '{"a": 1}')).toBe(true);
    expect(await passes({ type: 'is_json' }, '  [1, 2]\n')).toBe(true);
    expect(await passes({ type: 'is_json' }, fenced)).toBe(true);
    expect(await passes({ type: 'is_json' }, '```\n{"a": 1}\n```')).toBe(true);
    expect(await passes({ type: 'is_json' }, 'Here you go: {"a": 1}')).toBe(false);
    expect(await passes({ type: 'is_json' }, '{"a": 1,}')).toBe(false);
    expect(await passes({ type: 'not_is_json' }, 'plain words')).toBe(true);
    expect(await reason({ type: 'is_json' }, 'nope')).toBe('is_json: not JSON: "nope"');
  });

  it('json_schema validates with ajv and formats, and says where it failed', async () => {
    const schema = {
      type: 'object',
      required: ['category', 'email'],
      properties: { category: { enum: ['billing', 'bug'] }, email: { type: 'string', format: 'email' } },
    };
    expect(await passes({ type: 'json_schema', value: schema }, '{"category": "bug", "email": "a@b.co"}')).toBe(true);
    expect(await passes({ type: 'json_schema', value: schema }, '```json\n{"category": "bug", "email": "a@b.co"}\n```')).toBe(true);
    expect(await passes({ type: 'json_schema', value: schema }, '{"category": "bug", "email": "not an email"}')).toBe(false);
    expect(await reason({ type: 'json_schema', value: schema }, '{"category": "other", "email": "a@b.co"}')).toBe('json_schema: /category must be equal to one of the allowed values');
    expect(await reason({ type: 'json_schema', value: schema }, 'nope')).toBe('json_schema: not JSON: "nope"');
  });

  it('json_schema honours a draft 2020-12 schema', async () => {
    const schema = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'number' }], items: false };
    expect(await passes({ type: 'json_schema', value: schema }, '[1]')).toBe(true);
    expect(await passes({ type: 'json_schema', value: schema }, '[1, 2]')).toBe(false);
  });

  it('json_path_equals compares what the path finds, deeply', async () => {
    expect(await passes({ type: 'json_path_equals', path: '$.category', value: 'billing' }, fenced)).toBe(true);
    expect(await passes({ type: 'json_path_equals', path: '$.items[1]', value: { id: 2 } }, fenced)).toBe(true);
    expect(await passes({ type: 'json_path_equals', path: '$.items[*].id', value: [1, 2] }, fenced)).toBe(true);
    expect(await passes({ type: 'json_path_equals', path: '$.n', value: 3 }, fenced)).toBe(true);
    expect(await passes({ type: 'json_path_equals', path: '$.n', value: '3' }, fenced)).toBe(false);
    expect(await reason({ type: 'json_path_equals', path: '$.n', value: '3' }, fenced)).toBe('json_path_equals: $.n is 3, expected "3"');
    expect(await reason({ type: 'json_path_equals', path: '$.missing', value: null }, fenced)).toBe('json_path_equals: $.missing not found');
    expect(await passes({ type: 'json_path_equals', path: '$.a', value: 1 }, 'not json')).toBe(false);
  });
});

describe('limits', () => {
  it('max_tokens reads the output tokens; max_latency_ms the call latency', async () => {
    expect(await passes({ type: 'max_tokens', value: 12 }, out('x', { usage: { input: 999, output: 12 } }))).toBe(true);
    expect(await reason({ type: 'max_tokens', value: 11 }, out('x', { usage: { input: 1, output: 12 } }))).toBe('max_tokens: 12 output tokens > 11');
    expect(await passes({ type: 'max_latency_ms', value: 800 }, out('x', { latencyMs: 800 }))).toBe(true);
    expect(await reason({ type: 'max_latency_ms', value: 500 }, out('x', { latencyMs: 812.4 }))).toBe('max_latency_ms: 812 ms > 500 ms');
  });
});

describe('tool_call', () => {
  const calls = out('', {
    toolCalls: [
      { name: 'search', arguments: '{"q": "x"}' },
      { name: 'get_weather', arguments: '{"city": "Paris", "units": "c", "when": {"day": 1, "hour": 9}, "tags": ["a"]}' },
    ],
  });

  it('passes when the named function is called with (at least) the expected arguments', async () => {
    expect(await passes({ type: 'tool_call', name: 'get_weather' }, calls)).toBe(true);
    expect(await passes({ type: 'tool_call', name: 'get_weather', arguments: { city: 'Paris' } }, calls)).toBe(true);
    expect(await passes({ type: 'tool_call', name: 'get_weather', arguments: { when: { day: 1 } } }, calls)).toBe(true);
    expect(await passes({ type: 'tool_call', name: 'get_weather', arguments: { tags: ['a'] } }, calls)).toBe(true);
  });

  it('fails on another function, a different or missing argument, or arguments that are not JSON', async () => {
    expect(await reason({ type: 'tool_call', name: 'book' }, calls)).toBe('tool_call: no call to book (called search, get_weather)');
    expect(await reason({ type: 'tool_call', name: 'book' }, out('text'))).toBe('tool_call: no call to book (no tool calls)');
    expect(await reason({ type: 'tool_call', name: 'get_weather', arguments: { city: 'Lyon' } }, calls)).toBe('tool_call: get_weather arguments.city is "Paris", expected "Lyon"');
    expect(await reason({ type: 'tool_call', name: 'get_weather', arguments: { when: { hour: 10 } } }, calls)).toBe('tool_call: get_weather arguments.when.hour is 9, expected 10');
    expect(await passes({ type: 'tool_call', name: 'get_weather', arguments: { tags: ['a', 'b'] } }, calls)).toBe(false);
    expect(await reason({ type: 'tool_call', name: 'f', arguments: { a: 1 } }, out('', { toolCalls: [{ name: 'f', arguments: '{oops' }] }))).toBe('tool_call: f arguments are not JSON: "{oops"');
  });

  it('any one of several calls to the function may match', async () => {
    const twice = out('', {
      toolCalls: [
        { name: 'f', arguments: '{"a": 1}' },
        { name: 'f', arguments: '{"a": 2}' },
      ],
    });
    expect(await passes({ type: 'tool_call', name: 'f', arguments: { a: 2 } }, twice)).toBe(true);
  });
});

describe('llm_rubric', () => {
  const recorder = (answer: string) => {
    const requests: Parameters<NonNullable<GradeContext['grader']>>[0][] = [];
    const ctx: GradeContext = {
      grader: async (req) => {
        requests.push(req);
        return answer;
      },
    };
    return { ctx, requests };
  };

  it('sends the rubric and the output to the grader and passes at a score ≥ 0.5 by default', async () => {
    const { ctx, requests } = recorder('The answer is polite.\nSCORE: 0.5');
    const grade = await gradeOutput([{ type: 'llm_rubric', value: 'Is it polite?', model: 'gpt-4o' }], out('Thank you!'), ctx);
    expect(grade).toMatchObject({ passed: true, score: 0.5 });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.model).toBe('gpt-4o');
    expect(requests[0]!.prompt).toContain('Is it polite?');
    expect(requests[0]!.prompt).toContain('Thank you!');
  });

  it('respects a threshold, and scores choices', async () => {
    const low = await gradeOutput([{ type: 'llm_rubric', value: 'r', threshold: 0.8 }], out('x'), recorder('SCORE: 0.7').ctx);
    expect(low).toMatchObject({ passed: false, score: 0.7, reason: 'llm_rubric: score 0.7 < 0.8' });
    const choices = [
      { choice: 'good', score: 1 },
      { choice: 'partly', score: 0.4 },
      { choice: 'bad', score: 0 },
    ];
    const partly = await gradeOutput([{ type: 'llm_rubric', value: 'r', choices }], out('x'), recorder('It is partly right.\npartly').ctx);
    expect(partly).toMatchObject({ passed: false, score: 0.4 });
    expect(partly.reason).toBe('llm_rubric: score 0.4 < 0.5 (grader chose "partly")');
  });

  it('fills {{completion}} in a GitHub Models judge prompt instead of appending the output', async () => {
    const { ctx, requests } = recorder('4');
    const spec = { type: 'llm_rubric', value: 'Q: What is 2+2?\nA: {{completion}}\nStars:', system: 'Rate 1-5.', choices: [1, 2, 3, 4, 5].map((n) => ({ choice: String(n), score: (n - 1) / 4 })) };
    const grade = await gradeOutput([spec], out('four'), ctx);
    expect(requests[0]).toEqual({ system: 'Rate 1-5.', prompt: 'Q: What is 2+2?\nA: four\nStars:' });
    expect(grade).toMatchObject({ passed: true, score: 0.75 });
  });

  it('an unreadable grader answer fails the assertion with the answer in the reason', async () => {
    const grade = await gradeOutput(
      [
        {
          type: 'llm_rubric',
          value: 'r',
          choices: [
            { choice: 'yes', score: 1 },
            { choice: 'no', score: 0 },
          ],
        },
      ],
      out('x'),
      recorder('maybe').ctx,
    );
    expect(grade).toMatchObject({ passed: false, score: 0, reason: 'llm_rubric: grader answered "maybe", not one of yes/no' });
  });

  it('without a grader it is a clear error, not a silent pass or fail', async () => {
    await expect(gradeOutput([{ type: 'llm_rubric', value: 'r' }], out('x'))).rejects.toThrow(PromptgateError);
    await expect(gradeOutput([{ type: 'llm_rubric', value: 'r' }], out('x'))).rejects.toThrow(/needs a grader model/);
  });
});

describe('gradeOutput', () => {
  it('passes only when every assertion passes; score is the mean; reason is the first failure', async () => {
    const specs: AssertionSpec[] = [{ type: 'contains', value: 'bill' }, { type: 'equals', value: 'billing' }, { type: 'max_tokens', value: 1 }, { type: 'is_json' }];
    const grade = await gradeOutput(specs, out('billing issue'));
    expect(grade.passed).toBe(false);
    expect(grade.score).toBe(0.25);
    expect(grade.reason).toBe('equals: expected "billing", got "billing issue"');
    expect(grade.results.map((r) => [r.type, r.passed, r.score])).toEqual([
      ['contains', true, 1],
      ['equals', false, 0],
      ['max_tokens', false, 0],
      ['is_json', false, 0],
    ]);
    const all = await gradeOutput(specs.slice(0, 1), out('billing'));
    expect(all).toEqual({ passed: true, score: 1, results: [{ type: 'contains', passed: true, score: 1 }] });
  });

  it('mixes a graded score into the mean', async () => {
    const grade = await gradeOutput(
      [
        { type: 'contains', value: 'a' },
        { type: 'llm_rubric', value: 'r' },
      ],
      out('a'),
      { grader: async () => 'SCORE: 0.6' },
    );
    expect(grade).toMatchObject({ passed: true, score: 0.8 });
  });

  it('an unknown type is an error', async () => {
    await expect(gradeOutput([{ type: 'not_max_tokens', value: 3 }], out('x'))).rejects.toThrow(/unknown assertion type "not_max_tokens"/);
  });
});
