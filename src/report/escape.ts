/**
 * Text from outside (model output, PR titles, case ids) rendered into GitHub Markdown must stay inert: no
 * @-mentions (a prompt can make a model write "@org/team"), no HTML or images, no broken tables or fences.
 */

const ZWSP = '\u200b';

/** For text inside a line or a table cell. */
export function escapeInline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|!#~])/g, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`);
}

/**
 * A fenced code block that the text cannot close: the fence is one backtick longer than the longest run of
 * backticks inside (CommonMark §4.5). GitHub renders neither HTML, images nor mentions inside a code block.
 */
export function fencedBlock(text: string, lang = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}

/** Inline code that the text cannot close, for short identifiers (paths, ids). */
export function inlineCode(text: string): string {
  const clean = text.replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${clean}${pad}${ticks}`;
}
