import { checkSize, guardParse } from '../config/limits.js';
import { PromptgateError } from '../errors.js';
import { parseChatFile } from './chat.js';
import { parseGitHubModels } from './github-models.js';
import { parseDotprompt } from './dotprompt.js';
import { parsePrompty } from './prompty.js';
import { isDotpromptText, parseTextPrompt } from './text.js';
import { isPromptfooConfig, promptfooInlinePrompt } from './promptfoo.js';
import { parseYamlSource } from '../source/yaml.js';
import type { PromptDoc } from './types.js';

export type { ChatMessage, ChatRole, PromptDoc, PromptFormat } from './types.js';
export { renderMessages, renderTemplate, renderValue, templateVariables, type TemplateWhere } from './template.js';
export { GITHUB_BUILTIN_EVALUATORS } from './github-builtins.js';

const GITHUB_MODELS = /\.prompt\.ya?ml$/i;
const TEXT = /\.(txt|md|prompt)$/i;
const CHAT = /\.(json|ya?ml)$/i;
const PROMPTY = /\.prompty$/i;

/** The formats promptgate reads, for messages. */
export const SUPPORTED_PROMPT_FORMATS =
  'GitHub Models .prompt.yml/.prompt.yaml; text or Markdown .txt/.md/.prompt (optional YAML front matter with model, params, system); chat .json/.yaml/.yml (a list of {role, content} messages); Prompty .prompty; Dotprompt .prompt (front matter with config/input/output, or {{role}} turns)';

/** Whether `parsePromptFile` reads this path's format (by extension). */
export function isPromptPath(path: string): boolean {
  return GITHUB_MODELS.test(path) || TEXT.test(path) || CHAT.test(path) || PROMPTY.test(path);
}

/**
 * Parse one version of a prompt file; the format follows the extension (docs/contract.md §3). Pure: the caller reads the
 * text (from disk or from git at some commit). Every problem is a PromptgateError naming the file and line.
 */
export function parsePromptFile(path: string, text: string): PromptDoc {
  if (isPromptPath(path)) checkSize('prompt', path, text);
  if (GITHUB_MODELS.test(path)) return guardParse(path, 'a GitHub Models prompt file', () => parseGitHubModels(path, text));
  if (PROMPTY.test(path)) return guardParse(path, 'a Prompty file', () => parsePrompty(path, text));
  if (isDotpromptText(path, text)) return guardParse(path, 'a Dotprompt file', () => parseDotprompt(path, text));
  if (TEXT.test(path)) return guardParse(path, 'a text prompt', () => parseTextPrompt(path, text));
  if (/\.ya?ml$/i.test(path) && isPromptfooText(path, text)) {
    return guardParse(path, 'a promptfoo config', () => promptfooInlinePrompt(path, text));
  }
  if (CHAT.test(path)) return guardParse(path, 'a chat prompt file', () => parseChatFile(path, text));
  throw new PromptgateError('is not a prompt format promptgate reads', {
    file: path,
    hint: `use one of: ${SUPPORTED_PROMPT_FORMATS}`,
  });
}

/** A promptfoo config whose one inline prompt is the suite's prompt (see docs/formats.md). */
function isPromptfooText(path: string, text: string): boolean {
  if (!/^\s*(prompts|providers|tests)\s*:/m.test(text)) return false;
  return isPromptfooConfig(path, parseYamlSource(path, text, 0, 'prompt').value);
}
