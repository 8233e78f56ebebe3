import { describe, expect, it } from 'vitest';
import { RenderBudget } from '../../src/config/limits.js';
import { PromptgateError } from '../../src/errors.js';
import { parsePromptFile, renderMessages } from '../../src/prompts/index.js';

const where = { file: 'prompts/basic.prompty', caseId: 'c1' };

/** microsoft/prompty's basic example (MIT), as its README shows it. */
const BASIC = `---
name: Basic Prompt
description: A basic prompt that uses the GPT-3 chat API to answer questions
authors:
  - sethjuarez
model:
  api: chat
  configuration:
    type: azure_openai
    azure_endpoint: \${env:AZURE_OPENAI_ENDPOINT}
    azure_deployment: \${env:AZURE_OPENAI_DEPLOYMENT:gpt-35-turbo}
  parameters:
    max_tokens: 128
    temperature: 0.2
inputs:
  firstName:
    type: string
    default: Jane
sample:
  lastName: Doe
  question: What is the meaning of life?
---
system:
You are an AI assistant who helps people find information.

# Customer
You are helping {{firstName}} {{lastName}} to find answers to their questions.

user:
{{question}}
`;

function thrown(fn: () => unknown): PromptgateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PromptgateError);
    return err as PromptgateError;
  }
  throw new Error('expected a PromptgateError');
}

describe('Prompty', () => {
  it('maps name, model configuration and parameters, and renders sample / input defaults into turns', () => {
    const doc = parsePromptFile('prompts/basic.prompty', BASIC);
    expect(doc).toMatchObject({ format: 'prompty', name: 'Basic Prompt', model: 'gpt-35-turbo', params: { max_tokens: 128, temperature: 0.2 } });
    const rendered = renderMessages(doc.messages, { question: 'Why?' }, where);
    expect(rendered).toEqual([
      { role: 'system', content: 'You are an AI assistant who helps people find information.\n\n# Customer\nYou are helping Jane Doe to find answers to their questions.' },
      { role: 'user', content: 'Why?' },
    ]);
    // A case's vars win over the defaults.
    expect(renderMessages(doc.messages, { question: 'Q', firstName: 'Ann' }, where)[0]!.content).toContain('helping Ann Doe');
  });

  it('renders real Jinja: loops that emit turns, conditionals, filters, no HTML escaping', () => {
    const doc = parsePromptFile(
      'p.prompty',
      `---
model:
  configuration: { type: openai, name: gpt-4o-mini }
---
system:
Be brief{% if tone is defined %}, {{ tone | upper }}{% endif %}. <b>&</b>
{% for item in history %}
{{ item.role }}:
{{ item.content }}
{% endfor %}
user:
{{ question }}`,
    );
    expect(doc.model).toBe('gpt-4o-mini');
    const vars = {
      question: 'a < b?',
      history: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
    };
    expect(renderMessages(doc.messages, vars, where)).toEqual([
      { role: 'system', content: 'Be brief. <b>&</b>' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
      { role: 'user', content: 'a < b?' },
    ]);
    expect(renderMessages(doc.messages, { ...vars, tone: 'kind' }, where)[0]!.content).toBe('Be brief, KIND. <b>&</b>');
  });

  it('text before the first role line is a system turn, as in Prompty', () => {
    const doc = parsePromptFile('p.prompty', '---\nname: x\n---\nYou are terse.\nuser:\n{{q}}');
    expect(renderMessages(doc.messages, { q: 'hi' }, where)).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it('a missing variable is an error naming the case and the variable, never empty text', () => {
    const doc = parsePromptFile('p.prompty', '---\nname: x\n---\nuser:\nHello {{ user.name }} and {{ who }}');
    const err = thrown(() => renderMessages(doc.messages, { user: { name: 'A' } }, where));
    expect(err.message).toContain('case "c1" has no variable "who"');
    expect(thrown(() => renderMessages(doc.messages, { user: {}, who: 'x' }, where)).message).toContain('"user.name"');
  });

  it('refuses include / import / extends and names the file', () => {
    for (const tag of ['{% include "secrets.txt" %}', '{% import "m.j2" as m %}', '{% extends "base.j2" %}']) {
      const err = thrown(() => parsePromptFile('p.prompty', `---\nname: x\n---\nuser:\n${tag}`));
      expect(err.file).toBe('p.prompty');
      expect(err.message).toContain('cannot read');
    }
  });

  it('an untrusted template reaches neither JavaScript prototypes nor the process', () => {
    const doc = parsePromptFile('p.prompty', '---\nname: x\n---\nuser:\n{{ range.constructor("return process")() }}');
    const err = thrown(() => renderMessages(doc.messages, {}, where));
    expect(err.message).toContain('template failed');
    const proto = parsePromptFile('p.prompty', '---\nname: x\n---\nuser:\n[{{ x.constructor is defined }}][{{ x.__proto__ is defined }}]');
    expect(renderMessages(proto.messages, { x: { a: 1 } }, where)[0]!.content).toBe('[false][false]');
  });

  it('bounds a render that would not end: huge ranges, nested loops, doubling strings', () => {
    const big = parsePromptFile('p.prompty', '---\nname: x\n---\nuser:\n{% for i in range(1000000000) %}x{% endfor %}');
    expect(thrown(() => renderMessages(big.messages, {}, where)).message).toMatch(/stopped after range\(\) of 1,000,000,000 items/);
    const nested = parsePromptFile('p.prompty', '---\nname: x\n---\nuser:\n{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}');
    expect(thrown(() => renderMessages(nested.messages, {}, where)).message).toMatch(/stopped after more than 100,000 steps/);
    const doubling = parsePromptFile('p.prompty', '---\nname: x\n---\nuser:\n{% set s = "xxxxxxxxxxxxxxxx" %}{% for i in range(40) %}{% set s = s ~ s %}{% endfor %}{{ s }}');
    expect(thrown(() => renderMessages(doubling.messages, {}, where)).message).toMatch(/stopped after a value longer than/);
  });

  it('counts rendered text against the review budget', () => {
    const doc = parsePromptFile('p.prompty', BASIC);
    const budget = new RenderBudget(50);
    expect(thrown(() => renderMessages(doc.messages, { question: 'Q' }, where, budget)).message).toContain('rendered characters per review');
  });

  it('names unsupported settings with their line', () => {
    expect(thrown(() => parsePromptFile('p.prompty', '---\nmodel:\n  api: completion\n---\nhi')).line).toBe(3);
    expect(thrown(() => parsePromptFile('p.prompty', '---\nsample: ${file:sample.json}\n---\nhi')).message).toContain('refers to another file');
    expect(thrown(() => parsePromptFile('p.prompty', '---\nmodel:\n  parameters:\n    temperature: 9\n---\nhi')).line).toBe(4);
  });

  it("an env reference without a default names no model (promptgate.yml's applies)", () => {
    const doc = parsePromptFile('p.prompty', '---\nmodel:\n  configuration:\n    azure_deployment: ${env:DEPLOYMENT}\n---\nhi');
    expect(doc.model).toBeUndefined();
  });
});
