import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { extractJsonObjects, gradeContainsJson, type ContainsJsonSpec } from '../../src/assertions/contains-json.js';
import { gradeOutput } from '../../src/assertions/index.js';
import type { AssertionSpec } from '../../src/assertions/schema.js';
import { findConfig } from '../../src/config/load.js';
import { mapAssertion, parsePromptfooConfig } from '../../src/config/promptfoo.js';
import { PromptgateError } from '../../src/errors.js';
import { parsePromptFile } from '../../src/prompts/index.js';

const FIXTURES = 'test/fixtures/promptfoo';
const where = { file: 'promptfooconfig.yaml', line: 3 };

/** Reads fixture files relative to the fixture folder, as a commit would give them. */
const reader = (root: string) => async (path: string) => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return null;
  }
};

async function load(dir: string, file = 'promptfooconfig.yaml') {
  const root = join(FIXTURES, dir);
  return parsePromptfooConfig(file, readFileSync(join(root, file), 'utf8'), reader(root));
}

async function rejects(p: Promise<unknown>): Promise<PromptgateError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(PromptgateError);
    return err as PromptgateError;
  }
  throw new Error('expected a PromptgateError');
}

const out = (text: string) => ({ text, latencyMs: 5, usage: { input: 1, output: 1 } });
const grade = async (specs: AssertionSpec[], text: string) => (await gradeOutput(specs, out(text))).passed;
const ajv = new Ajv({ strict: false });
const gradeJson = (spec: AssertionSpec, text: string) => {
  const s = spec as ContainsJsonSpec;
  const validate = s.value === undefined ? undefined : (v: unknown) => ajv.validate(s.value as object, v) === true;
  return gradeContainsJson(s, text, validate).passed;
};

