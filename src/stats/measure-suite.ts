import { mean } from 'simple-statistics';
import { clusterBootstrap, expandedConfidenceGrid, expandedPercentileInterval, quantileRatioStatistic } from './bootstrap.js';
import { fiellerRatio } from './fieller.js';
import { pairedDeltaInterval, proportionInterval, type MeanInterval, type PairedDelta, type SamplePair } from './intervals.js';
import { percentiles } from './percentiles.js';
import { sequentialDelta, sequentialEstimate } from './sequential.js';
import {
  DEFAULT_RESAMPLES,
  HOLDOUT_TAG,
  isHoldout,
  type CaseSamples,
  type CostMeasurement,
  type GroupPassRate,
  type LatencyMeasurement,
  type MeasureOptions,
  type PassRateMeasurement,
  type TagPassRate,
  type VariantSamples,
} from './types.js';

/** What the gate reads besides the report's numbers; absent on a measurement built by hand. */
export interface MeasurementDetail {
  /** The confidence every interval of the measurement was computed at. */
  confidence: number;
  /** Paired interval on the pass-rate delta, null when the variants share no case with a success in both. */
  delta: PairedDelta | null;
  /** Absolute interval on the candidate's pass rate, when there is no delta. */
  candidate: MeanInterval | null;
  /** Cases left out of the pair because a variant that ran had no successful sample for them. */
  excluded: number;
  /** Paired interval on the holdout cases' delta; null without holdout cases or without a pair among them. */
  holdoutDelta: PairedDelta | null;
  /**
   * Confidence distributions of the ratios on a grid (bootstrap.ts, ConfidenceGrid), sorted ascending: their
   * percentiles are the intervals' ends and bootstrapPValueAbove reads the p-value against a gate threshold.
   */
  p95Ratio: Float64Array | null;
  costRatio: Float64Array | null;
  /** Cases the latency comparison used (each with a pair measured in this run); 0 when not compared. */
  latencyCases: number;
  /** Cases the cost ratio used (a successful sample under both variants). */
  costCases: number;
  resamples: number;
}

export interface SuiteMeasurement {
  /** Over the cases not tagged `holdout` (all cases when none is). */
  pass_rate: PassRateMeasurement;
  /** Over every case: latency and cost are not what a prompt is tuned against. */
  latency_ms: LatencyMeasurement;
  cost_usd: CostMeasurement;
  /** Per tag over every case, without the `holdout` tag (it has its own row). */
  by_tag: TagPassRate[];
  /** The cases tagged `holdout`, apart from the rest; null when the suite has none. */
  holdout: GroupPassRate | null;
  /** Cases in the pass-rate pair: a successful sample under both variants. */
  paired_n: number;
  detail?: MeasurementDetail;
}

const hasSuccess = (v: VariantSamples | null): v is VariantSamples => v !== null && v.scores.length > 0;

/** Mean over the cases that have a successful sample of the case's mean `pick`; null when none has. */
function meanOfCaseMeans(cases: readonly CaseSamples[], variant: 'baseline' | 'candidate', pick: (v: VariantSamples) => number[]): number | null {
  const values: number[] = [];
  for (const c of cases) {
    const v = c[variant];
    const picked = v ? pick(v) : [];
    if (picked.length > 0) values.push(mean(picked));
  }
  return values.length ? mean(values) : null;
}

function pairsOf(cases: readonly CaseSamples[]): SamplePair[] {
  const pairs: SamplePair[] = [];
  for (const c of cases) {
    if (hasSuccess(c.baseline) && hasSuccess(c.candidate)) {
      pairs.push({ baseline: c.baseline.scores, candidate: c.candidate.scores, baselineIndex: c.baseline.sampleIndex, candidateIndex: c.candidate.sampleIndex });
    }
  }
  return pairs;
}

/**
 * Pass rates of a group of cases: the mean over cases of each case's rate. Under the sequential design a case with
 * both variants is estimated by the design's unbiased estimator (src/stats/sequential.ts), so that the rates shown
 * agree with the delta and its interval; otherwise (and for the per-case rows of the report) the plain mean.
 */
