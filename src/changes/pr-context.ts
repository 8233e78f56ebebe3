/**
 * The Goal and Rollout of a change note come from the PR (docs/contract.md §10): a `Goal:` line wins over the first paragraph
 * of the description; `Rollout:` only when written.
 *
 * The description is anyone's text (under `pull_request_target`, a stranger's), so it is read line by line with
 * patterns anchored to one line: a multiline pattern that starts with `\s*` rescans every following blank line from
 * each line start, which took 18 s on a description of 65,535 newlines (see docs/untrusted-output.md).
 */

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/**
 * `Goal: …`, `**Goal:** …`, `**Goal**: …`, `**Goal** …`, or the label alone on its line (the text is then on the next
 * non-blank line). The label is a whole word followed by a colon, bold markers or the end of the line, so
 * "Goals for this quarter" and "Goal-oriented" are prose, not labels.
 */
const labelPattern = (label: string) => new RegExp(`^[ \\t]*(?:\\*\\*)?${label}(?:\\*\\*:?|:(?:\\*\\*)?|(?=[ \\t]*$))(.*)$`, 'i');
const LABELS = { goal: labelPattern('Goal'), rollout: labelPattern('Rollout') };

/** Each `<!-- … -->` removed, by search rather than a lazy pattern that rescans the rest of the text per opener. */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    const close = open === -1 ? -1 : text.indexOf('-->', open + 4);
    if (close === -1) return out + text.slice(from);
    out += text.slice(from, open);
    from = close + 3;
  }
}

function labelled(lines: string[], pattern: RegExp): string | null {
  for (let i = 0; i < lines.length; i++) {
    const m = pattern.exec(lines[i]!);
    if (!m) continue;
    const rest = m[1]!.trim();
    if (rest !== '') return rest;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    return next?.trim() ?? null;
  }
  return null;
}

export function prContext(title: string | undefined, body: string | undefined, url?: string): { title: string | null; goal: string | null; rollout: string | null; url: string | null } {
  const text = withoutComments((body ?? '').replace(/\r\n/g, '\n'));
  const lines = text.split(LINE_BREAK);
  const isLabel = (paragraph: string) => {
    const first = paragraph.split(LINE_BREAK, 1)[0]!;
    return LABELS.goal.test(first) || LABELS.rollout.test(first);
  };
  const firstParagraph = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p !== '' && !p.startsWith('#') && !isLabel(p));
  return {
    title: title?.trim() || null,
    goal: labelled(lines, LABELS.goal) ?? firstParagraph ?? null,
    rollout: labelled(lines, LABELS.rollout),
    url: url ?? null,
  };
}
