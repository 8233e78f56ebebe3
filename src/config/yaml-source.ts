import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { PromptgateError } from '../errors.js';

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

export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line + lineOffset;
    throw new PromptgateError(`is not valid YAML: ${first.message.split('\n')[0]}`, {
      file,
      line,
      hint: 'check indentation and quoting on that line (a value starting with { [ * & ! | > @ or ` needs quotes)',
    });
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  return {
    file,
    value: doc.toJS(),
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
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
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
  path.length === 0 ? '(top level)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');

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
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const suggestion = closest(key, knownKeysAt(schema, issue.path));
        problems.push(`unknown key "${key}" in ${pathText(issue.path)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
        line ??= source.lineOf(issue.path, key);
        hint ??= suggestion
          ? `rename "${key}" to "${suggestion}"`
          : `remove "${key}"; allowed keys here: ${knownKeysAt(schema, issue.path).join(', ') || '(see README)'}`;
      }
    } else {
      problems.push(`${pathText(issue.path)}: ${issue.message}`);
      line ??= source.lineOf(issue.path) ?? source.lineOf(issue.path.slice(0, -1));
    }
  }
  throw new PromptgateError(
    `${what} is invalid: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`,
    { file: source.file, line, hint },
  );
}
