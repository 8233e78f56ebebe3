import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfig } from '../../src/config/load.js';
import { checkCount, checkSize, checkValueShape, guardParse, MAX_COUNT, MAX_DEPTH, MAX_FILE_BYTES, MAX_KEYS, MAX_YAML_TOKENS, RenderBudget } from '../../src/config/limits.js';
import { parseWithSchema, parseYamlSource } from '../../src/source/yaml.js';
import { PromptgateError } from '../../src/errors.js';
import { errorOf } from '../support/errors.js';

/**
 * YAML is the one format whose parser recurses once per level of nesting and keeps every token of a document:
 * these inputs, each a few hundred kilobytes, used to overflow the stack, take minutes, or exhaust the heap.
 */
describe('YAML input limits', () => {
  const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ` v\n`;

  it('nesting deeper than the limit is an error at its line, in flow, block and compact style', () => {
    const flow = errorOf(() => parseYamlSource('deep.yml', 'a: 1\nb: ' + '['.repeat(100_000) + ']'.repeat(100_000)));
    expect(flow.format()).toMatch(/^deep\.yml:2: nests lists and objects more than 64 levels deep, the limit\n {2}hint: /);

    const compact = errorOf(() => parseYamlSource('deep.yml', '- '.repeat(50_000) + 'x\n'));
    expect(compact.message).toContain(`more than ${MAX_DEPTH} levels deep`);

    const block = errorOf(() => parseYamlSource('deep.yml', nested(MAX_DEPTH + 1)));
    expect(block.line).toBe(MAX_DEPTH + 1);
    expect(block.message).toContain('levels deep');
  });

  it('nesting up to the limit reads as before', () => {
    const source = parseYamlSource('ok.yml', nested(MAX_DEPTH));
    let value = source.value as Record<string, unknown>;
    for (let i = 0; i < MAX_DEPTH - 1; i++) value = value[`k${i}`] as Record<string, unknown>;
    expect(value).toEqual({ [`k${MAX_DEPTH - 1}`]: 'v' });
  });

  it(`a file of more than ${MAX_YAML_TOKENS.toLocaleString('en-US')} tokens is an error before it is parsed`, () => {
    const text = 'cases: [' + 'a,'.repeat(600_000) + 'a]\n';
    const err = errorOf(() => parseYamlSource('big.yml', text, 0, 'cases'));
    expect(err.format()).toMatch(/^big\.yml:1: has more than 1,000,000 YAML tokens .*, the limit for one YAML file\n {2}hint: .*JSON Lines/);
  });

  it('duplicate keys are found in linear time, at the line of the second key', { timeout: 15_000 }, () => {
    // The yaml package's own check compares every pair of keys of a mapping: ~3.5 s for each of these ten.
    const keys = Array.from({ length: MAX_KEYS }, (_, i) => `  k${i}: 0`).join('\n');
    const many = Array.from({ length: 10 }, (_, j) => `m${j}:\n${keys}`).join('\n') + '\n';
    expect(Object.keys((parseYamlSource('many.yml', many, 0, 'cases').value as Record<string, object>).m9!)).toHaveLength(MAX_KEYS);

    const err = errorOf(() => parseYamlSource('dup.yml', `a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n`));
    expect(err.format()).toMatch(/^dup\.yml:5: is not valid YAML: Map keys must be unique\n {2}hint: "c" appears twice/);
  });

  it(`a mapping with more than ${MAX_KEYS.toLocaleString('en-US')} keys is an error`, () => {
    const text = 'vars:\n' + Array.from({ length: MAX_KEYS + 1 }, (_, i) => `  k${i}: 0`).join('\n') + '\n';
    const err = errorOf(() => parseYamlSource('wide.yml', text, 0, 'cases'));
    expect(err.message).toBe('has a mapping with 10,001 keys, more than the limit of 10,000 keys per mapping');
    expect(err.line).toBe(2);
  });

  it('aliases may be used freely, but may not expand past what the file itself may hold', () => {
    // 300 cases sharing one anchor: the yaml package's default alias cap (100) used to reject this.
    const shared = 'defaults: &d { lang: en, tone: formal }\ncases:\n' + Array.from({ length: 300 }, (_, i) => `  - { id: c${i}, style: *d }`).join('\n') + '\n';
    const value = parseYamlSource('shared.yml', shared, 0, 'cases').value as { cases: { style: unknown }[] };
    expect(value.cases[299]!.style).toEqual({ lang: 'en', tone: 'formal' });

    let laughs = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n';
    for (let i = 1; i < 9; i++) laughs += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const err = errorOf(() => parseYamlSource('laughs.yml', laughs));
    expect(err.format()).toMatch(/^laughs\.yml: expands to more than 1,000,000 values or 1 MiB of text once its aliases \(\*name\) are resolved/);

    // Aliases nested inside one another reach past the depth limit without the text nesting that deep.
    let chain = 'a0: &a0 ' + '['.repeat(40) + ']'.repeat(40) + '\n';
    for (let i = 1; i < 4; i++) chain += `a${i}: &a${i} ` + '['.repeat(40) + `*a${i - 1}` + ']'.repeat(40) + '\n';
    expect(errorOf(() => parseYamlSource('chain.yml', chain)).message).toContain('levels deep');
  });

  it('a second document is an error at its "---"', () => {
    const err = errorOf(() => parseYamlSource('two.yml', 'a: 1\n---\nb: 2\n'));
    expect(err.format()).toMatch(/^two\.yml:2: holds more than one YAML document/);
  });

  it('a config over 1 MiB is an error naming the file and the limit', () => {
    const text = 'version: 1\nsuites:\n  - name: a\n    prompt: p.txt\n' + '# padding\n'.repeat(110_000);
    const err = errorOf(() => parseConfig('promptgate.yml', text));
    expect(err.format()).toMatch(/^promptgate\.yml: is 1\.0 MiB, more than the 1 MiB limit for a config file\n {2}hint: /);
  });

  it('a schema error lists the first ten problems and counts the rest', () => {
    const source = parseYamlSource('list.yml', Array.from({ length: 500 }, () => '- 1').join('\n'));
    const err = errorOf(() => parseWithSchema(z.array(z.string()), source, 'list'));
    expect(err.message.split('\n')).toHaveLength(12);
    expect(err.message).toMatch(/- … and 490 more$/);
  });
});