function passRates(cases: readonly CaseSamples[], sequential: Sequential): { baseline: number | null; candidate: number | null } {
  if (!sequential) return { baseline: meanOfCaseMeans(cases, 'baseline', scoresOf), candidate: meanOfCaseMeans(cases, 'candidate', scoresOf) };
  const baseline: number[] = [];
  const candidate: number[] = [];
  for (const c of cases) {
    const b = hasSuccess(c.baseline) ? c.baseline : null;
    const k = hasSuccess(c.candidate) ? c.candidate : null;
    const e = b && k ? sequentialEstimate(b, k) : null;
    if (b) baseline.push(e ? e.baseline : mean(b.scores));
    if (k) candidate.push(e ? e.candidate : mean(k.scores));
  }
  return { baseline: baseline.length ? mean(baseline) : null, candidate: candidate.length ? mean(candidate) : null };
}

const scoresOf = (v: VariantSamples) => v.scores;

/** The per-case difference the paired interval is fed: the sequential design's estimator, or the plain difference. */
const caseDeltaFor = (sequential: Sequential) => (sequential ? sequentialDelta() : undefined);

/** Whether the suite was sampled by the sequential design (MeasureOptions.sequential). */
type Sequential = MeasureOptions['sequential'];

const ran = (cases: readonly CaseSamples[], variant: 'baseline' | 'candidate') => cases.some((c) => c[variant] !== null);

/**
 * Everything numeric the report needs for one suite (docs/contract.md §5): pass rates with a paired interval on the delta,
 * latency percentiles with a bootstrap interval on the p95 ratio, cost per case with a bootstrap interval on the
 * ratio, and the pass-rate delta per tag. A pass rate is the mean over cases of the case's mean score (binary
 * scores make it the share of passing samples); errored samples are left out of every number and counted.
 */
export function measureSuite(cases: readonly CaseSamples[], opts: MeasureOptions): SuiteMeasurement {
  const { confidence } = opts;
  const sequential = opts.sequential;
  const bothRan = ran(cases, 'baseline') && ran(cases, 'candidate');
  // The pass rate is the rest's; the holdout cases get their own row (docs/change-note.md, "Holdout cases").
  const holdoutCases = cases.filter(isHoldout);
  const rest = holdoutCases.length > 0 ? cases.filter((c) => !isHoldout(c)) : cases;
  const pairs = bothRan ? pairsOf(rest) : [];
  const delta = bothRan && rest.length > 0 ? pairedDeltaInterval(pairs, confidence, caseDeltaFor(sequential)) : null;
  const candidateInterval =
    bothRan || !ran(rest, 'candidate')
      ? null
      : proportionInterval(
          rest.map((c) => c.candidate?.scores ?? []),
          confidence,
        );
  const passRate: PassRateMeasurement = {
    ...passRates(rest, bothRan ? sequential : undefined),
    delta: delta ? delta.estimate : null,
    ci: delta ? delta.ci : null,
    p_value: delta ? delta.pValue : null,
    method: delta ? delta.method : (candidateInterval?.method ?? (rest.length === 0 ? 'every case is a holdout case' : bothRan ? 'no case succeeded under both variants' : 'no interval')),
    ...(bothRan ? {} : { candidate_ci: candidateInterval ? candidateInterval.ci : null }),
  };
  const holdout = holdoutCases.length > 0 ? groupPassRate(holdoutCases, bothRan, confidence, sequential) : null;

  const latency = latencyComparison(cases, bothRan, confidence, opts);

  const costs = (v: VariantSamples) => v.costUsd;
  const baselinePerCase = meanOfCaseMeans(cases, 'baseline', costs);
  const candidatePerCase = meanOfCaseMeans(cases, 'candidate', costs);
  const costPairs: { baseline: number; candidate: number }[] = [];
  if (bothRan) {
    for (const c of cases) {
      if (c.baseline && c.candidate && c.baseline.costUsd.length > 0 && c.candidate.costUsd.length > 0) {
        costPairs.push({ baseline: mean(c.baseline.costUsd), candidate: mean(c.candidate.costUsd) });
      }
    }
  }
  const cost = bothRan ? fiellerRatio(costPairs, confidence, opts.resamples ?? DEFAULT_RESAMPLES) : null;

  return {
    pass_rate: passRate,
    latency_ms: latency.report,
    cost_usd: {
      baseline_per_case: baselinePerCase,
      candidate_per_case: candidatePerCase,
      ratio: cost ? cost.estimate : null,
      ratio_ci: cost ? cost.ci : null,
      baseline_per_pass: costPerPass(cases, 'baseline'),
      candidate_per_pass: costPerPass(cases, 'candidate'),
    },
    by_tag: byTag(cases, confidence, sequential),
    holdout: holdout?.row ?? null,
    paired_n: pairs.length,
    detail: {
      confidence,
      delta,
      candidate: candidateInterval,
      excluded: bothRan ? rest.length - pairs.length : 0,
      holdoutDelta: holdout?.delta ?? null,
      p95Ratio: latency.grid,
      costRatio: cost?.ci ? cost.grid : null,
      latencyCases: latency.cases,
      costCases: cost ? cost.n : 0,
      resamples: opts.resamples ?? DEFAULT_RESAMPLES,
    },
  };
}

