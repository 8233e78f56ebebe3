import { describe, expect, it } from 'vitest';
import { checkTitle, headline, renderChangeNote } from '../../src/report/index.js';
import { ReportSchema, type Report, type SuiteReport } from '../../src/report/schema.js';
import { makeCase, makeReport, makeSuite, markdownProblems } from './make-report.js';

/** Holdout cases, cases flaky at base and the sampling line, as the note shows them. */

const comment = (r: Report) => renderChangeNote(r, { target: 'comment' });

/** Distinctive strings only a holdout case's output, expected value or failure reason contains. */
const HOLDOUT_OUTPUT = 'ZEBRA-OUTPUT-7f3q';
const HOLDOUT_EXPECTED = 'QUOKKA-EXPECTED-2m9x';

/** 100 ordinary cases and 20 holdout cases; some of each flip, one holdout case also flaky at base. */
function holdoutSuite(over: Partial<SuiteReport> = {}): SuiteReport {
  const rest = Array.from({ length: 100 }, (_, i) =>
    makeCase(`T-${i + 1}`, [3, 3], i < 2 ? [0, 3] : [3, 3], { outputs: { baseline: `ordinary before ${i + 1}`, candidate: `ordinary after ${i + 1}` } }),
  );
  const holdout = Array.from({ length: 20 }, (_, i) =>
    makeCase(`H-${i + 1}`, i === 2 ? [1, 3] : [3, 3], i < 3 ? [0, 3] : [3, 3], {
      tags: ['holdout', 'billing'],
      outputs: { baseline: `${HOLDOUT_OUTPUT} before ${i}`, candidate: `${HOLDOUT_OUTPUT} after ${i}` },
      output_passed: { baseline: true, candidate: false },
      reasons: { baseline: null, candidate: `equals: expected "${HOLDOUT_EXPECTED}", got "${HOLDOUT_OUTPUT}"` },
      ...(i === 2 ? { flaky_at_base: true } : {}),
    }),
  );
  return makeSuite({
    verdict: 'fail',
    pass_rate: { baseline: 1, candidate: 0.98, delta: -0.02, ci: [-0.05, 0.01], p_value: 0.16, method: 'paired t' },
    holdout: { n_cases: 20, baseline: 0.9667, candidate: 0.85, delta: -0.1167, ci: [-0.22, -0.01] },
    flaky_at_base: ['H-3'],
    rules: [
      {
        rule: 'pass_rate',
        verdict: 'inconclusive',
        detail: 'Pass rate without the holdout cases 100% → 98% (-2 points, 95% CI -5 to +1, 100 cases × 3): can’t tell yet whether it dropped.',
        cases_needed: 400,
      },
      { rule: 'holdout', verdict: 'fail', detail: 'Holdout pass rate 96.7% → 85% (-11.7 points, 95% CI -22 to -1, 20 cases × 3): confidently lower (p = 0.01).' },
      { rule: 'error_rate', verdict: 'pass', detail: '0 of 720 planned calls failed after retries (0%), within the 5% limit.' },
    ],
    cases: [...rest, ...holdout],
    ...over,
  });
}

