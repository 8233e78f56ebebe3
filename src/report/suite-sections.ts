/**
 * One suite's section of the note, in reading order: Change, Eval result, Tradeoffs, By tag, Flipped cases
 * (flipped.ts) and Gate, each from the prepared suite (prepare.ts) at the context's level of detail.
 */
import { clip } from '../text.js';
import { change, count, level, ms, percent, plural, pValue, rate, signedMs, signedPoints, tokensPerCall, usd } from '../format/numbers.js';
import { mainCases } from './case-analysis.js';
import { FULL_DETAIL, ICON, ID_CHARS, NAME_CHARS, TAG_CHARS, collapsible, freeText, inline, type RenderContext } from './detail.js';
import { headLines } from './diff.js';
import { escapeInline, fencedBlock, inertCode, inlineCode } from './escape.js';
import { flippedSection } from './flipped.js';
import { hasNoResults, withinNoise } from './headline.js';
import { erroredByStop, ruleLabel, stoppedSuiteCause, suiteErrorCause, verdictWithRules } from './outcome.js';
import type { PreparedSuite } from './prepare.js';
import type { SuiteReport } from './schema.js';

const CHANGE_WORDS: Record<SuiteReport['change'], string> = {
  modified: 'modified',
  added: 'added (new prompt: no baseline)',
  deleted: 'deleted',
  renamed: 'renamed',
  settings: 'model or settings changed (same prompt text)',
  cases_only: 'unchanged; only the cases or assertions changed',
  unchanged: 'unchanged',
};

export function changeSection(p: PreparedSuite, ctx: RenderContext): string {
  const s = p.suite;
  const cd = s.change_detail;
  let what = CHANGE_WORDS[s.change];
  if (s.change === 'renamed' && cd?.previous_path) what = `renamed from ${inlineCode(clip(cd.previous_path, NAME_CHARS))}`;
  let line = `**Change**: ${inlineCode(clip(s.prompt, NAME_CHARS))} ${what}`;
  if (cd?.lines_added !== undefined || cd?.lines_removed !== undefined) line += `, +${cd.lines_added ?? 0} -${cd.lines_removed ?? 0} lines`;
  const out = [line + '.'];
  if (cd?.settings?.length) out.push(`Settings changed: ${cd.settings.map((x) => inlineCode(clip(x, NAME_CHARS))).join(', ')}.`);
  else if (cd?.model?.baseline && cd.model.candidate && cd.model.baseline !== cd.model.candidate) {
    out.push(`Model: ${inlineCode(cd.model.baseline)} → ${inlineCode(cd.model.candidate)}.`);
  }
  const parts = [out.join(' ')];
  if (p.diff) {
    const total = plural(p.diff.lines, 'line');
    if (ctx.detail.diffChars <= 0) {
      ctx.cuts.add('the diff');
      parts.push(`_The diff (${total}) was left out to fit the size limit; it is in the JSON report._`);
    } else {
      if (ctx.detail.diffChars < FULL_DETAIL.diffChars && p.diff.text.length > ctx.detail.diffChars) ctx.cuts.add('part of the diff');
      const { shown, lines } = headLines(p.diff.text, ctx.detail.diffChars);
      let body = fencedBlock(inertCode(shown), 'diff');
      if (p.diff.lines > lines) body += `\n\n_… ${plural(p.diff.lines - lines, 'more line')} in the JSON report._`;
      parts.push(collapsible(ctx, `Diff (${total})`, body));
    }
  }
  return parts.join('\n\n');
}

