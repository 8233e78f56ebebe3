import { describe, expect, it } from 'vitest';
import { caseOutputs, checkTitle, renderChangeNote } from '../../src/report/index.js';
import type { Report, SuiteReport } from '../../src/report/schema.js';
import { makeCase, makeReport, makeSuite, markdownProblems } from './make-report.js';

/** What the note and the check title say decided a verdict: an error's cause first, each rule by name. */

const comment = (r: Report) => renderChangeNote(r, { target: 'comment', marker: '<!-- promptgate:sticky -->' });
/** The lines of a note after the marker and the title. */
const body = (note: string) => note.split('\n').slice(4);
const EMPTY = { baseline: null, candidate: null, delta: null, ci: null, p_value: null };

const FATAL =
  'HTTP 404: The model `gpt-5o` does not exist or you do not have access to it. — no model "gpt-5o" at http://127.0.0.1:9/v1; check provider.model and provider.base_url (it usually ends in /v1)';
const HOLM = '1 gated comparison (pass rate) at 95% confidence; no multiple-comparison adjustment needed.';

/** A review that a 404 stopped after its first call, as the pipeline writes it. */
function fatalStop(): Report {
  const suite = makeSuite({
    name: 'triage',
    verdict: 'error',
    n_cases: 48,
    repeats: 2,
    pass_rate: EMPTY,
    latency_ms: { baseline: null, candidate: null, p95_ratio: null, p95_ratio_ci: null },
    cost_usd: { baseline_per_case: null, candidate_per_case: null, ratio: null, ratio_ci: null },
    rules: [
      { rule: 'completeness', verdict: 'error', detail: `Only 1 of 192 planned samples finished; the run stopped early: ${FATAL}. No rule can be decided on an unfinished run.` },
      { rule: 'pass_rate', verdict: 'skipped', detail: 'Not evaluated: only 1 of 192 planned samples finished.' },
      { rule: 'error_rate', verdict: 'skipped', detail: 'Not evaluated: only 1 of 192 planned samples finished (1 failed); the rest never ran.' },
    ],
    errors: { baseline: 1, candidate: 0 },
    cases: [],
    message: `Calls failed: ${FATAL}`,
  });
  return makeReport([suite], { verdict: 'error', partial: true, notes: [`Partial: ${FATAL}`], calls: { total: 1, cached: 0, failed: 1, retried: 0 } });
}