describe('holdout cases in the note', () => {
  it('have their own row in the Eval result table, beside the rest, and their own clause in the headline', () => {
    const s = holdoutSuite();
    const note = comment(makeReport([s], { verdict: 'fail' }));
    expect(note).toContain('| pass rate (100 cases, without holdout) | 100% | 98% | **-2 points** (95% CI -5 to +1) |');
    expect(note).toContain('| holdout (20 cases) | 96.7% | 85% | **-11.7 points** (95% CI -22 to -1) |');
    expect(note).toContain('100 cases × 3 samples per variant, paired by case');
    expect(headline(s, 0.95)).toBe('Pass rate 100% → 98% (-2 points, 95% CI -5 to +1, 100 cases × 3, within noise); holdout -12 points (20 cases); p95 latency +180 ms; cost +27%');
    expect(note).toContain('| holdout | ❌ fail | Holdout pass rate 96.7% → 85%');
    expect(note).toContain('**Fail — holdout pass rate**');
    // What would settle the pass-rate rule counts the cases that rule is about.
    expect(note).toContain('**Inconclusive — pass rate**: about 400 cases (this run: 100) would make');
    expect(checkTitle(makeReport([s], { verdict: 'fail' }))).toMatch(/^Fail \(holdout pass rate\): support-triage/);
    expect(markdownProblems(note)).toEqual([]);
  });

  it('never show a holdout case’s output, expected value or failure reason — in any target, at any size limit', () => {
    const report = makeReport([holdoutSuite()], { verdict: 'fail' });
    const notes: string[] = [];
    for (const target of ['comment', 'summary', 'check', 'cli'] as const) {
      notes.push(renderChangeNote(report, { target }));
      for (const maxChars of [60_000, 8_000, 4_000, 2_000, 600]) notes.push(renderChangeNote(report, { target, maxChars }));
    }
    for (const note of notes) {
      expect(note).not.toContain(HOLDOUT_OUTPUT);
      expect(note).not.toContain(HOLDOUT_EXPECTED);
    }
    // The ordinary regressions keep their outputs; the holdout flips are listed by id, their output withheld.
    const full = notes[0]!;
    expect(full).toContain('ordinary after 1');
    expect(full).toContain('<details><summary>Flipped cases: 2 regressions, 0 fixes; 3 holdout cases</summary>');
    expect(full).toContain('**Flips of holdout cases**');
    expect(full).toContain('| H-1 | holdout, billing | 3/3 → 0/3 | holdout case — output withheld |');
    // H-3 is flaky at base and holdout: it is listed with the holdout cases, never with an output.
    expect(full).toContain('| H-3 | holdout, billing | 1/3 → 0/3 | holdout case — output withheld |');
    expect(full).not.toContain('**Flips of cases flaky at base');
  });

  it('for an added prompt: the holdout cases’ absolute pass rate, beside the rest', () => {
    const s = makeSuite({
      change: 'added',
      pass_rate: { baseline: null, candidate: 0.9, delta: null, ci: null, p_value: null, candidate_ci: [0.8, 0.96] },
      holdout: { n_cases: 20, baseline: null, candidate: 0.75, delta: null, ci: null },
      cases: [],
    });
    const note = comment(makeReport([s]));
    expect(note).toContain('Pass rate **90%** (95% CI 80% to 96%) over 100 cases × 3 samples — a new prompt has no baseline to compare with.');
    expect(note).toContain('Holdout pass rate **75%** over 20 cases.');
    expect(headline(s, 0.95)).toBe('Pass rate 90% (95% CI 80% to 96%, 100 cases × 3; new prompt, no baseline); holdout 75% (20 cases); p95 latency +180 ms; cost +27%');
  });

  it('a suite without holdout cases renders exactly as before: no holdout row, no holdout words', () => {
    const note = comment(makeReport());
    expect(note).not.toMatch(/holdout/i);
    expect(note).toContain('| pass rate | 82% | 93% | **+11 points** (95% CI +6.1 to +15.9) |');
  });
});

