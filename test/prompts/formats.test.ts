import { describe, expect, it } from 'vitest';
import { GITHUB_BUILTIN_EVALUATORS, isPromptPath, parsePromptFile } from '../../src/prompts/index.js';
import { errorOf } from '../support/errors.js';

const TRIAGE = `name: Support triage
description: One-word category for a ticket
model: openai/gpt-4o-mini
modelParameters:
  maxTokens: 16
  temperature: 0.2
  topP: 0.9
messages:
  - role: System
    content: You sort support tickets.
  - role: user
    content: "Category of: {{ticket}}"
testData:
  - ticket: I was charged twice
    expected: billing
  - { ticket: App crashes, expected: bug }
evaluators:
  - name: exact
    string: { equals: "{{expected}}" }
  - name: mentions
    string: { contains: "{{expected}}" }
  - name: prefix
    string: { startsWith: "cat" }
  - name: suffix
    string: { endsWith: "." }
  - name: judge
    llm:
      modelId: openai/gpt-4o
      systemPrompt: You are a strict grader.
      prompt: "Is {{completion}} the right category for {{ticket}}? Answer good or bad."
      choices:
        - { choice: good, score: 1 }
        - { choice: bad, score: 0 }
  - name: similar
    uses: github/similarity
`;

describe('GitHub Models .prompt.yml', () => {
  it('maps messages, settings, test data and every kind of evaluator', () => {
    const doc = parsePromptFile('prompts/triage.prompt.yml', TRIAGE);
    expect(doc.format).toBe('github-models');
    expect(doc.name).toBe('Support triage');
    expect(doc.description).toBe('One-word category for a ticket');
    expect(doc.model).toBe('openai/gpt-4o-mini');
    expect(doc.params).toEqual({ max_tokens: 16, temperature: 0.2, top_p: 0.9 });
    // Roles are case-insensitive, as gh models reads them.
    expect(doc.messages).toEqual([
      { role: 'system', content: 'You sort support tickets.' },
      { role: 'user', content: 'Category of: {{ticket}}' },
    ]);
    expect(doc.testData).toEqual([
      { ticket: 'I was charged twice', expected: 'billing' },
      { ticket: 'App crashes', expected: 'bug' },
    ]);
    const [exact, mentions, prefix, suffix, judge, similar] = doc.evaluators!;
    // gh models: equals is exact; contains / startsWith / endsWith ignore case.
    // Each marked to be graded as `gh models eval` grades it (trimmed reply, first listed choice, pass at > 0).
    expect(exact).toEqual({ type: 'equals', value: '{{expected}}', semantics: 'gh-models' });
    expect(mentions).toEqual({ type: 'contains', value: '{{expected}}', ignore_case: true, semantics: 'gh-models' });
    expect(prefix).toEqual({ type: 'starts_with', value: 'cat', ignore_case: true, semantics: 'gh-models' });
    expect(suffix).toEqual({ type: 'ends_with', value: '.', ignore_case: true, semantics: 'gh-models' });
    expect(judge).toEqual({
      type: 'llm_rubric',
      semantics: 'gh-models',
      value: 'Is {{completion}} the right category for {{ticket}}? Answer good or bad.',
      model: 'openai/gpt-4o',
      system: 'You are a strict grader.',
      choices: [
        { choice: 'good', score: 1 },
        { choice: 'bad', score: 0 },
      ],
    });
    expect(similar).toMatchObject({ type: 'llm_rubric', model: 'openai/gpt-4o' });
    expect(similar!.choices).toEqual([
      { choice: '1', score: 0 },
      { choice: '2', score: 0.25 },
      { choice: '3', score: 0.5 },
      { choice: '4', score: 0.75 },
      { choice: '5', score: 1 },
    ]);
    expect(String(similar!.value)).toMatch(/\{\{input\}\}[\s\S]*\{\{expected\}\}[\s\S]*\{\{completion\}\}/);
  });

  it('maps each documented built-in evaluator to a 1–5 judge over the variables GitHub uses', () => {
    expect(GITHUB_BUILTIN_EVALUATORS).toEqual(['github/similarity', 'github/coherence', 'github/fluency', 'github/relevance', 'github/groundedness']);
    const uses = (name: string) => parsePromptFile('p.prompt.yml', `messages: [{ role: user, content: hi }]\nevaluators:\n  - { name: e, uses: ${name} }\n`).evaluators![0]!;
    const needs: Record<string, string[]> = { similarity: ['input', 'expected'], coherence: ['input'], fluency: [], relevance: ['input'], groundedness: ['input', 'expected'] };
    for (const [name, vars] of Object.entries(needs)) {
      const spec = uses(`github/${name}`);
      const text = String(spec.value);
      expect(text, name).toContain('{{completion}}');
      for (const v of ['input', 'expected']) expect(text.includes(`{{${v}}}`), `${name} ${v}`).toBe(vars.includes(v));
    }
  });

  it('names an unsupported evaluator and lists the supported ones', () => {
    const text = 'messages: [{ role: user, content: hi }]\nevaluators:\n  - name: ok\n    string: { equals: hi }\n  - name: custom\n    uses: acme/toxicity\n';
    const err = errorOf(() => parsePromptFile('p.prompt.yml', text));
    expect(err.message).toContain('"custom" uses "acme/toxicity"');
    expect(err.line).toBe(5);
    expect(err.hint).toContain('github/similarity');
  });

  it('an evaluator needs exactly one check, and one string comparison', () => {
    const none = errorOf(() => parsePromptFile('p.prompt.yml', 'messages: [{ role: user, content: hi }]\nevaluators: [{ name: e }]\n'));
    expect(none.message).toContain('has no check');
    const two = errorOf(() => parsePromptFile('p.prompt.yml', 'messages: [{ role: user, content: hi }]\nevaluators: [{ name: e, string: { equals: a, contains: b } }]\n'));
    expect(two.message).toContain('exactly one string check, found 2');
  });

  it('responseFormat json_schema sends the parsed jsonSchema in OpenAI shape; json_object and text as types', () => {
    const schema = '{"name": "animal", "strict": true, "schema": {"type": "object", "properties": {"name": {"type": "string"}}}}';
    const doc = parsePromptFile('a.prompt.yaml', `responseFormat: json_schema\njsonSchema: |-\n  ${schema}\nmessages: [{ role: user, content: "Describe a {{animal}}" }]\n`);
    expect(doc.params.response_format).toEqual({ type: 'json_schema', json_schema: JSON.parse(schema) });
    expect(parsePromptFile('a.prompt.yml', 'responseFormat: json_object\nmessages: [{ role: user, content: x }]').params.response_format).toEqual({ type: 'json_object' });
    expect(parsePromptFile('a.prompt.yml', 'responseFormat: text\nmessages: [{ role: user, content: x }]').params.response_format).toEqual({ type: 'text' });
  });

  it('rejects a json_schema response format without a usable jsonSchema, naming the line', () => {
    const missing = errorOf(() => parsePromptFile('a.prompt.yml', 'messages: [{ role: user, content: x }]\nresponseFormat: json_schema\n'));
    expect(missing.message).toContain('needs a jsonSchema');
    expect(missing.line).toBe(2);
    const broken = errorOf(() => parsePromptFile('a.prompt.yml', 'messages: [{ role: user, content: x }]\nresponseFormat: json_schema\njsonSchema: "{name: 1"\n'));
    expect(broken.message).toContain('jsonSchema is not valid JSON');
    expect(broken.line).toBe(3);
    const noName = errorOf(() => parsePromptFile('a.prompt.yml', 'messages: [{ role: user, content: x }]\nresponseFormat: json_schema\njsonSchema: \'{"schema": {}}\'\n'));
    expect(noName.message).toContain('"name"');
  });

  it('an unknown top-level key is an error with its line and a "did you mean"', () => {
    const err = errorOf(() => parsePromptFile('prompts/t.prompt.yml', 'model: openai/gpt-4o\nmodelParameter:\n  temperature: 0\nmessages: [{ role: user, content: x }]\n'));
    expect(err.file).toBe('prompts/t.prompt.yml');
    expect(err.line).toBe(2);
    expect(err.message).toContain('unknown key "modelParameter"');
    expect(err.message).toContain('did you mean "modelParameters"');
    const nested = errorOf(() => parsePromptFile('t.prompt.yml', 'modelParameters:\n  max_tokens: 5\nmessages: [{ role: user, content: x }]\n'));
    expect(nested.message).toContain('did you mean "maxTokens"');
    expect(nested.line).toBe(2);
  });

  it('malformed YAML names the line', () => {
    const err = errorOf(() => parsePromptFile('t.prompt.yml', 'name: x\nmessages:\n  - role: user\n    content: [unclosed\n'));
    expect(err.message).toContain('is not valid YAML');
    expect(err.line).toBeGreaterThanOrEqual(4);
    expect(err.format()).toMatch(/^t\.prompt\.yml:\d+:/);
  });

  it('a bad role or a missing message content is named with its path', () => {
    const role = errorOf(() => parsePromptFile('t.prompt.yml', 'messages:\n  - role: user\n    content: a\n  - role: robot\n    content: b\n'));
    expect(role.message).toContain('messages[1].role');
    expect(role.message).toContain('system, developer, user, assistant');
    expect(role.line).toBe(4);
    const content = errorOf(() => parsePromptFile('t.prompt.yml', 'messages:\n  - role: user\n'));
    expect(content.message).toContain('content is missing');
  });
});