describe('limit checkers', () => {
  it('checkSize counts UTF-8 bytes, and names the file, the size and the limit', () => {
    expect(() => checkSize('prompt', 'p.txt', 'x'.repeat(MAX_FILE_BYTES.prompt))).not.toThrow();
    // 400,000 × "é" is 800,000 bytes in UTF-8 (under 1 MiB); 600,000 are 1.1 MiB.
    expect(() => checkSize('prompt', 'p.txt', 'é'.repeat(400_000))).not.toThrow();
    const err = errorOf(() => checkSize('prompt', 'p.txt', 'é'.repeat(600_000)));
    expect(err.format()).toMatch(/^p\.txt: is 1\.1 MiB, more than the 1 MiB limit for a prompt file\n {2}hint: /);
  });

  it('checkCount names the place, the count and the limit', () => {
    expect(() => checkCount('suites', MAX_COUNT.suites)).not.toThrow();
    const err = errorOf(() => checkCount('promptFiles', 1234, { file: 'promptgate.yml', line: 7 }));
    expect(err.format()).toMatch(/^promptgate\.yml:7: matches 1,234 prompt files with one suite's prompt glob, more than the limit of 1,000 prompt files per suite glob\n {2}hint: narrow/);
  });

  it('checkValueShape walks without recursion and stops at the depth limit', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(errorOf(() => checkValueShape(deep, { file: 'x.json' }, { maxNodes: 1e9, maxChars: 1e9 })).message).toContain('levels deep');
    let ok: unknown = 'leaf';
    for (let i = 0; i < MAX_DEPTH; i++) ok = { k: ok };
    expect(() => checkValueShape(ok, { file: 'x.json' }, { maxNodes: 1e9, maxChars: 1e9 })).not.toThrow();
  });

  it('guardParse turns a stack overflow into an error naming the file', () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    const err = errorOf(() => guardParse('evals/x.yaml', 'an eval set', () => recurse(0)));
    expect(err.format()).toMatch(/^evals\/x\.yaml: could not be read as an eval set: Maximum call stack size exceeded\n {2}hint: the file is too large or too deeply nested/);
    expect(err.cause).toBeInstanceOf(RangeError);
    const own = new PromptgateError('as it was', { file: 'a' });
    expect(
      errorOf(() =>
        guardParse('b', 'x', () => {
          throw own;
        }),
      ),
    ).toBe(own);
  });

  it('RenderBudget adds up one review and stops at its limit', () => {
    const budget = new RenderBudget(2_500);
    budget.take(1_000, { file: 'p.txt', caseId: 'a' });
    budget.take(1_000, { file: 'p.txt', caseId: 'b' });
    const err = errorOf(() => budget.take(1_000, { file: 'p.txt', caseId: 'third' }));
    expect(err.format()).toMatch(/^p\.txt: renders prompts of more than 2,500 characters in all, the limit of rendered characters per review \(case "third"\)/);
  });
});
