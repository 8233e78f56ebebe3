import { describe, expect, it } from 'vitest';
import { renderMessages, renderTemplate, renderValue, templateVariables } from '../../src/prompts/index.js';
import { errorOf } from '../support/errors.js';

const where = { file: 'prompts/triage.txt', caseId: 'T-7' };

describe('renderTemplate', () => {
  it('substitutes {{key}} with or without spaces, and never escapes HTML', () => {
    expect(renderTemplate('A {{a}} B {{ b }} C {{  a  }}', { a: '<x & "y">', b: "it's" }, where)).toBe('A <x & "y"> B it\'s C <x & "y">');
  });

  it('follows dotted paths into nested vars and array indexes; a literal dotted key wins', () => {
    const vars = { user: { name: 'Ada', langs: ['en', 'fr'] }, 'user.name': 'literal' };
    expect(renderTemplate('{{user.langs.1}}', vars, where)).toBe('fr');
    expect(renderTemplate('{{user.name}}', vars, where)).toBe('literal');
    expect(renderTemplate('{{user.name}}', { user: { name: 'Ada' } }, where)).toBe('Ada');
  });

  it('renders non-string values as JSON', () => {
    expect(renderTemplate('{{n}} {{ok}} {{list}} {{obj}}', { n: 3, ok: false, list: [1, 'a'], obj: { k: 'v' } }, where)).toBe('3 false [1,"a"] {"k":"v"}');
  });

  it('does not expand a value that itself contains {{...}}', () => {
    expect(renderTemplate('{{a}}', { a: '{{b}}', b: 'no' }, where)).toBe('{{b}}');
  });

  it('leaves double braces that are not a variable name as written', () => {
    expect(renderTemplate('Example: {{#if x}}{{"k": 1}}{{/if}} for {{q}}', { q: 'me' }, where)).toBe('Example: {{#if x}}{{"k": 1}}{{/if}} for me');
  });

  it('a missing variable is an error naming the case, the variable and the file — never an empty string', () => {
    const err = errorOf(() => renderTemplate('Ticket: {{ticket}} from {{customer}}', { ticket: 'x', expected: 'billing' }, where));
    expect(err.message).toContain('case "T-7"');
    expect(err.message).toContain('"customer"');
    expect(err.file).toBe('prompts/triage.txt');
    expect(err.caseId).toBe('T-7');
    expect(err.hint).toContain('ticket, expected');
  });

  it('a missing nested key names the part that is missing; a null value is an error too', () => {
    expect(errorOf(() => renderTemplate('{{user.email}}', { user: { name: 'Ada' } }, where)).message).toContain('no variable "user.email", which');
    expect(errorOf(() => renderTemplate('{{a.b.c}}', { a: 1 }, where)).message).toContain('("a.b" is not there)');
    expect(errorOf(() => renderTemplate('{{x}}', { x: null }, where)).message).toContain('set to null');
  });

  it('an empty string is a value', () => {
    expect(renderTemplate('[{{x}}]', { x: '' }, where)).toBe('[]');
  });
});

describe('renderValue', () => {
  it('keeps the type of a sole {{var}}, renders anything else as text', () => {
    expect(renderValue('{{n}}', { n: 3 }, where)).toBe(3);
    expect(renderValue(' {{n}}', { n: 3 }, where)).toBe(' 3');
    expect(renderValue('{{ obj }}', { obj: { a: [1] } }, where)).toEqual({ a: [1] });
    expect(errorOf(() => renderValue('{{nope}}', {}, where)).message).toContain('"nope"');
  });
});

describe('renderMessages and templateVariables', () => {
  const messages = [
    { role: 'system' as const, content: 'You help {{ company }}.' },
    { role: 'user' as const, content: '{{ticket}} ({{meta.lang}}); again {{ticket}}' },
  ];

  it('renders every message and keeps roles', () => {
    expect(renderMessages(messages, { company: 'Acme', ticket: 'refund?', meta: { lang: 'en' } }, where)).toEqual([
      { role: 'system', content: 'You help Acme.' },
      { role: 'user', content: 'refund? (en); again refund?' },
    ]);
  });

  it('lists each variable once, in order of first use', () => {
    expect(templateVariables(messages)).toEqual(['company', 'ticket', 'meta.lang']);
    expect(templateVariables([{ role: 'user', content: 'no variables {{ }}' }])).toEqual([]);
  });
});