export function evalResultSection(p: PreparedSuite, ctx: RenderContext): string {
  const s = p.suite;
  const pr = s.pass_rate;
  const ci = `${level(ctx.confidence)} CI`;
  const holdout = s.holdout;
  const upTo = s.sampling?.mode === 'sequential' ? 'up to ' : '';
  const samples = `${plural(mainCases(s), 'case')} × ${upTo}${plural(s.repeats, 'sample')}`;
  const out: string[] = ['**Eval result**'];
  if (pr.delta !== null && pr.ci) {
    const rows = ['| | before | after | change |', '|---|---:|---:|---|'];
    const label = holdout ? `pass rate (${plural(mainCases(s), 'case')}, without holdout)` : 'pass rate';
    rows.push(
      `| ${label} | ${percent(pr.baseline ?? 0)} | ${percent(pr.candidate ?? 0)} | **${signedPoints(pr.delta, 1)} points** (${ci} ${signedPoints(pr.ci[0], 1)} to ${signedPoints(pr.ci[1], 1)}) |`,
    );
    if (holdout) rows.push(holdoutRow(holdout, ci));
    out.push(rows.join('\n'));
    const bits = [`${samples} per variant, paired by case`];
    if (pr.p_value !== null) bits.push(`p ${pr.p_value < 0.0001 ? '' : '= '}${pValue(pr.p_value)} against "no difference"`);
    if (pr.method) bits.push(`method: ${inline(pr.method, 200)}`);
    out.push(bits.join('; ') + '.');
    if (withinNoise(s)) {
      out.push(`**Within noise**: the interval (${signedPoints(pr.ci[0], 1)} to ${signedPoints(pr.ci[1], 1)} points) includes 0 — a no-op change shows differences this large by chance.`);
    } else {
      out.push(`The interval excludes 0: the ${pr.delta > 0 ? 'improvement' : 'drop'} is unlikely to be chance.`);
    }
  } else if (pr.candidate !== null) {
    const interval = pr.candidate_ci ? ` (${ci} ${percent(pr.candidate_ci[0])} to ${percent(pr.candidate_ci[1])})` : '';
    const why =
      s.change === 'added'
        ? 'a new prompt has no baseline to compare with'
        : s.change === 'cases_only'
          ? 'only the cases or assertions changed, so there is nothing to compare'
          : 'the baseline has no results to compare with';
    out.push(`Pass rate **${percent(pr.candidate)}**${interval} over ${samples} — ${why}.`);
  } else if (pr.baseline !== null) {
    out.push(`Pass rate before **${percent(pr.baseline)}** over ${samples}; the candidate has no results.`);
  } else if (!holdout) {
    out.push('No sample succeeded under either variant.');
  }
  if (holdout && !(pr.delta !== null && pr.ci)) out.push(holdoutLine(holdout, ci, mainCases(s) === 0));
  if (holdout) out.push('Holdout: the cases tagged `holdout`, the overfitting check — not in the pass rate above, and their outputs are never shown.');
  const sampled = samplingLine(s);
  if (sampled) out.push(sampled);
  const flaky = flakyLine(p.flips.flaky, s);
  if (flaky) out.push(flaky);
  out.push(...outcomeLines(s, ctx));
  const failed = s.errors.baseline + s.errors.candidate;
  if (failed > 0) out.push(`Failed calls after retries (left out of every number): before ${count(s.errors.baseline)}, after ${count(s.errors.candidate)}.`);
  // An errored suite's message opens its section (see `suiteSection`); any other message is a note.
  if (s.message && s.verdict !== 'error') out.push(`**Note**: ${freeText(s.message, ctx)}`);
  return out.join('\n\n');
}

/** The holdout row of the Eval result table: like the pass-rate row, over the holdout cases alone. */
function holdoutRow(h: NonNullable<SuiteReport['holdout']>, ci: string): string {
  const change =
    h.delta !== null
      ? `${h.ci && (h.ci[0] > 0 || h.ci[1] < 0) ? `**${signedPoints(h.delta, 1)} points**` : `${signedPoints(h.delta, 1)} points`}${h.ci ? ` (${ci} ${signedPoints(h.ci[0], 1)} to ${signedPoints(h.ci[1], 1)})` : ''}`
      : '—';
  const cell = (x: number | null) => (x === null ? '—' : percent(x));
  return `| holdout (${plural(h.n_cases, 'case')}) | ${cell(h.baseline)} | ${cell(h.candidate)} | ${change} |`;
}

