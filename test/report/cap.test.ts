import { describe, expect, it } from 'vitest';
import { renderChangeNote } from '../../src/report/index.js';
import type { Report, SuiteReport } from '../../src/report/schema.js';
import { makeCase, makeReport, makeSuite, markdownProblems } from './make-report.js';

/**
 * GitHub refuses a comment over 65,536 characters and a check-run summary over 65,535. The note gives up detail
 * in a fixed order — diff, outputs, by-tag rows, flipped cases — says what it left out, and never the headline or
 * the gate.
 */

const COMMENT_LIMIT = 65_536;
const MARKER = '<!-- promptgate:sticky -->';
const HEADLINE = '- ❌ **support-triage** (fail: p95 latency) — Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 5,000 cases × 3); p95 latency +180 ms; cost +27%';
const GATE = '**Gate**\n\n| rule | outcome | detail |';

/** A model output of 200,000 characters with everything hostile in it; one string shared by every case. */
const HUGE_OUTPUT = ('``` </details> <img src=x> @acme/admins | ' + 'x'.repeat(1_000) + '\n').repeat(190);

const HUGE_DIFF = Array.from({ length: 30_000 }, (_, i) => `${i % 2 ? '+' : '-'}line ${i} of a long prompt`).join('\n');

function bigSuite(over: Partial<SuiteReport> = {}): SuiteReport {
  const cases = Array.from({ length: 5_000 }, (_, i) =>
    makeCase(`case-${i}`, i % 3 === 0 ? [3, 3] : [0, 3], i % 3 === 0 ? [i % 2, 3] : [3, 3], {
      tags: [`t${i % 300}`],
      outputs: { baseline: HUGE_OUTPUT, candidate: HUGE_OUTPUT },
      reasons: { baseline: HUGE_OUTPUT, candidate: HUGE_OUTPUT },
    }),
  );
  const by_tag = Array.from({ length: 300 }, (_, i) => ({
    tag: `t${i} ${'long tag '.repeat(20)}`,
    n_cases: 17,
    baseline: 0.6,
    candidate: 0.7,
    delta: 0.1 - i / 1000,
    ci: [-0.1, 0.3] as [number, number],
  }));
  return makeSuite({
    verdict: 'fail',
    n_cases: 5_000,
    cases,
    by_tag,
    change_detail: { diff: HUGE_DIFF, lines_added: 15_000, lines_removed: 15_000 },
    rules: [
      { rule: 'pass_rate', verdict: 'pass', detail: 'Pass rate 82% → 93%: rules out any drop.' },
      { rule: 'latency_p95', verdict: 'fail', detail: 'p95 latency confidently more than 25% slower.' },
    ],
    ...over,
  });
}

function bigReport(over: Partial<Report> = {}): Report {
  return makeReport([bigSuite()], { verdict: 'fail', context: { title: 'Rewrite', goal: 'g'.repeat(100_000), rollout: 'r'.repeat(50_000) }, ...over });
}

