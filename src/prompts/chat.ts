import { z } from 'zod';
import { checkCount } from '../config/limits.js';
import { parseWithSchema, parseYamlSource, type YamlSource } from '../source/yaml.js';
import { PromptgateError } from '../errors.js';
import { parseJsonSource } from './json-source.js';
import { MessageSchema } from './messages.js';
import type { PromptDoc } from './types.js';

const ChatFileSchema = z.array(MessageSchema).min(1, 'a chat prompt needs at least one message');

/** Chat files (`.json`, `.yaml`, `.yml`): the file is an array of `{role, content}` messages, nothing else. */
export function parseChatFile(path: string, text: string): PromptDoc {
  const hint = 'a chat prompt file is a list of {role, content} messages; for model settings or test data use a GitHub Models .prompt.yml';
  const source: YamlSource = /\.json$/i.test(path) ? parseJsonSource(path, text, 'a chat prompt file is a JSON array of {"role", "content"} messages') : parseYamlSource(path, text, 0, 'prompt');
  if (source.value === null || source.value === undefined) throw new PromptgateError('is empty', { file: path, hint });
  if (!Array.isArray(source.value)) {
    const looksLikeGitHubModels = typeof source.value === 'object' && 'messages' in source.value;
    throw new PromptgateError('is not a list of messages', {
      file: path,
      line: 1,
      hint: looksLikeGitHubModels ? `it has "messages": rename it to *.prompt.yml to read it as a GitHub Models prompt file` : hint,
    });
  }
  checkCount('messages', source.value.length, { file: path, line: 1 });
  return { path, format: 'chat', messages: parseWithSchema(ChatFileSchema, source, 'chat prompt file'), params: {} };
}
