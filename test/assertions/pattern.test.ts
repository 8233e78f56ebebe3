import { describe, expect, it } from 'vitest';
import { checkAssertions, compileSchema, gradeOutput, parseJsonOutput, readGraderAnswer } from '../../src/assertions/index.js';
import type { AssertionSpec } from '../../src/assertions/schema.js';
import type { ModelOutput } from '../../src/run/types.js';
import { errorOf } from '../support/errors.js';

/**
 * Patterns and parsers that read a model's answer run in time linear in the answer (docs/untrusted-output.md). The
 * hostile inputs below take a backtracking engine from seconds to hours; each check must finish far inside a second.
 * The bound is not how the test waits (every call here is synchronous): it is what the test asserts.
 */

const out = (text: string): ModelOutput => ({ text, latencyMs: 1, usage: { input: 1, output: 1 } });
const where = { file: 'promptgate.yml', caseId: 'T-4' };

/** Runs `fn` and fails when it took longer than `ms`: long enough for a loaded CI machine, short for a blow-up. */
async function within<T>(ms: number, fn: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  expect(performance.now() - started).toBeLessThan(ms);
  return result;
}

async function passes(spec: AssertionSpec, text: string): Promise<boolean> {
  return (await gradeOutput([spec], out(text))).passed;
}

describe('regex and not_regex run in linear time', () => {
  // 2^28 backtracking steps for JavaScript's RegExp: seconds even once compiled to machine code; RE2 reads the 29
  // characters once.
  const evil = 'a'.repeat(28) + '!';

  it('a nested quantifier on an answer that almost matches', async () => {
    expect(await within(1000, () => passes({ type: 'not_regex', value: '^(a+)+$' }, evil))).toBe(true);
    expect(await within(1000, () => passes({ type: 'regex', value: '^(A+)+$', ignore_case: true }, evil))).toBe(false);
    expect(await passes({ type: 'regex', value: '^(a+)+$' }, 'aaaa')).toBe(true);
  });

  it('a trailing-run pattern on a long answer', async () => {
    // Quadratic for a backtracking engine: seconds on 50,000 blanks.
    expect(await within(1000, () => passes({ type: 'not_regex', value: '\\s+$' }, ' '.repeat(50_000) + 'x'))).toBe(true);
  });
});

describe('regex keeps JavaScript semantics', () => {
  // [pattern, ignore_case, text, matches]
  const table: [string, boolean, string, boolean][] = [
    ['^(?<word>\\w+)$', false, 'billing', true],
    ['caf\\u00e9', false, 'café', true],
    ['\\u{1F600}', false, 'smile 😀', true],
    ['^[^]+$', false, 'a\nb', true],
    ['^.+$', false, 'a\nb', false],
    ['^ÉLAN$', true, 'élan', true],
    ['^\\p{Lu}\\p{Ll}+$', false, 'Élan', true],
    ['^\\p{Script=Greek}+$', false, 'λόγος', true],
    ['^\\p{sc=Greek}+$', false, 'logos', false],
    ['^\\p{gc=Lu}', false, 'Ä', true],
    // JavaScript's \s: no-break and narrow no-break spaces, line separators, the BOM.
    ['^\\d+\\s€$', false, '12\u00a0€', true],
    ['^\\d+\\s€$', false, '12\u202f€', true],
    ['^a\\Sb$', false, 'a\u00a0b', false],
    ['^a[\\s]b$', false, 'a\u2028b', true],
    ['^a[^\\s]b$', false, 'a\ufeffb', false],
    ['^\\d{3}\\-\\d{4}$', false, '555-1234', true],
    ['a$', false, 'a\n', false],
    ['^b', false, 'a\nb', false],
    ['[(?=x)]', false, '=', true],
  ];
  for (const [pattern, ignoreCase, text, expected] of table) {
    it(`/${pattern}/${ignoreCase ? 'i' : ''} on ${JSON.stringify(text)} → ${expected}`, async () => {
      expect(await passes({ type: 'regex', value: pattern, ignore_case: ignoreCase }, text)).toBe(expected);
      expect(await passes({ type: 'not_regex', value: pattern, ignore_case: ignoreCase }, text)).toBe(!expected);
    });
  }
});

