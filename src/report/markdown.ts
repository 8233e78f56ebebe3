import { change, count, ms, percent, plural, pValue, points, usd } from '../gate/format.js';
import { escapeInline, fencedBlock, inlineCode } from './escape.js';
import type { CaseReport, Report, SuiteReport, Verdict } from './schema.js';

export interface NoteOptions {
  /** Where the note is shown: PR comment, job summary, check-run output, or the CLI/Markdown file. */
  target: 'comment' | 'summary' | 'check' | 'cli';
  /** Hard cap in characters (GitHub: 65,536 for a comment, 65,535 for a check run's summary). */
  maxChars?: number;
  /** Hidden marker put on the first line (the sticky comment's). */
  marker?: string;
}

const ICON: Record<Verdict, string> = { pass: '✅', fail: '❌', inconclusive: '⚠️', error: '🛑', skipped: '⏭️' };

/** How much detail to include; shrunk step by step until the note fits `maxChars`. */
interface Detail {
  diff: boolean;
  outputs: boolean;
  tagRows: number;
  flipped: number;
}
const FULL: Detail = { diff: true, outputs: true, tagRows: 50, flipped: 10 };

const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
const pts = (x: number) => {
  const v = Math.round(x * 100);
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v)}`;
};
const signedMs = (x: number) => `${x >= 0 ? '+' : '−'}${Math.round(Math.abs(x))} ms`;

/** The one line a person would say about a suite (DESIGN §10). */
export function headline(s: SuiteReport, confidence: number): string {
  if (s.message && (s.verdict === 'skipped' || s.verdict === 'error') && s.pass_rate.candidate === null) return s.message;
  const level = `${Math.round(confidence * 100)}% CI`;
  const n = `${count(s.n_cases)} cases × ${s.repeats}`;
  const parts: string[] = [];
  const pr = s.pass_rate;
  if (pr.delta !== null && pr.ci) {
    parts.push(`Pass rate ${pct(pr.baseline)} → ${pct(pr.candidate)} (${pts(pr.delta)} points, ${level} ${pts(pr.ci[0])} to ${pts(pr.ci[1])}, ${n})`);
  } else if (pr.candidate !== null) {
    const ci = pr.candidate_ci ? `, ${level} ${pct(pr.candidate_ci[0])} to ${pct(pr.candidate_ci[1])}` : '';
    parts.push(`Pass rate ${pct(pr.candidate)} (${n}${ci}; ${s.change === 'added' ? 'new prompt, no baseline' : 'cases changed, no delta'})`);
  } else {
    parts.push('No successful samples');
  }
  const lb = s.latency_ms.baseline?.p95;
  const lc = s.latency_ms.candidate?.p95;
  if (lb !== null && lb !== undefined && lc !== null && lc !== undefined) parts.push(`p95 latency ${signedMs(lc - lb)}`);
  if (s.cost_usd.ratio !== null) parts.push(`cost ${change(s.cost_usd.ratio)}`);
  return parts.join('; ');
}

export function checkTitle(report: Report): string {
  if (report.suites.length === 0) return report.verdict === 'skipped' ? 'No prompt changes' : `promptgate: ${report.verdict}`;
  if (report.suites.length === 1) {
    const s = report.suites[0]!;
    const pr = s.pass_rate;
    const nums = pr.delta !== null ? `: ${pct(pr.baseline)} → ${pct(pr.candidate)} (${pts(pr.delta)} pts)` : pr.candidate !== null ? `: ${pct(pr.candidate)}` : '';
    return `${s.verdict}: ${s.name}${nums}`.slice(0, 200);
  }
  const counts = new Map<Verdict, number>();
  for (const s of report.suites) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  return `${report.verdict}: ${report.suites.length} suites (${[...counts].map(([v, c]) => `${c} ${v}`).join(', ')})`;
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

function caseRate(v: CaseReport['baseline']): number | null {
  return v && v.runs > 0 ? v.passed / v.runs : null;
}

function flips(s: SuiteReport): { regressions: CaseReport[]; fixes: CaseReport[] } {
  const withDelta = s.cases
    .map((c) => ({ c, b: caseRate(c.baseline), k: caseRate(c.candidate) }))
    .filter((x): x is { c: CaseReport; b: number; k: number } => x.b !== null && x.k !== null && x.b !== x.k);
  return {
    regressions: withDelta.filter((x) => x.k < x.b).sort((a, z) => a.k - a.b - (z.k - z.b) || a.c.id.localeCompare(z.c.id)).map((x) => x.c),
    fixes: withDelta.filter((x) => x.k > x.b).sort((a, z) => z.k - z.b - (a.k - a.b) || a.c.id.localeCompare(z.c.id)).map((x) => x.c),
  };
}

function evalResult(s: SuiteReport, confidence: number): string {
  const pr = s.pass_rate;
  const level = `${Math.round(confidence * 100)}% CI`;
  const lines: string[] = [];
  if (pr.delta !== null && pr.ci) {
    lines.push('| | baseline | candidate | change |', '|---|---:|---:|---|');
    lines.push(`| pass rate | ${percent(pr.baseline ?? 0)} | ${percent(pr.candidate ?? 0)} | **${points(pr.delta)}** (${level} ${points(pr.ci[0], '')} to ${points(pr.ci[1], '')}) |`);
    lines.push('');
    lines.push(`${plural(s.n_cases, 'case')} × ${s.repeats} samples per variant, paired by case${pr.p_value !== null ? `; p ${pr.p_value < 0.0001 ? '' : '= '}${pValue(pr.p_value)} for "no change"` : ''}${pr.method ? `; ${escapeInline(pr.method)}` : ''}.`);
    if (pr.ci[0] <= 0 && pr.ci[1] >= 0) {
      lines.push('', `**Within noise:** the interval includes 0 — a change that does nothing shows differences this large by chance.${pr.cases_needed ? ` About ${count(pr.cases_needed)} cases would settle it.` : ''}`);
    } else {
      lines.push('', `The interval excludes 0: the ${pr.delta > 0 ? 'improvement' : 'drop'} is unlikely to be noise.`);
    }
  } else if (pr.candidate !== null) {
    lines.push(`Pass rate **${percent(pr.candidate)}**${pr.candidate_ci ? ` (${level} ${percent(pr.candidate_ci[0])} to ${percent(pr.candidate_ci[1])})` : ''} over ${plural(s.n_cases, 'case')} × ${s.repeats} — ${s.change === 'added' ? 'a new prompt has no baseline to compare with' : 'only the cases or assertions changed, so there is no delta'}.`);
  }
  if (s.errors.baseline + s.errors.candidate > 0) lines.push('', `Failed calls (excluded from the statistics): baseline ${s.errors.baseline}, candidate ${s.errors.candidate}.`);
  return lines.join('\n');
}

function tradeoffs(s: SuiteReport): string {
  const rows: string[] = ['| | baseline | candidate | change |', '|---|---:|---:|---:|'];
  const lb = s.latency_ms.baseline;
  const lc = s.latency_ms.candidate;
  for (const key of ['p50', 'p95', 'p99'] as const) {
    const b = lb?.[key] ?? null;
    const c = lc?.[key] ?? null;
    if (b === null && c === null) continue;
    const ratio = key === 'p95' && s.latency_ms.p95_ratio !== null ? ` (${change(s.latency_ms.p95_ratio)}${s.latency_ms.p95_ratio_ci ? `, CI ${change(s.latency_ms.p95_ratio_ci[0])} to ${change(s.latency_ms.p95_ratio_ci[1])}` : ''})` : '';
    rows.push(`| latency ${key} | ${b === null ? '—' : ms(b)} | ${c === null ? '—' : ms(c)} | ${b !== null && c !== null ? signedMs(c - b) + ratio : '—'} |`);
  }
  const cb = s.cost_usd.baseline_per_case;
  const cc = s.cost_usd.candidate_per_case;
  if (cb !== null || cc !== null) {
    const ci = s.cost_usd.ratio_ci ? `, CI ${change(s.cost_usd.ratio_ci[0])} to ${change(s.cost_usd.ratio_ci[1])}` : '';
    rows.push(`| cost per case | ${cb === null ? '—' : usd(cb)} | ${cc === null ? '—' : usd(cc)} | ${s.cost_usd.ratio !== null ? change(s.cost_usd.ratio) + ci : '—'} |`);
    const pb = s.cost_usd.baseline_per_pass ?? null;
    const pc = s.cost_usd.candidate_per_pass ?? null;
    rows.push(`| cost per passing sample | ${pb === null ? '—' : usd(pb)} | ${pc === null ? '—' : usd(pc)} | ${pb && pc ? change(pc / pb) : '—'} |`);
  }
  const runs = (v: 'baseline' | 'candidate') => s.cases.reduce((n, c) => n + (c[v]?.runs ?? 0), 0);
  const perCall = (v: 'baseline' | 'candidate', k: 'input' | 'output') => (runs(v) > 0 ? Math.round(s.tokens[v][k] / runs(v)) : null);
  for (const k of ['input', 'output'] as const) {
    const b = perCall('baseline', k);
    const c = perCall('candidate', k);
    rows.push(`| ${k} tokens per call | ${b ?? '—'} | ${c ?? '—'} | ${b !== null && c !== null && b > 0 ? change(c / b) : '—'} |`);
  }
  if (s.calls && s.calls.total > 0) rows.push(`| retries per call | | | ${(s.calls.retried / s.calls.total).toFixed(2)} |`);
  return rows.join('\n');
}

function byTag(s: SuiteReport, d: Detail): string {
  const tags = s.by_tag ?? [];
  if (tags.length === 0 || d.tagRows === 0) return '';
  const rows = ['| tag | cases | baseline | candidate | delta (CI) |', '|---|---:|---:|---:|---|'];
  for (const t of tags.slice(0, d.tagRows)) {
    rows.push(`| ${escapeInline(t.tag)} | ${t.n_cases} | ${pct(t.baseline)} | ${pct(t.candidate)} | ${t.delta === null ? '—' : `${pts(t.delta)}${t.ci ? ` (${pts(t.ci[0])} to ${pts(t.ci[1])})` : ''}`} |`);
  }
  if (tags.length > d.tagRows) rows.push('', `… ${tags.length - d.tagRows} more tags in the JSON report.`);
  return details(`By tag (${tags.length})`, rows.join('\n'));
}

function flippedCases(s: SuiteReport, d: Detail): string {
  const { regressions, fixes } = flips(s);
  if (regressions.length + fixes.length === 0) return s.pass_rate.delta !== null ? '**Flipped cases**: none — every case kept its pass rate.' : '';
  const out: string[] = [`**Flipped cases**: ${plural(regressions.length, 'regression')}, ${plural(fixes.length, 'fix', 'fixes')}.`];
  const table = (title: string, list: CaseReport[]) => {
    if (list.length === 0) return;
    const shown = list.slice(0, d.flipped);
    const rows = [`| ${title} | tags | before | after | first failing check |`, '|---|---|---:|---:|---|'];
    for (const c of shown) {
      const reason = c.reasons?.candidate ?? c.reasons?.baseline ?? '';
      rows.push(`| ${escapeInline(c.id)} | ${escapeInline(c.tags.join(', '))} | ${c.baseline!.passed}/${c.baseline!.runs} | ${c.candidate!.passed}/${c.candidate!.runs} | ${escapeInline(reason)} |`);
    }
    if (list.length > shown.length) rows.push('', `… ${list.length - shown.length} more cases in the JSON report.`);
    out.push('', rows.join('\n'));
    if (d.outputs) {
      const blocks = shown
        .filter((c) => c.outputs)
        .map((c) => `**${escapeInline(c.id)}** — baseline:\n\n${fencedBlock(c.outputs?.baseline ?? '(no output)')}\n\ncandidate:\n\n${fencedBlock(c.outputs?.candidate ?? '(no output)')}`);
      if (blocks.length) out.push('', details(`Outputs (${title.toLowerCase()})`, blocks.join('\n\n')));
    }
  };
  table('Regressions', regressions);
  table('Fixes', fixes);
  return out.join('\n');
}

function changeSection(s: SuiteReport, d: Detail): string {
  const cd = s.change_detail;
  const lines: string[] = [];
  const what = s.change === 'renamed' && cd?.previous_path ? `renamed from ${inlineCode(cd.previous_path)}` : s.change.replace('_', ' ');
  let line = `**Change**: ${inlineCode(s.prompt)} ${what}`;
  if (cd?.lines_added !== undefined) line += ` (+${cd.lines_added} −${cd.lines_removed ?? 0} lines)`;
  const model = cd?.model;
  if (model?.candidate) line += `; model ${inlineCode(model.candidate)}`;
  lines.push(line + '.');
  if (cd?.settings?.length) lines.push('', `Settings changed: ${cd.settings.map((x) => inlineCode(x)).join(', ')}.`);
  if (cd?.diff && d.diff) lines.push('', details('Diff', fencedBlock(cd.diff, 'diff')));
  return lines.join('\n');
}

function gate(s: SuiteReport): string {
  if (s.rules.length === 0) return '';
  const rows = ['| rule | outcome | detail |', '|---|---|---|'];
  for (const r of s.rules) rows.push(`| ${r.rule} | ${ICON[r.verdict]} ${r.verdict} | ${escapeInline(r.detail)} |`);
  return `**Gate**\n\n${rows.join('\n')}`;
}

function suiteSection(s: SuiteReport, report: Report, d: Detail): string {
  const parts = [`### ${ICON[s.verdict]} ${escapeInline(s.name)}`];
  if (s.message && s.pass_rate.candidate === null) {
    parts.push(escapeInline(s.message));
    return parts.join('\n\n');
  }
  parts.push(changeSection(s, d));
  parts.push(`**Eval result**\n\n${evalResult(s, report.confidence)}`);
  parts.push(`**Tradeoffs**\n\n${tradeoffs(s)}`);
  const tags = byTag(s, d);
  if (tags) parts.push(tags);
  const flipped = flippedCases(s, d);
  if (flipped) parts.push(flipped);
  const g = gate(s);
  if (g) parts.push(g);
  return parts.join('\n\n');
}