describe('cases flaky at base in the note', () => {
  const suite = () =>
    makeSuite({
      cases: [
        makeCase('real-drop', [3, 3], [0, 3], { outputs: { baseline: 'ok', candidate: 'bad' } }),
        makeCase('noisy-drop', [2, 3], [0, 3]),
        makeCase('noisy-fix', [1, 3], [3, 3]),
        makeCase('noisy-same', [2, 3], [2, 3]),
        // One baseline sample cannot disagree with itself: a real flip.
        makeCase('one-sample', [1, 1], [0, 1]),
        ...Array.from({ length: 115 }, (_, i) => makeCase(`T-${i + 1}`, [3, 3], [3, 3])),
      ],
    });

  it('are counted and named in the Eval result, and their flips listed apart from the real ones', () => {
    const note = comment(makeReport([suite()]));
    expect(note).toContain(
      "**3 cases flaky at base** (noisy-drop, noisy-fix, noisy-same): their baseline samples disagree with each other, so a flip of theirs may be the model's noise rather than the change; Flipped cases lists them apart.",
    );
    expect(note).toContain('<details><summary>Flipped cases: 2 regressions, 0 fixes; 2 flips of cases flaky at base</summary>');
    const real = note.indexOf('**Regressions (worst first)**');
    const apart = note.indexOf('**Flips of cases flaky at base (their baseline samples disagree: may be noise)**');
    expect(real).toBeGreaterThan(0);
    expect(apart).toBeGreaterThan(real);
    // The real regressions come before the flaky heading, the flaky ones after it, regressions first.
    expect(note.indexOf('| real-drop |')).toBeLessThan(apart);
    expect(note.indexOf('| one-sample |')).toBeLessThan(apart);
    expect(note.indexOf('| noisy-drop |  | 2/3 → 0/3 |\n')).toBeGreaterThan(apart);
    expect(note.indexOf('| noisy-fix |')).toBeGreaterThan(note.indexOf('| noisy-drop |'));
    expect(markdownProblems(note)).toEqual([]);
  });

  it('uses the report’s flag when it has one, and the baseline counts for a report written without it', () => {
    const derived = comment(makeReport([suite()]));
    const flagged = suite();
    flagged.flaky_at_base = ['noisy-drop', 'noisy-fix', 'noisy-same'];
    for (const c of flagged.cases) if (flagged.flaky_at_base.includes(c.id)) c.flaky_at_base = true;
    expect(comment(makeReport([flagged]))).toBe(derived);
  });

  it('says nothing when no case is flaky', () => {
    expect(comment(makeReport())).not.toContain('flaky');
  });
});

describe('the sampling line', () => {
  const withSampling = (sampling: SuiteReport['sampling']) => comment(makeReport([makeSuite({ sampling })]));

  it('says when a sequential suite was decided, and how many samples were reused', () => {
    const note = withSampling({ mode: 'sequential', rounds: 3, samples_used: 240, samples_max: 600, reused: 120 });
    expect(note).toContain('Sequential sampling: decided after 240 of 600 samples (3 rounds), 120 of them reused from the cache.');
    expect(note).toContain('120 cases × up to 3 samples per variant');
    expect(withSampling({ mode: 'sequential', rounds: 5, samples_used: 600, samples_max: 600 })).toContain('Sequential sampling: all 600 samples taken (5 rounds).');
  });

  it('in fixed mode says only what is worth saying: samples reused, or why sequential sampling fell back', () => {
    expect(withSampling({ mode: 'fixed', rounds: 1, samples_used: 720, samples_max: 720, reused: 360 })).toContain('720 samples, 360 of them reused from the cache.');
    expect(withSampling({ mode: 'fixed', rounds: 1, samples_used: 720, samples_max: 720, fallback: 'a sharded run samples every case in full' })).toContain(
      'Sampled in full rather than sequentially: a sharded run samples every case in full.',
    );
    // Fixed, nothing reused: the note is the note without the field.
    expect(withSampling({ mode: 'fixed', rounds: 1, samples_used: 720, samples_max: 720, reused: 0 })).toBe(comment(makeReport()));
  });
});

describe('the JSON report', () => {
  it('holds the holdout row and the flaky ids, and rejects them malformed', () => {
    const report = makeReport([holdoutSuite()], { verdict: 'fail' });
    const back = ReportSchema.parse(JSON.parse(JSON.stringify(report)));
    expect(back.suites[0]!.holdout).toEqual({ n_cases: 20, baseline: 0.9667, candidate: 0.85, delta: -0.1167, ci: [-0.22, -0.01] });
    expect(back.suites[0]!.flaky_at_base).toEqual(['H-3']);
    expect(back.suites[0]!.cases.find((c) => c.id === 'H-3')!.flaky_at_base).toBe(true);
    const bad = (mutate: (s: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(report)) as { suites: Record<string, unknown>[] };
      mutate(copy.suites[0]!);
      return ReportSchema.safeParse(copy).success;
    };
    expect(bad((s) => (s.flaky_at_base = 'H-3'))).toBe(false);
    expect(bad((s) => (s.holdout = { n_cases: 20, baseline: 0.9 }))).toBe(false);
    expect(bad((s) => ((s.cases as Record<string, unknown>[])[0]!.flaky_at_base = 'yes'))).toBe(false);
  });
});