describe('the size cap', () => {
  it('fits 5,000 cases with huge outputs under each limit, sound, with the headline and the gate', () => {
    const report = bigReport();
    const uncapped = renderChangeNote(report, { target: 'comment', marker: MARKER });
    for (const maxChars of [COMMENT_LIMIT, 65_535, 30_000, 12_000]) {
      const note = renderChangeNote(report, { target: 'comment', marker: MARKER, maxChars });
      expect(note.length, `maxChars ${maxChars}`).toBeLessThanOrEqual(maxChars);
      expect(note.length, 'the note uses the room it has').toBeGreaterThan(maxChars / 3);
      expect(note.startsWith(MARKER + '\n')).toBe(true);
      expect(note).toContain(HEADLINE);
      expect(note).toContain(GATE);
      expect(note).toContain('| latency\\_p95 | ❌ fail | p95 latency confidently more than 25% slower. |');
      expect(note).toMatch(/_Shortened to fit the [\d,]+-character limit \(left out: [^)]+\); the JSON report has all of it\._/);
      expect(markdownProblems(note)).toEqual([]);
    }
    // Even uncapped the note stays bounded: outputs, diff and free text are clipped, lists cut at 10.
    expect(uncapped.length).toBeLessThan(200_000);
    expect(markdownProblems(uncapped)).toEqual([]);
  });

  it('renders the 5,000-case note quickly', () => {
    const report = bigReport();
    const start = performance.now();
    renderChangeNote(report, { target: 'comment', maxChars: 10_000 });
    expect(performance.now() - start).toBeLessThan(2_000);
  });

  it('cuts the diff first: with room for all but the diff, the outputs and every tag row stay', () => {
    const diff = Array.from({ length: 5_000 }, (_, i) => `+line ${i}`).join('\n');
    const s = makeSuite({
      cases: [makeCase('T-1', [3, 3], [0, 3], { outputs: { baseline: 'billing', candidate: 'other' } })],
      by_tag: Array.from({ length: 20 }, (_, i) => ({ tag: `tag${i}`, n_cases: 6, baseline: 0.5, candidate: 0.6, delta: 0.1, ci: null })),
      change_detail: { diff, lines_added: 5_000, lines_removed: 0 },
    });
    const report = makeReport([s]);
    const full = renderChangeNote(report, { target: 'comment' });
    expect(full).toContain('+line 1000\n');

    const trimmed = renderChangeNote(report, { target: 'comment', maxChars: full.length - 1_000 });
    expect(trimmed).toContain('+line 10\n');
    expect(trimmed).toMatch(/_… [\d,]+ more lines in the JSON report\._/);
    expect(trimmed).toContain('(left out: part of the diff)');
    expect(trimmed).toContain('```\nother\n```');
    expect(trimmed).toContain('| tag19 |');

    const noDiff = renderChangeNote(report, { target: 'comment', maxChars: 5_000 });
    expect(noDiff.length).toBeLessThanOrEqual(5_000);
    expect(noDiff).toContain('_The diff (5,000 lines) was left out to fit the size limit; it is in the JSON report._');
    expect(noDiff).toContain('```\nother\n```');
    expect(noDiff).toContain('| tag19 |');
    expect(noDiff).toContain('(left out: the diff)');
  });

  it('gives detail up in the fixed order — diff, outputs, tag rows, flipped cases — as the limit shrinks', () => {
    const output = 'o'.repeat(1_000);
    const s = makeSuite({
      cases: Array.from({ length: 30 }, (_, i) => makeCase(`C${i + 1}`, [3, 3], [0, 3], { outputs: { baseline: output, candidate: output } })),
      by_tag: Array.from({ length: 40 }, (_, i) => ({ tag: `tag${i} ${'x'.repeat(50)}`, n_cases: 6, baseline: 0.5, candidate: 0.6, delta: i / 100, ci: null })),
      change_detail: { diff: Array.from({ length: 2_000 }, (_, i) => `+line ${i}`).join('\n') },
    });
    const report = makeReport([s]);
    const full = renderChangeNote(report, { target: 'comment' });
    /** How far each kind of detail has been given up: 0 whole, 1 shortened, 2 gone. */
    const stages = (note: string) => {
      // Without a suite body nothing of it is shown: every kind of detail is gone.
      if (!note.includes('**Eval result**')) return { diff: 2, outputs: 2, tags: 2, flipped: 2, tradeoffs: 2, body: 2 };
      return {
        diff: note.includes('The diff (2,000 lines) was left out') ? 2 : note.includes('more lines in the JSON report') ? 1 : 0,
        outputs: note.includes('_Outputs were left out') || !note.includes('| C1 |') ? 2 : note.includes(output) ? 0 : 1,
        tags: note.includes('**By tag (40 tags)**: left out') ? 2 : note.includes('more tags in the JSON report') ? 1 : 0,
        flipped: note.includes('Flipped cases: 30 regressions, 0 fixes** — listed in the JSON report') ? 2 : note.includes('| C10 |') ? 0 : 1,
        tradeoffs: note.includes('Tradeoffs') ? 0 : 2,
        body: 0,
      };
    };
    const order = ['diff', 'outputs', 'tags', 'flipped', 'tradeoffs', 'body'] as const;
    const seen = new Set<string>();
    let previous = -1;
    for (let maxChars = full.length; maxChars > 800; maxChars -= 150) {
      const note = renderChangeNote(report, { target: 'comment', maxChars });
      expect(note.length).toBeLessThanOrEqual(maxChars);
      expect(markdownProblems(note)).toEqual([]);
      expect(note).toContain(GATE);
      const st = stages(note);
      // A kind of detail is touched only once every kind before it is gone.
      order.forEach((kind, i) => {
        if (st[kind] > 0) for (const earlier of order.slice(0, i)) expect(st[earlier], `${kind} cut before ${earlier} at ${maxChars}`).toBe(2);
        seen.add(`${kind}:${st[kind]}`);
      });
      // And less room never brings detail back.
      const progress = order.reduce((sum, kind) => sum + st[kind], 0);
      expect(progress).toBeGreaterThanOrEqual(previous);
      previous = progress;
    }
    for (const step of ['diff:1', 'diff:2', 'outputs:1', 'outputs:2', 'tags:1', 'tags:2', 'flipped:1', 'flipped:2', 'tradeoffs:2', 'body:2']) expect(seen, step).toContain(step);
  });

  it('says how many of each list it left out', () => {
    const s = makeSuite({
      cases: Array.from({ length: 30 }, (_, i) => makeCase(`C${i + 1}`, [3, 3], [0, 3], { outputs: { baseline: 'b'.repeat(900), candidate: 'c'.repeat(900) } })),
      by_tag: Array.from({ length: 40 }, (_, i) => ({ tag: `tag${i}`, n_cases: 6, baseline: 0.5, candidate: 0.6, delta: i / 100, ci: null })),
    });
    const report = makeReport([s]);
    const notes = Array.from({ length: 100 }, (_, i) => renderChangeNote(report, { target: 'comment', maxChars: 6_000 - i * 50 }));
    const fewTags = notes.find((n) => n.includes('more tags in the JSON report'));
    expect(fewTags).toContain('_… 30 more tags in the JSON report._');
    expect(fewTags).toContain('| tag0 |');
    expect(fewTags).not.toContain('| tag10 |');
    const fewFlips = notes.find((n) => n.includes('| C5 |') && !n.includes('| C6 |'));
    expect(fewFlips).toContain('_… 25 more regressions in the JSON report._');
  });

  it('with hundreds of suites keeps one line per suite, failing suites first, and counts the rest', () => {
    const suites = Array.from({ length: 600 }, (_, i) => bigSuite({ name: `suite-${i}`, verdict: i % 100 === 42 ? 'fail' : 'pass', cases: [], by_tag: [] }));
    const report = makeReport(suites, { verdict: 'fail' });
    const note = renderChangeNote(report, { target: 'check', maxChars: 65_535 });
    expect(note.length).toBeLessThanOrEqual(65_535);
    expect(markdownProblems(note)).toEqual([]);
    for (const failing of [42, 142, 242, 342, 442, 542]) expect(note).toContain(`**suite-${failing}** (fail: p95 latency) — Pass rate 82% → 93%`);
    expect(note).toContain('✅ pass\\_rate, ❌ latency\\_p95');
    expect(note).toMatch(/- … [\d,]+ more suites in the JSON report/);
    expect(note).toContain('one line per suite; the JSON report has the details');
  });

  it('respects even a limit smaller than a useful note, without a broken line', () => {
    const note = renderChangeNote(bigReport(), { target: 'comment', marker: MARKER, maxChars: 300 });
    expect(note.length).toBeLessThanOrEqual(300);
    expect(note.startsWith(MARKER)).toBe(true);
    expect(markdownProblems(note)).toEqual([]);
  });

  it('leaves a note that fits alone', () => {
    const report = makeReport();
    const note = renderChangeNote(report, { target: 'comment', maxChars: COMMENT_LIMIT });
    expect(note).toBe(renderChangeNote(report, { target: 'comment' }));
    expect(note).not.toContain('Shortened');
  });
});
