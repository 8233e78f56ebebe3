import type { CaseResult } from './case.js';
import { caseOutputs } from './case-outputs.js';
import type { CallCounts, SampleRecord, Variant } from '../run/types.js';
import { flakyAtBase, type CaseSamples, type VariantSamples } from '../stats/index.js';
import type { PlannedSuite } from '../plan/suites.js';

const OUTPUT_CHARS = 2_000;

export interface SuiteResults {
  samples: CaseSamples[];
  cases: CaseResult[];
  tokens: { baseline: { input: number; output: number }; candidate: { input: number; output: number } };
  errors: { baseline: number; candidate: number };
  calls: CallCounts;
  /** First error message seen, for the note when a suite errored. */
  firstError?: string;
  /** Ids of the cases whose baseline samples disagree with each other, in plan order. */
  flakyAtBase: string[];
}

/**
 * Group one suite's finished samples by case and variant, in plan order. Errors are kept out of the scores (a
 * failed call says nothing about the prompt) and counted separately.
 */
export function aggregateSuite(suite: PlannedSuite, records: SampleRecord[]): SuiteResults {
  const byCase = new Map<string, SampleRecord[]>();
  for (const r of records) {
    if (r.suite !== suite.name) continue;
    const list = byCase.get(r.caseId);
    if (list) list.push(r);
    else byCase.set(r.caseId, [r]);
  }
  const tokens = { baseline: { input: 0, output: 0 }, candidate: { input: 0, output: 0 } };
  const errors = { baseline: 0, candidate: 0 };
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  let firstError: string | undefined;
  const samples: CaseSamples[] = [];
  const cases: CaseResult[] = [];
  const flakyIds: string[] = [];
  for (const c of suite.cases) {
    const recs = (byCase.get(c.id) ?? []).sort((a, b) => a.sampleIndex - b.sampleIndex);
    const pick = (
      variant: Variant,
      ran: boolean,
    ): { v: VariantSamples | null; firstPass: string | null; firstFail: string | null; reason: string | null; passed: number; runs: number; errs: number } => {
      if (!ran) return { v: null, firstPass: null, firstFail: null, reason: null, passed: 0, runs: 0, errs: 0 };
      // fresh and sampleIndex let the latency comparison keep only pairs measured side by side in this run.
      const v: VariantSamples = { scores: [], latenciesMs: [], costUsd: [], errors: 0, fresh: [], sampleIndex: [] };
      let firstPass: string | null = null;
      let firstFail: string | null = null;
      let reason: string | null = null;
      let passed = 0;
      for (const r of recs) {
        if (r.variant !== variant) continue;
        calls.total++;
        if (r.cached) calls.cached++;
        calls.retried += r.retries;
        if (!r.ok) {
          v.errors++;
          calls.failed++;
          errors[variant]++;
          firstError ??= r.error;
          continue;
        }
        // The pass rate is the share of samples that pass every assertion; partial assertion scores stay in the
        // sample's grade and do not count as partial passes.
        v.scores.push(r.passed ? 1 : 0);
        v.latenciesMs.push(r.output.latencyMs);
        v.costUsd.push(r.costUsd);
        v.fresh!.push(!r.cached);
        v.sampleIndex!.push(r.sampleIndex);
        tokens[variant].input += r.output.usage.input;
        tokens[variant].output += r.output.usage.output;
        const text = r.output.text.length > OUTPUT_CHARS ? r.output.text.slice(0, OUTPUT_CHARS) + '…' : r.output.text;
        if (r.passed) {
          passed++;
          firstPass ??= text;
        } else {
          firstFail ??= text;
          reason ??= r.reason ?? null;
        }
      }
      return { v, firstPass, firstFail, reason, passed, runs: v.scores.length, errs: v.errors };
    };
    const b = pick('baseline', suite.baseline !== null);
    const k = pick('candidate', suite.candidate !== null);
    samples.push({ id: c.id, tags: c.tags, baseline: b.v, candidate: k.v });
    const flaky = b.v !== null && flakyAtBase({ passed: b.passed, runs: b.runs });
    if (flaky) flakyIds.push(c.id);
    cases.push({
      id: c.id,
      tags: c.tags,
      baseline: b.v ? { passed: b.passed, runs: b.runs, ...(b.errs ? { errors: b.errs } : {}) } : null,
      candidate: k.v ? { passed: k.passed, runs: k.runs, ...(k.errs ? { errors: k.errs } : {}) } : null,
      // The sample that shows the flip: for a regression the candidate's failing one, for a fix its passing one.
      ...caseOutputs(b.v ? b : null, k.v ? k : null),
      reasons: { baseline: b.reason, candidate: k.reason },
      ...(flaky ? { flaky_at_base: true } : {}),
    });
  }
  return { samples, cases, tokens, errors, calls, firstError, flakyAtBase: flakyIds };
}
