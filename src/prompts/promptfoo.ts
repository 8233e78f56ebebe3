import { z } from 'zod';
import { PromptgateError } from '../errors.js';
import { parseWithSchema, parseYamlSource } from '../source/yaml.js';
import { MessageSchema } from './messages.js';
import type { PromptDoc } from './types.js';

/**
 * What the prompt readers need of a promptfoo config (see docs/formats.md, "promptfoo configs"): whether a file is
 * one, its top-level shape, and its one inline prompt when the config file is a suite's prompt file. The config
 * reader (src/config/promptfoo.ts) builds on these; they live here, below it (docs/architecture.md, "Layers").
 */

/** `promptfooconfig.yaml` / `.yml`, anywhere in the repo. */
export const PROMPTFOO_CONFIG = /(^|\/)promptfooconfig\.ya?ml$/i;

/** Whether a config file is a promptfoo config: by name, or by promptfoo's top-level keys. */
export function isPromptfooConfig(path: string, value: unknown): boolean {
  if (PROMPTFOO_CONFIG.test(path)) return true;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return !('version' in value) && ['prompts', 'providers', 'tests'].some((k) => k in value);
}

const ProviderObjectSchema = z.looseObject({ id: z.string().min(1), label: z.string().optional(), config: z.record(z.string(), z.unknown()).optional() });
const PromptObjectSchema = z.looseObject({ raw: z.string().optional(), id: z.string().optional(), label: z.string().optional() });

/** A promptfoo config's top level, as promptgate reads it (src/config/promptfoo.ts checks the rest). */
export const PromptfooSchema = z.looseObject({
  description: z.string().optional(),
  prompts: z.union([z.string(), z.array(z.union([z.string(), PromptObjectSchema]))]),
  providers: z.union([z.string(), z.array(z.union([z.string(), ProviderObjectSchema]))]),
  defaultTest: z.unknown().optional(),
  tests: z.union([z.string(), z.array(z.unknown())]).optional(),
});
export type PromptfooFile = z.infer<typeof PromptfooSchema>;

/**
 * The prompt of a promptfoo config that has one inline prompt: the config file is then the suite's prompt file.
 * A prompt that is a JSON list of messages is a chat prompt, as in promptfoo; other text is one user message.
 */
export function promptfooInlinePrompt(file: string, text: string): PromptDoc {
  const source = parseYamlSource(file, text, 0, 'prompt');
  const pf = parseWithSchema(PromptfooSchema, source, 'promptfoo config');
  const list = typeof pf.prompts === 'string' ? [pf.prompts] : pf.prompts;
  const first = list[0];
  const raw = typeof first === 'string' ? first : first?.raw;
  if (list.length !== 1 || raw === undefined || raw.startsWith('file://')) {
    throw new PromptgateError('is not a prompt file: its prompts are in other files', { file, line: source.lineOf(['prompts']), hint: 'point the suite at the prompt files the config lists' });
  }
  const line = source.lineOf(typeof pf.prompts === 'string' ? ['prompts'] : ['prompts', 0]);
  if (/^\s*\[/.test(raw)) {
    let messages: unknown;
    try {
      messages = JSON.parse(raw);
    } catch {
      messages = undefined;
    }
    const parsed = z.array(MessageSchema).min(1).safeParse(messages);
    if (parsed.success) return { path: file, format: 'chat', messages: parsed.data, params: {} };
  }
  if (raw.trim() === '') throw new PromptgateError('has an empty prompt', { file, line, hint: 'write the prompt text' });
  return { path: file, format: 'text', messages: [{ role: 'user', content: raw }], params: {} };
}