function runSection(report: Report): string {
  const models = new Set<string>();
  for (const s of report.suites) {
    const m = s.change_detail?.model;
    if (m?.baseline) models.add(m.baseline);
    if (m?.candidate) models.add(m.candidate);
  }
  const repeats = [...new Set(report.suites.map((s) => s.repeats))].join('/');
  const c = report.calls;
  const bits = [
    models.size ? `model ${[...models].map((m) => inlineCode(m)).join(', ')}` : null,
    repeats ? `${repeats} repeats` : null,
    `${count(c.total)} samples (${count(c.cached)} from cache, ${count(c.total - c.cached)} calls)`,
    `${count(c.failed)} failed`,
    `${count(c.retried)} retries`,
    `${usd(report.cost_usd_total)} spent`,
    `${(report.duration_ms / 1000).toFixed(1)} s`,
  ].filter(Boolean);
  return `**Run**: ${bits.join(' · ')} · base ${inlineCode(report.base.slice(0, 7))} → head ${inlineCode(report.head.slice(0, 7))}`;
}

function render(report: Report, opts: NoteOptions, d: Detail): string {
  const out: string[] = [];
  if (opts.marker) out.push(opts.marker);
  out.push(`## ${ICON[report.verdict]} promptgate: ${report.verdict}`);
  if (report.partial) out.push('> [!WARNING]\n> Partial results: the run stopped early; the numbers cover the samples that finished.');
  if (report.suites.length === 0) {
    out.push(report.verdict === 'skipped' ? 'No prompt changes: no suite was triggered.' : '');
  } else {
    out.push(report.suites.map((s) => `- ${ICON[s.verdict]} **${escapeInline(s.name)}** — ${escapeInline(headline(s, report.confidence))}`).join('\n'));
  }
  const ctx = report.context;
  if (ctx && (ctx.title || ctx.goal) && opts.target !== 'check') {
    out.push(`### Goal\n\n${[ctx.title ? `**${escapeInline(ctx.title)}**` : '', ctx.goal ? escapeInline(ctx.goal) : ''].filter(Boolean).join(' — ')}`);
  }
  for (const s of report.suites) out.push(suiteSection(s, report, d));
  if (report.notes?.length) out.push(report.notes.map((n) => `> ${escapeInline(n)}`).join('\n>\n'));
  if (ctx?.rollout) out.push(`### Rollout\n\n${escapeInline(ctx.rollout)}`);
  if (report.suites.length) out.push(runSection(report));
  return out.filter((p) => p !== '').join('\n\n') + '\n';
}

