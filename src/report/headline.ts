import { clip } from '../text.js';
import { count, level, pointDecimals, rate, signedMs, signedPoints } from '../format/numbers.js';
import { mainCases } from './case-analysis.js';
import { decidingRules, errorCauses, suiteErrorCause } from './outcome.js';
import type { Report, SuiteReport, Verdict } from './schema.js';

/** A check run's title is one short line (GitHub shows it next to the check's name). */
const TITLE_CHARS = 100;

const VERDICT_WORD: Record<Verdict, string> = { pass: 'Pass', fail: 'Fail', inconclusive: 'Inconclusive', error: 'Error', skipped: 'Skipped' };

/** A suite with nothing measured: skipped before it ran, or errored before any sample came back. */
export function hasNoResults(s: SuiteReport): boolean {
  return s.pass_rate.baseline === null && s.pass_rate.candidate === null;
}

/** Whether the pass-rate interval includes zero: the observed difference is within what chance alone produces. */
export function withinNoise(s: SuiteReport): boolean {
  const ci = s.pass_rate.ci;
  return s.pass_rate.delta !== null && ci !== null && ci[0] <= 0 && ci[1] >= 0;
}

/** A relative change for a headline: 1.27 → "+27%", 1.004 → "+0.4%" (whole percents unless that shows 0). */
function signedPercent(ratio: number): string {
  const v = (ratio - 1) * 100;
  const text = Math.abs(v) >= 0.95 || v === 0 ? Math.abs(Math.round(v)).toString() : Math.abs(v).toFixed(1);
  return `${v > 0 ? '+' : v < 0 ? '-' : '±'}${text}%`;
}

/**
 * The one line a person would say about a suite (docs/contract.md §10):
 * "Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); p95 latency +180 ms; cost +27%".
 * A suite that ended in `error` says why first, then what was measured. Plain text; the note escapes it like any
 * other line.
 */
export function headline(suite: SuiteReport, confidence: number, cause: string | null = suiteErrorCause(suite)): string {
  if (hasNoResults(suite) && (suite.verdict === 'skipped' || suite.verdict === 'error' || suite.message)) {
    return cause ?? suite.message ?? (suite.verdict === 'skipped' ? 'Nothing to run.' : 'No results.');
  }
  const numbers = measuredLine(suite, confidence);
  return cause ? `${cause}; ${numbers}` : numbers;
}

function measuredLine(suite: SuiteReport, confidence: number): string {
  const pr = suite.pass_rate;
  const ci = `${level(confidence)} CI`;
  // With holdout cases the pass rate is the other cases'; the holdout cases get their own clause.
  const n = `${count(mainCases(suite))} cases × ${suite.repeats}`;
  const parts: string[] = [];
  if (pr.delta !== null && pr.ci) {
    const d = pointDecimals(pr.baseline, pr.candidate, pr.delta, pr.ci);
    const noise = withinNoise(suite) ? ', within noise' : '';
    parts.push(`Pass rate ${rate(pr.baseline, d)} → ${rate(pr.candidate, d)} (${signedPoints(pr.delta, d)} points, ${ci} ${signedPoints(pr.ci[0], d)} to ${signedPoints(pr.ci[1], d)}, ${n}${noise})`);
  } else if (pr.candidate !== null) {
    const interval = pr.candidate_ci ? `${ci} ${rate(pr.candidate_ci[0])} to ${rate(pr.candidate_ci[1])}, ` : '';
    const why = suite.change === 'added' ? 'new prompt, no baseline' : suite.change === 'cases_only' ? 'cases changed, no delta' : 'no baseline to compare';
    parts.push(`Pass rate ${rate(pr.candidate)} (${interval}${n}; ${why})`);
  } else if (pr.baseline !== null) {
    parts.push(`Pass rate ${rate(pr.baseline)} before; no results after`);
  } else if (!suite.holdout) {
    parts.push('No successful samples');
  }
  const h = suite.holdout;
  if (h && h.delta !== null && h.ci) {
    const d = pointDecimals(h.baseline, h.candidate, h.delta, h.ci);
    const noise = h.ci[0] <= 0 && h.ci[1] >= 0 ? ', within noise' : '';
    parts.push(`holdout ${signedPoints(h.delta, d)} points (${count(h.n_cases)} cases${noise})`);
  } else if (h && h.candidate !== null) {
    parts.push(`holdout ${rate(h.candidate)} (${count(h.n_cases)} cases)`);
  }
  const lb = suite.latency_ms.baseline?.p95 ?? null;
  const lc = suite.latency_ms.candidate?.p95 ?? null;
  if (suite.latency_ms.not_compared !== undefined) parts.push('latency not compared');
  else if (lb !== null && lc !== null) parts.push(`p95 latency ${signedMs(lc - lb)}`);
  if (suite.cost_usd.ratio !== null) parts.push(`cost ${signedPercent(suite.cost_usd.ratio)}`);
  const failed = suite.errors.baseline + suite.errors.candidate;
  if (failed > 0) parts.push(`${count(failed)} failed ${failed === 1 ? 'call' : 'calls'}`);
  return parts.join('; ');
}

