/**
 * Text from outside (model output, PR titles and descriptions, case ids, error messages) rendered into GitHub
 * Markdown must stay inert: no @-mentions (a prompt can make a model write "@org/team"), no cross-references, no
 * HTML or images, no broken tables, headings or fences, and nothing invisible (see docs/untrusted-output.md).
 *
 * GitHub turns `@name`, `#123`, `GH-123` and `owner/repo#123` into mentions and references after rendering, on the
 * text nodes, so a backslash escape does not stop them; a zero-width joiner between the sign and the name does (the
 * reader sees no difference).
 */

const ZWJ = '\u200d';

/** Line breaks of every kind, including U+2028/U+2029, which some models emit. */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;
/** C0 controls other than tab and line breaks, DEL, and C1 controls: invisible and meaningless in a note. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/**
 * Characters that render as nothing (Unicode's Default_Ignorable_Code_Point): bidirectional controls (U+202A–202E,
 * U+2066–2069, U+200E/200F, U+061C), which reorder what a reader sees; zero-width characters (U+200B–200D, U+2060,
 * U+FEFF), which hide text or make two different strings look alike; tag characters (U+E0000–E007F), which carry
 * invisible text. Left alone: variation selectors (they pick the look of the visible character before them), a
 * zero-width joiner between two pictographs (emoji sequences: woman, ZWJ, laptop) and the tags of a subdivision
 * flag (U+1F3F4, tags, U+E007F) — each matched by its own group so the replacer keeps it.
 */
const INVISIBLE =
  /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)(\u200D)(?=\p{Extended_Pictographic})|(?![\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/gu;

/** `\u202E`, `\u{E0041}`: the escape a reader can look up. */
const codePointText = (ch: string): string => {
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
};

/**
 * Invisible characters made visible as their escape (`\u202E`) rather than dropped: the note shows that the output
 * held one, which is often why an `equals` failed on text that looks right.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (ch: string, flag: string | undefined, joiner: string | undefined) => flag ?? joiner ?? codePointText(ch));
}

/**
 * For text inside a line or a table cell: one line, HTML escaped, Markdown punctuation backslash-escaped
 * (CommonMark §2.4: any ASCII punctuation may be escaped), `|` escaped so a cell cannot split (GFM tables),
 * `$` escaped where it could start GitHub math, mentions, references and autolinks broken with a zero-width joiner,
 * invisible characters shown as escapes.
 */
export function escapeInline(text: string): string {
  return (
    showInvisible(text)
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
      .replace(/\bgh-(?=\d)/gi, (m) => `${m}${ZWJ}`)
      .replace(/:\/\//g, `:${ZWJ}//`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWJ}.`)
      // What would start a list, a thematic break or a setext underline when the text opens a line.
      .replace(/^(\s*)([-+=]|\d+(?=[.)]))/, (_m, space: string, lead: string) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`))
  );
}

/**
 * Text shown inside a code block or code span renders literally, so it needs no escaping to be safe. Mentions,
 * references and tags are still broken with a zero-width joiner (invisible), so that text which somehow left its
 * block — or a reader that does not render Markdown — meets no `<img`, `</details>`, `@team`, `#12`, `GH-12` or
 * `](link`; invisible characters are shown as escapes, since a code block reorders bidirectional text too. A lone `@` (a diff's `@@` hunk
 * header) is left alone, so highlighting still finds it.
 */
export function inertCode(text: string): string {
  return showInvisible(text)
    .replace(CONTROL, '')
    .replace(/@(?=[\w-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\bgh-(?=\d)/gi, (m) => `${m}${ZWJ}`)
    .replace(/<(?=[a-z/!?])/gi, `<${ZWJ}`)
    .replace(/\]\(/g, `]${ZWJ}(`);
}

/** A loop, not `Math.max(...runs)`: a long output with many runs would overflow the call stack as arguments. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

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
