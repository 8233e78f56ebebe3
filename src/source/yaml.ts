import { Composer, isAlias, isMap, isNode, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, type CST, type Document } from 'yaml';
import type { z } from 'zod';
import { PromptgateError } from '../errors.js';
import { clip } from '../text.js';
import { checkSize, checkValueShape, depthError, formatCount, guardParse, MAX_DEPTH, MAX_FILE_BYTES, MAX_KEYS, MAX_YAML_TOKENS, type InputKind } from '../config/limits.js';

/**
 * YAML text parsed with positions kept, so a schema error can name the line of the offending key or value.
 * Shared by every YAML input (promptgate.yml, prompt files, eval sets).
 */
export interface YamlSource {
  file: string;
  value: unknown;
  /** 1-based line of the node at `path` (or of the key itself when `key` is given), if found. */
  lineOf(path: readonly PropertyKey[], key?: string): number | undefined;
}

/**
 * Parse YAML from outside input within the limits of docs/input-limits.md: the file's size for its `kind`, at most
 * MAX_YAML_TOKENS tokens and MAX_DEPTH levels of nesting, both checked while the text is tokenised (before the
 * recursive part of the parser runs), and aliases that expand to no more than the file's own limits.
 * `kind` defaults to 'config': a new caller gets the strictest size limit until it says otherwise.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0, kind: InputKind = 'config'): YamlSource {
  checkSize(kind, file, text);
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const doc = guardParse(file, 'YAML', () => composeBounded(file, text, lineCounter, lineAt));
  const first = doc.errors[0];
  if (first) {
    throw new PromptgateError(`is not valid YAML: ${first.message.split('\n')[0]}`, {
      file,
      line: lineAt(first.pos[0]),
      hint: 'check indentation and quoting on that line (a value starting with { [ * & ! | > @ or ` needs quotes)',
    });
  }
  const aliases = checkNodes(doc, file, lineAt);
  // Aliases are not expanded by toJS (an aliased value is shared), but everything after parsing walks values as
  // trees; the expanded tree must fit the limits the file itself has to.
  const value = guardParse(file, 'YAML', () => doc.toJS({ maxAliasCount: -1 }));
  if (aliases) checkValueShape(value, { file }, { maxNodes: MAX_YAML_TOKENS, maxChars: MAX_FILE_BYTES[kind] });
  return {
    file,
    value,
    lineOf(path, key) {
      const node = doc.getIn(path as unknown[], true);
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
      }
      if (isNode(node) && node.range) return lineAt(node.range[0]);
      return undefined;
    },
  };
}

/**
 * `parseDocument`, taken apart so that the lexer's tokens can be counted and the CST parser's stack (one entry per
 * open collection) watched as they come: the composer after it recurses once per level of nesting, and the parser
 * keeps every token of a document until it ends, so both limits must hold before either runs out of hand.
 */
function composeBounded(file: string, text: string, lineCounter: LineCounter, lineAt: (offset: number) => number): Document.Parsed {
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens(): Generator<CST.Token> {
    lineCounter.addNewLine(0);
    let count = 0;
    for (const lexeme of new Lexer().lex(text)) {
      if (++count > MAX_YAML_TOKENS) {
        throw new PromptgateError(`has more than ${formatCount(MAX_YAML_TOKENS)} YAML tokens (values, keys, indicators and line breaks), the limit for one YAML file`, {
          file,
          line: lineAt(parser.offset),
          hint: 'a file this large reads faster and in less memory as JSON Lines (.jsonl); for an eval set, convert it, or split it into several suites',
        });
      }
      yield* parser.next(lexeme);
      // The stack holds the document, then one entry per open collection, plus the scalar being read.
      if (parser.stack.length > MAX_DEPTH + 2) throw depthError({ file, line: lineAt(parser.offset) });
    }
    yield* parser.end();
  }
  // Duplicate keys are found in checkNodes: the yaml package's own check compares every pair of keys of a mapping.
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(...d.errors);
      if (doc.errors.length === 0) {
        throw new PromptgateError('holds more than one YAML document', {
          file,
          line: d.range ? lineAt(d.range[0]) : undefined,
          hint: 'remove the second "---" line (a file holds one document)',
        });
      }
      break;
    }
  }
  return doc!;
}

