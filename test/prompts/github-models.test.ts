import { describe, expect, it } from 'vitest';
import { gradeOutput } from '../../src/assertions/grade.js';
import type { GraderRequest } from '../../src/assertions/rubric.js';
import { templateAssertions } from '../../src/assertions/template.js';
import { casesFromRows } from '../../src/cases/index.js';
import { PromptgateError } from '../../src/errors.js';
import { GITHUB_BUILTINS } from '../../src/prompts/github-builtins.js';
import { checkEvaluatorVariables, parseGitHubModels, rowRanges } from '../../src/prompts/github-models.js';
import type { ModelOutput } from '../../src/run/types.js';
import { goBuiltins } from '../fixtures/gh-models/reference.js';

const output = (text: string): ModelOutput => ({ text, latencyMs: 1, usage: { input: 1, output: 1 } }) as ModelOutput;

const file = (evaluators: string, rows = '  - { answer: x }') => `messages: [{ role: user, content: "{{answer}}" }]\ntestData:\n${rows}\nevaluators:\n${evaluators}\n`;

/** Grade `reply` for row 1 of a file, the judge answering `judge` (and the prompts it got kept in `asked`). */
async function grade(yml: string, reply: string, judge = '', row: Record<string, unknown> = { answer: 'x' }) {
  const doc = parseGitHubModels('p.prompt.yml', yml);
  const asked: GraderRequest[] = [];
  const specs = templateAssertions(doc.evaluators!, { ...row }, { file: 'p.prompt.yml', caseId: 'p.prompt.yml#1' });
  const g = await gradeOutput(specs, output(reply), {
    grader: async (req) => {
      asked.push(req);
      return judge;
    },
  });
  return { ...g, asked };
}

const JUDGE = `  - name: verdict
    llm:
      modelId: openai/gpt-4o
      prompt: "Grade: {{completion}}"
      choices:
        - { choice: "Yes", score: 1 }
        - { choice: "Partly", score: 0.3 }
        - { choice: "No", score: 0 }`;

describe('GitHub Models built-in evaluators', () => {
  it("are gh models eval's own, verbatim: model, system prompt, prompt and choices", () => {
    const reference = goBuiltins();
    expect(Object.keys(GITHUB_BUILTINS)).toEqual(Object.keys(reference));
    expect(Object.keys(reference)).toEqual(['similarity', 'coherence', 'fluency', 'relevance', 'groundedness']);
    for (const [name, builtin] of Object.entries(reference)) expect(GITHUB_BUILTINS[name], name).toEqual(builtin);
  });

  it('a rating of 2 passes (score 0.25 > 0), a rating of 1 fails, as in gh', async () => {
    const yml = file('  - { name: sim, uses: github/similarity }', '  - { answer: x, input: q, expected: e }');
    const row = { answer: 'x', input: 'q', expected: 'e' };
    const two = await grade(yml, 'x', '2', row);
    expect(two.passed).toBe(true);
    expect(two.results[0]!.score).toBe(0.25);
    expect(two.asked[0]).toMatchObject({ model: 'openai/gpt-4o', system: GITHUB_BUILTINS.similarity!.systemPrompt });
    expect(two.asked[0]!.prompt).toContain('question: q\ncorrect answer: e\npredicted answer: x\nstars:');
    const one = await grade(yml, 'x', '1', row);
    expect(one.passed).toBe(false);
    expect(one.reason).toContain('score 0 not > 0');
  });
});

describe('GitHub Models llm evaluators grade as gh models eval does', () => {
  it('"Partly." picks the 0.3 choice, which passes (> 0)', async () => {
    const g = await grade(file(JUDGE), 'fine', 'Partly.');
    expect(g.passed).toBe(true);
    expect(g.results[0]!.score).toBe(0.3);
  });

  it('takes the first LISTED choice found in the lower-cased, trimmed reply, not the first named', async () => {
    const g = await grade(file(JUDGE), 'fine', '  No... well, PARTLY  ');
    expect(g.results[0]).toMatchObject({ passed: true, score: 0.3 });
    // A substring, as gh matches: "cannot" holds "no".
    expect((await grade(file(JUDGE), 'fine', 'I cannot tell')).results[0]).toMatchObject({ passed: false, score: 0 });
  });

  it('no choice in the reply fails, with the reply in the reason', async () => {
    const g = await grade(file(JUDGE), 'fine', '  Unsure  ');
    expect(g.passed).toBe(false);
    expect(g.reason).toBe('llm: judge replied "unsure", which matches none of the choices (Yes, Partly, No)');
  });

  it("fills {{completion}} (the trimmed reply) and the row's vars into the prompt, sent as written", async () => {
    const yml = file(`  - name: v
    llm:
      modelId: m
      systemPrompt: ""
      prompt: "Q {{answer}} A {{completion}}"
      choices: [{ choice: ok, score: 1 }]`);
    const g = await grade(yml, '  the reply \n', 'OK');
    expect(g.asked).toEqual([{ model: 'm', prompt: 'Q x A the reply' }]);
    expect(g.passed).toBe(true);
  });

  it('passThreshold opts into a stricter rule: ≥ the threshold', async () => {
    const strict = file(JUDGE.replace('  - name: verdict\n', '  - name: verdict\n    passThreshold: 0.5\n'));
    expect((await grade(strict, 'fine', 'Partly')).results[0]).toMatchObject({ passed: false, score: 0.3 });
    expect((await grade(strict, 'fine', 'yes')).passed).toBe(true);
    const builtin = file('  - { name: sim, uses: github/similarity, passThreshold: 0.5 }', '  - { answer: x, input: q, expected: e }');
    expect((await grade(builtin, 'x', '2', { answer: 'x', input: 'q', expected: 'e' })).reason).toContain('< passThreshold 0.5');
    expect((await grade(builtin, 'x', '3', { answer: 'x', input: 'q', expected: 'e' })).passed).toBe(true);
  });
});