describe('promptfoo assertion types: the same pass/fail as promptfoo eval on the same output', () => {
  // Each row: promptfoo assertion, output, whether `promptfoo eval` passes it (from promptfoo's src/assertions/*.ts).
  const rows: [Record<string, unknown>, string, boolean][] = [
    [{ type: 'equals', value: 'Yarr' }, 'Yarr', true],
    [{ type: 'equals', value: 'Yarr' }, 'Yarr\n', false], // exact: no trimming
    [{ type: 'equals', value: 'Yarr' }, 'yarr', false],
    [{ type: 'not-equals', value: 'Yarr' }, 'Arr', true],
    [{ type: 'equals', value: 42 }, '42', true],
    [{ type: 'equals', value: { a: 1, b: [1, 2] } }, '{"b":[1,2],"a":1}', true], // objects: deep equal to the parsed output
    [{ type: 'equals', value: { a: 1 } }, '{"a":2}', false],
    [{ type: 'contains', value: 'Bonjour' }, 'Bonjour le monde', true],
    [{ type: 'contains', value: 'bonjour' }, 'Bonjour le monde', false], // case-sensitive
    [{ type: 'not-contains', value: 'bonjour' }, 'Bonjour', true],
    [{ type: 'icontains', value: 'Dónde está' }, '¿DÓNDE ESTÁ la biblioteca?', true],
    [{ type: 'not-icontains', value: 'arr' }, 'ARRR', false],
    [{ type: 'starts-with', value: 'Ahoy' }, 'Ahoy, world', true],
    [{ type: 'starts-with', value: 'Ahoy' }, ' Ahoy', false],
    [{ type: 'not-starts-with', value: 'Ahoy' }, 'Hello', true],
    [{ type: 'ends-with', value: '!' }, 'Ahoy!', true],
    [{ type: 'regex', value: '^\\d{3}-\\d{4}$' }, '555-1234', true],
    [{ type: 'regex', value: 'grub|food' }, 'I want FOOD', false],
    [{ type: 'not-regex', value: 'error' }, 'all fine', true],
    [{ type: 'contains-all', value: ['a', 'b'] }, 'a and b', true],
    [{ type: 'contains-all', value: 'a, c' }, 'a and b', false],
    [{ type: 'icontains-all', value: ['A', 'B'] }, 'a and b', true],
    [{ type: 'contains-any', value: ['Guatemala', 'Costa Rica (north)'] }, 'Costa Rica (north) and more', true],
    [{ type: 'contains-any', value: ['x.y', 'z'] }, 'xzy', true],
    [{ type: 'contains-any', value: ['x.y'] }, 'xay', false], // literal, not a pattern
    [{ type: 'icontains-any', value: 'india, brazil' }, 'BRAZIL', true],
    [{ type: 'not-contains-any', value: ['a', 'b'] }, 'ccc', true],
    [{ type: 'not-contains-any', value: ['a', 'b'] }, 'cbc', false],
  ];
  for (const [assertion, output, passes] of rows) {
    it(`${JSON.stringify(assertion)} on ${JSON.stringify(output)} → ${passes ? 'pass' : 'fail'}`, async () => {
      const specs = mapAssertion(assertion as { type: string }, where);
      expect(await grade(specs, output)).toBe(passes);
    });
  }

  const jsonRows: [Record<string, unknown>, string, boolean][] = [
    [{ type: 'is-json' }, '{"a":1}', true],
    [{ type: 'is-json' }, '  [1, 2]\n', true], // JSON.parse allows surrounding whitespace
    [{ type: 'is-json' }, '```json\n{"a":1}\n```', false], // promptfoo does not strip a fence
    [{ type: 'is-json' }, 'Sure: {"a":1}', false],
    [{ type: 'not-is-json' }, 'hello', true],
    [{ type: 'is-json', value: { type: 'object', required: ['color'] } }, '{"color":"yellow"}', true],
    [{ type: 'is-json', value: { type: 'object', required: ['color'] } }, '{"colour":"yellow"}', false],
    [{ type: 'is-json', value: 'type: object\nrequired: [color]' }, '{"color":"x"}', true], // YAML schema text
    [{ type: 'contains-json' }, 'Here it is: {"a": {"b": "}"}} and more', true],
    [{ type: 'contains-json' }, '```json\n{"a":1}\n```', true],
    [{ type: 'contains-json' }, 'a list [1, 2] only', false], // promptfoo looks for objects
    [{ type: 'contains-json' }, '{not json} {"ok": true}', true],
    [{ type: 'contains-json' }, 'no json at all {', false],
    [{ type: 'contains-json', value: { required: ['color'] } }, '{"x":1} then {"color":"red"}', true], // any object matches
    [{ type: 'contains-json', value: { required: ['color'] } }, '{"x":1}', false],
    [{ type: 'not-contains-json' }, 'plain text', true],
    [{ type: 'not-contains-json' }, 'x {"a":1}', false],
    [{ type: 'not-contains-json', value: { required: ['color'] } }, '{"x":1}', true],
    [{ type: 'not-contains-json', value: { required: ['color'] } }, '{"x":1} {"color":1}', false],
  ];
  for (const [assertion, output, passes] of jsonRows) {
    it(`${JSON.stringify(assertion)} on ${JSON.stringify(output)} → ${passes ? 'pass' : 'fail'}`, () => {
      const [spec, ...rest] = mapAssertion(assertion as { type: string }, where);
      expect(rest).toEqual([]);
      expect(gradeJson(spec!, output)).toBe(passes);
    });
  }

  it('finds the objects promptfoo finds, in order, skipping what does not parse', () => {
    expect(extractJsonObjects('a {"x": "{"} b {bad} {"y": [1, {"z": 2}]}')).toEqual([{ x: '{' }, { y: [1, { z: 2 }] }]);
    expect(extractJsonObjects('{"outer": {"inner": 1}')).toEqual([{ inner: 1 }]); // outer never closes; the inner one parses
  });

  it('llm-rubric becomes llm_rubric with its threshold; latency becomes max_latency_ms', () => {
    expect(mapAssertion({ type: 'llm-rubric', value: 'Is spoken like a pirate' }, where)).toEqual([{ type: 'llm_rubric', value: 'Is spoken like a pirate', semantics: 'promptfoo' }]);
    expect(mapAssertion({ type: 'llm-rubric', value: 'r', threshold: 0.7 }, where)).toEqual([{ type: 'llm_rubric', value: 'r', threshold: 0.7, semantics: 'promptfoo' }]);
    expect(mapAssertion({ type: 'latency', threshold: 2000 }, where)).toEqual([{ type: 'max_latency_ms', value: 2000 }]);
  });

  it('what promptgate cannot run is an error naming the type and the line, never a skip', () => {
    for (const type of ['javascript', 'python', 'similar', 'rouge-n', 'not-contains-all', 'webhook']) {
      let err: unknown;
      try {
        mapAssertion({ type, value: 'x' }, where);
      } catch (e) {
        err = e;
      }
      expect(err, type).toBeInstanceOf(PromptgateError);
      expect((err as PromptgateError).message).toContain(`"${type}"`);
      expect((err as PromptgateError).line).toBe(3);
    }
    expect(() => mapAssertion({ type: 'contains', value: 'x', transform: 'output.trim()' } as { type: string }, where)).toThrow(/uses "transform"/);
  });
});