describe('a pattern RE2 cannot run is refused before any model call', () => {
  const cases: [string, RegExp][] = [
    ['(a)\\1', /uses the backreference \\1, which RE2 does not support/],
    ['(?<q>["\'])\\w+\\k<q>', /uses a named backreference \(\\k<…>\)/],
    ['^(?=.*refund)', /uses a lookahead \(\?=…\)/],
    ['^(?!sorry)', /uses a lookahead \(\?!…\)/],
    ['(?<=\\$)\\d+', /uses a lookbehind \(\?<=…\)/],
    ['(?<!no )refund', /uses a lookbehind \(\?<!…\)/],
    ['x{1001}', /does not compile: invalid repeat count/],
  ];
  for (const [pattern, why] of cases) {
    it(pattern, () => {
      const err = errorOf(() => checkAssertions([{ type: 'not_regex', value: pattern }], where));
      expect(err.message.startsWith(`not_regex /${pattern}/ `)).toBe(true);
      expect(err.message).toMatch(why);
      expect(err.file).toBe('promptgate.yml');
      expect(err.caseId).toBe('T-4');
      expect(err.hint).toContain('RE2');
      expect(err.hint).toContain('https://github.com/google/re2/wiki/Syntax');
    });
  }

  it('names the assertion type as written', () => {
    expect(errorOf(() => checkAssertions([{ type: 'regex', value: '(?=x)' }], where)).message).toMatch(/^regex \/\(\?=x\)\/ uses a lookahead/);
  });
});

describe('json_schema patterns run with RE2', () => {
  it('pattern and patternProperties on a hostile answer', async () => {
    const schema = { type: 'object', properties: { code: { type: 'string', pattern: '^(a+)+$' } }, patternProperties: { '^(x+)+$': { type: 'number' } } };
    const spec = { type: 'json_schema', value: schema };
    expect(await within(1000, () => passes(spec, JSON.stringify({ code: 'a'.repeat(28) + '!' })))).toBe(false);
    expect(await within(1000, () => passes(spec, JSON.stringify({ code: 'aaa', ['x'.repeat(28) + '!']: 'not a number' })))).toBe(true);
    expect(await passes(spec, JSON.stringify({ code: 'aaa', xxx: 'not a number' }))).toBe(false);
    expect((await gradeOutput([spec], out(JSON.stringify({ code: 'b' })))).reason).toBe('json_schema: /code must match pattern "^(a+)+$"');
  });

  it('a pattern RE2 cannot run is named as a json_schema pattern', () => {
    const err = errorOf(() => compileSchema({ type: 'string', pattern: '^(?!draft)' }, where));
    expect(err.message).toBe('json_schema pattern /^(?!draft)/ uses a lookahead (?!…), which RE2 does not support');
    expect(err.hint).toContain('RE2');
    expect(err.caseId).toBe('T-4');
  });
});

describe('parsers of the answer are linear', () => {
  it('a fence that never closes, over a long run of blanks', async () => {
    expect(await within(1000, () => parseJsonOutput('```\n' + ' '.repeat(50_000) + 'x'))).toEqual({ ok: false });
    expect(await within(1000, () => parseJsonOutput('```json\n' + '\t'.repeat(50_000) + '1\n```'))).toEqual({ ok: true, value: 1 });
  });

  it('fences read as before', () => {
    expect(parseJsonOutput(' ```JSON \r\n{"a": 1}\r\n  ``` \n')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonOutput('```jsonc\n[1]```')).toEqual({ ok: true, value: [1] });
    expect(parseJsonOutput('```\n```')).toEqual({ ok: false });
    expect(parseJsonOutput('```json {"a": 1}```')).toEqual({ ok: false });
    expect(parseJsonOutput('```yaml\na: 1\n```')).toEqual({ ok: false });
    expect(parseJsonOutput('```\n"x```"\n```')).toEqual({ ok: true, value: 'x```' });
  });

  it('a grader answer of trailing punctuation', async () => {
    const choices = [{ choice: 'good', score: 1 }];
    expect(await within(1000, () => readGraderAnswer('!'.repeat(50_000) + 'x', choices))).toEqual({ unreadable: true });
    expect(readGraderAnswer('"Good!!"', choices)).toEqual({ score: 1, choice: 'good' });
  });
});