/**
 * The change note: headline per suite, then Goal, Change, Eval result, Tradeoffs, By tag, Flipped cases, Gate,
 * Rollout, Run (DESIGN §10). Over `maxChars`, detail is dropped in a fixed order — diff, outputs, tag rows, flipped
 * cases — and the headline and the gate always stay.
 */
export function renderChangeNote(report: Report, opts: NoteOptions): string {
  const max = opts.maxChars;
  let note = render(report, opts, FULL);
  if (max === undefined || note.length <= max) return note;
  const steps: Detail[] = [
    { ...FULL, diff: false },
    { ...FULL, diff: false, outputs: false },
    { diff: false, outputs: false, tagRows: 10, flipped: 10 },
    { diff: false, outputs: false, tagRows: 0, flipped: 5 },
    { diff: false, outputs: false, tagRows: 0, flipped: 0 },
  ];
  for (const d of steps) {
    note = render(report, opts, d);
    if (note.length <= max - 120) return note + '\n_Some detail was left out to fit GitHub\'s size limit; the JSON report has all of it._\n';
  }
  // Still too long (hundreds of suites): keep the title and the headlines, cut the rest.
  const cut = '\n\n_…cut to fit GitHub\'s size limit; see the JSON report._\n';
  return note.slice(0, Math.max(0, max - cut.length)).replace(/<details>(?![\s\S]*<\/details>)[\s\S]*$/, '') + cut;
}
