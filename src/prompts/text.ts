import { z } from 'zod';
import { ModelParamsSchema } from '../config/schema.js';
import { parseWithSchema, parseYamlSource } from '../config/yaml-source.js';
import { PromptgateError } from '../errors.js';
import type { ChatMessage, PromptDoc } from './types.js';

const FrontMatterSchema = z.strictObject({
  model: z.string().min(1).optional(),
  params: ModelParamsSchema.optional(),
  system: z.string().optional(),
});

/** Front-matter keys of Dotprompt (Firebase Genkit), which also uses the `.prompt` extension. */
const DOTPROMPT_KEYS = ['config', 'input', 'output', 'tools', 'metadata', 'variant'];

/** `---` on the first line, the YAML, `---` on a line of its own. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Text and Markdown prompts (`.txt`, `.md`, `.prompt`): the body is one user message. Optional YAML front matter may
 * set `model`, `params` and `system` (a system message sent first). Front-matter errors name file lines.
 */
export function parseTextPrompt(path: string, text: string): PromptDoc {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?\n/.test(body)) return { path, format: 'text', messages: [userMessage(path, body, 1)], params: {} };
  const m = FRONT_MATTER.exec(body);
  if (!m) {
    throw new PromptgateError('front matter that opens with "---" on line 1 is never closed', {
      file: path,
      line: 1,
      hint: 'end the front matter with a line holding only "---" (or remove the first line if it is not front matter)',
    });
  }
  // The YAML starts on line 2 of the file, so its line numbers are shifted by one.
  const source = parseYamlSource(path, m[1] ?? '', 1, 'prompt');
  const value = source.value ?? {};
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  const dotprompt = keys.filter((k) => DOTPROMPT_KEYS.includes(k));
  if (/\.prompt$/i.test(path) && dotprompt.length > 0) {
    throw new PromptgateError(`looks like a Dotprompt file (front matter has ${dotprompt.join(', ')}); Dotprompt is not supported yet`, {
      file: path,
      line: source.lineOf([], dotprompt[0]),
      hint: 'use a GitHub Models .prompt.yml, or keep only model, params and system in the front matter of a text prompt',
    });
  }
  const front = parseWithSchema(FrontMatterSchema, { ...source, value }, 'front matter');
  const messages: ChatMessage[] = [];
  if (front.system !== undefined) messages.push({ role: 'system', content: front.system });
  const bodyLine = m[0].split('\n').length;
  messages.push(userMessage(path, body.slice(m[0].length), bodyLine));
  return {
    path,
    format: 'text',
    messages,
    ...(front.model !== undefined ? { model: front.model } : {}),
    params: front.params ?? {},
  };
}

function userMessage(path: string, content: string, line: number): ChatMessage {
  if (content.trim() === '') {
    throw new PromptgateError('has no prompt text', { file: path, line, hint: 'write the prompt after the front matter (the whole body is sent as one user message)' });
  }
  return { role: 'user', content };
}
