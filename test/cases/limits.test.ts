import { describe, expect, it } from 'vitest';
import { casesFromRows, parseCases } from '../../src/cases/index.js';
import { MAX_COUNT, MAX_CSV_CELLS, MAX_JSON_VALUES, MAX_KEYS } from '../../src/config/limits.js';
import { errorOf } from '../support/errors.js';

/** Nested `levels` deep: `{"v": [[[ … "x" … ]]]}`, one level being the case object itself. */
const deepCase = (levels: number) => `{"q": "a", "v": ${'['.repeat(levels - 1)}"x"${']'.repeat(levels - 1)}}`;
const jsonl = (n: number, row = (i: number) => `{"q": "case ${i}"}`) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';

describe('eval set limits', () => {
  it('a case nested 10,000 deep is an error at its line and column, not a stack overflow', () => {
    const text = `{"q": "fine"}\n${deepCase(10_000)}\n`;
    const err = errorOf(() => parseCases('evals/deep.jsonl', text));
    expect(err.format()).toMatch(/^evals\/deep\.jsonl:2:80: nests lists and objects more than 64 levels deep, the limit\n {2}hint: flatten/);
  });

  it('the same in .json, .yaml and in a CSV vars cell', () => {
    expect(errorOf(() => parseCases('deep.json', `[\n${deepCase(10_000)}\n]`)).format()).toMatch(/^deep\.json:2:\d+: nests lists and objects more than 64 levels deep/);
    expect(errorOf(() => parseCases('deep.yaml', `- q: a\n- q: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`)).format()).toMatch(/^deep\.yaml:2: nests lists/);
    const cell = `"${'['.repeat(10_000)}${']'.repeat(10_000)}"`;
    expect(errorOf(() => parseCases('deep.csv', `q,vars\na,{}\nb,${cell}\n`)).format()).toMatch(/^deep\.csv:3: nests lists/);
  });

  it('nesting up to the limit is read', () => {
    const [c] = parseCases('ok.jsonl', deepCase(64) + '\n');
    expect(JSON.stringify(c!.vars.v)).toBe('['.repeat(63) + '"x"' + ']'.repeat(63));
  });

  it(`more than ${MAX_COUNT.cases.toLocaleString('en-US')} cases is one error, in every format`, () => {
    const n = MAX_COUNT.cases + 1;
    const message = /: has 20,001 cases, more than the limit of 20,000 cases per eval set\n {2}hint: split/;
    expect(errorOf(() => parseCases('e.jsonl', jsonl(n))).format()).toMatch(message);
    expect(errorOf(() => parseCases('e.json', `[${Array.from({ length: n }, (_, i) => `{"q": ${i}}`).join(',')}]`)).format()).toMatch(message);
    expect(errorOf(() => parseCases('e.csv', 'q\n' + Array.from({ length: n }, (_, i) => `case ${i}`).join('\n'))).format()).toMatch(message);
    expect(errorOf(() => parseCases('e.yaml', Array.from({ length: n }, (_, i) => `- q: ${i}`).join('\n'))).format()).toMatch(message);
    const rows = Array.from({ length: n }, (_, i) => ({ q: i }));
    expect(errorOf(() => casesFromRows(rows, 'p.prompt.yml')).format()).toMatch(/^p\.prompt\.yml: has 20,001 cases/);
    expect(parseCases('e.jsonl', jsonl(MAX_COUNT.cases))).toHaveLength(MAX_COUNT.cases);
  });

  it('an eval set over 64 MiB is an error naming the file and the limit, before it is parsed', () => {
    const text = `{"q": "${'x'.repeat(64 * 1024 * 1024)}"}\n`;
    expect(errorOf(() => parseCases('evals/big.jsonl', text)).format()).toMatch(/^evals\/big\.jsonl: is 64\.0 MiB, more than the 64 MiB limit for an eval set\n {2}hint: /);
  });

  it(`more than ${MAX_JSON_VALUES.toLocaleString('en-US')} JSON values, or an object with more than ${MAX_KEYS.toLocaleString('en-US')} keys, is an error at its place`, () => {
    const values = `[{"q": "a", "v": [${'0,'.repeat(MAX_JSON_VALUES)}0]}]`;
    expect(errorOf(() => parseCases('many.json', values)).format()).toMatch(/^many\.json:1:\d+: has more than 2,000,000 JSON values, the limit for one file/);
    const keys = Array.from({ length: MAX_KEYS }, (_, i) => `"k${i}": 0`).join(', ');
    expect(errorOf(() => parseCases('wide.jsonl', `{"q": "a"}\n{"vars": {"q": "b", ${keys}}}\n`)).format()).toMatch(
      /^wide\.jsonl:2:\d+: has an object with more than 10,000 keys, the limit for one object/,
    );
  });

  it(`a CSV with more than ${MAX_KEYS.toLocaleString('en-US')} columns or ${MAX_CSV_CELLS.toLocaleString('en-US')} cells is an error`, () => {
    const header = Array.from({ length: MAX_KEYS + 1 }, (_, i) => `c${i}`).join(',');
    expect(errorOf(() => parseCases('wide.csv', `${header}\n${header}\n`)).format()).toMatch(/^wide\.csv:1: has 10,001 columns, more than the limit of 10,000 columns/);
    const row = Array.from({ length: 1000 }, (_, i) => `v${i}`).join(',');
    const tall = Array.from({ length: 2001 }, () => row).join('\n');
    expect(errorOf(() => parseCases('cells.csv', tall)).format()).toMatch(/^cells\.csv: has 2,001,000 cells, more than the limit of 2,000,000 cells/);
  });

  it(`a case with more than ${MAX_COUNT.assertions} assertions is an error at its line`, () => {
    const assert = Array.from({ length: MAX_COUNT.assertions + 1 }, () => ({ type: 'contains', value: 'x' }));
    const err = errorOf(() => parseCases('a.jsonl', jsonl(1) + JSON.stringify({ id: 'many', q: 'b', assert }) + '\n'));
    expect(err.format()).toMatch(/^a\.jsonl:2: has 101 assertions in one list, more than the limit of 100 assertions per list \(case "many"\)/);
  });
});
