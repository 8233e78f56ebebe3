import { PromptgateError, type ErrorLocation } from '../errors.js';

/**
 * Limits on outside input. Under `pull_request_target` the prompt text comes from a stranger's fork, and in every
 * event the config, prompt files and eval sets are data promptgate did not write: no file may exhaust the memory,
 * overflow the stack or hang the process. Every limit is far above what a real repository holds and far below
 * what would put a review near its heap cap; the measurements behind each number are in docs/input-limits.md.
 * A file over a limit stops the review with a PromptgateError naming the file, the limit and what to do.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

/** What a file is, for its size limit. */
export type InputKind = 'config' | 'prompt' | 'cases';

/** Largest file, in UTF-8 bytes, of each kind. */
export const MAX_FILE_BYTES: Readonly<Record<InputKind, number>> = {
  config: 1 * MiB,
  prompt: 1 * MiB,
  cases: 64 * MiB,
};

/** The largest of MAX_FILE_BYTES: a reader (git, disk) may stop reading past this many bytes. */
export const MAX_INPUT_FILE_BYTES = Math.max(...Object.values(MAX_FILE_BYTES));

/**
 * Deepest nesting of lists and mappings in any JSON or YAML value (the top-level list of a .json eval set counts as
 * one level, each case object as the next). Real files nest a handful of levels; the recursive code that reads,
 * hashes and sends these values then never comes near the stack limit.
 */
export const MAX_DEPTH = 64;

/**
 * Values (scalars, objects and arrays; counted as commas + objects + arrays) in one JSON text: a file, a CSV cell,
 * a jsonSchema string. Size alone does not bound memory: `[{},{},…]` costs ~22 bytes of heap per byte of text,
 * and each value costs again when cases are normalised and hashed.
 */
export const MAX_JSON_VALUES = 2_000_000;

/**
 * Keys in one JSON object or YAML mapping, and columns in a CSV eval set. One object with a million keys takes
 * ~550 bytes per key by the time its case is normalised and hashed; real objects (vars, settings) have a few dozen.
 */
export const MAX_KEYS = 10_000;

/**
 * YAML tokens (scalars, indicators, brackets, line breaks) in one YAML text. The `yaml` parser keeps every token
 * and node of a document until it is converted, at up to ~300 bytes each: token count, not byte size, bounds it.
 */
export const MAX_YAML_TOKENS = 1_000_000;

/** Cells (rows × columns) of a CSV eval set: csv-parse keeps a record object per row. */
export const MAX_CSV_CELLS = 2_000_000;

/** Counted things, each with its limit. */
export const MAX_COUNT = {
  /** Cases in one eval set (a cases file, or a GitHub Models prompt file's testData). */
  cases: 20_000,
  /** Messages in one prompt file. */
  messages: 1_000,
  /** Assertions in one list: a case's `assert`, a prompt file's evaluators. */
  assertions: 100,
  /** Prompt files one suite's `prompt` glob matches in a commit. */
  promptFiles: 1_000,
  /** Suites in one review (after globs are expanded: one suite per matched prompt file). */
  suites: 1_000,
  /** Samples (model calls) planned in one review: cases × variants × repeats over every suite (~1 KB each kept). */
  samples: 200_000,
  /** Characters of one case's prompt as sent (every message, after `{{var}}` rendering), per variant. */
  renderedChars: 4 * MiB,
  /** Characters of every rendered prompt of one review together (every case × variant): at most 256 MB of strings. */
  renderedCharsPerReview: 128 * MiB,
} as const;

export type CountKind = keyof typeof MAX_COUNT;

const COUNT_TEXT: Record<CountKind, { what: (n: string) => string; hint: string }> = {
  cases: {
    what: (n) => `has ${n} cases`,
    hint: 'split the eval set into several suites (each with its own cases file), or sample it down: every case runs for both variants and every repeat on every review',
  },
  messages: {
    what: (n) => `has ${n} messages`,
    hint: 'a prompt is a few messages with {{variables}}; put the data in the eval set instead of in the prompt file',
  },
  assertions: {
    what: (n) => `has ${n} assertions in one list`,
    hint: 'combine checks (one regex or json_schema assertion can check many things), or split the suite',
  },
  promptFiles: {
    what: (n) => `matches ${n} prompt files with one suite's prompt glob`,
    hint: "narrow the suite's `prompt` glob (for example prompts/support/*.prompt.yml instead of **/*), or split it into several suites",
  },
  suites: {
    what: (n) => `makes ${n} suites in one review`,
    hint: 'narrow the `prompt` globs of the suites, so a review runs only the prompts that matter',
  },
  samples: {
    what: (n) => `plans ${n} model calls in one review`,
    hint: 'lower `repeats`, use fewer cases, or split the review with --shard',
  },
  renderedChars: {
    what: (n) => `renders a prompt of ${n} characters`,
    hint: "a variable this large does not fit any model's context; shorten the variable or the number of {{variables}} that use it",
  },
  renderedCharsPerReview: {
    what: (n) => `renders prompts of ${n} characters in all`,
    hint: 'use fewer cases or shorter variables, or split the review with --shard',
  },
};

const LIMIT_TEXT: Record<CountKind, string> = {
  cases: 'cases per eval set',
  messages: 'messages per prompt file',
  assertions: 'assertions per list',
  promptFiles: 'prompt files per suite glob',
  suites: 'suites per review',
  samples: 'model calls per review',
  renderedChars: 'characters per rendered prompt',
  renderedCharsPerReview: 'rendered characters per review',
};

