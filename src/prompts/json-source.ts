import { depthError, formatCount, MAX_DEPTH, MAX_JSON_VALUES, MAX_KEYS } from '../config/limits.js';
import type { YamlSource } from '../source/yaml.js';
import { PromptgateError, type ErrorLocation } from '../errors.js';

/** 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const NEWLINE = 10;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

export interface JsonScanOptions {
  /** Where `text` sits: the file, and the line its first character is on (default 1). */
  where: ErrorLocation & { file: string };
  /** JSON Lines: every line is its own JSON text, so nesting starts afresh after each line break. */
  lines?: boolean;
  /**
   * Whether an error names the line and column inside `text` (default), or just `where` as given: for JSON held in
   * a string of another file (a CSV cell, a YAML value), whose own lines would mislead.
   */
  pinpoint?: boolean;
}

/**
 * One pass over JSON text before `JSON.parse` sees it, outside strings: nesting deeper than MAX_DEPTH, more than
 * MAX_JSON_VALUES values and an object with more than MAX_KEYS keys are errors at their line and column.
 * `JSON.parse` itself does not recurse, but what it builds would: a 4 MB file of `[` is two million nested arrays,
 * which every later step (zod, hashing, `JSON.stringify`) walks recursively; and memory follows the number of
 * values, not the bytes (see docs/input-limits.md). Invalid JSON passes through; `JSON.parse` reports it.
 */
export function checkJsonText(text: string, opts: JsonScanOptions): { topLevelItems: number } {
  let depth = 0;
  let values = 0;
  let topCommas = 0;
  let topArray: boolean | undefined;
  // Per open level: whether it is an object, and how many commas it has had so far.
  const isObject = new Uint8Array(MAX_DEPTH + 1);
  const commas = new Uint32Array(MAX_DEPTH + 1);
  let inString = false;
  const at = (i: number, error: (where: ErrorLocation) => PromptgateError) => {
    if (opts.pinpoint === false) return error(opts.where);
    const { line, column } = positionOf(text, i);
    const first = opts.where.line ?? 1;
    return error({ ...opts.where, line: first + line - 1, ...(line === 1 && opts.where.column !== undefined ? { column: opts.where.column + column - 1 } : { column }) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      else if (c === NEWLINE && opts.lines) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      topArray ??= c === OPEN_SQUARE;
      if (++depth > MAX_DEPTH) throw at(i, (where) => depthError(where));
      isObject[depth] = c === OPEN_CURLY ? 1 : 0;
      commas[depth] = 0;
      if (++values > MAX_JSON_VALUES) throw at(i, tooManyValues);
    } else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) depth = Math.max(0, depth - 1);
    else if (c === 44) {
      if (++values > MAX_JSON_VALUES) throw at(i, tooManyValues);
      if (depth === 1) topCommas++;
      if (depth > 0 && ++commas[depth]! >= MAX_KEYS && isObject[depth]) throw at(i, tooManyKeys);
    } else if (c === NEWLINE && opts.lines) depth = 0;
  }
  return { topLevelItems: topArray ? topCommas + 1 : 0 };
}

const tooManyValues = (where: ErrorLocation) =>
  new PromptgateError(`has more than ${formatCount(MAX_JSON_VALUES)} JSON values, the limit for one file`, {
    ...where,
    hint: 'split the data into several files (for an eval set: several suites), or keep only what the prompts use',
  });

const tooManyKeys = (where: ErrorLocation) =>
  new PromptgateError(`has an object with more than ${formatCount(MAX_KEYS)} keys, the limit for one object`, {
    ...where,
    hint: 'an object with this many keys is data, not settings or variables: make it a list, or keep only the keys the prompts use',
  });

/**
 * JSON text parsed by `JSON.parse` (the value is exactly what JSON says), checked first by `checkJsonText` (and by
 * `beforeParse`, which sees the number of items of a top-level array: its commas + 1). Line
 * numbers for later schema errors come from a scan of the text to the place a path names, only when a message
 * needs one. A syntax error names its line and column.
 */
export function parseJsonSource(file: string, text: string, what: string, beforeParse?: (scan: { topLevelItems: number }) => void): YamlSource {
  const scan = checkJsonText(text, { where: { file } });
  beforeParse?.(scan);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(file, text, err, `${what}; check the commas, quotes and brackets around that place`);
  }
  return {
    file,
    value,
    lineOf(path, key) {
      const offset = jsonOffsetOf(text, path, key);
      return offset === undefined ? undefined : positionOf(text, offset).line;
    },
  };
}

/** `JSON.parse`'s error as a PromptgateError at its line and column. */
export function jsonSyntaxError(file: string, text: string, err: unknown, hint: string): PromptgateError {
  const message = (err as Error).message;
  const at = /at position (\d+)/.exec(message);
  const where = at ? positionOf(text, Number(at[1])) : text.trim() === '' ? { line: 1, column: 1 } : positionOf(text, text.length);
  return new PromptgateError(`is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, { file, ...where, hint });
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the string starting at `i` (a `"`). */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return i;
}

/** Index just past the value starting at `i`. The text is valid JSON (JSON.parse accepted it). */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === OPEN_SQUARE || c === OPEN_CURLY) {
    let depth = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) i = skipString(text, i) - 1;
      else if (d === OPEN_SQUARE || d === OPEN_CURLY) depth++;
      else if ((d === CLOSE_SQUARE || d === CLOSE_CURLY) && --depth === 0) return i + 1;
    }
    return i;
  }
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 44 || d === CLOSE_SQUARE || d === CLOSE_CURLY || isSpace(d)) break;
    i++;
  }
  return i;
}

/**
 * Offsets of the members of the object at `i`: each key's start and its value's start. A key given twice counts
 * at its last place, as `JSON.parse` keeps the last value.
 */
function findMember(text: string, i: number, name: string): { key: number; value: number } | undefined {
  if (text.charCodeAt(i) !== OPEN_CURLY) return undefined;
  let found: { key: number; value: number } | undefined;
  i = skipSpace(text, i + 1);
  while (i < text.length && text.charCodeAt(i) === QUOTE) {
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
    if (key === name) found = { key: i, value };
    i = skipSpace(text, skipValue(text, value));
    if (text.charCodeAt(i) !== 44) break;
    i = skipSpace(text, i + 1);
  }
  return found;
}

/**
 * Offset of the value at `path` in valid JSON text (or of `key` inside it), by a scan that skips everything else:
 * linear time, no memory beyond the text. Undefined when the path is not there.
 */
export function jsonOffsetOf(text: string, path: readonly PropertyKey[], key?: string): number | undefined {
  let i = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  for (const step of path) {
    if (typeof step === 'number') {
      if (text.charCodeAt(i) !== OPEN_SQUARE) return undefined;
      i = skipSpace(text, i + 1);
      for (let n = 0; n < step; n++) {
        if (i >= text.length || text.charCodeAt(i) === CLOSE_SQUARE) return undefined;
        i = skipSpace(text, skipValue(text, i));
        if (text.charCodeAt(i) !== 44) return undefined;
        i = skipSpace(text, i + 1);
      }
      if (i >= text.length || text.charCodeAt(i) === CLOSE_SQUARE) return undefined;
    } else {
      const member = findMember(text, i, String(step));
      if (!member) return undefined;
      i = member.value;
    }
  }
  if (key === undefined) return i;
  return findMember(text, i, key)?.key ?? i;
}

/**
 * 1-based start line of each element of a top-level JSON array, by one scan of the text (strings and nesting
 * tracked), so every case of a large .json eval set gets its line without a second full parse.
 */
export function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') continue;
    if (depth === 1 && expectValue && ch !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return lines;
}