describe('a review that ends in error says error and why first', () => {
  it('a 404 that stopped the run: the cause right under the title, in the title of the check, nowhere "inconclusive" or "pass"', () => {
    const report = fatalStop();
    const note = comment(report);
    const lines = body(note);
    expect(lines[0]).toBe(
      '**Error — the run stopped early**: HTTP 404: The model \\`gpt-5o\\` does not exist or you do not have access to it. — no model "gpt-5o" at http:\u200d//127.0.0.1:9/v1; check provider.model and provider.base\\_url (it usually ends in /v1)',
    );
    // The suite's line points up to the reason instead of repeating it.
    expect(note).toContain('- 🛑 **triage** (error) — Only 1 of 192 planned samples finished: the run stopped early (see above)');
    expect(note).not.toMatch(/inconclusive|✅/i);
    // Said once: not again among the review's notes at the end.
    expect(note.match(/does not exist/g)).toHaveLength(1);
    expect(checkTitle(report)).toMatch(/^Error: stopped early — HTTP 404: The model `gpt-5o` does not exist/);
    expect(checkTitle(report).length).toBeLessThanOrEqual(100);
    expect(markdownProblems(note)).toEqual([]);
  });

  it('a partial report from before rules knew about stops is still not presented as an inconclusive measurement', () => {
    // What the gate wrote before: the suite "inconclusive", the error rate "pass" on 1 of 192 calls.
    const old = makeSuite({
      verdict: 'inconclusive',
      pass_rate: { baseline: 0.5, candidate: 0.52, delta: 0.02, ci: [-0.2, 0.24], p_value: 0.8, cases_needed: 900 },
      rules: [
        { rule: 'pass_rate', verdict: 'inconclusive', detail: "Pass rate 50% → 52%: can't tell yet whether it dropped." },
        { rule: 'error_rate', verdict: 'pass', detail: '1 of 192 planned calls failed after retries (0.5%), within the 5% limit.' },
      ],
    });
    const report = makeReport([old], { verdict: 'error', partial: true, notes: ['Partial: the review was interrupted; the samples that finished are reported and cached', HOLM] });
    const note = comment(report);
    expect(body(note)[0]).toBe('**Error — the run stopped early**: the review was interrupted; the samples that finished are reported and cached');
    expect(note).toContain('**Not settled**: the run stopped early, so these numbers cover only the samples that finished; no rule is decided on them.');
    expect(note).not.toContain('**Inconclusive');
    expect(note).not.toContain('would make the interval narrow enough');
    expect(checkTitle(report)).toBe('Error: stopped early — the review was interrupted; the samples that finished are reported and cached');
    // Other notes stay where they were.
    expect(note).toContain(`> ${HOLM}`);
  });

  it('a budget stop with results: the suite section opens with the error, its Eval result claims nothing', () => {
    const stop = 'stopped before exceeding the budget of $1.00 ($0.9900 spent, 240 samples not run); raise run.budget_usd to finish';
    const s = makeSuite({
      verdict: 'error',
      rules: [
        { rule: 'completeness', verdict: 'error', detail: `Only 480 of 720 planned samples finished; the run stopped early: ${stop}. No rule can be decided on an unfinished run.` },
        { rule: 'pass_rate', verdict: 'skipped', detail: 'Not evaluated: only 480 of 720 planned samples finished.' },
        { rule: 'error_rate', verdict: 'skipped', detail: 'Not evaluated: only 480 of 720 planned samples finished (0 failed); the rest never ran.' },
      ],
    });
    const note = comment(makeReport([s], { verdict: 'error', partial: true, notes: [`Partial: ${stop}`] }));
    expect(body(note)[0]).toBe(`**Error — the run stopped early**: ${stop.replace('budget_usd', 'budget\\_usd')}`);
    expect(note).toContain('### 🛑 support-triage — error\n\n**Error**: Only 480 of 720 planned samples finished: the run stopped early (see above)\n\n**Change**');
    expect(note).toContain('| pass\\_rate | ⏭️ not evaluated | Not evaluated: only 480 of 720 planned samples finished. |');
    expect(note).not.toMatch(/✅ pass|\*\*Inconclusive|\*\*Not settled/);
  });

  it("a suite's own error (too many failed calls) comes first: its message, the title, the suite section", () => {
    const s = makeSuite({
      name: 'summaries',
      verdict: 'error',
      rules: [
        { rule: 'pass_rate', verdict: 'inconclusive', detail: "can't tell yet", cases_needed: 400 },
        {
          rule: 'error_rate',
          verdict: 'error',
          detail: 'Too many failed calls: 40 of 720 planned calls failed after retries (5.6%), over the 5% limit; the numbers may be biased by which cases failed.',
        },
      ],
      errors: { baseline: 0, candidate: 40 },
    });
    const report = makeReport([makeSuite(), s], { verdict: 'error' });
    const note = comment(report);
    const cause = 'Too many failed calls: 40 of 720 planned calls failed after retries (5.6%), over the 5% limit';
    expect(body(note)[0]).toBe(`**Error in summaries**: ${cause}`);
    expect(note).toContain(`- 🛑 **summaries** (error) — ${cause}; Pass rate 82% → 93%`);
    expect(note).toContain(`### 🛑 summaries — error\n\n**Error**: ${cause}\n\n**Change**`);
    // An errored suite's unsettled pass rate is not the story.
    expect(note).not.toContain('**Inconclusive');
    expect(checkTitle(report)).toBe(`Error: summaries — ${cause}`.slice(0, 99) + '…');
  });

  it('the same cause in every suite (refused to start) is said once, without naming a suite', () => {
    const refused = 'Refused to start: the estimated cost $7.20 for 960 calls is over the budget of $5.00. Raise run.budget_usd (or --budget-usd / budget-usd), lower repeats, or trim the eval set.';
    const empty = (name: string) => makeSuite({ name, verdict: 'error', pass_rate: EMPTY, rules: [], cases: [], message: refused });
    const report = makeReport([empty('a'), empty('b')], { verdict: 'error', notes: [refused] });
    const note = comment(report);
    expect(body(note)[0]).toBe(`**Error**: ${refused.replace('budget_usd', 'budget\\_usd')}`);
    expect(note.match(/Refused to start/g)).toHaveLength(3); // the top, and each suite's line
    expect(note).not.toContain(`> ${refused}`);
    expect(checkTitle(report)).toBe(`Error: ${refused}`.slice(0, 99) + '…');
  });

  it('the compact rendering (very many suites) keeps the cause first too', () => {
    const report = fatalStop();
    const many = { ...report, suites: Array.from({ length: 400 }, (_, i) => ({ ...report.suites[0]!, name: `suite-${i}` })) };
    const note = renderChangeNote(many, { target: 'comment', maxChars: 20_000 });
    expect(note.split('\n')[2]).toMatch(/^\*\*Error — the run stopped early\*\*: HTTP 404/);
    expect(note.length).toBeLessThanOrEqual(20_000);
  });
});