/** The holdout cases' pass rate when there is no delta to put in a table (an added prompt, cases only). */
function holdoutLine(h: NonNullable<SuiteReport['holdout']>, ci: string, only: boolean): string {
  const rates =
    h.delta !== null && h.ci
      ? `${percent(h.baseline ?? 0)} → ${percent(h.candidate ?? 0)} (${signedPoints(h.delta, 1)} points, ${ci} ${signedPoints(h.ci[0], 1)} to ${signedPoints(h.ci[1], 1)})`
      : `**${rate(h.candidate ?? h.baseline)}**`;
  return `Holdout pass rate ${rates} over ${plural(h.n_cases, 'case')}${only ? ' — every case of this suite is a holdout case' : ''}.`;
}

/**
 * How the suite was sampled, when there is something to say (docs/change-note.md): "Sequential sampling: decided
 * after 240 of 600 samples (3 rounds), 120 of them reused from the cache". Fixed sampling with nothing reused says
 * nothing.
 */
export function samplingLine(s: SuiteReport): string {
  const x = s.sampling;
  if (!x) return '';
  const reused = (x.reused ?? 0) > 0 ? `, ${count(x.reused!)} of them reused from the cache` : '';
  if (x.mode === 'sequential') {
    const rounds = plural(x.rounds, 'round');
    const what = x.samples_used < x.samples_max ? `decided after ${count(x.samples_used)} of ${plural(x.samples_max, 'sample')}` : `all ${plural(x.samples_max, 'sample')} taken`;
    return `Sequential sampling: ${what} (${rounds})${reused}.`;
  }
  const parts: string[] = [];
  if (x.fallback) parts.push(`Sampled in full rather than sequentially: ${escapeInline(clip(x.fallback, 300))}${/[.!?]$/.test(x.fallback) ? '' : '.'}`);
  if (reused) parts.push(`${plural(x.samples_used, 'sample')}${reused}.`);
  return parts.join(' ');
}

/** "3 cases flaky at base" with their ids, so a reviewer does not read their flips as the change's doing. */
function flakyLine(flaky: readonly string[], s: SuiteReport): string {
  if (flaky.length === 0 || s.pass_rate.delta === null) return '';
  const shown = flaky.slice(0, 10).map((id) => inline(id, ID_CHARS));
  const more = flaky.length > shown.length ? `, … ${count(flaky.length - shown.length)} more` : '';
  return `**${plural(flaky.length, 'case')} flaky at base** (${shown.join(', ')}${more}): their baseline samples disagree with each other, so a flip of theirs may be the model's noise rather than the change; Flipped cases lists them apart.`;
}

/**
 * Each failing or inconclusive rule by name, with what would settle it: a suite that is inconclusive on cost while
 * its pass rate passed must not read as an unsettled pass rate. Nothing here for a run that stopped early: its
 * numbers cover only what finished, and are no measurement that happens to be inconclusive.
 */
function outcomeLines(s: SuiteReport, ctx: RenderContext): string[] {
  if (s.verdict === 'error') return [];
  if (ctx.stopped !== null) {
    return ['**Not settled**: the run stopped early, so these numbers cover only the samples that finished; no rule is decided on them.'];
  }
  const out: string[] = [];
  const open = s.rules.filter((r) => r.verdict === 'inconclusive' || r.verdict === 'fail');
  for (const r of open) {
    const word = r.verdict === 'fail' ? 'Fail' : 'Inconclusive';
    const see = r.rule === 'pass_rate' || r.rule === 'holdout' ? 'see Gate' : 'see Tradeoffs and Gate';
    let text: string;
    if (r.verdict === 'fail') {
      text = `confidently beyond what the rule allows (${see}).`;
    } else {
      // A report written before rules carried their own need has it on the pass rate, for the pass-rate rule.
      const need = r.cases_needed !== undefined ? r.cases_needed : r.rule === 'pass_rate' ? (s.pass_rate.cases_needed ?? null) : null;
      text = need
        ? `about ${plural(need, 'case')} (this run: ${count(r.rule === 'pass_rate' ? mainCases(s) : r.rule === 'holdout' ? (s.holdout?.n_cases ?? s.n_cases) : s.n_cases)}) would make the interval narrow enough to settle it (${see}).`
        : `the interval is too wide to settle it (${see}: what the data do rule out).`;
    }
    out.push(`**${word} — ${escapeInline(ruleLabel(r.rule))}**: ${text}`);
  }
  const passRate = s.rules.find((r) => r.rule === 'pass_rate');
  if (open.length > 0 && passRate?.verdict === 'pass') {
    out.push(`The pass-rate rule passed; the ${s.verdict} verdict rests on ${open.map((r) => escapeInline(ruleLabel(r.rule))).join(' and ')}.`);
  }
  return out;
}

