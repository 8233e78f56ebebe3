import type { CaseResult } from './case.js';

/** What the results stage knows of one variant of one case: its counts and the first passing and failing output. */
export interface VariantOutputs {
  passed: number;
  runs: number;
  /** The first passing sample's output (truncated), null when none passed. */
  firstPass: string | null;
  /** The first failing sample's output (truncated), null when none failed. */
  firstFail: string | null;
}

type Shown = { text: string | null; passed: boolean | null };

function pick(v: VariantOutputs | null, want: 'pass' | 'fail' | 'typical'): Shown {
  if (!v) return { text: null, passed: null };
  const pass: Shown | null = v.firstPass !== null ? { text: v.firstPass, passed: true } : null;
  const fail: Shown | null = v.firstFail !== null ? { text: v.firstFail, passed: false } : null;
  // The variant's typical behaviour: a failing sample when most samples failed, a passing one otherwise.
  const failFirst = want === 'fail' || (want === 'typical' && v.passed * 2 < v.runs);
  return (failFirst ? (fail ?? pass) : (pass ?? fail)) ?? { text: null, passed: null };
}

const rateOf = (v: VariantOutputs | null) => (v && v.runs > 0 ? v.passed / v.runs : null);

/**
 * The output shown per variant for a case, and whether that sample passed (see docs/change-note.md): the note shows
 * what a flip looks like, so for a case whose pass rate dropped (a regression) it is a passing baseline sample and a
 * failing candidate sample; for one whose pass rate rose (a fix), a failing baseline sample and a passing candidate
 * sample; for any other case, each variant's typical sample. Where a variant has no sample of the wanted kind, its
 * other kind is shown, and `output_passed` says which it is.
 */
export function caseOutputs(baseline: VariantOutputs | null, candidate: VariantOutputs | null): Required<Pick<CaseResult, 'outputs' | 'output_passed'>> {
  const b = rateOf(baseline);
  const k = rateOf(candidate);
  const direction = b !== null && k !== null ? Math.sign(k - b) : 0;
  const shownBaseline = pick(baseline, direction < 0 ? 'pass' : direction > 0 ? 'fail' : 'typical');
  const shownCandidate = pick(candidate, direction < 0 ? 'fail' : direction > 0 ? 'pass' : 'typical');
  return {
    outputs: { baseline: shownBaseline.text, candidate: shownCandidate.text },
    output_passed: { baseline: shownBaseline.passed, candidate: shownCandidate.passed },
  };
}
