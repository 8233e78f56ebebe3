import { describe, expect, it } from 'vitest';
import { casesFromRows, derivedCaseId, parseCases } from '../../src/cases/index.js';
import { errorOf } from '../support/errors.js';

const jsonl = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('record shape (docs/contract.md §1)', () => {
  it('reads id, vars, expected, tags and assert; expected is also a var', () => {
    const [c] = parseCases('evals/t.jsonl', jsonl({ id: 'T-1', vars: { ticket: 'charged twice' }, expected: 'billing', tags: ['billing', 'urgent'], assert: [{ type: 'contains', value: 'bill' }] }));
    expect(c).toEqual({
      id: 'T-1',
      vars: { ticket: 'charged twice', expected: 'billing' },
      expected: 'billing',
      tags: ['billing', 'urgent'],
      assert: [{ type: 'contains', value: 'bill' }],
      line: 1,
    });
  });

  it('without "vars", every other key is a var', () => {
    const [c] = parseCases('t.jsonl', jsonl({ id: 7, ticket: 'x', lang: 'en', expected: 'bug', tags: ['a'] }));
    expect(c!.id).toBe('7');
    expect(c!.vars).toEqual({ ticket: 'x', lang: 'en', expected: 'bug' });
    expect(c!.tags).toEqual(['a']);
  });

  it('a var named expected is not overwritten by the expected field', () => {
    const [c] = parseCases('t.jsonl', jsonl({ vars: { expected: 'own' }, expected: 'field' }));
    expect(c!.vars.expected).toBe('own');
    expect(c!.expected).toBe('field');
  });

  it('a typo next to "vars" is an unknown key with a "did you mean"', () => {
    const err = errorOf(() => parseCases('t.jsonl', jsonl({ id: 'a', vars: { q: 1 } }, { id: 'b', vars: { q: 2 }, expectd: 'x' })));
    expect(err.message).toContain('line 2: unknown key "expectd"');
    expect(err.message).toContain('did you mean "expected"');
    expect(err.line).toBe(2);
    expect(err.caseId).toBe('b');
  });

  it('rejects vars that are not an object, tags that are not strings, an empty case and a non-object', () => {
    expect(errorOf(() => parseCases('t.jsonl', jsonl({ vars: 'q' }))).message).toContain('"vars" must be an object');
    expect(errorOf(() => parseCases('t.jsonl', jsonl({ q: 1, tags: [{ a: 1 }] }))).message).toContain('"tags" must be a list of strings');
    expect(errorOf(() => parseCases('t.jsonl', jsonl({ q: 1 }, {}))).message).toBe('line 2: the case is empty');
    expect(errorOf(() => parseCases('t.jsonl', '[1, 2]\n')).message).toContain('a case must be an object');
    expect(errorOf(() => parseCases('t.jsonl', jsonl({ id: true, q: 1 }))).message).toContain('"id"');
  });

  it("validates a case's assert with the assertion schema, naming line, case and the nearest type", () => {
    const err = errorOf(() => parseCases('evals/t.jsonl', jsonl({ id: 'ok', q: 1 }, { id: 'C9', q: 2, assert: [{ type: 'equal', value: 'x' }] })));
    expect(err.line).toBe(2);
    expect(err.caseId).toBe('C9');
    expect(err.message).toContain('assert[0]: unknown assertion type "equal" (did you mean "equals"?)');
    const missing = errorOf(() => parseCases('t.jsonl', jsonl({ q: 2, assert: [{ type: 'regex' }] })));
    expect(missing.message).toContain('assert[0].value: is missing');
  });
});