/**
 * One iterative walk over the parsed nodes: nesting depth (exact; the token-time check allows for the parser's own
 * entries), and keys that occur twice in one mapping, in linear time. Returns whether the document uses aliases.
 */
function checkNodes(doc: Document.Parsed, file: string, lineAt: (offset: number) => number): boolean {
  let aliases = false;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) aliases = true;
    if (!isMap(node) && !isSeq(node)) continue;
    const line = node.range ? lineAt(node.range[0]) : undefined;
    if (depth + 1 > MAX_DEPTH) throw depthError({ file, ...(line !== undefined ? { line } : {}) });
    if (isMap(node) && node.items.length > MAX_KEYS) {
      throw new PromptgateError(`has a mapping with ${formatCount(node.items.length)} keys, more than the limit of ${formatCount(MAX_KEYS)} keys per mapping`, {
        file,
        ...(line !== undefined ? { line } : {}),
        hint: 'a mapping with this many keys is data, not settings or variables: make it a list, or keep only the keys the prompts use',
      });
    }
    const keys = new Set<unknown>();
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        const key = item.key;
        if (isMap(node) && isScalar(key)) {
          if (keys.has(key.value)) {
            throw new PromptgateError('is not valid YAML: Map keys must be unique', {
              file,
              ...(key.range ? { line: lineAt(key.range[0]) } : {}),
              hint: `"${clip(String(key.value), 80)}" appears twice in the same mapping; keep one`,
            });
          }
          keys.add(key.value);
        }
        stack.push({ node: key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return aliases;
}

/** Edit distance, for "did you mean" on unknown keys. Small inputs only (key names). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const threshold = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    // The distance is at least the difference in length: a long key costs nothing against short candidates.
    if (Math.abs(word.length - c.length) > threshold) continue;
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= threshold ? best : undefined;
}

/** Keys a strict zod object accepts at `path`, for "did you mean". */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const step of path) {
    node = unwrap(node);
    const def = (node as { def?: Record<string, unknown> }).def;
    if (!def) return [];
    if (def.type === 'object') node = (def.shape as Record<string, unknown>)[String(step)];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'union') return [];
    else return [];
  }
  node = unwrap(node);
  const def = (node as { def?: Record<string, unknown> }).def;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

function unwrap(node: unknown): unknown {
  for (;;) {
    const def = (node as { def?: Record<string, unknown> } | undefined)?.def;
    if (!def) return node;
    if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable' || def.type === 'prefault') node = def.innerType;
    else if (def.type === 'pipe') node = def.in;
    else return node;
  }
}

const pathText = (path: readonly PropertyKey[]) =>
  path.length === 0
    ? '(top level)'
    : path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');

/**
 * Validate a parsed YAML/JSON value with a zod schema; on failure throw one PromptgateError that names the file,
 * the line of the first problem, every problem as `path: message`, and a "did you mean" for unknown keys.
 */
export function parseWithSchema<S extends z.ZodType>(schema: S, source: YamlSource, what: string): z.infer<S> {
  const result = schema.safeParse(source.value);
  if (result.success) return result.data;
  const problems: string[] = [];
  let line: number | undefined;
  let hint: string | undefined;
  // A broken file can hold a million problems; the first few tell the user what to fix.
  const SHOWN = 10;
  let more = 0;
  for (const issue of result.error.issues) {
    if (problems.length >= SHOWN) {
      more += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const room = SHOWN - problems.length;
      more += Math.max(0, issue.keys.length - room);
      for (const key of issue.keys.slice(0, room)) {
        const suggestion = closest(key, knownKeysAt(schema, issue.path));
        problems.push(`unknown key "${clip(key, 80)}" in ${pathText(issue.path)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
        line ??= source.lineOf(issue.path, key);
        hint ??= suggestion ? `rename "${clip(key, 80)}" to "${suggestion}"` : `remove "${clip(key, 80)}"; allowed keys here: ${knownKeysAt(schema, issue.path).join(', ') || '(see README)'}`;
      }
    } else {
      problems.push(`${pathText(issue.path)}: ${issue.message}`);
      line ??= source.lineOf(issue.path) ?? source.lineOf(issue.path.slice(0, -1));
    }
  }
  if (more > 0) problems.push(`… and ${formatCount(more)} more`);
  throw new PromptgateError(`${what} is invalid: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`, { file: source.file, line, hint });
}
