import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { YamlSource } from '../config/yaml-source.js';
import { PromptgateError } from '../errors.js';

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

/**
 * JSON text parsed by `JSON.parse` (the value is exactly what JSON says), with line numbers for later schema errors
 * taken from a YAML parse of the same text: JSON is YAML, and the `yaml` package keeps node positions.
 * A syntax error names its line and column.
 */
export function parseJsonSource(file: string, text: string, what: string): YamlSource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const where = at ? positionOf(text, Number(at[1])) : text.trim() === '' ? { line: 1, column: 1 } : positionOf(text, text.length);
    throw new PromptgateError(`is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, {
      file,
      ...where,
      hint: `${what}; check the commas, quotes and brackets around that place`,
    });
  }
  // Positions only, and only when a message needs one: the YAML parse costs far more than JSON.parse. A text
  // JSON.parse accepted but the YAML parser does not (rare) just loses line numbers.
  const lineCounter = new LineCounter();
  let doc: Document | null | undefined;
  const positions = () => {
    if (doc === undefined) {
      const parsed = parseDocument(text, { lineCounter, uniqueKeys: false });
      doc = parsed.errors.length === 0 ? parsed : null;
    }
    return doc;
  };
  return {
    file,
    value,
    lineOf(path, key) {
      const d = positions();
      if (!d) return undefined;
      const node = d.getIn(path as unknown[], true);
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
      }
      return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
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
