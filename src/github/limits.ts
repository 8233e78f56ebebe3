import { sliceUnits } from '../text.js';

/**
 * GitHub's size limits on what promptgate writes, and cutting text to fit them without leaving broken Markdown.
 * Lengths are counted in UTF-16 code units (JavaScript's `length`), which is never less than the characters GitHub
 * counts, so a text that fits here fits there.
 */

/** Issue and PR comment bodies: "Body is too long (maximum is 65536 characters)". */
export const COMMENT_BODY_LIMIT = 65_536;
/** Check run `output.summary` and `output.text`: `maxLength: 65535` in GitHub's OpenAPI description. */
export const CHECK_OUTPUT_LIMIT = 65_535;
/** Check run `output.title`: kept to one short line, as GitHub shows it beside the check's name. */
export const CHECK_TITLE_LIMIT = 255;

/** One line of at most `limit` units, ending in "…" when cut. */
export function fitLine(text: string, limit: number = CHECK_TITLE_LIMIT): string {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  return line.length <= limit ? line : `${sliceUnits(line, limit - 1).trimEnd()}…`;
}

/**
 * Markdown cut to at most `limit` units at a line boundary, with open code fences and `<details>` blocks closed
 * and a last line saying it was cut, so what GitHub renders stays well-formed.
 */
export function fitMarkdown(text: string, limit: number, notice: string): { text: string; cut: boolean } {
  if (text.length <= limit) return { text, cut: false };
  const tail = `\n\n_${notice}_\n`;
  // Room for the closers too: at most one fence plus one `</details>` per open block, found below.
  let budget = limit - tail.length;
  for (;;) {
    const head = cutAtLine(text, budget);
    const closers = closersFor(head);
    if (head.length + closers.length + tail.length <= limit || budget <= 0) {
      return { text: sliceUnits(head + closers + tail, limit), cut: true };
    }
    budget -= head.length + closers.length + tail.length - limit;
  }
}

function cutAtLine(text: string, n: number): string {
  const head = sliceUnits(text, Math.max(0, n));
  const nl = head.lastIndexOf('\n');
  return nl > head.length / 2 ? head.slice(0, nl) : head;
}

/** The text that closes what `head` left open: a code fence, then any `<details>` blocks. */
function closersFor(head: string): string {
  let fence: string | null = null;
  let openDetails = 0;
  for (const line of head.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]!;
      else if (f[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fence !== null) continue;
    openDetails += (line.match(/<details\b/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
  }
  return (fence !== null ? `\n${fence}` : '') + '\n</details>'.repeat(Math.max(0, openDetails));
}