describe("promptfoo configs from promptfoo's examples", () => {
  it('getting-started with prompt files: prompts × providers as suites, tests as cases', async () => {
    const { config, cases } = await load('getting-started-files');
    expect(config.suites.map((s) => [s.name, s.prompt, s.cases, s.provider?.model])).toEqual([
      ['prompt1.txt @ gpt-4.1', 'prompt1.txt', 'promptfooconfig.yaml', 'gpt-4.1'],
      ['prompt1.txt @ o4-mini', 'prompt1.txt', 'promptfooconfig.yaml', 'o4-mini'],
      ['prompt2.txt @ gpt-4.1', 'prompt2.txt', 'promptfooconfig.yaml', 'gpt-4.1'],
      ['prompt2.txt @ o4-mini', 'prompt2.txt', 'promptfooconfig.yaml', 'o4-mini'],
    ]);
    expect(cases).toEqual([
      { id: 'promptfooconfig.yaml#1', vars: { language: 'French', input: 'Hello world' }, tags: [], assert: [{ type: 'contains', value: 'Bonjour le monde' }], line: 14 },
      { id: 'promptfooconfig.yaml#2', vars: { language: 'Spanish', input: 'Where is the library?' }, tags: [], assert: [{ type: 'icontains', value: 'Dónde está la biblioteca' }], line: 20 },
    ]);
  });

  it('the verbatim getting-started is refused: two inline prompts cannot be compared file by file', async () => {
    const err = await rejects(load('getting-started'));
    expect(err.message).toContain('prompts[0] is written inline, next to other prompts');
    expect(err.line).toBe(10);
    expect(err.hint).toContain('file://');
  });

  it('simple-csv: tests from CSV with __expected cells', async () => {
    const { config, cases } = await load('simple-csv');
    expect(config.suites).toHaveLength(1);
    expect(cases).toHaveLength(4);
    expect(cases[0]).toMatchObject({ vars: { language: 'French', body: 'Hello world', style_config: '{"tone":"formal","length":"brief"}' }, assert: [{ type: 'icontains', value: 'bonjour' }] });
  });

  it('simple-test: descriptions name the cases; is-json and llm-rubric are mapped', async () => {
    const { cases } = await load('simple-test');
    expect(cases.map((c) => c.id)).toEqual(['Check for exact match', 'Another basic substring check', 'Check if output is JSON', 'Use LLM to evaluate output']);
    expect(cases[2]!.assert).toEqual([{ type: 'contains_json', whole: true }]);
    expect(cases[3]!.assert).toEqual([{ type: 'llm_rubric', value: 'Is spoken like a pirate', semantics: 'promptfoo' }]);
  });

  it('simple-test verbatim is refused, naming what promptgate cannot run', async () => {
    const root = join(FIXTURES);
    const err = await rejects(parsePromptfooConfig('simple-test-verbatim.yaml', readFileSync(join(root, 'simple-test-verbatim.yaml'), 'utf8'), reader(root)));
    expect(err.message).toMatch(/assertionTemplates|\$ref|type/);
    expect(err.line).toBeGreaterThan(3);
  });

  it('json-output: one inline prompt makes the config itself the prompt file', async () => {
    const root = join(FIXTURES, 'json-output');
    const text = readFileSync(join(root, 'promptfooconfig.yaml'), 'utf8');
    const { config, cases } = await load('json-output');
    expect(config.suites[0]).toMatchObject({ name: 'prompt', prompt: 'promptfooconfig.yaml', cases: 'promptfooconfig.yaml', provider: { model: 'gpt-3.5-turbo' } });
    expect(cases[1]!.assert.map((a) => a.type)).toEqual(['contains_json', 'contains_json']);
    const doc = parsePromptFile('promptfooconfig.yaml', text);
    expect(doc.messages).toEqual([{ role: 'user', content: 'Output a JSON object that contains the keys `color` and `countries`, describing the following object: {{item}}' }]);
  });

  it('findConfig reads a promptfoo config given with --config, with its tests', async () => {
    const root = join(FIXTURES, 'simple-csv');
    const found = await findConfig(reader(root), 'promptfooconfig.yaml');
    expect(found.config?.suites[0]?.prompt).toBe('prompt.txt');
    expect(found.cases).toHaveLength(4);
    void dirname;
  });
});

