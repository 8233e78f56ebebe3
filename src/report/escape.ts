/**
 * Text from outside (model output, PR titles and descriptions, case ids, error messages) rendered into GitHub
 * Markdown must stay inert: no @-mentions (a prompt can make a model write "@org/team"), no cross-references, no
 * HTML or images, no broken tables, headings or fences.
 *
 * GitHub turns `@name` and `#123` into mentions and references after rendering, on the text nodes, so a backslash
 * escape does not stop them; a zero-width joiner between the sign and the name does (the reader sees no difference).
 */

const ZWJ = '\u200d';

/** Line breaks of every kind, including U+2028/U+2029, which some models emit. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/** C0 controls other than tab and line breaks, DEL, and C1 controls: invisible and meaningless in a note. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * For text inside a line or a table cell: one line, HTML escaped, Markdown punctuation backslash-escaped
 * (CommonMark §2.4: any ASCII punctuation may be escaped), `|` escaped so a cell cannot split (GFM tables),
 * `$` escaped where it could start GitHub math, mentions, references and autolinks broken with a zero-width joiner.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(CONTROL, '')
      .replace(LINE_BREAK, ' ')
      .replace(/\t/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[\\`*_[\]|!#~]/g, '\\$&')
      // A `$` before anything but a digit could open GitHub math; amounts ("$0.31") are left readable.
      .replace(/\$(?!\d)/g, '\\$$')
      .replace(/@/g, `@${ZWJ}`)
      .replace(/#(?=\d)/g, `#${ZWJ}`)
      .replace(/:\/\//g, `:${ZWJ}//`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWJ}.`)
      // What would start a list, a thematic break or a setext underline when the text opens a line.
      .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_m, space: string, lead: string) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`))
  );
}

/**
 * Text shown inside a code block or code span renders literally, so it needs no escaping to be safe. Mentions and
 * tags are still broken with a zero-width joiner (invisible), so that text which somehow left its block — or a
 * reader that does not render Markdown — meets no `<img`, `</details>`, `@team` or `](link`. A lone `@` (a diff's `@@` hunk
 * header) is left alone, so highlighting still finds it.
 */
export function inertCode(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(/@(?=[\w-])/g, `@${ZWJ}`)
    .replace(/<(?=[a-z/!?])/gi, `<${ZWJ}`)
    .replace(/\]\(/g, `]${ZWJ}(`);
}

const longestBacktickRun = (text: string) => Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));

/**
 * A fenced code block that the text cannot close: the fence is one backtick longer than the longest run of
 * backticks inside (CommonMark §4.5: a closing fence must be at least as long as the opening one). GitHub renders
 * neither HTML, images nor mentions inside a code block.
 */
export function fencedBlock(text: string, lang = ''): string {
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(body) + 1));
  // The info string may not contain backticks (CommonMark §4.5); keep it to a language name.
  const info = lang.replace(/[^\w+.-]/g, '');
  return `${fence}${info}\n${body}\n${fence}`;
}

/**
 * Inline code that the text cannot close, for short identifiers (paths, model ids, settings): the delimiter is one
 * backtick longer than any run inside, padded with a space when the text starts or ends with a backtick
 * (CommonMark §6.1). Not for table cells: GFM splits cells on `|` even inside code spans.
 */
export function inlineCode(text: string): string {
  const clean = inertCode(text.replace(LINE_BREAK, ' '));
  const ticks = '`'.repeat(longestBacktickRun(clean) + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
  return `${ticks}${pad}${clean}${pad}${ticks}`;
}