/** `12,345` */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `1 MiB`, `4.3 MiB`, `640 KiB`, `12 bytes` */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${Number.isInteger(n / MiB) ? n / MiB : (n / MiB).toFixed(1)} MiB`;
  if (n >= KiB) return `${Number.isInteger(n / KiB) ? n / KiB : (n / KiB).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/**
 * Throw when `n` is over the limit for `kind`. `where` names the file (and line or case) the count is of; the
 * message reads as "<file>: has 25,000 cases, more than the limit of 20,000 cases per eval set".
 */
export function checkCount(kind: CountKind, n: number, where: ErrorLocation = {}): void {
  const limit = MAX_COUNT[kind];
  if (n <= limit) return;
  const text = COUNT_TEXT[kind];
  const shown = n === Infinity ? 'more than ' + formatCount(limit) : formatCount(n);
  throw new PromptgateError(`${text.what(shown)}, more than the limit of ${formatCount(limit)} ${LIMIT_TEXT[kind]}`, { ...where, hint: text.hint });
}

const KIND_TEXT: Record<InputKind, { name: string; hint: string }> = {
  config: { name: 'a config file', hint: 'a config is a few kilobytes; move data out of it (cases belong in a cases file)' },
  prompt: {
    name: 'a prompt file',
    hint: "keep test data in the eval set (a cases file) rather than in the prompt file; a prompt this large does not fit a model's context",
  },
  cases: {
    name: 'an eval set',
    hint: 'split the eval set into several suites, or keep a sample of it for pull requests',
  },
};

/** Throw when `text` is larger (in UTF-8 bytes) than files of this kind may be. */
export function checkSize(kind: InputKind, file: string, text: string): void {
  const limit = MAX_FILE_BYTES[kind];
  // A string of n code units is at least n bytes: skip the encoding pass for the common small file.
  if (text.length * 3 <= limit) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= limit) return;
  throw new PromptgateError(`is ${formatBytes(bytes)}, more than the ${formatBytes(limit)} limit for ${KIND_TEXT[kind].name}`, {
    file,
    hint: KIND_TEXT[kind].hint,
  });
}

/** The error for nesting deeper than MAX_DEPTH, at a place in a file. */
export function depthError(where: ErrorLocation, what = 'nests lists and objects'): PromptgateError {
  return new PromptgateError(`${what} more than ${MAX_DEPTH} levels deep, the limit`, {
    ...where,
    hint: `flatten the data: real prompts, configs and cases nest a few levels; a variable that needs more can be a JSON string`,
  });
}

/**
 * Walk a parsed value without recursion and throw when it nests deeper than MAX_DEPTH, or when, counted as a tree
 * (a value reachable twice, as YAML aliases make it, counts twice), it holds more than `maxNodes` values or
 * `maxChars` characters of strings. The code after parsing (hashing, JSON for requests) walks values as trees, so
 * the tree size is what it pays for.
 */
export function checkValueShape(value: unknown, where: ErrorLocation, budget: { maxNodes: number; maxChars: number }): void {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let nodes = 0;
  let chars = 0;
  const tooBig = () =>
    new PromptgateError(`expands to more than ${formatCount(budget.maxNodes)} values or ${formatBytes(budget.maxChars)} of text once its aliases (*name) are resolved`, {
      ...where,
      hint: 'use fewer aliases, or write the repeated data out once where it is needed',
    });
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (++nodes > budget.maxNodes) throw tooBig();
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > budget.maxChars) throw tooBig();
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > MAX_DEPTH) throw depthError(where);
    // Keys count as text too: a mapping's keys are as much of its size as its values.
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    if (!Array.isArray(v)) for (const k of Object.keys(v as object)) chars += k.length;
    if (chars > budget.maxChars) throw tooBig();
    for (const child of children) stack.push({ v: child, depth: depth + 1 });
  }
}

/**
 * Run a parser on outside input and turn anything it throws that is not already a PromptgateError (a RangeError
 * from deep recursion, an "Invalid string length", a library's internal error) into one that names the file.
 */
export function guardParse<T>(file: string, what: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof PromptgateError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const stack = err instanceof RangeError;
    throw new PromptgateError(`could not be read as ${what}: ${message}`, {
      file,
      hint: stack
        ? `the file is too large or too deeply nested to read (limits: ${formatBytes(MAX_FILE_BYTES.cases)} per eval set, ${formatBytes(MAX_FILE_BYTES.prompt)} per prompt or config file, ${MAX_DEPTH} levels of nesting)`
        : "check the file's syntax; if it looks right, please report this error with the file",
      cause: err,
    });
  }
}

/**
 * A running total of rendered prompt characters over one review (every case × variant), so that many cases each
 * just under the per-prompt limit cannot add up to more memory than the review has: create one per review and
 * pass it to every `renderMessages` call.
 */
export class RenderBudget {
  private used = 0;
  constructor(readonly limit: number = MAX_COUNT.renderedCharsPerReview) {}

  /** Count `chars` more; throw (naming `where`) when the total passes the limit. */
  take(chars: number, where: ErrorLocation): void {
    this.used += chars;
    if (this.used > this.limit) {
      const text = COUNT_TEXT.renderedCharsPerReview;
      throw new PromptgateError(`${text.what('more than ' + formatCount(this.limit))}, the limit of ${LIMIT_TEXT.renderedCharsPerReview}`, { ...where, hint: text.hint });
    }
  }

  get total(): number {
    return this.used;
  }
}