describe('ids', () => {
  it('derives a stable id from vars and expected: reordering rows or keys changes nothing', () => {
    const a = parseCases('t.jsonl', jsonl({ vars: { q: 'one', lang: 'en' }, expected: 'x' }, { vars: { q: 'two' } }));
    const b = parseCases('t.jsonl', jsonl({ vars: { q: 'two' } }, { expected: 'x', vars: { lang: 'en', q: 'one' } }));
    expect(a[0]!.id).toMatch(/^c-[0-9a-f]{8}$/);
    expect(b[1]!.id).toBe(a[0]!.id);
    expect(b[0]!.id).toBe(a[1]!.id);
    expect(a[0]!.id).not.toBe(a[1]!.id);
    // The flat form of the same content gets the same id as the vars form.
    expect(parseCases('t.jsonl', jsonl({ q: 'two' }))[0]!.id).toBe(a[1]!.id);
  });

  it('tags and assertions do not change a derived id; expected does', () => {
    expect(derivedCaseId({ q: 1 }, undefined)).toBe(parseCases('t.jsonl', jsonl({ q: 1, tags: ['t'], assert: [{ type: 'is_json' }] }))[0]!.id);
    expect(derivedCaseId({ q: 1 }, 'a')).not.toBe(derivedCaseId({ q: 1 }, 'b'));
    expect(derivedCaseId({ q: 1 }, 'a')).toBe(derivedCaseId({ q: 1 }, 'a'));
  });

  it('a duplicate id is an error naming both lines', () => {
    const err = errorOf(() => parseCases('evals/t.jsonl', jsonl({ id: 'C1', q: 1 }, { id: 'C2', q: 2 }, { id: 'C1', q: 3 })));
    expect(err.message).toBe('duplicate case id "C1" (line 1 and line 3)');
    expect(err.line).toBe(3);
    expect(err.caseId).toBe('C1');
    expect(err.format()).toMatch(/^evals\/t\.jsonl:3: duplicate case id "C1"/);
  });

  it('identical cases without ids clash, and say why', () => {
    const err = errorOf(() => parseCases('t.yaml', '- q: same\n- q: other\n- q: same\n'));
    expect(err.message).toMatch(/duplicate case id "c-[0-9a-f]{8}" \(line 1 and line 3\)/);
    expect(err.hint).toContain('identical cases clash');
  });
});

describe('JSONL', () => {
  it('names the line of malformed JSON, with its column', () => {
    const err = errorOf(() => parseCases('evals/t.jsonl', '{"q": 1}\n{"q": 2,}\n{"q": 3}\n'));
    expect(err.message).toMatch(/^line 2 is not valid JSON/);
    expect(err.line).toBe(2);
    expect(err.column).toBe(9);
  });

  it('a blank line between records is named; trailing blank lines and CRLF are fine', () => {
    const err = errorOf(() => parseCases('t.jsonl', '{"q": 1}\n\n{"q": 2}\n'));
    expect(err.message).toBe('line 2 is empty');
    expect(err.line).toBe(2);
    expect(parseCases('t.jsonl', '{"q": 1}\r\n{"q": 2}\r\n\r\n\n').map((c) => c.line)).toEqual([1, 2]);
  });

  it('an empty file is an error', () => {
    expect(errorOf(() => parseCases('t.jsonl', '')).message).toBe('has no cases');
    expect(errorOf(() => parseCases('t.jsonl', '\n  \n')).message).toBe('has no cases');
  });
});

describe('JSON', () => {
  it('reads an array of cases with their lines', () => {
    const cases = parseCases('t.json', '[\n  {"id": "a", "vars": {"q": 1}},\n  {"id": "b", "vars": {"q": 2}, "tags": "x;y"}\n]\n');
    expect(cases.map((c) => [c.id, c.line, c.tags])).toEqual([
      ['a', 2, []],
      ['b', 3, ['x', 'y']],
    ]);
  });

  it("finds each case's line past nested values and brackets inside strings", () => {
    const text = '[{"id": "a", "vars": {"q": "[{\\"x\\", ]"}, "assert": [\n  {"type": "is_json"}]},\n\n  {"id": "b",\n "vars": {"q": "}"}}, {"id": "c", "q": [1, [2]]}\n]';
    expect(parseCases('t.json', text).map((c) => [c.id, c.line])).toEqual([
      ['a', 1],
      ['b', 4],
      ['c', 5],
    ]);
  });

  it('names the line of a syntax error, of a bad case, and refuses a non-array and an empty array', () => {
    expect(errorOf(() => parseCases('t.json', '[\n {"q": 1},\n {"q": 2\n]')).line).toBe(4);
    const bad = errorOf(() => parseCases('t.json', '[\n {"q": 1},\n {"vars": {"q": 2}, "tag": "x"}\n]'));
    expect(bad.message).toContain('unknown key "tag"');
    expect(bad.line).toBe(3);
    expect(errorOf(() => parseCases('t.json', '{"cases": []}')).message).toContain('must be a JSON list of cases');
    expect(errorOf(() => parseCases('t.json', '[]')).message).toBe('has no cases');
  });
});

