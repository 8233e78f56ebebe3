import { count } from '../format/numbers.js';
import { clip } from '../text.js';
import { CUTS, FULL_DETAIL, ICON, type Cut, type Detail, type RenderContext } from './detail.js';
import { escapeInline } from './escape.js';
import { headline } from './headline.js';
import { errorCauses, errorLabel, stopCause, verdictWithRules } from './outcome.js';
import { prepareSuite, type PreparedSuite } from './prepare.js';
import { errorSection, goalSection, headlineList, notesSection, partialWarning, policyLine, rolloutSection, runSection } from './review-sections.js';
import { suiteSection } from './suite-sections.js';
import type { Report } from './schema.js';

export interface NoteOptions {
  /** Where it will be shown: 'comment' (PR), 'summary' (job summary), 'check' (check-run output), 'cli' (terminal/markdown file). */
  target: 'comment' | 'summary' | 'check' | 'cli';
  /** Hard cap in characters (GitHub: 65,536 for a comment body, 65,535 for check-run output.summary/text). */
  maxChars?: number;
  /** Hidden marker put as the first line (the sticky comment's), e.g. '<!-- promptgate:sticky -->'. */
  marker?: string;
}

/**
 * Detail given up, one step at a time, until the note fits: the diff first, then the outputs, then by-tag rows, then
 * flipped cases (the order of the product contract), then the tradeoff tables and long PR text, and last every
 * suite's body but its gate. The headlines and the gates are never given up.
 */
const DETAIL_LADDER: readonly Detail[] = (() => {
  const steps: Partial<Detail>[] = [
    { diffChars: 3_000 },
    { diffChars: 0 },
    { outputChars: 300 },
    { outputChars: 0 },
    { tagRows: 10 },
    { tagRows: 0 },
    { flipped: 5 },
    { flipped: 0 },
    { tradeoffs: false, textChars: 300 },
    { suiteBody: false },
  ];
  const ladder: Detail[] = [FULL_DETAIL];
  for (const step of steps) ladder.push({ ...ladder[ladder.length - 1]!, ...step });
  return ladder;
})();

function cutNotice(cuts: ReadonlySet<Cut>, maxChars: number): string {
  const what = CUTS.filter((c) => cuts.has(c));
  return `_Shortened to fit the ${count(maxChars)}-character limit (left out: ${what.join(', ')}); the JSON report has all of it._`;
}

function title(report: Report): string {
  return `## ${ICON[report.verdict]} promptgate: ${report.verdict}`;
}

/** The note at one level of detail; with `maxChars`, a line saying what this level left out, if anything. */
function render(report: Report, opts: NoteOptions, detail: Detail, prepared: readonly PreparedSuite[], maxChars?: number): string {
  const ctx: RenderContext = { target: opts.target, confidence: report.confidence, stopped: stopCause(report), detail, cuts: new Set() };
  const parts: string[] = [];
  if (opts.marker) parts.push(opts.marker);
  parts.push(title(report));
  // An error says why before anything else (see docs/change-note.md).
  parts.push(errorSection(report, detail.textChars));
  parts.push(partialWarning(report, opts.target));
  if (report.suites.length === 0) {
    // The review's notes say why nothing ran (review() writes "No prompt changes…" there); a default otherwise.
    if (!report.notes?.length) parts.push(report.verdict === 'skipped' ? 'No prompt changes: no suite was triggered.' : 'No suite ran.');
  } else {
    parts.push(headlineList(report, detail.textChars));
    parts.push(policyLine(report));
  }
  parts.push(goalSection(report, ctx));
  for (const p of prepared) parts.push(suiteSection(p, ctx));
  parts.push(notesSection(report, ctx));
  parts.push(rolloutSection(report, ctx));
  parts.push(runSection(report));
  if (maxChars !== undefined && ctx.cuts.size > 0) parts.push(cutNotice(ctx.cuts, maxChars));
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}

