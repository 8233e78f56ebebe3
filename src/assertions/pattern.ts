import { RE2JS } from 're2js';

/**
 * User-supplied patterns (`regex` / `not_regex` values, JSON Schema `pattern` and `patternProperties`) run on text a
 * model wrote, and whoever edits the prompt steers the model. A backtracking engine (JavaScript's `RegExp`) takes
 * exponential time on patterns such as `^(a+)+$` against `aaaa…a!`, blocking the event loop so that not even
 * SIGINT is handled. RE2 matches in time linear in the input, whatever the pattern (see docs/untrusted-output.md).
 *
 * Patterns are written in JavaScript syntax, as before, and translated: `(?<name>…)`, `\u00e9`, `\u{1F600}`, `\cJ`,
 * `[^]` (re2js's `translateRegExp`); `\s` / `\S` to JavaScript's set (RE2's `\s` is ASCII only, and models write
 * no-break spaces); `\p{Script=Greek}` / `\p{gc=L}` to RE2's `\p{Greek}` / `\p{L}`. What RE2 cannot run at all —
 * backreferences and lookaround — is refused with a reason, before any model call.
 */

/** A pattern RE2 cannot run, and why, in words a user can act on. */
export class PatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly why: string,
  ) {
    super(`/${pattern}/ ${why}`);
    this.name = 'PatternError';
  }
}

export const RE2_SYNTAX = 'https://github.com/google/re2/wiki/Syntax';

/** What to do about a PatternError; shared by every place that reports one. */
export const PATTERN_HINT = `patterns run with RE2 (linear time, so a model answer cannot stall the review): JavaScript syntax without backreferences (\\1, \\k<name>) or lookaround ((?=, (?!, (?<=, (?<!) — see ${RE2_SYNTAX}; in YAML and JSON strings write a backslash as \\\\`;

/** JavaScript's `\s`: tab to carriage return, every space separator, the line and paragraph separators, the BOM. */
const JS_SPACE = '\\t-\\r\\p{Zs}\\u2028\\u2029\\uFEFF';

const PROPERTY_PREFIX = /^(?:Script|sc|General_Category|gc)=/;

/**
 * The pattern in the syntax re2js expects, or a PatternError for what it cannot express. One pass over the pattern:
 * escapes are read as a unit, character classes are tracked so `(?=` inside `[...]` stays a literal.
 */
function toRe2(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next === undefined) {
        out += ch;
        continue;
      }
      if (!inClass && next >= '1' && next <= '9') {
        throw new PatternError(source, `uses the backreference \\${next}, which RE2 does not support`);
      }
      if (next === 'k' && source[i + 2] === '<') {
        throw new PatternError(source, 'uses a named backreference (\\k<…>), which RE2 does not support');
      }
      if (next === 's') {
        out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
        i++;
        continue;
      }
      if (next === 'S' && !inClass) {
        out += `[^${JS_SPACE}]`;
        i++;
        continue;
      }
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const end = source.indexOf('}', i + 3);
        if (end !== -1) {
          out += `\\${next}{${source.slice(i + 3, end).replace(PROPERTY_PREFIX, '')}}`;
          i = end;
          continue;
        }
      }
      out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
    } else if (ch === '(' && source[i + 1] === '?') {
      const a = source[i + 2];
      const b = source[i + 3];
      if (a === '=' || a === '!') throw new PatternError(source, `uses a lookahead (?${a}…), which RE2 does not support`);
      if (a === '<' && (b === '=' || b === '!')) throw new PatternError(source, `uses a lookbehind (?<${b}…), which RE2 does not support`);
    }
    out += ch;
  }
  return RE2JS.translateRegExp(out);
}

/** Compile a JavaScript-syntax pattern to RE2. Throws PatternError when RE2 cannot run it. */
export function compilePattern(source: string, ignoreCase: boolean): RE2JS {
  const translated = toRe2(source);
  try {
    return RE2JS.compile(translated, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (err) {
    throw new PatternError(source, `does not compile: ${(err as Error).message.replace(/^error parsing regexp: /, '')}`);
  }
}