describe('YAML', () => {
  it('reads a list of cases with their lines', () => {
    const text = '- id: a\n  vars: { q: 1 }\n  expected: x\n- id: b\n  vars:\n    q: 2\n  assert:\n    - { type: icontains, value: "{{expected}}" }\n  expected: y\n';
    const cases = parseCases('t.yaml', text);
    expect(cases.map((c) => [c.id, c.line])).toEqual([
      ['a', 1],
      ['b', 4],
    ]);
    expect(cases[1]!.assert).toEqual([{ type: 'icontains', value: '{{expected}}' }]);
  });

  it('malformed YAML names the line; an assert error names the assert line', () => {
    const syntax = errorOf(() => parseCases('t.yml', '- q: 1\n- q: [2\n- q: 3\n'));
    expect(syntax.message).toContain('is not valid YAML');
    expect(syntax.line).toBeGreaterThanOrEqual(2);
    const assert = errorOf(() => parseCases('t.yml', '- id: a\n  q: 1\n  assert:\n    - { type: regex, value: "x", flags: g }\n'));
    expect(assert.message).toContain('assert[0]: unknown key "flags"');
    expect(assert.line).toBe(3);
    expect(errorOf(() => parseCases('t.yml', '')).message).toBe('has no cases');
    expect(errorOf(() => parseCases('t.yml', 'q: 1\n')).message).toContain('must be a YAML list');
  });
});

describe('CSV', () => {
  it('every column is a var except id, expected, tags (;-separated) and assert (JSON)', () => {
    const text = 'id,ticket,lang,expected,tags,assert\nT1,charged twice,en,billing,billing; urgent,"[{""type"": ""contains"", ""value"": ""bill""}]"\n,app crashes,fr,,bug,\n';
    const [a, b] = parseCases('evals/t.csv', text);
    expect(a).toEqual({
      id: 'T1',
      vars: { ticket: 'charged twice', lang: 'en', expected: 'billing' },
      expected: 'billing',
      tags: ['billing', 'urgent'],
      assert: [{ type: 'contains', value: 'bill' }],
      line: 2,
    });
    // An empty id or expected cell is absent: the id is derived, and there is no `expected`.
    expect(b!.id).toBe(derivedCaseId({ ticket: 'app crashes', lang: 'fr' }, undefined));
    expect(b!.expected).toBeUndefined();
    expect(b!.tags).toEqual(['bug']);
  });

  it('numbers each record by the line it starts on, across quoted line breaks, blank lines, a BOM and CRLF', () => {
    const text = '\uFEFFid,q\r\na,"two\r\nlines"\r\n\r\nb,é\r\nc,"x\r\ny\r\nz"\r\nd,last';
    expect(parseCases('t.csv', text).map((c) => [c.id, c.line])).toEqual([
      ['a', 2],
      ['b', 5],
      ['c', 6],
      ['d', 9],
    ]);
  });

  it('names the line of a malformed record, and refuses duplicate or empty column names', () => {
    const ragged = errorOf(() => parseCases('t.csv', 'id,q\na,1\nb,2,3\n'));
    expect(ragged.message).toContain('is not valid CSV');
    expect(ragged.line).toBe(3);
    const quote = errorOf(() => parseCases('t.csv', 'id,q\na,1\nb,"2"x\n'));
    expect(quote.line).toBe(3);
    expect(errorOf(() => parseCases('t.csv', 'q,q\n1,2\n')).message).toBe('has two columns named "q"');
    expect(errorOf(() => parseCases('t.csv', 'id,q\n')).message).toBe('has no cases');
    const cell = errorOf(() => parseCases('t.csv', 'q,assert\n1,not json\n'));
    expect(cell.message).toContain('"assert" cell is not valid JSON');
    expect(cell.line).toBe(2);
  });
});

describe('GitHub Models testData rows', () => {
  it('are flat records, every key a var as in gh models eval, named file#row (1-based)', () => {
    const cases = casesFromRows(
      [
        { name: 'Ada', expected: 'Hi Ada' },
        { id: 'bob', name: 'Bob', tags: 'x' },
      ],
      'prompts/greet.prompt.yml',
    );
    expect(cases[0]).toEqual({ id: 'greet.prompt.yml#1', vars: { name: 'Ada', expected: 'Hi Ada' }, expected: 'Hi Ada', tags: [], assert: [] });
    expect(cases[1]).toEqual({ id: 'greet.prompt.yml#2', vars: { id: 'bob', name: 'Bob', tags: 'x' }, tags: [], assert: [] });
  });

  it('identical rows are two cases, as gh runs them both', () => {
    expect(casesFromRows([{ name: 'A' }, { name: 'A' }], 'p.prompt.yml').map((c) => c.id)).toEqual(['p.prompt.yml#1', 'p.prompt.yml#2']);
  });
});

it('refuses an unknown eval-set extension', () => {
  const err = errorOf(() => parseCases('evals/t.xlsx', 'x'));
  expect(err.message).toContain('not an eval-set format');
  expect(err.hint).toContain('.jsonl');
});
