import { inlineCode } from '../report/index.js';

/**
 * The `/promptgate` command grammar (docs/commands.md). Pure: the comment's text in, a command out; nothing here
 * reads the PR, the config or the API.
 *
 *   /promptgate rerun [repeats=N] [suite=NAME]
 *   /promptgate accept <reason>
 *   /promptgate help
 */

/** The most samples per case a comment may ask for: the config schema's own cap on `repeats`. */
export const MAX_COMMAND_REPEATS = 100;
/** An accept's reason is kept to one short paragraph in the note and the check. */
export const MAX_REASON_CHARS = 500;

export type Command =
  | { kind: 'rerun'; repeats?: number; suite?: string }
  | { kind: 'accept'; reason: string }
  | { kind: 'help' }
  /** A word after /promptgate that is no command. */
  | { kind: 'unknown'; word: string }
  /** A known command with arguments it does not take: `message` says what is wrong. */
  | { kind: 'invalid'; message: string };

const PREFIX = /^\s*\/promptgate(?=\s|$)/;

/** The command a comment gives, or null when it does not start with `/promptgate` (then nothing is done). */
export function parseCommand(body: string): Command | null {
  const m = PREFIX.exec(body);
  if (!m) return null;
  const rest = body.slice(m[0].length);
  const word = /^\s*(\S*)/.exec(rest)![1]!;
  const after = rest.replace(/^\s*\S*/, '');
  switch (word.toLowerCase()) {
    case '':
    case 'help':
      return { kind: 'help' };
    case 'rerun':
      return parseRerun(after.split('\n')[0]!);
    case 'accept': {
      const reason = after.replace(/\s+/g, ' ').trim();
      if (!reason) return { kind: 'invalid', message: 'say why: `/promptgate accept <reason>` (the reason goes into the note and the check)' };
      return { kind: 'accept', reason: reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason };
    }
    default:
      return { kind: 'unknown', word: word.slice(0, 40) };
  }
}

function parseRerun(args: string): Command {
  const out: { kind: 'rerun'; repeats?: number; suite?: string } = { kind: 'rerun' };
  for (const token of args.trim().split(/\s+/).filter(Boolean)) {
    const kv = /^([a-z]+)=(.*)$/i.exec(token);
    const key = kv?.[1]?.toLowerCase();
    const value = kv?.[2] ?? '';
    if (key === 'repeats' && out.repeats === undefined) {
      const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && n <= MAX_COMMAND_REPEATS)) {
        return { kind: 'invalid', message: `${inlineCode(`repeats=${value.slice(0, 20)}`)}: expected a whole number from 1 to ${MAX_COMMAND_REPEATS}` };
      }
      out.repeats = n;
    } else if (key === 'suite' && out.suite === undefined && value !== '') {
      out.suite = value.slice(0, 200);
    } else {
      return { kind: 'invalid', message: `${inlineCode(token.slice(0, 40))} is not an argument of rerun; it takes \`repeats=N\` (1–${MAX_COMMAND_REPEATS}) and \`suite=NAME\`, each once` };
    }
  }
  return out;
}

/** The short reply to `/promptgate help` (and to a word that is no command). */
export function helpText(checkName: string): string {
  return [
    '**promptgate commands** (people with write access to the repository):',
    '',
    '- `/promptgate rerun [repeats=N] [suite=NAME]`: review the PR head again, with N samples per case (at most ' +
      `${MAX_COMMAND_REPEATS}; samples already made are reused), optionally N for one suite only. The note and the \`${checkName}\` check are updated.`,
    '- `/promptgate accept <reason>`: accept a failing or inconclusive verdict for this head commit; the check passes, the note records who and why. The next push is reviewed afresh.',
    '- `/promptgate help`: this list.',
  ].join('\n');
}