describe('each failing or inconclusive rule is named', () => {
  /** Pass rate clearly up, cost inconclusive: how review() wrote it before rules carried their own need. */
  const costOpen = (over: Partial<SuiteReport> = {}) =>
    makeSuite({
      verdict: 'inconclusive',
      pass_rate: { baseline: 0.82, candidate: 0.93, delta: 0.11, ci: [0.061, 0.159], p_value: 0.0001, cases_needed: 88 },
      rules: [
        { rule: 'pass_rate', verdict: 'pass', detail: 'Pass rate 82% → 93%: rules out any drop.' },
        {
          rule: 'cost',
          verdict: 'inconclusive',
          detail: "Cost per case $0.00041 → $0.00052 (+27%, 95% CI +5% to +49%): can't tell yet whether it rose by more than 20%; about 88 cases would settle it.",
          cases_needed: 88,
        },
        { rule: 'error_rate', verdict: 'pass', detail: '0 of 720 planned calls failed after retries (0%), within the 5% limit.' },
      ],
      ...over,
    });

  it('cost inconclusive, pass rate passed: the cost rule gets the verdict and the case count, the pass rate neither', () => {
    const report = makeReport([costOpen()], { verdict: 'inconclusive' });
    const note = comment(report);
    expect(note).toContain('- ⚠️ **support-triage** (inconclusive: cost) — Pass rate 82% → 93%');
    expect(note).toContain('### ⚠️ support-triage — inconclusive: cost');
    expect(note).toContain('**Inconclusive — cost**: about 88 cases (this run: 120) would make the interval narrow enough to settle it (see Tradeoffs and Gate).');
    expect(note).toContain('The pass-rate rule passed; the inconclusive verdict rests on cost.');
    expect(note).not.toContain('**Inconclusive — pass rate**');
    expect(note).not.toMatch(/\*\*Inconclusive\*\*/);
    expect(checkTitle(report)).toBe('Inconclusive (cost): support-triage — 82% → 93% (+11 points)');
  });

  it('a failing rule and an inconclusive one are both named, each with its own need', () => {
    const s = costOpen({
      verdict: 'fail',
      rules: [
        { rule: 'pass_rate', verdict: 'inconclusive', detail: "can't tell yet", cases_needed: 300 },
        { rule: 'latency_p95', verdict: 'fail', detail: 'more than 25% slower' },
        { rule: 'cost', verdict: 'inconclusive', detail: "can't tell yet", cases_needed: null },
      ],
    });
    const report = makeReport([s], { verdict: 'fail' });
    const note = comment(report);
    expect(note).toContain('(fail: p95 latency; inconclusive: pass rate, cost)');
    expect(note).toContain('**Inconclusive — pass rate**: about 300 cases (this run: 120) would make the interval narrow enough to settle it (see Gate).');
    expect(note).toContain('**Fail — p95 latency**: confidently beyond what the rule allows (see Tradeoffs and Gate).');
    expect(note).toContain('**Inconclusive — cost**: the interval is too wide to settle it (see Tradeoffs and Gate: what the data do rule out).');
    expect(checkTitle(report)).toBe('Fail (p95 latency): support-triage — 82% → 93% (+11 points)');
  });

  it('says when the config makes an inconclusive verdict fail the check', () => {
    const strict = comment(makeReport([costOpen()], { verdict: 'inconclusive', inconclusive_policy: 'failure' }));
    expect(strict).toContain('_This review fails its check: the config sets `gate.inconclusive: failure`._');
    expect(comment(makeReport([costOpen()], { verdict: 'inconclusive', inconclusive_policy: 'neutral' }))).not.toContain('fails its check');
  });
});

