import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
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
  const lineCounter = new LineCounter();
  // Positions only: a text JSON.parse accepted but the YAML parser does not (rare) just loses line numbers.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const usable = doc.errors.length === 0;
  return {
    file,
    value,
    lineOf(path, key) {
      if (!usable) return undefined;
      const node = doc.getIn(path as unknown[], true);
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        if (pair && isNode(pair.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]).line;
      }
      return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    },
  };
}