/** Successful samples per variant, from the per-case counts (tokens are summed over successful samples only). */
function runs(s: SuiteReport, variant: 'baseline' | 'candidate'): number {
  let n = 0;
  for (const c of s.cases) n += c[variant]?.runs ?? 0;
  return n;
}

export function tradeoffsSection(s: SuiteReport, ctx: RenderContext): string {
  const ci = (r: readonly [number, number] | null) => (r ? `, ${level(ctx.confidence)} CI ${change(r[0])} to ${change(r[1])}` : '');
  const rows: string[] = ['| | before | after | change |', '|---|---:|---:|---|'];
  const cell = (x: number | null | undefined, f: (v: number) => string) => (x === null || x === undefined ? '—' : f(x));
  const summary: string[] = [];
  const notCompared = s.latency_ms.not_compared;
  if (notCompared !== undefined) summary.push('latency not compared');
  for (const key of notCompared !== undefined ? [] : (['p50', 'p95', 'p99'] as const)) {
    const b = s.latency_ms.baseline?.[key] ?? null;
    const c = s.latency_ms.candidate?.[key] ?? null;
    if (b === null && c === null) continue;
    let delta = b !== null && c !== null ? signedMs(c - b) : '—';
    if (key === 'p95' && s.latency_ms.p95_ratio !== null) delta += ` (${change(s.latency_ms.p95_ratio)}${ci(s.latency_ms.p95_ratio_ci)})`;
    if (key === 'p95' && b !== null && c !== null) summary.push(`p95 latency ${signedMs(c - b)}`);
    rows.push(`| latency ${key} | ${cell(b, ms)} | ${cell(c, ms)} | ${delta} |`);
  }
  const cost = s.cost_usd;
  if (cost.baseline_per_case !== null || cost.candidate_per_case !== null) {
    rows.push(`| cost per case | ${cell(cost.baseline_per_case, usd)} | ${cell(cost.candidate_per_case, usd)} | ${cost.ratio !== null ? change(cost.ratio) + ci(cost.ratio_ci) : '—'} |`);
    if (cost.ratio !== null) summary.push(`cost per case ${change(cost.ratio)}`);
    const pb = cost.baseline_per_pass ?? null;
    const pc = cost.candidate_per_pass ?? null;
    if (pb !== null || pc !== null) rows.push(`| cost per passing sample | ${cell(pb, usd)} | ${cell(pc, usd)} | ${pb && pc ? change(pc / pb) : '—'} |`);
  }
  const rb = runs(s, 'baseline');
  const rc = runs(s, 'candidate');
  for (const k of ['input', 'output'] as const) {
    const b = rb > 0 ? s.tokens.baseline[k] / rb : null;
    const c = rc > 0 ? s.tokens.candidate[k] / rc : null;
    if (b === null && c === null) continue;
    rows.push(`| ${k} tokens per call | ${cell(b, tokensPerCall)} | ${cell(c, tokensPerCall)} | ${b !== null && c !== null && b > 0 ? change(c / b) : '—'} |`);
  }
  if (s.errors.baseline + s.errors.candidate > 0) rows.push(`| failed calls | ${count(s.errors.baseline)} | ${count(s.errors.candidate)} | |`);
  if (s.calls && s.calls.total > 0) {
    rows.push(`| retries | | | ${plural(s.calls.retried, 'retry', 'retries')} over ${plural(s.calls.total, 'sample')} (${percent(s.calls.retried / s.calls.total)}) |`);
  }
  // Cached samples are not latency evidence: without a comparison the note shows no latency numbers at all.
  const latencyLine = notCompared !== undefined ? `Latency was not compared: ${freeText(notCompared, ctx)}${/[.!?]$/.test(notCompared) ? '' : '.'}` : '';
  if (rows.length === 2 && !latencyLine) return '';
  const body = [rows.length > 2 ? rows.join('\n') : '', latencyLine].filter(Boolean).join('\n\n');
  return collapsible(ctx, `Tradeoffs${summary.length ? `: ${summary.join(', ')}` : ''}`, body);
}

