import { describe, expect, it } from 'vitest';
import { clip } from '../../src/text.js';
import { escapeInline, fencedBlock, inertCode, inlineCode } from '../../src/report/escape.js';
import { markdownProblems } from './make-report.js';

const ZWJ = '\u200d';
const HOSTILE =
  'hey @acme/admins and @octocat <img src=x onerror=alert(1)> <script>alert(1)</script> </details> ``` | [click](https://evil.example) ![i](https://evil.example/p.png) fixes #12, acme/bot#3 $x^2$';

describe('escapeInline', () => {
  it('neither mentions a user nor a team: a zero-width joiner follows every @', () => {
    const out = escapeInline('ping @octocat and @acme/admins, mail a@b.io');
    expect(out).not.toMatch(/@[\w-]/);
    expect(out).toContain(`@${ZWJ}octocat`);
    expect(out).toContain(`@${ZWJ}acme/admins`);
    // What the reader sees is unchanged once the invisible joiner is dropped.
    expect(out.replaceAll(ZWJ, '')).toBe('ping @octocat and @acme/admins, mail a@b.io');
  });

  it('turns HTML into text: images, scripts and closing </details> are escaped', () => {
    const out = escapeInline('<img src=x onerror=alert(1)> <script>x</script> </details> &lt;');
    expect(out).not.toMatch(/</);
    expect(out).not.toMatch(/>/);
    expect(out).toBe('&lt;img src=x onerror=alert(1)&gt; &lt;script&gt;x&lt;/script&gt; &lt;/details&gt; &amp;lt;');
  });

  it('cannot make links, images or autolinks', () => {
    const out = escapeInline('[click](https://evil.example) ![i](https://evil.example/p.png) www.evil.example');
    // Every bracket escaped: no link text, no image.
    expect(out).not.toMatch(/(?<!\\)[[\]]/);
    expect(out).not.toMatch(/(?<!\\)!/);
    expect(out).not.toContain('https://');
    expect(out).not.toMatch(/www\./);
    expect(out).toContain('\\[click\\]');
  });

  it('keeps a table cell one cell on one line: pipes escaped, line breaks folded', () => {
    const out = escapeInline('a | b\nc\r\nd\u2028e\tf');
    expect(out).toBe('a \\| b c d e f');
    expect(markdownProblems(`| x | y |\n|---|---|\n| ${out} | ${escapeInline('|||')} |`)).toEqual([]);
  });

  it('cannot open code, emphasis, strikethrough, math or an issue reference', () => {
    const out = escapeInline('``` *bold* _it_ ~~s~~ $x^2$ fixes #12 and acme/bot#3');
    expect(out).toBe(`\\\`\\\`\\\` \\*bold\\* \\_it\\_ \\~\\~s\\~\\~ \\$x^2\\$ fixes \\#${ZWJ}12 and acme/bot\\#${ZWJ}3`);
    // Amounts stay readable: a `$` before a digit cannot pair into math with an escaped one.
    expect(escapeInline('cost $0.31 of $5, $2^{10}$')).toBe('cost $0.31 of $5, $2^{10}\\$');
  });

  it('cannot start a list, a heading, a quote or a thematic break when it opens a line', () => {
    expect(escapeInline('- item')).toBe('\\- item');
    expect(escapeInline('1. step')).toBe('1\\. step');
    expect(escapeInline('2) step')).toBe('2\\) step');
    expect(escapeInline('# Title')).toBe('\\# Title');
    expect(escapeInline('> quote')).toBe('&gt; quote');
    expect(escapeInline('===')).toBe('\\===');
    expect(escapeInline('+1 points')).toBe('\\+1 points');
    // Mid-line, a number and a dash stay as they are.
    expect(escapeInline('rate 82% - ok 3.5')).toBe('rate 82% - ok 3.5');
  });

  it('drops invisible control characters', () => {
    expect(escapeInline('a\u0000b\u001bc\u007fd')).toBe('abcd');
  });

  it('breaks GH- references the way it breaks #123 (GitHub autolinks both)', () => {
    expect(escapeInline('see GH-1, gh-22 and GH-x')).toBe(`see GH-${ZWJ}1, gh-${ZWJ}22 and GH-x`);
    expect(escapeInline('acme/bot#3 and GH-4').replaceAll(ZWJ, '')).toBe('acme/bot\\#3 and GH-4');
    expect(escapeInline('GH-1')).not.toMatch(/GH-\d/);
  });

  it('shows bidirectional controls and zero-width characters as escapes, and keeps its own joiners', () => {
    const hidden = '\u202Eevil\u202C \u2066x\u2069 \u200E\u200F\u061C a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf @g';
    const out = escapeInline(hidden);
    expect(out).toBe(`\\\\u202Eevil\\\\u202C \\\\u2066x\\\\u2069 \\\\u200E\\\\u200F\\\\u061C a\\\\u200Bb\\\\u200Cc\\\\u200Dd\\\\u2060e\\\\uFEFFf @${ZWJ}g`);
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u200C\u2060\uFEFF]/);
    // The one joiner left is the one that breaks the mention.
    expect(out.match(/\u200D/g)).toHaveLength(1);
    expect(escapeInline('tag \u{E0041}\u{E0042}')).toBe('tag \\\\u{E0041}\\\\u{E0042}');
  });

  it('leaves emoji as they are: joiner sequences, variation selectors, subdivision flags', () => {
    const emoji = '\u{1F469}\u200D\u{1F4BB} \u{1F468}\u{1F3FD}\u200D\u{1F680} \u2764\uFE0F\u200D\u{1F525} \u2764\uFE0F \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(escapeInline(emoji)).toBe(emoji);
    expect(inertCode(emoji)).toBe(emoji);
  });

  it('escapes backslashes first, so an escape in the text cannot cancel ours', () => {
    expect(escapeInline('\\|')).toBe('\\\\\\|');
    expect(markdownProblems(`| x |\n|---|\n| ${escapeInline('\\|')} |`)).toEqual([]);
  });
});