describe('text and Markdown prompts', () => {
  it('the whole file is one user message', () => {
    const doc = parsePromptFile('prompts/summary.md', '# Summarise\n\nSummarise {{ article }} in one line.\n');
    expect(doc).toEqual({ path: 'prompts/summary.md', format: 'text', messages: [{ role: 'user', content: '# Summarise\n\nSummarise {{ article }} in one line.\n' }], params: {} });
    expect(parsePromptFile('a.txt', 'Hi {{name}}').messages).toEqual([{ role: 'user', content: 'Hi {{name}}' }]);
  });

  it('front matter sets model, params and a system message', () => {
    const doc = parsePromptFile('a.prompt', '---\nmodel: gpt-4o-mini\nparams: { temperature: 0, max_tokens: 64 }\nsystem: You are terse.\n---\nAnswer: {{q}}\n');
    expect(doc.model).toBe('gpt-4o-mini');
    expect(doc.params).toEqual({ temperature: 0, max_tokens: 64 });
    expect(doc.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Answer: {{q}}\n' },
    ]);
  });

  it('front-matter errors name file lines (the YAML starts on line 2)', () => {
    const unknown = errorOf(() => parsePromptFile('p.md', '---\nmodel: x\nsytem: Be brief.\n---\nbody\n'));
    expect(unknown.line).toBe(3);
    expect(unknown.message).toContain('did you mean "system"');
    const bad = errorOf(() => parsePromptFile('p.md', '---\nmodel: x\nparams: { temperature: [ }\n---\nbody\n'));
    expect(bad.message).toContain('is not valid YAML');
    expect(bad.line).toBe(3);
    const range = errorOf(() => parsePromptFile('p.md', '---\nparams:\n  temperature: 7\n---\nbody\n'));
    expect(range.message).toContain('params.temperature');
    expect(range.line).toBe(3);
  });

  it('rejects unclosed front matter and an empty body', () => {
    expect(errorOf(() => parsePromptFile('p.md', '---\nmodel: x\nbody\n')).message).toContain('never closed');
    const empty = errorOf(() => parsePromptFile('p.txt', '---\nmodel: x\n---\n\n'));
    expect(empty.message).toContain('has no prompt text');
    expect(empty.line).toBe(4);
  });

  it('a .prompt file with Dotprompt front matter is read as Dotprompt, not as a text prompt', () => {
    const doc = parsePromptFile('greet.prompt', '---\nmodel: openai/gpt-4o-mini\ninput:\n  schema:\n    name: string\n---\nHello {{name}}\n');
    expect(doc.format).toBe('dotprompt');
    expect(doc.model).toBe('openai/gpt-4o-mini');
  });
});

