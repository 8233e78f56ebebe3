import { checkSize, guardParse } from '../config/limits.js';
import { PromptgateError } from '../errors.js';
import { parseChatFile } from './chat.js';
import { parseGitHubModels } from './github-models.js';
import { parseTextPrompt } from './text.js';
import type { PromptDoc } from './types.js';

export type { ChatMessage, ChatRole, PromptDoc, PromptFormat } from './types.js';
export { renderMessages, renderTemplate, renderValue, templateVariables, type TemplateWhere } from './template.js';
export { GITHUB_BUILTIN_EVALUATORS } from './github-builtins.js';

const GITHUB_MODELS = /\.prompt\.ya?ml$/i;
const TEXT = /\.(txt|md|prompt)$/i;
const CHAT = /\.(json|ya?ml)$/i;
/** Formats on the roadmap (DESIGN §3), named in the error so a user knows they are known, just not read yet. */
const LATER = /\.(prompty|dotprompt)$/i;

/** The formats promptgate reads, for messages. */
export const SUPPORTED_PROMPT_FORMATS =
  'GitHub Models .prompt.yml/.prompt.yaml; text or Markdown .txt/.md/.prompt (optional YAML front matter with model, params, system); chat .json/.yaml/.yml (a list of {role, content} messages)';

/** Whether `parsePromptFile` reads this path's format (by extension). */
export function isPromptPath(path: string): boolean {
  return GITHUB_MODELS.test(path) || TEXT.test(path) || CHAT.test(path);
}

/**
 * Parse one version of a prompt file; the format follows the extension (DESIGN §3). Pure: the caller reads the
 * text (from disk or from git at some commit). Every problem is a PromptgateError naming the file and line.
 */
export function parsePromptFile(path: string, text: string): PromptDoc {
  if (isPromptPath(path)) checkSize('prompt', path, text);
  if (GITHUB_MODELS.test(path)) return guardParse(path, 'a GitHub Models prompt file', () => parseGitHubModels(path, text));
  if (TEXT.test(path)) return guardParse(path, 'a text prompt', () => parseTextPrompt(path, text));
  if (CHAT.test(path)) return guardParse(path, 'a chat prompt file', () => parseChatFile(path, text));
  const later = LATER.exec(path);
  throw new PromptgateError(later ? `is a ${later[1]!.toLowerCase() === 'prompty' ? 'Prompty' : 'Dotprompt'} file, which promptgate does not support yet` : 'is not a prompt format promptgate reads', {
    file: path,
    hint: `use one of: ${SUPPORTED_PROMPT_FORMATS}`,
  });
}