/**
 * Fewest cases, and fewest calls per variant, with a pair measured in this run for the p95 ratio to be compared.
 * With fewer than 20 calls a p95 is little more than the largest call, and with 10 calls per variant the interval
 * covered 90–92% for a nominal 95% in simulation; at 10 cases × 2 and 20 × 1 it covers 94–96% (docs/statistics.md).
 */
export const MIN_LATENCY_CASES = 10;
export const MIN_LATENCY_CALLS = 20;

interface LatencyResult {
  report: LatencyMeasurement;
  grid: Float64Array | null;
  cases: number;
}

/**
 * Latency is compared only on calls made in this run, pair by pair (see docs/statistics.md): a sample enters when
 * it succeeded under both variants with the same sample index and neither answer came from the response cache.
 * The two calls of such a pair were started side by side (src/plan/requests.ts), so they met the same provider;
 * a cached answer's latency was measured on another day, under other load. Percentiles, the p95 ratio and its
 * interval (cluster bootstrap over cases, expanded percentile: bootstrap.ts) all come from those pairs.
 * With one variant (an added or deleted prompt) its fresh calls give the percentiles, and there is no ratio.
 */
function latencyComparison(cases: readonly CaseSamples[], bothRan: boolean, confidence: number, opts: MeasureOptions): LatencyResult {
  const none = (reason?: string): LatencyResult => ({
    report: { baseline: null, candidate: null, p95_ratio: null, p95_ratio_ci: null, ...(reason ? { not_compared: reason } : {}) },
    grid: null,
    cases: 0,
  });
  if (!bothRan) {
    const variant = cases.some((c) => c.baseline) ? 'baseline' : 'candidate';
    const calls = cases.flatMap((c) => freshLatencies(c[variant]));
    const ran = cases.some((c) => (c[variant]?.latenciesMs.length ?? 0) > 0);
    if (calls.length === 0) return none(ran ? 'every call was answered from the response cache, so no latency was measured in this run' : undefined);
    const shown = percentiles(calls);
    return { report: { baseline: variant === 'baseline' ? shown : null, candidate: variant === 'candidate' ? shown : null, p95_ratio: null, p95_ratio_ci: null }, grid: null, cases: 0 };
  }

  const baseline: number[][] = [];
  const candidate: number[][] = [];
  let anyPair = false;
  let anyCached = false;
  let anyErrors = false;
  let freshBaseline = 0;
  let freshCandidate = 0;
  for (const c of cases) {
    const b = c.baseline;
    const k = c.candidate;
    if (!b || !k) continue;
    if (b.latenciesMs.length > 0 && k.latenciesMs.length > 0) anyPair = true;
    if (b.fresh?.includes(false) || k.fresh?.includes(false)) anyCached = true;
    if (b.errors > 0 || k.errors > 0) anyErrors = true;
    freshBaseline += freshLatencies(b).length;
    freshCandidate += freshLatencies(k).length;
    const mine = freshBySample(b);
    const theirs = freshBySample(k);
    const bCalls: number[] = [];
    const kCalls: number[] = [];
    for (const [index, ms] of mine) {
      const other = theirs.get(index);
      if (other === undefined) continue;
      bCalls.push(ms);
      kCalls.push(other);
    }
    if (bCalls.length > 0) {
      baseline.push(bCalls);
      candidate.push(kCalls);
    }
  }
  const calls = baseline.reduce((sum, x) => sum + x.length, 0);
  if (baseline.length < MIN_LATENCY_CASES || calls < MIN_LATENCY_CALLS) {
    let reason: string;
    if (!anyPair) reason = 'no case had a successful call under both variants';
    else if (freshBaseline === 0 && freshCandidate === 0) reason = 'every call was answered from the response cache, so no latency was measured in this run';
    else if (freshBaseline === 0 || freshCandidate === 0)
      reason = `every ${freshBaseline === 0 ? 'baseline' : 'candidate'} call was answered from the response cache, so no pair of calls was measured side by side in this run`;
    else {
      const others = anyCached ? ' (the others came from the response cache or failed)' : anyErrors ? ' (the others failed)' : '';
      reason = `only ${calls} call pair${calls === 1 ? '' : 's'} in ${baseline.length} case${baseline.length === 1 ? '' : 's'} ${calls === 1 ? 'was' : 'were'} measured side by side in this run${others}; comparing p95 latency needs at least ${MIN_LATENCY_CALLS} pairs in ${MIN_LATENCY_CASES} cases`;
    }
    return none(reason);
  }
  const baselineLatency = percentiles(baseline.flat())!;
  const candidateLatency = percentiles(candidate.flat())!;
  if (!(baselineLatency.p95 > 0)) return { report: { baseline: baselineLatency, candidate: candidateLatency, p95_ratio: null, p95_ratio_ci: null }, grid: null, cases: 0 };
  const [distribution] = clusterBootstrap(baseline.length, [quantileRatioStatistic(baseline, candidate)], { seed: opts.seed, resamples: opts.resamples });
  const ci = expandedPercentileInterval(distribution!, confidence, baseline.length);
  return {
    report: { baseline: baselineLatency, candidate: candidateLatency, p95_ratio: candidateLatency.p95 / baselineLatency.p95, p95_ratio_ci: ci },
    grid: ci ? expandedConfidenceGrid(distribution!, baseline.length, opts.resamples ?? DEFAULT_RESAMPLES) : null,
    cases: baseline.length,
  };
}

