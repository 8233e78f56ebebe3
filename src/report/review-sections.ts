/**
 * The parts of the note that belong to the whole review: the headlines, why it ended in error, the policy line,
 * Goal, the review's notes, Rollout, Run and the partial-results warning.
 */
import { clip } from '../text.js';
import { count, duration, plural, usd } from '../format/numbers.js';
import { ICON, NAME_CHARS, freeText, inline, type RenderContext, type Target } from './detail.js';
import { escapeInline, inlineCode } from './escape.js';
import { headline } from './headline.js';
import { errorCauses, errorLabel, erroredByStop, isStopNote, stopCause, stoppedSuiteCause, suiteErrorCause, verdictWithRules } from './outcome.js';
import type { Report } from './schema.js';

export function headlineList(report: Report, textChars: number): string {
  const stop = stopCause(report);
  return report.suites
    .map((s) => {
      // A suite that errored only because the run stopped points up to the reason rather than repeating it.
      const line = headline(s, report.confidence, erroredByStop(s, stop) ? stoppedSuiteCause(s) : suiteErrorCause(s));
      return `- ${ICON[s.verdict]} **${inline(s.name, NAME_CHARS)}** (${escapeInline(verdictWithRules(s))}) — ${inline(line, textChars + 200)}`;
    })
    .join('\n');
}

/**
 * Why the review ended in `error`, right under its title: the reason the run stopped, then each errored suite's
 * own cause (see docs/change-note.md). Empty for any other verdict.
 */
export function errorSection(report: Report, textChars: number): string {
  return errorCauses(report)
    .map((c) => `**${errorLabel(c, report.suites.length, inline)}**: ${inline(c.text, textChars)}`)
    .join('\n\n');
}

/** A line under the headlines when the config makes an inconclusive verdict fail the check. */
export function policyLine(report: Report): string {
  if (report.verdict !== 'inconclusive' || report.inconclusive_policy !== 'failure') return '';
  return '_This review fails its check: the config sets `gate.inconclusive: failure`._';
}

export function goalSection(report: Report, ctx: RenderContext): string {
  const c = report.context;
  if (!c || (!c.title && !c.goal)) return '';
  let title = c.title ? `**${inline(c.title, 300)}**` : '';
  // Only a plain https URL becomes a link target; anything else could smuggle Markdown or a script URL.
  if (title && c.url && /^https:\/\/[^\s()<>[\]`]+$/.test(c.url)) title = `[${title}](${c.url})`;
  const goal = c.goal ? freeText(c.goal, ctx) : '';
  return `### Goal\n\n${[title, goal].filter(Boolean).join(' — ')}`;
}

export function rolloutSection(report: Report, ctx: RenderContext): string {
  const r = report.context?.rollout;
  return r ? `### Rollout\n\n${freeText(r, ctx)}` : '';
}

export function notesSection(report: Report, ctx: RenderContext): string {
  // The stop and the errors are at the top of the note already.
  const shown = errorCauses(report).map((c) => c.text);
  const notes = (report.notes ?? []).filter((n) => !isStopNote(n) && !shown.includes(n));
  if (notes.length === 0) return '';
  return notes.map((n) => `> ${freeText(n, ctx)}`).join('\n>\n');
}

export function runSection(report: Report): string {
  if (report.suites.length === 0) return '';
  const before = new Set<string>();
  const after = new Set<string>();
  for (const s of report.suites) {
    const m = s.change_detail?.model;
    if (m?.baseline) before.add(m.baseline);
    if (m?.candidate) after.add(m.candidate);
  }
  const same = before.size === after.size && [...before].every((m) => after.has(m));
  const list = (set: Set<string>) =>
    [...set]
      .slice(0, 5)
      .map((m) => inlineCode(clip(m, 80)))
      .join(', ') + (set.size > 5 ? ', …' : '');
  const models = before.size + after.size === 0 ? null : same || before.size === 0 ? `model ${list(after)}` : after.size === 0 ? `model ${list(before)}` : `model ${list(before)} → ${list(after)}`;
  const repeats = [...new Set(report.suites.map((s) => s.repeats))].sort((a, b) => a - b).join('/');
  const c = report.calls;
  const bits = [
    models,
    `${repeats} repeats`,
    `${plural(c.total, 'sample')} (${count(c.cached)} from cache, ${plural(c.total - c.cached, 'call')})`,
    `${count(c.failed)} failed`,
    `${plural(c.retried, 'retry', 'retries')}`,
    `${usd(report.cost_usd_total)} spent`,
    duration(report.duration_ms),
    `base ${inlineCode(report.base.slice(0, 7))} → head ${inlineCode(report.head.slice(0, 7))}`,
  ].filter((x): x is string => x !== null);
  return `**Run**: ${bits.join(' · ')}`;
}

export function partialWarning(report: Report, target: Target): string {
  if (!report.partial) return '';
  const text = 'the run stopped early (or this is one shard of it); the numbers cover only the samples that finished.';
  // GitHub renders alerts in comments and job summaries; elsewhere the marker would show as text.
  return target === 'comment' || target === 'summary' ? `> [!WARNING]\n> **Partial results**: ${text}` : `> **Warning — partial results**: ${text}`;
}