/** The pass-rate part of a title: "49% → 88% (+39 points)", "93% (new prompt)". */
function titleNumbers(s: SuiteReport): string {
  const pr = s.pass_rate;
  if (pr.delta !== null && pr.ci) {
    const d = pointDecimals(pr.baseline, pr.candidate, pr.delta, pr.ci);
    return `${rate(pr.baseline, d)} → ${rate(pr.candidate, d)} (${signedPoints(pr.delta, d)} points${withinNoise(s) ? ', within noise' : ''})`;
  }
  if (pr.candidate !== null) return `pass rate ${rate(pr.candidate)}`;
  return '';
}

/**
 * A short title for the check run (≤ 100 characters): the verdict and what it rests on. An error says why first
 * ("Error: stopped early — HTTP 404 …"); a fail or inconclusive verdict names its rules ("Inconclusive (cost): …").
 */
export function checkTitle(report: Report): string {
  const oneLine = (text: string) => clip(text.replace(/\s+/g, ' '), TITLE_CHARS);
  const suites = report.suites;
  if (report.verdict === 'error') {
    const [first, ...more] = errorCauses(report);
    if (first) {
      const where =
        first.suites.length === 0
          ? 'stopped early'
          : suites.length > 1 && first.suites.length < suites.length
            ? clip(first.suites[0]!, 40) + (first.suites.length > 1 ? ` +${first.suites.length - 1}` : '')
            : '';
      const others = more.length ? ` (+${more.length} more)` : '';
      return oneLine(`Error: ${where ? `${where} — ` : ''}${first.text}${others}`);
    }
  }
  const verdict = VERDICT_WORD[report.verdict];
  if (suites.length === 0) return report.verdict === 'skipped' ? 'No prompt changes' : `${verdict}: no suite ran`;
  if (suites.length === 1) {
    const s = suites[0]!;
    const rules = decidingRules(s);
    const head = `${verdict}${rules ? ` (${rules})` : ''}`;
    const about = hasNoResults(s) ? (s.message ?? '') : titleNumbers(s);
    const tail = about ? ` — ${about}` : '';
    // The name gives way first: the numbers are the point of the title.
    const name = clip(s.name, Math.max(12, TITLE_CHARS - head.length - 2 - tail.length));
    return oneLine(`${head}: ${name}${tail}`);
  }
  const counts = new Map<Verdict, number>();
  for (const s of suites) counts.set(s.verdict, (counts.get(s.verdict) ?? 0) + 1);
  const order: Verdict[] = ['error', 'fail', 'inconclusive', 'pass', 'skipped'];
  const tally = order.filter((v) => counts.has(v)).map((v) => `${counts.get(v)} ${v}`);
  return oneLine(`${verdict}: ${suites.length} suites (${tally.join(', ')})`);
}