describe('promptfoo config errors name the key', () => {
  const base = (extra: string) => `prompts: [file://p.txt]\nproviders: [openai:gpt-4o-mini]\ntests:\n  - vars: { q: a }\n${extra}`;
  const files: Record<string, string> = { 'p.txt': 'Q: {{q}}', 'multi.txt': 'one {{q}}\n---\ntwo {{q}}', 'nj.txt': '{% if q %}{{q}}{% endif %}' };
  const read = async (p: string) => files[p] ?? null;
  const parse = (text: string) => parsePromptfooConfig('promptfooconfig.yaml', text, read);

  it('non-OpenAI providers, prompt functions, keys in the file, unknown provider config', async () => {
    expect((await rejects(parse('prompts: [file://p.txt]\nproviders: [anthropic:messages:claude-3]\ntests: [{ vars: {} }]'))).message).toContain('provider "anthropic:messages:claude-3"');
    expect((await rejects(parse('prompts: [file://p.txt]\nproviders: [openai:embedding:text-embedding-3-small]\ntests: [{ vars: {} }]'))).line).toBe(2);
    expect((await rejects(parse('prompts: [file://prompt.js]\nproviders: [openai:gpt-4o]\ntests: [{ vars: {} }]'))).message).toContain('prompt function');
    expect((await rejects(parse('prompts: [file://p.txt]\nproviders:\n  - id: openai:gpt-4o\n    config:\n      apiKey: sk-123\ntests: [{ vars: {} }]'))).line).toBe(5);
    expect((await rejects(parse('prompts: [file://p.txt]\nproviders:\n  - id: openai:gpt-4o\n    config:\n      functions: []\ntests: [{ vars: {} }]'))).message).toContain('"functions"');
  });

  it('provider config maps onto the suite provider', async () => {
    const { config } = await parse(
      'prompts: [file://p.txt]\nproviders:\n  - id: openai:chat:gpt-4o-mini\n    config:\n      apiBaseUrl: http://127.0.0.1:9/v1\n      temperature: 0.2\n      max_tokens: 64\n      apiKeyEnvar: MY_KEY\ntests: [{ vars: { q: a } }]',
    );
    expect(config.suites[0]!.provider).toEqual({ model: 'gpt-4o-mini', base_url: 'http://127.0.0.1:9/v1', api_key_env: 'MY_KEY', params: { temperature: 0.2, max_tokens: 64 } });
  });

  it("defaultTest vars and assertions apply to every test; a test's vars win", async () => {
    const { cases } = await parse(
      'prompts: [file://p.txt]\nproviders: [openai:gpt-4o-mini]\ndefaultTest:\n  vars: { q: d, lang: en }\n  assert: [{ type: contains, value: x }]\ntests:\n  - vars: { q: a }\n    assert: [{ type: icontains, value: y }]',
    );
    expect(cases[0]).toMatchObject({
      vars: { q: 'a', lang: 'en' },
      assert: [
        { type: 'contains', value: 'x' },
        { type: 'icontains', value: 'y' },
      ],
    });
  });

  it('test options, prompt files with several prompts or Nunjucks tags, unknown top-level keys', async () => {
    expect((await rejects(parse(base('    options: { transform: output.trim() }')))).message).toContain('"options"');
    expect((await rejects(parse('prompts: [file://multi.txt]\nproviders: [openai:gpt-4o]\ntests: [{ vars: {} }]'))).message).toContain('several prompts');
    expect((await rejects(parse('prompts: [file://nj.txt]\nproviders: [openai:gpt-4o]\ntests: [{ vars: {} }]'))).message).toContain('Nunjucks');
    expect((await rejects(parse(base('scenarios: []')))).message).toContain('"scenarios"');
    expect((await rejects(parse('prompts: [file://../p.txt]\nproviders: [openai:gpt-4o]\ntests: [{ vars: {} }]'))).message).toContain('outside the repository');
  });
});
