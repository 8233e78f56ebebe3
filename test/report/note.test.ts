import { describe, expect, it } from 'vitest';
import { checkTitle, headline, renderChangeNote } from '../../src/report/index.js';
import type { Report, SuiteReport } from '../../src/report/schema.js';
import { makeCase, makeReport, makeSuite, markdownProblems, outsideCode } from './make-report.js';

/** The change note as a reviewer reads it, rendered from hand-built reports. */

const ZWJ = '\u200d';
const comment = (r: Report) => renderChangeNote(r, { target: 'comment', marker: '<!-- promptgate:sticky -->' });
/** The note's text between a heading/label and the next section. */
function section(note: string, start: string): string {
  const from = note.indexOf(start);
  expect(from, `"${start}" in the note`).toBeGreaterThanOrEqual(0);
  const rest = note.slice(from + start.length);
  const next = rest.search(/\n(\*\*(Tradeoffs|Gate|Flipped|By tag|Run)|<details><summary>(Tradeoffs|By tag|Flipped)|###? )/);
  return next < 0 ? rest : rest.slice(0, next);
}

const inconclusive = (over: Partial<SuiteReport['pass_rate']> = {}) =>
  makeSuite({
    verdict: 'inconclusive',
    pass_rate: { baseline: 0.52, candidate: 0.48, delta: -0.04, ci: [-0.14, 0.06], p_value: 0.43, method: 'paired t', cases_needed: 480, ...over },
    rules: [{ rule: 'pass_rate', verdict: 'inconclusive', detail: 'Pass rate 52% → 48% (-4 points, 95% CI -14 to +6): rules out a drop of more than 14 points.' }],
  });

describe('headline', () => {
  it('is the line a person would say, with the numbers of docs/contract.md §10', () => {
    expect(headline(makeSuite(), 0.95)).toBe('Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); p95 latency +180 ms; cost +27%');
  });

  it('shows a decimal where whole points would not add up or would hide the side of zero', () => {
    // 48.6% → 88.2% rounds to 49% → 88%, which reads as +39, not the +40 the delta rounds to.
    const s = makeSuite({ pass_rate: { baseline: 0.486, candidate: 0.882, delta: 0.396, ci: [0.284, 0.502], p_value: 0.0001 } });
    expect(headline(s, 0.95)).toMatch(/^Pass rate 48\.6% → 88\.2% \(\+39\.6 points, 95% CI \+28\.4 to \+50\.2,/);
    const nearZero = makeSuite({ pass_rate: { baseline: 0.8, candidate: 0.84, delta: 0.04, ci: [-0.003, 0.083], p_value: 0.06 } });
    expect(headline(nearZero, 0.95)).toContain('95% CI -0.3 to +8.3');
  });

  it('says "within noise" when the interval includes zero, and uses the configured confidence', () => {
    expect(headline(inconclusive(), 0.9)).toMatch(/^Pass rate 52% → 48% \(-4 points, 90% CI -14 to \+6, 120 cases × 3, within noise\);/);
    expect(headline(makeSuite(), 0.95)).not.toContain('within noise');
  });

  it('gives an added prompt its absolute pass rate with an interval and no delta', () => {
    const s = makeSuite({
      change: 'added',
      pass_rate: { baseline: null, candidate: 0.9, delta: null, ci: null, p_value: null, candidate_ci: [0.8, 0.96] },
      latency_ms: { baseline: null, candidate: { p50: 1, p95: 2 }, p95_ratio: null, p95_ratio_ci: null },
      cost_usd: { baseline_per_case: null, candidate_per_case: 0.001, ratio: null, ratio_ci: null },
    });
    expect(headline(s, 0.95)).toBe('Pass rate 90% (95% CI 80% to 96%, 120 cases × 3; new prompt, no baseline)');
    expect(headline({ ...s, change: 'cases_only' }, 0.95)).toContain('cases changed, no delta');
  });

  it('counts failed calls, and is the message for a suite that has no results', () => {
    expect(headline(makeSuite({ errors: { baseline: 2, candidate: 5 } }), 0.95)).toMatch(/; 7 failed calls$/);
    const skipped = makeSuite({ verdict: 'skipped', message: 'Prompt deleted: nothing to compare.', pass_rate: { baseline: null, candidate: null, delta: null, ci: null, p_value: null } });
    expect(headline(skipped, 0.95)).toBe('Prompt deleted: nothing to compare.');
  });
});

describe('checkTitle', () => {
  it('is the verdict and the pass rates in at most 100 characters', () => {
    expect(checkTitle(makeReport())).toBe('Pass: support-triage — 82% → 93% (+11 points)');
    const long = makeReport([makeSuite({ name: 'x'.repeat(300), verdict: 'fail' })], { verdict: 'fail' });
    const title = checkTitle(long);
    expect(title.length).toBeLessThanOrEqual(100);
    expect(title).toMatch(/^Fail: x+… — 82% → 93% \(\+11 points\)$/);
  });

  it('counts suites by verdict, worst first, and says when nothing changed', () => {
    const r = makeReport([makeSuite({ name: 'a' }), makeSuite({ name: 'b', verdict: 'fail' }), makeSuite({ name: 'c' })], { verdict: 'fail' });
    expect(checkTitle(r)).toBe('Fail: 3 suites (1 fail, 2 pass)');
    expect(checkTitle(makeReport([], { verdict: 'skipped' }))).toBe('No prompt changes');
    expect(checkTitle(makeReport([inconclusive()], { verdict: 'inconclusive' }))).toBe('Inconclusive (pass rate): support-triage — 52% → 48% (-4 points, within noise)');
  });
});

describe('the change note', () => {
  it('opens with the marker, the verdict and one headline per suite', () => {
    const note = comment(makeReport([makeSuite(), makeSuite({ name: 'summaries', verdict: 'fail' })], { verdict: 'fail' }));
    const lines = note.split('\n');
    expect(lines[0]).toBe('<!-- promptgate:sticky -->');
    expect(lines[2]).toBe('## ❌ promptgate: fail');
    expect(note).toContain('- ✅ **support-triage** (pass) — Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); p95 latency +180 ms; cost +27%');
    expect(note).toContain('- ❌ **summaries** (fail) — Pass rate');
    expect(note).toContain('### ❌ summaries — fail');
    expect(markdownProblems(note)).toEqual([]);
  });

  it('keeps the sections in the order of the contract', () => {
    const s = makeSuite({
      cases: [makeCase('T-1', [3, 3], [0, 3])],
      by_tag: [{ tag: 'billing', n_cases: 1, baseline: 1, candidate: 0, delta: -1, ci: null }],
      change_detail: { diff: '--- a\n+++ b\n-x\n+y', lines_added: 1, lines_removed: 1 },
    });
    const note = comment(makeReport([s], { notes: ['Holm note.'], context: { title: 'Shorter labels', goal: 'Stop free-form answers.', rollout: '10% behind a flag.' } }));
    const order = ['### Goal', '**Change**', '**Eval result**', 'Tradeoffs', 'By tag', 'Flipped cases', '**Gate**', 'Holm note.', '### Rollout', '**Run**'];
    const at = order.map((x) => note.indexOf(x));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('puts a visible warning at the top of a partial report', () => {
    const note = comment(makeReport([makeSuite()], { partial: true }));
    const warning = note.indexOf('> [!WARNING]\n> **Partial results**');
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(note.indexOf('- ✅ **support-triage**'));
    expect(comment(makeReport())).not.toContain('Partial');
    // Outside GitHub's comments and summaries the alert syntax would show as text.
    expect(renderChangeNote(makeReport([makeSuite()], { partial: true }), { target: 'check' })).toContain('> **Warning — partial results**');
  });

  describe('Eval result', () => {
    it('gives before → after, the delta with its interval and n, the p-value and the method', () => {
      const part = section(comment(makeReport()), '**Eval result**');
      expect(part).toContain('| pass rate | 82% | 93% | **+11 points** (95% CI +6.1 to +15.9) |');
      expect(part).toContain('120 cases × 3 samples per variant, paired by case; p = 0.0001 against "no difference"; method: paired t on per-case differences.');
      expect(part).toContain('The interval excludes 0: the improvement is unlikely to be chance.');
      expect(part).not.toContain('Within noise');
    });

    it('says plainly that a difference is within noise when the interval includes 0, and how many cases would settle it', () => {
      const part = section(comment(makeReport([inconclusive()], { verdict: 'inconclusive' })), '**Eval result**');
      expect(part).toContain('**Within noise**: the interval (-14 to +6 points) includes 0 — a no-op change shows differences this large by chance.');
      expect(part).toContain('**Inconclusive — pass rate**: about 480 cases (this run: 120) would make the interval narrow enough to settle it (see Gate).');
      expect(part).not.toContain('excludes 0');
    });

    it('an interval that touches 0 is still within noise', () => {
      const part = section(comment(makeReport([inconclusive({ ci: [0, 0.08], delta: 0.04, candidate: 0.56, cases_needed: null })])), '**Eval result**');
      expect(part).toContain('**Within noise**');
      expect(part).toContain('**Inconclusive — pass rate**: the interval is too wide to settle it');
    });

    it('for an added prompt: the absolute pass rate with its interval, no delta', () => {
      const s = makeSuite({ change: 'added', pass_rate: { baseline: null, candidate: 0.9, delta: null, ci: null, p_value: null, candidate_ci: [0.8, 0.96] }, cases: [makeCase('T-1', null, [3, 3])] });
      const part = section(comment(makeReport([s])), '**Eval result**');
      expect(part).toContain('Pass rate **90%** (95% CI 80% to 96%) over 120 cases × 3 samples — a new prompt has no baseline to compare with.');
      expect(part).not.toMatch(/points|Within noise/);
      expect(comment(makeReport([s]))).not.toContain('Flipped cases');
    });

    it('counts failed calls; an errored suite says its message before anything else', () => {
      const s = makeSuite({ verdict: 'error', errors: { baseline: 3, candidate: 40 }, message: 'Calls failed: 503 <upstream> @oncall' });
      const note = comment(makeReport([s], { verdict: 'error' }));
      expect(section(note, '**Eval result**')).toContain('Failed calls after retries (left out of every number): before 3, after 40.');
      const error = `**Error**: Calls failed: 503 &lt;upstream&gt; @${ZWJ}oncall`;
      // Under the title, and again at the top of the suite's section, before its Change and Eval result.
      expect(note.split('\n')[4]).toBe(error);
      expect(note).toContain(`### 🛑 support-triage — error\n\n${error}\n\n**Change**`);
    });
  });

  it('Goal: the PR title (linked) and goal; omitted when there is none', () => {
    const note = comment(makeReport([makeSuite()], { context: { title: 'Shorter labels', goal: 'Stop free-form answers.', url: 'https://github.com/acme/bot/pull/7' } }));
    expect(note).toContain('### Goal\n\n[**Shorter labels**](https://github.com/acme/bot/pull/7) — Stop free-form answers.');
    expect(comment(makeReport())).not.toContain('### Goal');
    const odd = comment(makeReport([makeSuite()], { context: { title: 'T', goal: null, url: 'javascript:alert(1)' } }));
    expect(odd).toContain('### Goal\n\n**T**');
    expect(odd).not.toContain('javascript');
  });

  it('Change: the file, the kind of change, +/- lines, settings and the diff collapsed without its preamble', () => {
    const diff =
      'Index: prompts/triage.prompt.yml\n===================================================================\n--- prompts/triage.prompt.yml\n+++ prompts/triage.prompt.yml\n@@ -1,1 +1,1 @@\n-Classify the ticket.\n+Reply with one label.\n';
    const s = makeSuite({ change_detail: { diff, lines_added: 1, lines_removed: 1, settings: ['model: gpt-4o-mini → gpt-4o', 'temperature: 0.7 → 0.2'] } });
    const note = comment(makeReport([s]));
    expect(note).toContain('**Change**: `prompts/triage.prompt.yml` modified, +1 -1 lines. Settings changed: `model: gpt-4o-mini → gpt-4o`, `temperature: 0.7 → 0.2`.');
    expect(note).toContain(
      '<details><summary>Diff (5 lines)</summary>\n\n```diff\n--- prompts/triage.prompt.yml\n+++ prompts/triage.prompt.yml\n@@ -1,1 +1,1 @@\n-Classify the ticket.\n+Reply with one label.\n```\n\n</details>',
    );
    const renamed = comment(makeReport([makeSuite({ change: 'renamed', change_detail: { previous_path: 'prompts/old.txt' } })]));
    expect(renamed).toContain('**Change**: `prompts/triage.prompt.yml` renamed from `prompts/old.txt`.');
  });

  it('Tradeoffs: latency percentiles, cost per case and per passing sample, tokens per call (tokens ÷ runs), retries', () => {
    const note = comment(makeReport([makeSuite({ calls: { total: 720, cached: 0, failed: 0, retried: 9 } })]));
    const part = section(note, '<details><summary>Tradeoffs: p95 latency +180 ms, cost per case +27%</summary>');
    expect(part).toContain('| latency p50 | 812 ms | 990 ms | +178 ms |');
    expect(part).toContain('| latency p95 | 1400 ms | 1580 ms | +180 ms (+12.9%, 95% CI -2% to +27%) |');
    expect(part).toContain('| latency p99 | 1900 ms | 2100 ms | +200 ms |');
    expect(part).toContain('| cost per case | $0.00041 | $0.00052 | +27%, 95% CI +20% to +33% |');
    expect(part).toContain('| cost per passing sample | $0.0005 | $0.00056 | +12% |');
    // 36,000 input tokens over 120 cases × 3 runs = 100 per call; 48,000 → 133.
    expect(part).toContain('| input tokens per call | 100 | 133 | +33.3% |');
    expect(part).toContain('| output tokens per call | 25 | 26 | +4% |');
    expect(part).toContain('| retries | | | 9 retries over 720 samples (1.3%) |');
  });

  it('By tag: worst first, bold where the interval excludes 0, collapsed when there are many', () => {
    const tag = (t: string, delta: number, ci: [number, number] | null) => ({ tag: t, n_cases: 10, baseline: 0.8, candidate: 0.8 + delta, delta, ci });
    const few = comment(makeReport([makeSuite({ by_tag: [tag('billing', 0.05, [-0.02, 0.12]), tag('refunds', -0.2, [-0.3, -0.1])] })]));
    const part = section(few, '**By tag (2 tags)**');
    expect(part.indexOf('| refunds |')).toBeLessThan(part.indexOf('| billing |'));
    expect(part).toContain('| refunds | 10 | 80% | 60% | **-20 points** (-30 to -10) |');
    expect(part).toContain('| billing | 10 | 80% | 85% | +5 points (-2 to +12) |');
    const many = comment(makeReport([makeSuite({ by_tag: Array.from({ length: 8 }, (_, i) => tag(`t${i}`, i / 100, null)) })]));
    expect(many).toContain('<details><summary>By tag (8 tags)</summary>');
  });

  describe('Flipped cases', () => {
    it('lists the worst regressions and the best fixes first, with passed/runs before → after', () => {
      const s = makeSuite({
        cases: [makeCase('small-drop', [3, 3], [2, 3]), makeCase('big-drop', [3, 3], [0, 3]), makeCase('same', [2, 3], [2, 3]), makeCase('fix', [0, 3], [3, 3]), makeCase('half-fix', [1, 3], [2, 3])],
      });
      const note = comment(makeReport([s]));
      // half-fix passed 1 of its 3 baseline samples: flaky at base, so its flip is listed apart, after the fixes.
      expect(note).toContain('<details><summary>Flipped cases: 2 regressions, 1 fix; 1 flip of cases flaky at base</summary>');
      expect(note).toContain('| big-drop |  | 3/3 → 0/3 |');
      expect(note.indexOf('| big-drop |')).toBeLessThan(note.indexOf('| small-drop |'));
      expect(note.indexOf('| fix |')).toBeLessThan(note.indexOf('**Flips of cases flaky at base'));
      expect(note.indexOf('**Flips of cases flaky at base')).toBeLessThan(note.indexOf('| half-fix |'));
      expect(note.indexOf('| small-drop |')).toBeLessThan(note.indexOf('| fix |'));
      expect(note).not.toContain('| same |');
    });

    it('orders ties by id as people count (T-2 before T-10) and compares rates, not counts', () => {
      const s = makeSuite({ cases: [makeCase('T-10', [3, 3], [0, 3]), makeCase('T-2', [3, 3], [0, 3]), makeCase('T-5', [6, 6], [3, 6]), makeCase('T-1', [2, 2], [0, 2])] });
      const note = comment(makeReport([s]));
      const order = ['| T-1 |', '| T-2 |', '| T-10 |', '| T-5 |'].map((x) => note.indexOf(x));
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    it("shows the failure that explains each: the candidate's for a regression, the baseline's for a fix", () => {
      const s = makeSuite({
        cases: [
          makeCase('R', [3, 3], [0, 3], { reasons: { baseline: null, candidate: 'equals: expected "billing", got "other"' } }),
          makeCase('F', [0, 3], [3, 3], { reasons: { baseline: 'equals: expected "bug", got "Bug report"', candidate: null } }),
        ],
      });
      const note = comment(makeReport([s]));
      expect(note).toContain('| R |  | 3/3 → 0/3 | equals: expected "billing", got "other" |');
      expect(note).toContain('| F |  | 0/3 → 3/3 | equals: expected "bug", got "Bug report" |');
    });

    it('collapses the outputs, and says how many more cases the JSON report has', () => {
      const cases = Array.from({ length: 47 }, (_, i) => makeCase(`C${i + 1}`, [3, 3], [0, 3], { outputs: { baseline: 'billing', candidate: `other ${i + 1}` } }));
      const note = comment(makeReport([makeSuite({ cases })]));
      expect(note).toContain('_… 37 more regressions in the JSON report._');
      expect(note).toContain('| C10 |');
      expect(note).not.toContain('| C11 |');
      expect(note).toContain('<details><summary>Outputs of these regressions</summary>\n\n**C1**\n\nBefore (3/3 passed):\n\n```\nbilling\n```\n\nAfter (0/3 passed):\n\n```\nother 1\n```');
      expect(markdownProblems(note)).toEqual([]);
    });

    it('says so when no case flipped', () => {
      expect(comment(makeReport())).toContain('**Flipped cases**: none — every case kept its pass rate.');
    });
  });

  it('Gate: every rule with its outcome and detail, then the review notes (Holm)', () => {
    const s = makeSuite({
      verdict: 'fail',
      rules: [
        { rule: 'pass_rate', verdict: 'pass', detail: 'rules out any drop' },
        { rule: 'latency_p95', verdict: 'fail', detail: 'p95 latency 1400 ms → 2100 ms: confidently more than 25% slower' },
        { rule: 'cost', verdict: 'inconclusive', detail: 'cost | more' },
      ],
    });
    const note = comment(makeReport([s], { verdict: 'fail', notes: ['3 gated comparisons; Holm-adjusted at 95%.'] }));
    expect(note).toContain(
      '**Gate**\n\n| rule | outcome | detail |\n|---|---|---|\n| pass\\_rate | ✅ pass | rules out any drop |\n| latency\\_p95 | ❌ fail | p95 latency 1400 ms → 2100 ms: confidently more than 25% slower |\n| cost | ⚠️ inconclusive | cost \\| more |',
    );
    expect(note).toContain('> 3 gated comparisons; Holm-adjusted at 95%.');
  });

  it('Rollout and Run: the rollout line, models, repeats, calls, cache hits, failures, retries, cost and duration', () => {
    const s = makeSuite({ change_detail: { model: { baseline: 'gpt-4o-mini', candidate: 'gpt-4o' } } });
    const note = comment(makeReport([s], { calls: { total: 720, cached: 360, failed: 2, retried: 4 }, duration_ms: 125_000, context: { rollout: '10% of tickets behind triage_v2.' } }));
    expect(note).toContain('### Rollout\n\n10% of tickets behind triage\\_v2.');
    expect(note).toContain(
      '**Run**: model `gpt-4o-mini` → `gpt-4o` · 3 repeats · 720 samples (360 from cache, 360 calls) · 2 failed · 4 retries · $0.31 spent · 2 min 5 s · base `1111111` → head `2222222`',
    );
  });

  it('gives a skipped or errored suite without results a one-liner with its message, and no section', () => {
    const empty = { baseline: null, candidate: null, delta: null, ci: null, p_value: null };
    const skipped = makeSuite({ name: 'old-prompt', verdict: 'skipped', pass_rate: empty, message: 'Prompt deleted: nothing to run.', rules: [], cases: [] });
    const errored = makeSuite({ name: 'summaries', verdict: 'error', pass_rate: empty, message: 'Refused to start: over the budget of $5.00.', rules: [], cases: [] });
    const note = comment(makeReport([makeSuite(), skipped, errored], { verdict: 'error' }));
    expect(note).toContain('- ⏭️ **old-prompt** (skipped) — Prompt deleted: nothing to run.');
    expect(note).toContain('- 🛑 **summaries** (error) — Refused to start: over the budget of $5.00.');
    expect(note).not.toContain('### ⏭️ old-prompt');
    expect(note).not.toContain('### 🛑 summaries');
  });

  it('says "no prompt changes" when no suite ran, without repeating the same note', () => {
    const note = comment(makeReport([], { verdict: 'skipped', notes: ['No prompt changes: no suite was triggered.'] }));
    expect(note.match(/No prompt changes/g)).toHaveLength(1);
    expect(note).not.toContain('**Run**');
    expect(comment(makeReport([], { verdict: 'skipped' }))).toContain('No prompt changes: no suite was triggered.');
  });

  it('in the terminal (cli) uses no HTML: sections are labelled instead of collapsed', () => {
    const s = makeSuite({ cases: [makeCase('T-1', [3, 3], [0, 3], { outputs: { baseline: 'a', candidate: 'b' } })], change_detail: { diff: '-a\n+b' } });
    const note = renderChangeNote(makeReport([s], { partial: true }), { target: 'cli' });
    expect(note).not.toMatch(/<\/?(details|summary)>/);
    expect(note).toContain('**Diff (2 lines)**');
    expect(note).toContain('**Flipped cases: 1 regression, 0 fixes**');
    expect(note).not.toContain('[!WARNING]');
    expect(markdownProblems(note)).toEqual([]);
  });
});

describe('model output and PR text in the note', () => {
  const hostile = 'ping @acme/admins and @bob <img src=x onerror=alert(1)> <script>alert(1)</script> ![i](https://evil.example/y.png) [click](https://evil.example) ``` </details> a|b\n| x | y |';

  function hostileNote(target: 'comment' | 'cli' = 'comment'): string {
    const s = makeSuite({
      name: 'triage @acme/admins',
      verdict: 'fail',
      cases: [makeCase('x|y @bob', [3, 3], [0, 3], { tags: ['<b>t</b>'], outputs: { baseline: 'ok', candidate: hostile }, reasons: { candidate: hostile } })],
      by_tag: [{ tag: hostile, n_cases: 1, baseline: 1, candidate: 0, delta: -1, ci: null }],
      rules: [{ rule: 'pass_rate', verdict: 'fail', detail: hostile }],
      message: hostile,
      change_detail: { diff: `-old\n+${hostile}`, settings: [hostile], model: { baseline: '@m', candidate: '<img src=x>' } },
    });
    const report = makeReport([s], { verdict: 'fail', notes: [hostile], context: { title: '@everyone <b>look</b>', goal: hostile, rollout: hostile } });
    return renderChangeNote(report, { target, marker: '<!-- m -->' });
  }

  it('can neither mention, nor inject HTML or images, nor link, nor break a table or a fence', () => {
    for (const target of ['comment', 'cli'] as const) {
      const note = hostileNote(target);
      expect(markdownProblems(note)).toEqual([]);
      expect(note).not.toMatch(/@(acme|bob|everyone|m\b)/);
      expect(note).not.toMatch(/<(img|script|b)\b/);
      expect(note).not.toContain('](https://evil');
      // Inside code `![i](…)` is literal text; everywhere else it must be escaped.
      expect(outsideCode(note)).not.toMatch(/(?<!\\)!\\?\[/);
      expect(outsideCode(note)).toContain('\\!\\[i\\]');
    }
  });

  it('shows the output itself to the reviewer, unchanged but for invisible joiners, in a fence it cannot close', () => {
    const note = hostileNote();
    const visible = note.replaceAll(ZWJ, '');
    expect(visible).toContain('````\n' + hostile + '\n````');
    expect(note).toContain('| x\\|y @\u200dbob | &lt;b&gt;t&lt;/b&gt; | 3/3 → 0/3 |');
  });
});