describe('chat files', () => {
  it('reads a JSON or YAML list of messages', () => {
    const json = parsePromptFile('chat.json', '[{"role": "system", "content": "Be kind."}, {"role": "user", "content": "{{q}}"}]');
    expect(json).toEqual({
      path: 'chat.json',
      format: 'chat',
      params: {},
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: '{{q}}' },
      ],
    });
    const yaml = parsePromptFile('chat.yaml', '- role: user\n  content: "{{q}}"\n- role: assistant\n  content: ok\n- role: user\n  content: again\n');
    expect(yaml.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('names the line of a JSON syntax error and of a bad message', () => {
    const syntax = errorOf(() => parsePromptFile('chat.json', '[\n  {"role": "user", "content": "a"},\n  {"role": "user" "content": "b"}\n]'));
    expect(syntax.message).toContain('is not valid JSON');
    expect(syntax.line).toBe(3);
    const role = errorOf(() => parsePromptFile('chat.json', '[\n  {"role": "user", "content": "a"},\n  {"role": "bot", "content": "b"}\n]'));
    expect(role.message).toContain('[1].role');
    expect(role.line).toBe(3);
  });

  it('points a GitHub Models file with the wrong name to .prompt.yml', () => {
    const err = errorOf(() => parsePromptFile('prompts/triage.yml', 'model: x\nmessages: [{ role: user, content: hi }]\n'));
    expect(err.message).toContain('is not a list of messages');
    expect(err.hint).toContain('.prompt.yml');
  });
});

describe('extensions', () => {
  it('refuses an unknown extension, naming the file and the supported formats', () => {
    const err = errorOf(() => parsePromptFile('prompts/triage.docx', 'x'));
    expect(err.file).toBe('prompts/triage.docx');
    expect(err.message).toContain('not a prompt format');
    expect(err.hint).toContain('.prompt.yml');
    expect(err.hint).toContain('.txt');
  });

  it('reads Prompty files', () => {
    const doc = parsePromptFile('a/b.prompty', '---\nname: x\n---\nsystem:\nhi');
    expect(doc.format).toBe('prompty');
  });

  it('isPromptPath knows the readable formats only', () => {
    for (const p of ['a.prompt.yml', 'a.prompt.yaml', 'A.PROMPT.YML', 'a.txt', 'a.md', 'a.prompt', 'a.json', 'a.yaml', 'a.yml', 'a.prompty']) expect(isPromptPath(p), p).toBe(true);
    for (const p of ['a.docx', 'a.ts', 'prompt', 'a.jsonl']) expect(isPromptPath(p), p).toBe(false);
  });
});
