import { createTwoFilesPatch, structuredPatch } from 'diff';
import type { Config } from '../config/schema.js';
import { evaluateGate, type GateSuiteInput } from '../gate/index.js';
import { plannedSamples } from '../plan/requests.js';
import { settingsChanges } from '../plan/settings.js';
import type { PlannedSuite } from '../plan/suites.js';
import { aggregateSuite } from '../results/aggregate.js';
import type { CallCounts, SampleRecord } from '../run/types.js';
import { measureSuite } from '../stats/index.js';
import type { Report, SuiteReport, Verdict } from './schema.js';

/** From finished samples to the report: aggregate per suite → statistics → gate → one Report. Pure. */

export interface BuildArgs {
  planned: PlannedSuite[];
  records: SampleRecord[];
  calls: CallCounts;
  gateConfig: Config['gate'];
  skeleton: (verdict: Verdict, suites: SuiteReport[], extra?: Partial<Report>) => Report;
  stopped?: { reason: string; message: string };
  sharded: boolean;
  /** Samples scheduled per suite when a sequential run stopped before its maximum (src/review/rounds.ts). */
  scheduled?: Map<string, number>;
  /** How each suite was sampled: the report's `sampling`. */
  sampling?: Map<string, NonNullable<SuiteReport['sampling']>>;
  /** Suites sampled by the sequential design: their pass-rate intervals use its estimator (docs/sequential.md). */
  sequential?: ReadonlySet<string>;
}

export function buildReport(args: BuildArgs): Report {
  const { planned, records, gateConfig } = args;
  const runnable = planned.filter((s) => !s.message);
  const results = runnable.map((s) => aggregateSuite(s, records));
  const measured = results.map((r, i) => measureSuite(r.samples, { confidence: gateConfig.confidence, sequential: args.sequential?.has(runnable[i]!.name) ?? false }));
  const gateInputs: GateSuiteInput[] = runnable.map((s, i) => ({
    name: s.name,
    change: s.change,
    measured: measured[i]!,
    cases: results[i]!.samples,
    calls: { total: results[i]!.calls.total, failed: results[i]!.calls.failed },
    runs_planned: args.scheduled?.get(s.name) ?? plannedSamples(s),
    sequential: args.sequential?.has(s.name) ?? false,
  }));
  const gate = evaluateGate(gateInputs, gateConfig, { stopped: args.stopped?.message });
  const suites: SuiteReport[] = planned.map((s) => {
    const i = runnable.indexOf(s);
    if (i < 0) return emptySuiteReport(s, 'skipped', s.message!);
    const r = results[i]!;
    const m = measured[i]!;
    const g = gate.suites[i]!;
    const diff = changeDetail(s);
    return {
      name: s.name,
      prompt: s.prompt,
      change: s.change,
      verdict: g.verdict,
      n_cases: s.cases.length,
      repeats: s.repeats,
      pass_rate: { ...m.pass_rate, cases_needed: m.pass_rate.cases_needed ?? g.cases_needed },
      latency_ms: m.latency_ms,
      cost_usd: m.cost_usd,
      tokens: r.tokens,
      rules: g.rules,
      errors: r.errors,
      cases: r.cases,
      change_detail: diff,
      by_tag: m.by_tag,
      ...(m.holdout ? { holdout: m.holdout } : {}),
      flaky_at_base: r.flakyAtBase,
      calls: r.calls,
      ...(args.sampling?.has(s.name) ? { sampling: args.sampling.get(s.name)! } : {}),
      ...(g.verdict === 'error' && r.firstError ? { message: `Calls failed: ${r.firstError}` } : {}),
    };
  });
  const notes = [...gate.notes];
  for (const s of planned) {
    if (s.candidate?.ignoredSettings?.length) {
      notes.push(
        `${s.name}: the head's settings were not applied — only prompt text is taken from the head of this pull request, so the candidate ran with the base's settings. Not applied: ${s.candidate.ignoredSettings.join('; ')}.`,
      );
    }
  }
  let verdict = gate.verdict;
  if (args.stopped) {
    notes.unshift(`Partial: ${args.stopped.message}`);
    verdict = 'error';
  }
  if (args.sharded) notes.unshift('Shard result: this covers one slice of the samples; merge all shards with `promptgate merge` for the verdict.');
  // Money actually spent: cached samples cost nothing this time (their cost still counts in the per-case figures).
  const cost = records.reduce((sum, r) => sum + (r.cached ? 0 : r.costUsd), 0);
  return args.skeleton(verdict, suites, {
    calls: args.calls,
    cost_usd_total: cost,
    ...(args.stopped || args.sharded ? { partial: true } : {}),
    ...(notes.length ? { notes } : {}),
  });
}

function changeDetail(s: PlannedSuite): SuiteReport['change_detail'] {
  const b = s.baseline;
  const c = s.candidate;
  const model = { baseline: b?.settings.model ?? null, candidate: c?.settings.model ?? null };
  if (!b || !c) return { previous_path: s.previousPath ?? null, model };
  const patch = b.text === c.text ? null : createTwoFilesPatch(b.path, c.path, b.text, c.text, undefined, undefined, { context: 3 });
  // Counted from the hunks themselves: a changed line may begin with "---" or "+++" (front matter), which a count
  // over the patch text would take for a file header.
  let added = 0;
  let removed = 0;
  if (b.text !== c.text) {
    for (const hunk of structuredPatch(b.path, c.path, b.text, c.text, undefined, undefined, { context: 0 }).hunks) {
      for (const line of hunk.lines) {
        if (line.startsWith('+')) added++;
        else if (line.startsWith('-')) removed++;
      }
    }
  }
  return {
    previous_path: s.previousPath ?? null,
    diff: patch,
    lines_added: added,
    lines_removed: removed,
    settings: settingsChanges(b.settings, c.settings),
    model,
  };
}

export function emptySuiteReport(s: PlannedSuite, verdict: Verdict, message: string): SuiteReport {
  return {
    name: s.name,
    prompt: s.prompt,
    change: s.change,
    verdict,
    n_cases: s.cases.length,
    repeats: s.repeats,
    pass_rate: { baseline: null, candidate: null, delta: null, ci: null, p_value: null },
    latency_ms: { baseline: null, candidate: null, p95_ratio: null, p95_ratio_ci: null },
    cost_usd: { baseline_per_case: null, candidate_per_case: null, ratio: null, ratio_ci: null },
    tokens: { baseline: { input: 0, output: 0 }, candidate: { input: 0, output: 0 } },
    rules: [],
    errors: { baseline: 0, candidate: 0 },
    cases: [],
    message,
  };
}