describe('latency not compared', () => {
  const reason = 'only 3 cases were measured in this run on both sides (the rest came from the cache); at least 10 are needed';
  const suite = () =>
    makeSuite({
      latency_ms: { baseline: { p50: 812, p95: 1400, p99: 1900 }, candidate: { p50: 990, p95: 1580, p99: 2100 }, p95_ratio: null, p95_ratio_ci: null, not_compared: reason },
      rules: [
        { rule: 'pass_rate', verdict: 'pass', detail: 'rules out any drop' },
        { rule: 'latency_p95', verdict: 'skipped', detail: `Not evaluated: latency was not compared: ${reason}.` },
      ],
    });

  it('Tradeoffs and the headline say so instead of latency numbers; the latency rule is not evaluated, not passed', () => {
    const note = comment(makeReport([suite()]));
    expect(note).toContain('<details><summary>Tradeoffs: latency not compared, cost per case +27%</summary>');
    expect(note).toContain(`Latency was not compared: only 3 cases were measured in this run on both sides (the rest came from the cache); at least 10 are needed.\n`);
    expect(note).not.toMatch(/\| latency p(50|95|99) \|/);
    expect(note).toContain('- ✅ **support-triage** (pass) — Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); latency not compared; cost +27%');
    expect(note).toContain(`| latency\\_p95 | ⏭️ not evaluated | Not evaluated: latency was not compared: ${reason}. |`);
    expect(markdownProblems(note)).toEqual([]);
  });

  it('the schema keeps the reason', () => {
    expect(makeReport([suite()]).suites[0]!.latency_ms.not_compared).toBe(reason);
  });
});

describe('the outputs of flipped cases show the flip', () => {
  const v = (passed: number, runs: number, firstPass: string | null, firstFail: string | null) => ({ passed, runs, firstPass, firstFail });

  it("a regression shows a passing baseline sample and the candidate's failing one, even when most candidate samples pass", () => {
    expect(caseOutputs(v(3, 3, 'billing', null), v(2, 3, 'billing', 'Billing issue.'))).toEqual({
      outputs: { baseline: 'billing', candidate: 'Billing issue.' },
      output_passed: { baseline: true, candidate: false },
    });
  });

  it("a fix shows a failing baseline sample and the candidate's passing one, even when most baseline samples passed", () => {
    expect(caseOutputs(v(2, 3, 'bug', 'Bug report'), v(3, 3, 'bug', null))).toEqual({
      outputs: { baseline: 'Bug report', candidate: 'bug' },
      output_passed: { baseline: false, candidate: true },
    });
  });

  it("an unchanged case shows each variant's typical sample; a variant that did not run shows none", () => {
    expect(caseOutputs(v(1, 3, 'a', 'b'), v(1, 3, 'c', 'd'))).toEqual({ outputs: { baseline: 'b', candidate: 'd' }, output_passed: { baseline: false, candidate: false } });
    expect(caseOutputs(null, v(3, 3, 'x', null))).toEqual({ outputs: { baseline: null, candidate: 'x' }, output_passed: { baseline: null, candidate: true } });
  });

  it('the note labels each output as a passing or a failing sample', () => {
    const c = makeCase('T-1', [3, 3], [2, 3], caseOutputs(v(3, 3, 'billing', null), v(2, 3, 'billing', 'Billing issue.')));
    const note = comment(makeReport([makeSuite({ cases: [c] })]));
    expect(note).toContain('Before (3/3 passed, a passing sample):\n\n```\nbilling\n```\n\nAfter (2/3 passed, a failing sample):\n\n```\nBilling issue.\n```');
  });
});