describe('fencedBlock', () => {
  it('uses a fence longer than any backtick run inside, so the text cannot close it', () => {
    const text = 'before\n```\nnot the end\n`````\nstill inside';
    const block = fencedBlock(text);
    expect(block.startsWith('``````\n')).toBe(true);
    expect(block.endsWith('\n``````')).toBe(true);
    expect(block.slice(7, -7)).toBe(text);
    expect(markdownProblems(block + '\n\n<details><summary>x</summary>\n\nafter\n\n</details>')).toEqual([]);
  });

  it('uses three backticks when there are none, and normalises line endings', () => {
    expect(fencedBlock('a\r\nb\n', 'diff')).toBe('```diff\na\nb\n```');
  });

  it('keeps the info string to a language name', () => {
    expect(fencedBlock('x', 'js`<img>')).toBe('```jsimg\nx\n```');
  });
});

describe('inertCode', () => {
  it('breaks tags and mentions with an invisible joiner and leaves everything else as it was', () => {
    const text = '@team <img src=x> </details> [x](https://evil) a < b, x@y @@ -1,2 +1,3 @@ fixes #12, GH-3';
    const out = inertCode(text);
    expect(out).not.toMatch(/@[\w-]/);
    expect(out).not.toMatch(/#\d|GH-\d/);
    expect(out).not.toMatch(/<[a-z/]/i);
    expect(out).not.toContain('](');
    expect(out.replaceAll(ZWJ, '')).toBe(text);
    // A diff's hunk header keeps its "@@" so highlighting still finds it.
    expect(out).toContain('@@ -1,2 +1,3 @@');
  });
});

describe('inertCode and code blocks', () => {
  it('show bidirectional controls and zero-width characters as escapes', () => {
    expect(inertCode('if (a\u202E) {} // \u2066x\u2069 a\u200Bb')).toBe('if (a\\u202E) {} // \\u2066x\\u2069 a\\u200Bb');
    expect(inlineCode('model\u200B-x')).toBe('`model\\u200B-x`');
  });

  it('a fence for text with very many backtick runs', () => {
    const text = '`a'.repeat(200_000);
    expect(fencedBlock(text).startsWith('```\n')).toBe(true);
  });
});

describe('inlineCode', () => {
  it('cannot be closed by backticks inside', () => {
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x`')).toBe('`` `x` ``');
    expect(inlineCode('prompts/a.txt')).toBe('`prompts/a.txt`');
  });
});

describe('clip', () => {
  it('cuts to the limit with an ellipsis and never splits a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abc', 4)).toBe('abc');
    const cut = clip('ab😀cd', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });
});

describe('a hostile model output in every position', () => {
  it('is inert inline and in a code block', () => {
    const note = [`| case | output |`, `|---|---|`, `| T-1 | ${escapeInline(HOSTILE)} |`, '', fencedBlock(inertCode(HOSTILE))].join('\n');
    expect(markdownProblems(note)).toEqual([]);
    expect(note).not.toContain('<img');
    expect(note).not.toContain('](https://evil');
  });
});
