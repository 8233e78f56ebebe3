/** A prompt's diff as the note shows it: prepared once per suite, then cut to whole lines per detail level. */
import { clip } from '../text.js';

/** A diff as the note shows it: without the `Index:` / `====` preamble `diff.createTwoFilesPatch` writes. */
export interface DiffView {
  text: string;
  lines: number;
}

export function diffView(diff: string): DiffView {
  // Only the head is searched and only newlines are counted: a diff can be megabytes, and the note shows 20,000 characters.
  const start = diff.slice(0, 2_000).search(/^--- /m);
  const text = (start > 0 ? diff.slice(start) : diff).replace(/\r?\n$/, '');
  let lines = text === '' ? 0 : 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { text, lines };
}

/** Whole lines of `text` within `chars` (a prompt may be one enormous line: then that line, clipped). */
export function headLines(text: string, chars: number): { shown: string; lines: number } {
  let head = text;
  if (text.length > chars) {
    const end = text.lastIndexOf('\n', chars);
    head = end > 0 ? text.slice(0, end) : clip(text.slice(0, chars + 1).split('\n')[0]!, chars);
  }
  head = head.replace(/\r\n?/g, '\n');
  return { shown: head, lines: head.split('\n').length };
}