/**
 * The last resort for a review of very many suites: one line per suite with its headline and each rule's outcome,
 * no tables, no collapsed blocks, so cutting it line by line cannot unbalance anything.
 */
function compactNote(report: Report, opts: NoteOptions, maxChars: number): string {
  const safe = (text: string, max: number) => escapeInline(clip(text, max));
  const errors = errorCauses(report).map((c) => `**${errorLabel(c, report.suites.length, safe)}**: ${safe(c.text, 300)}`);
  const head = [opts.marker, title(report), ...errors.slice(0, 3), report.partial ? '**Partial results**: the run stopped early; the numbers cover only the samples that finished.' : ''].filter(
    (x): x is string => !!x,
  );
  const lines = report.suites.map((s) => {
    const gate = s.rules.map((r) => `${ICON[r.verdict]} ${escapeInline(r.rule)}`).join(', ');
    return `- ${ICON[s.verdict]} **${escapeInline(clip(s.name, 120))}** (${escapeInline(verdictWithRules(s))}) — ${escapeInline(clip(headline(s, report.confidence), 300))}${gate ? ` · gate: ${gate}` : ''}`;
  });
  const notice = `_Shortened to fit the ${count(maxChars)}-character limit: one line per suite; the JSON report has the details and every rule's reasoning._`;
  const assemble = (shown: string[], more: number) =>
    [...head, [...shown, ...(more > 0 ? [`- … ${count(more)} more ${more === 1 ? 'suite' : 'suites'} in the JSON report`] : [])].join('\n'), notice].join('\n\n') + '\n';
  let note = assemble(lines, 0);
  if (note.length <= maxChars) return note;
  // Keep as many suites as fit, the failing ones first: they are what a reviewer must see.
  const severity = { error: 0, fail: 1, inconclusive: 2, pass: 3, skipped: 4 } as const;
  const order = report.suites.map((_s, i) => i).sort((a, b) => severity[report.suites[a]!.verdict] - severity[report.suites[b]!.verdict] || a - b);
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    const keep = new Set(order.slice(0, mid));
    if (
      assemble(
        lines.filter((_, i) => keep.has(i)),
        order.length - mid,
      ).length <= maxChars
    )
      lo = mid;
    else hi = mid - 1;
  }
  const keep = new Set(order.slice(0, lo));
  note = assemble(
    lines.filter((_, i) => keep.has(i)),
    order.length - lo,
  );
  // A limit smaller than the title itself: whole lines of what there is, never half a line.
  if (note.length > maxChars) note = note.split('\n').reduce((acc, line) => ((acc + line + '\n').length <= maxChars ? acc + line + '\n' : acc), '');
  return note;
}

/**
 * The change note (docs/contract.md §10), from the JSON report alone: the verdict, a headline per suite, then Goal, and per
 * suite Change, Eval result, Tradeoffs, By tag, Flipped cases and Gate, then the review's notes, Rollout and Run.
 * The headlines, eval results and gates are in plain view; the rest is collapsed. Over `maxChars`, detail is given
 * up in a fixed order (see `DETAIL_LADDER`) and the note says what was left out.
 */
export function renderChangeNote(report: Report, opts: NoteOptions): string {
  const prepared = report.suites.map(prepareSuite);
  const max = opts.maxChars;
  const full = render(report, opts, FULL_DETAIL, prepared);
  if (max === undefined || full.length <= max) return full;
  // When even the barest rendering is too long (very many suites), the steps in between need not be tried.
  const barest = render(report, opts, DETAIL_LADDER[DETAIL_LADDER.length - 1]!, prepared, max);
  if (barest.length > max) return compactNote(report, opts, max);
  for (const detail of DETAIL_LADDER.slice(1)) {
    const note = render(report, opts, detail, prepared, max);
    if (note.length <= max) return note;
  }
  return compactNote(report, opts, max);
}
