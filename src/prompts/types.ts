import type { ModelParams } from './params.js';
import type { AssertionSpec } from '../assertions/schema.js';

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant';
export interface ChatMessage {
  role: ChatRole;
  content: string;
  /**
   * Set on the one message that stands for a whole Prompty or Dotprompt body: `content` is then the body's template,
   * rendered by its own engine and split into turns by `renderMessages` (see docs/formats.md); `role` is unused.
   */
  body?: BodyTemplate;
}

/** How a Prompty (Jinja) or Dotprompt (Handlebars) body becomes messages. */
export interface BodyTemplate {
  engine: 'jinja' | 'handlebars';
  /** Values for variables a case does not set: Prompty `sample` / `inputs.*.default`, Dotprompt `input.default`. */
  defaults: Record<string, unknown>;
}

export type PromptFormat = 'github-models' | 'text' | 'chat' | 'prompty' | 'dotprompt';

/**
 * One version of a prompt file, parsed but not rendered: message templates still hold `{{var}}`.
 * Settings found in the file itself (front matter, GitHub Models `model` / `modelParameters`) are here;
 * promptgate.yml settings are merged on top later by the pipeline (the file wins over the provider defaults).
 */
export interface PromptDoc {
  path: string;
  format: PromptFormat;
  messages: ChatMessage[];
  model?: string;
  params: ModelParams;
  /** GitHub Models `testData` rows, as given (flat records). */
  testData?: Record<string, unknown>[];
  /** GitHub Models `evaluators`, mapped onto assertion specs. */
  evaluators?: AssertionSpec[];
  /** GitHub Models `name` / `description`, for the note. */
  name?: string;
  description?: string;
}