/** A variant's latencies measured in this run (not from the cache). */
function freshLatencies(v: VariantSamples | null): number[] {
  if (!v) return [];
  return v.fresh ? v.latenciesMs.filter((_, i) => v.fresh![i]) : v.latenciesMs;
}

/** Sample index → latency of the variant's fresh successful samples. */
function freshBySample(v: VariantSamples): Map<number, number> {
  const out = new Map<number, number>();
  v.latenciesMs.forEach((ms, i) => {
    if (v.fresh && !v.fresh[i]) return;
    out.set(v.sampleIndex?.[i] ?? i, ms);
  });
  return out;
}

/** Total cost of the successful samples over the passes they bought (the sum of scores: passes, for pass/fail). */
function costPerPass(cases: readonly CaseSamples[], variant: 'baseline' | 'candidate'): number | null {
  let cost = 0;
  let passes = 0;
  let any = false;
  for (const c of cases) {
    const v = c[variant];
    if (!v) continue;
    any = true;
    for (const x of v.costUsd) cost += x;
    for (const s of v.scores) passes += s;
  }
  return any && passes > 0 ? cost / passes : null;
}

/** A group's pass rates with the paired machinery of the suite's own row, and the interval behind them. */
function groupPassRate(group: readonly CaseSamples[], bothRan: boolean, confidence: number, sequential: Sequential): { row: GroupPassRate; delta: PairedDelta | null } {
  const delta = bothRan && ran(group, 'baseline') && ran(group, 'candidate') ? pairedDeltaInterval(pairsOf(group), confidence, caseDeltaFor(sequential)) : null;
  return {
    row: {
      n_cases: group.length,
      ...passRates(group, bothRan ? sequential : undefined),
      delta: delta ? delta.estimate : null,
      ci: delta ? delta.ci : null,
    },
    delta,
  };
}

/**
 * The same paired machinery on each tag's cases, tags in order of first appearance. Not gated, not adjusted. The
 * `holdout` tag is left out: those cases have their own row.
 */
function byTag(cases: readonly CaseSamples[], confidence: number, sequential: Sequential): TagPassRate[] {
  const groups = new Map<string, CaseSamples[]>();
  for (const c of cases) {
    for (const tag of new Set(c.tags)) {
      if (tag === HOLDOUT_TAG) continue;
      const group = groups.get(tag);
      if (group) group.push(c);
      else groups.set(tag, [c]);
    }
  }
  return [...groups].map(([tag, group]) => ({ tag, ...groupPassRate(group, true, confidence, sequential).row }));
}
