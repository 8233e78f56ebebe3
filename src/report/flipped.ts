/**
 * The Flipped cases section: the real regressions and fixes with the failure that explains each and their outputs,
 * then, apart, the flips of cases flaky at base and of holdout cases (by id only; see docs/change-note.md).
 */
import { clip } from '../text.js';
import { plural } from '../format/numbers.js';
import { FULL_DETAIL, ID_CHARS, REASON_CHARS, TAG_CHARS, collapsible, inline, type RenderContext } from './detail.js';
import { fencedBlock, inertCode } from './escape.js';
import type { PreparedSuite } from './prepare.js';
import type { CaseReport } from './schema.js';

const counts = (v: CaseReport['baseline']) => (v ? `${v.passed}/${v.runs}` : '—');

function outputBlock(label: string, v: CaseReport['baseline'], text: string | null | undefined, passed: boolean | null | undefined, chars: number): string {
  const which = passed === true ? ', a passing sample' : passed === false ? ', a failing sample' : '';
  const head = `${label} (${counts(v)} passed${which}):`;
  if (text === null || text === undefined) return `${head} _no output recorded_`;
  return `${head}\n\n${fencedBlock(inertCode(clip(text, chars)))}`;
}

function flipList(kind: 'regression' | 'fix', list: CaseReport[], ctx: RenderContext): string {
  const { flipped, outputChars } = ctx.detail;
  if (flipped < Math.min(list.length, FULL_DETAIL.flipped)) ctx.cuts.add('flipped cases');
  const shown = list.slice(0, flipped);
  const title = kind === 'regression' ? 'Regressions (worst first)' : 'Fixes (best first)';
  // For a regression the candidate's failure explains it; for a fix, the baseline's failure is what got fixed.
  const reasonOf = (c: CaseReport) => (kind === 'regression' ? c.reasons?.candidate : c.reasons?.baseline) ?? '';
  const rows = [`| case | tags | before → after | ${kind === 'regression' ? 'first failure after' : 'first failure before'} |`, '|---|---|---|---|'];
  for (const c of shown) {
    rows.push(`| ${inline(c.id, ID_CHARS)} | ${inline(c.tags.join(', '), TAG_CHARS)} | ${counts(c.baseline)} → ${counts(c.candidate)} | ${inline(reasonOf(c), REASON_CHARS)} |`);
  }
  const out = [`**${title}**`, rows.join('\n')];
  if (list.length > shown.length)
    out.push(`_… ${plural(list.length - shown.length, `more ${kind === 'regression' ? 'regression' : 'fix'}`, kind === 'regression' ? 'more regressions' : 'more fixes')} in the JSON report._`);
  const withOutputs = shown.filter((c) => c.outputs && (c.outputs.baseline != null || c.outputs.candidate != null));
  if (withOutputs.length > 0) {
    if (outputChars <= 0) {
      ctx.cuts.add('model outputs');
      out.push('_Outputs were left out to fit the size limit; the JSON report has them._');
    } else {
      const long = (t: string | null | undefined) => (t?.length ?? 0) > outputChars;
      if (outputChars < FULL_DETAIL.outputChars && withOutputs.some((c) => long(c.outputs?.baseline) || long(c.outputs?.candidate))) ctx.cuts.add('the end of long outputs');
      const blocks = withOutputs.map(
        (c) =>
          `**${inline(c.id, ID_CHARS)}**\n\n${outputBlock('Before', c.baseline, c.outputs?.baseline, c.output_passed?.baseline, outputChars)}\n\n${outputBlock('After', c.candidate, c.outputs?.candidate, c.output_passed?.candidate, outputChars)}`,
      );
      out.push(collapsible(ctx, `Outputs of these ${kind === 'regression' ? 'regressions' : 'fixes'}`, blocks.join('\n\n')));
    }
  }
  return out.join('\n\n');
}

/**
 * Flips that may not be the change's doing, by id and counts only: cases flaky at base (their own noise flips them)
 * and holdout cases (nothing of their outputs, expected values or failure reasons is shown).
 */
function apartList(kind: 'flaky' | 'holdout', list: CaseReport[], ctx: RenderContext): string {
  const { flipped } = ctx.detail;
  if (flipped < Math.min(list.length, FULL_DETAIL.flipped)) ctx.cuts.add('flipped cases');
  const shown = list.slice(0, flipped);
  const title = kind === 'flaky' ? 'Flips of cases flaky at base (their baseline samples disagree: may be noise)' : 'Flips of holdout cases';
  const rows = kind === 'flaky' ? ['| case | tags | before → after |', '|---|---|---|'] : ['| case | tags | before → after | output |', '|---|---|---|---|'];
  for (const c of shown) {
    const last = kind === 'flaky' ? '' : ' holdout case — output withheld |';
    rows.push(`| ${inline(c.id, ID_CHARS)} | ${inline(c.tags.join(', '), TAG_CHARS)} | ${counts(c.baseline)} → ${counts(c.candidate)} |${last}`);
  }
  const out = [`**${title}**`, rows.join('\n')];
  if (list.length > shown.length) out.push(`_… ${plural(list.length - shown.length, 'more case')} in the JSON report._`);
  return out.join('\n\n');
}

export function flippedSection(p: PreparedSuite, ctx: RenderContext): string {
  const s = p.suite;
  const { regressions, fixes, flakyFlips, holdoutFlips } = p.flips;
  const compared = s.pass_rate.delta !== null || (s.holdout?.delta ?? null) !== null;
  if (!compared) return '';
  if (regressions.length + fixes.length + flakyFlips.length + holdoutFlips.length === 0) return '**Flipped cases**: none — every case kept its pass rate.';
  let summary = `Flipped cases: ${plural(regressions.length, 'regression')}, ${plural(fixes.length, 'fix', 'fixes')}`;
  if (flakyFlips.length) summary += `; ${plural(flakyFlips.length, 'flip')} of cases flaky at base`;
  if (holdoutFlips.length) summary += `; ${plural(holdoutFlips.length, 'holdout case')}`;
  if (ctx.detail.flipped <= 0) {
    ctx.cuts.add('the flipped-case tables');
    return `**${summary}** — listed in the JSON report (left out here to fit the size limit).`;
  }
  const body = [
    regressions.length ? flipList('regression', regressions, ctx) : '',
    fixes.length ? flipList('fix', fixes, ctx) : '',
    flakyFlips.length ? apartList('flaky', flakyFlips, ctx) : '',
    holdoutFlips.length ? apartList('holdout', holdoutFlips, ctx) : '',
  ].filter(Boolean);
  return collapsible(ctx, summary, body.join('\n\n'));
}
