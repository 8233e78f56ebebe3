import { describe, expect, it } from 'vitest';
import { MAX_COUNT, MAX_DEPTH, RenderBudget } from '../../src/config/limits.js';
import { parsePromptFile, renderMessages, renderTemplate } from '../../src/prompts/index.js';
import { errorOf } from '../support/errors.js';

/** A prompt file comes from the pull request's head: under pull_request_target, from a stranger's fork. */
describe('prompt file limits', () => {
  it('a prompt file over 1 MiB is an error naming the file and the limit, in every format', () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    for (const path of ['p.txt', 'p.json', 'p.prompt.yml', 'p.yaml']) {
      expect(errorOf(() => parsePromptFile(path, big)).format()).toMatch(new RegExp(`^${path.replace('.', '\\.')}: is 1\\.0 MiB, more than the 1 MiB limit for a prompt file\\n {2}hint: `));
    }
  });

  it('a chat JSON file nested deeper than the limit is an error at its line and column', () => {
    // Line 1 opens the file's own list: the 64th bracket on line 3 (after two spaces) is the 65th level.
    const text = '[\n  {"role": "user", "content": "hi"},\n  ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n]';
    const err = errorOf(() => parsePromptFile('p.json', text));
    expect(err.format()).toMatch(/^p\.json:3:66: nests lists and objects more than 64 levels deep, the limit\n {2}hint: flatten/);
  });

  it('a chat YAML file nested deeper than the limit is an error at its line', () => {
    const err = errorOf(() => parsePromptFile('p.yaml', '- role: user\n  content: hi\n- ' + '- '.repeat(10_000) + 'x\n'));
    expect(err.format()).toMatch(/^p\.yaml:3: nests lists and objects more than 64 levels deep/);
  });

  it("text front matter nested too deep is an error at the file's line", () => {
    const front = Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const err = errorOf(() => parsePromptFile('p.md', `---\n${front} v\n---\nHello {{x}}\n`));
    expect(err.line).toBe(MAX_DEPTH + 2);
    expect(err.message).toContain('levels deep');
  });

  it(`more than ${MAX_COUNT.messages} messages is one error, in chat and GitHub Models files`, () => {
    const messages = Array.from({ length: MAX_COUNT.messages + 1 }, (_, i) => ({ role: 'user', content: `m${i}` }));
    expect(errorOf(() => parsePromptFile('p.json', JSON.stringify(messages))).format()).toMatch(/^p\.json:1: has 1,001 messages, more than the limit of 1,000 messages per prompt file\n {2}hint: /);
    const yml = 'model: m\nmessages:\n' + messages.map((m) => `  - { role: ${m.role}, content: ${m.content} }`).join('\n') + '\n';
    expect(errorOf(() => parsePromptFile('p.prompt.yml', yml)).format()).toMatch(/^p\.prompt\.yml:2: has 1,001 messages, more than the limit/);
  });

  it(`a GitHub Models file with more than ${MAX_COUNT.cases.toLocaleString('en-US')} testData rows or ${MAX_COUNT.assertions} evaluators is an error at that key`, () => {
    const rows = 'messages: [{ role: user, content: "{{q}}" }]\ntestData:\n' + '  - { q: a }\n'.repeat(MAX_COUNT.cases + 1);
    expect(errorOf(() => parsePromptFile('p.prompt.yml', rows)).format()).toMatch(/^p\.prompt\.yml:2: has 20,001 cases, more than the limit of 20,000 cases per eval set/);
    const evaluators = 'messages: [{ role: user, content: hi }]\nevaluators:\n' + Array.from({ length: MAX_COUNT.assertions + 1 }, (_, i) => `  - { name: e${i}, string: { contains: x } }`).join('\n');
    expect(errorOf(() => parsePromptFile('p.prompt.yml', evaluators)).format()).toMatch(/^p\.prompt\.yml:2: has 101 assertions in one list, more than the limit of 100/);
  });

  it('a jsonSchema string nested too deep is an error at the jsonSchema key', () => {
    const schema = '{"name": "a", "schema": ' + '{"items": '.repeat(200) + '{}' + '}'.repeat(200) + '}';
    const text = `messages: [{ role: user, content: hi }]\nresponseFormat: json_schema\njsonSchema: '${schema}'\n`;
    expect(errorOf(() => parsePromptFile('p.prompt.yml', text)).format()).toMatch(/^p\.prompt\.yml:3: nests lists and objects more than 64 levels deep/);
  });

  it('a schema error in a large chat JSON file still names its line, found without a second parse', { timeout: 10_000 }, () => {
    // Line numbers used to come from parsing the whole text again as YAML: ~10 s and ~1 GB for this file.
    const ok = Array.from({ length: 999 }, (_, i) => `  {"role": "user", "content": "${'message '.repeat(100)}${i}"}`);
    const text = '[\n' + [...ok, '  {"role": "user", "content": ' + JSON.stringify(Array(50_000).fill(0)) + '}'].join(',\n') + '\n]\n';
    const err = errorOf(() => parsePromptFile('p.json', text));
    expect(err.format()).toMatch(/^p\.json:1001: chat prompt file is invalid: \[999\]\.content: content must be text/);
  });
});

describe('rendering limits', () => {
  const where = { file: 'prompts/p.txt', caseId: 'big-1' };

  it('a variable that renders past the per-prompt limit is an error naming the file, the case and the limit', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const err = errorOf(() => renderMessages([{ role: 'user', content: 'Summarise: {{doc}}' }], { doc: huge }, where));
    expect(err.format()).toMatch(/^prompts\/p\.txt: renders a prompt of 10,485,771 characters, more than the limit of 4,194,304 characters per rendered prompt \(case "big-1"\)\n {2}hint: /);
  });

  it('the limit holds for every message of the prompt together, and for a variable used many times', () => {
    const mib = 'y'.repeat(1024 * 1024);
    const three = [1, 2, 3, 4, 5].map(() => ({ role: 'user' as const, content: '{{v}}' }));
    expect(errorOf(() => renderMessages(three, { v: mib }, where)).message).toMatch(/^renders a prompt of 5,242,880 characters/);
    const repeated = '{{s}} '.repeat(100_000);
    expect(errorOf(() => renderTemplate(repeated, { s: 'z'.repeat(100) }, where)).message).toMatch(/^renders a prompt of 10,100,000 characters/);
    expect(renderMessages(three.slice(0, 3), { v: mib }, where).map((m) => m.content.length)).toEqual([mib.length, mib.length, mib.length]);
  });

  it("a review's RenderBudget counts every case's rendered messages", () => {
    const budget = new RenderBudget(2_000);
    const messages = [{ role: 'user' as const, content: 'Q: {{q}}' }];
    renderMessages(messages, { q: 'a'.repeat(900) }, { file: 'p.txt', caseId: 'one' }, budget);
    renderMessages(messages, { q: 'a'.repeat(900) }, { file: 'p.txt', caseId: 'two' }, budget);
    expect(budget.total).toBe(1_806);
    expect(errorOf(() => renderMessages(messages, { q: 'a'.repeat(900) }, { file: 'p.txt', caseId: 'three' }, budget)).format()).toMatch(/\(case "three"\)/);
  });
});
