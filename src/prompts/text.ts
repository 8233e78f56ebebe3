import { z } from 'zod';
import { ModelParamsSchema } from './params.js';
import { parseWithSchema, parseYamlSource } from '../source/yaml.js';
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
 * Split `---` YAML front matter from the body. `yaml` is undefined when the file has none; an opening `---` that is
 * never closed is an error. `bodyLine` is the 1-based line the body starts on.
 */
export function splitFrontMatter(path: string, text: string): { yaml?: string; body: string; bodyLine: number } {
  const clean = text.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?\n/.test(clean)) return { body: clean, bodyLine: 1 };
  const m = FRONT_MATTER.exec(clean);
  if (!m) {
    throw new PromptgateError('front matter that opens with "---" on line 1 is never closed', {
      file: path,
      line: 1,
      hint: 'end the front matter with a line holding only "---" (or remove the first line if it is not front matter)',
    });
  }
  return { yaml: m[1] ?? '', body: clean.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** Whether `.prompt` text is Dotprompt (Firebase Genkit) rather than a text prompt: its front matter has Dotprompt keys. */
export function isDotpromptText(path: string, text: string): boolean {
  if (!/\.prompt$/i.test(path)) return false;
  const clean = text.replace(/^\uFEFF/, '');
  const m = FRONT_MATTER.exec(clean);
  if (!m) return false;
  // A `{{role "system"}}` turn marker in the body is Dotprompt's own; so are its front-matter keys.
  if (/\{\{\s*role\s+["']/.test(clean.slice(m[0].length))) return true;
  return DOTPROMPT_KEYS.some((k) => new RegExp(`^${k}[ \t]*:`, 'm').test(m[1] ?? ''));
}

/**
 * Text and Markdown prompts (`.txt`, `.md`, `.prompt`): the body is one user message. Optional YAML front matter may
 * set `model`, `params` and `system` (a system message sent first). Front-matter errors name file lines.
 */
export function parseTextPrompt(path: string, text: string): PromptDoc {
  const split = splitFrontMatter(path, text);
  if (split.yaml === undefined) return { path, format: 'text', messages: [userMessage(path, split.body, 1)], params: {} };
  // The YAML starts on line 2 of the file, so its line numbers are shifted by one.
  const source = parseYamlSource(path, split.yaml, 1, 'prompt');
  const value = source.value ?? {};
  const front = parseWithSchema(FrontMatterSchema, { ...source, value }, 'front matter');
  const messages: ChatMessage[] = [];
  if (front.system !== undefined) messages.push({ role: 'system', content: front.system });
  messages.push(userMessage(path, split.body, split.bodyLine));
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