describe('GitHub Models string evaluators', () => {
  const strings = `  - { name: eq, string: { equals: "{{expected}}" } }
  - { name: has, string: { contains: "{{c}}" } }
  - { name: starts, string: { startsWith: "{{s}}" } }
  - { name: ends, string: { endsWith: "{{e}}" } }`;
  const run = (reply: string, row: Record<string, string>) => grade(file(strings), reply, '', { answer: 'x', expected: 'Paris', c: 'ari', s: 'par', e: 'RIS', ...row });

  it('compare the trimmed reply; equals is exact, the others ignore case', async () => {
    expect((await run('  Paris \n', {})).passed).toBe(true);
    expect((await run('Paris', { expected: 'paris' })).reason).toContain('equals');
    // The value is not trimmed, only the reply, as in gh.
    expect((await run('Paris ', { expected: 'Paris ' })).passed).toBe(false);
    expect((await run('PARIS', { expected: 'PARIS', c: 'aRi', s: 'pA', e: 'is' })).passed).toBe(true);
    expect((await run('Paris', { c: 'Lyon' })).results.map((r) => r.passed)).toEqual([true, false, true, true]);
  });

  it('an empty string check is "not set", as gh reads it', () => {
    expect(() => parseGitHubModels('p.prompt.yml', file('  - { name: e, string: { equals: "" } }'))).toThrow(/needs exactly one string check, found 0/);
  });
});

describe('GitHub Models files', () => {
  it('take jsonSchema as a JSON string or as a YAML mapping, sent as gh sends it', () => {
    const schema = { name: 'animal', strict: true, schema: { type: 'object', properties: { name: { type: 'string' } } } };
    const asString = parseGitHubModels('a.prompt.yml', `responseFormat: json_schema\njsonSchema: '${JSON.stringify(schema)}'\nmessages: [{ role: user, content: hi }]\n`);
    const asMapping = parseGitHubModels(
      'a.prompt.yml',
      `responseFormat: json_schema
jsonSchema:
  name: animal
  strict: true
  schema:
    type: object
    properties:
      name: { type: string }
messages: [{ role: user, content: hi }]
`,
    );
    expect(asString.params.response_format).toEqual({ type: 'json_schema', json_schema: schema });
    expect(asMapping.params.response_format).toEqual({ type: 'json_schema', json_schema: schema });
    expect(() => parseGitHubModels('a.prompt.yml', 'responseFormat: json_schema\njsonSchema: { strict: true }\nmessages: [{ role: user, content: hi }]\n')).toThrow(/needs a "name"/);
  });

  it('a built-in missing a variable is one error naming the evaluator, the variable and the rows', () => {
    const rows = ['{ input: a, expected: b }', '{ input: a, expected: b }', '{ input: a, expected: b }', '{ expected: b, input: a }', '{ expected: b }', '{ input: a, expected: b }'];
    const yml = file('  - { name: close enough, uses: github/similarity }', ['{ expected: b }', '{ expected: b }', '{ expected: b }', ...rows.slice(3)].map((r) => `  - ${r}`).join('\n'));
    const doc = parseGitHubModels('prompts/summarise.prompt.yml', yml);
    let err: unknown;
    try {
      checkEvaluatorVariables(doc);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PromptgateError);
    const e = err as PromptgateError;
    expect(e.message).toBe('evaluator "close enough" needs the variable "input" ({{input}}), which testData rows 1–3, 5 of summarise.prompt.yml lack');
    expect(e.file).toBe('prompts/summarise.prompt.yml');
    expect(e.hint).toContain('summarise.prompt.yml#1');
    expect(() => checkEvaluatorVariables(parseGitHubModels('p.prompt.yml', file('  - { name: f, uses: github/fluency }')))).not.toThrow();
  });

  it('rows are cases named file#row', () => {
    const doc = parseGitHubModels('prompts/summarise.prompt.yml', file('  - { name: e, string: { contains: a } }', '  - { answer: a }\n  - { answer: b }\n  - { answer: c }'));
    expect(casesFromRows(doc.testData!, doc.path).map((c) => c.id)).toEqual(['summarise.prompt.yml#1', 'summarise.prompt.yml#2', 'summarise.prompt.yml#3']);
  });

  it('rowRanges writes runs as ranges', () => {
    expect(rowRanges([1, 2, 3, 5])).toBe('1–3, 5');
    expect(rowRanges([2])).toBe('2');
    expect(rowRanges([1, 3, 4, 6, 7, 8])).toBe('1, 3–4, 6–8');
  });
});