export function byTagSection(p: PreparedSuite, ctx: RenderContext): string {
  const tags = p.tags;
  if (tags.length === 0) return '';
  const summary = `By tag (${plural(tags.length, 'tag')})`;
  if (ctx.detail.tagRows <= 0) {
    ctx.cuts.add('the by-tag table');
    return `**${summary}**: left out to fit the size limit; the JSON report has them.`;
  }
  if (ctx.detail.tagRows < Math.min(tags.length, FULL_DETAIL.tagRows)) ctx.cuts.add('by-tag rows');
  const shown = tags.slice(0, ctx.detail.tagRows);
  const rows = [`| tag | cases | before | after | change (${level(ctx.confidence)} CI) |`, '|---|---:|---:|---:|---|'];
  for (const t of shown) {
    let delta = '—';
    if (t.delta !== null) {
      const clear = t.ci !== null && (t.ci[0] > 0 || t.ci[1] < 0);
      const d = `${signedPoints(t.delta)} points`;
      delta = `${clear ? `**${d}**` : d}${t.ci ? ` (${signedPoints(t.ci[0])} to ${signedPoints(t.ci[1])})` : ''}`;
    }
    rows.push(`| ${inline(t.tag, TAG_CHARS)} | ${count(t.n_cases)} | ${rate(t.baseline)} | ${rate(t.candidate)} | ${delta} |`);
  }
  let body = rows.join('\n');
  if (tags.length > shown.length) body += `\n\n_… ${plural(tags.length - shown.length, 'more tag')} in the JSON report._`;
  body += '\n\nPer tag, not adjusted for multiple comparisons: bold where the interval excludes 0.';
  // A few rows read at a glance; many rows are for those who look for them.
  return tags.length <= 5 && ctx.target !== 'cli' ? `**${summary}**\n\n${body}` : collapsible(ctx, summary, body);
}

export function gateSection(s: SuiteReport): string {
  if (s.rules.length === 0) return '';
  const rows = ['| rule | outcome | detail |', '|---|---|---|'];
  // A rule that had nothing to decide on is "not evaluated": neither a pass nor a fail.
  for (const r of s.rules) rows.push(`| ${inline(r.rule, 40)} | ${ICON[r.verdict]} ${r.verdict === 'skipped' ? 'not evaluated' : r.verdict} | ${escapeInline(r.detail)} |`);
  return `**Gate**\n\n${rows.join('\n')}`;
}

/** One suite's section; a suite without results has none (its headline carries its message). */
export function suiteSection(p: PreparedSuite, ctx: RenderContext): string {
  const s = p.suite;
  if (hasNoResults(s)) return '';
  const heading = `### ${ICON[s.verdict]} ${inline(s.name, NAME_CHARS)} — ${escapeInline(verdictWithRules(s))}`;
  const cause = erroredByStop(s, ctx.stopped) ? stoppedSuiteCause(s) : suiteErrorCause(s);
  const error = cause ? `**Error**: ${freeText(cause, ctx)}` : '';
  if (!ctx.detail.suiteBody) {
    ctx.cuts.add('everything but each suite’s headline and gate');
    return [heading, error, gateSection(s)].filter(Boolean).join('\n\n');
  }
  if (!ctx.detail.tradeoffs) ctx.cuts.add('the tradeoff tables');
  const parts = [heading, error, changeSection(p, ctx), evalResultSection(p, ctx), ctx.detail.tradeoffs ? tradeoffsSection(s, ctx) : '', byTagSection(p, ctx), flippedSection(p, ctx), gateSection(s)];
  return parts.filter(Boolean).join('\n\n');
}
