import { mean } from 'simple-statistics';
import type { SuiteReport } from '../report/schema.js';
import { bootstrapInterval, clusterBootstrap, meanRatioStatistic, quantileRatioStatistic, type ResampleStatistic } from './bootstrap.js';
import { pairedDeltaInterval, proportionInterval, type MeanInterval, type PairedDelta } from './intervals.js';
import { percentiles } from './percentiles.js';
import { DEFAULT_RESAMPLES, type CaseSamples, type MeasureOptions, type VariantSamples } from './types.js';

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
  /** Sorted bootstrap distributions of the ratios, for p-values against the gate's thresholds. */
  p95Ratio: Float64Array | null;
  costRatio: Float64Array | null;
  resamples: number;
}

export interface SuiteMeasurement {
  pass_rate: SuiteReport['pass_rate'];
  latency_ms: SuiteReport['latency_ms'];
  cost_usd: SuiteReport['cost_usd'];
  by_tag: NonNullable<SuiteReport['by_tag']>;
  /** Cases in the pair: a successful sample under both variants. */
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

function pairsOf(cases: readonly CaseSamples[]) {
  const pairs: { baseline: number[]; candidate: number[] }[] = [];
  for (const c of cases) if (hasSuccess(c.baseline) && hasSuccess(c.candidate)) pairs.push({ baseline: c.baseline.scores, candidate: c.candidate.scores });
  return pairs;
}

const ran = (cases: readonly CaseSamples[], variant: 'baseline' | 'candidate') => cases.some((c) => c[variant] !== null);

/**
 * Everything numeric the report needs for one suite (DESIGN §5): pass rates with a paired interval on the delta,
 * latency percentiles with a bootstrap interval on the p95 ratio, cost per case with a bootstrap interval on the
 * ratio, and the pass-rate delta per tag. A pass rate is the mean over cases of the case's mean score (binary
 * scores make it the share of passing samples); errored samples are left out of every number and counted.
 */
export function measureSuite(cases: readonly CaseSamples[], opts: MeasureOptions): SuiteMeasurement {
  const { confidence } = opts;
  const bothRan = ran(cases, 'baseline') && ran(cases, 'candidate');
  const pairs = bothRan ? pairsOf(cases) : [];
  const delta = bothRan ? pairedDeltaInterval(pairs, confidence) : null;
  const candidateInterval =
    bothRan || !ran(cases, 'candidate') ? null : proportionInterval(cases.map((c) => c.candidate?.scores ?? []), confidence);
  const scores = (v: VariantSamples) => v.scores;
  const passRate: SuiteReport['pass_rate'] = {
    baseline: meanOfCaseMeans(cases, 'baseline', scores),
    candidate: meanOfCaseMeans(cases, 'candidate', scores),
    delta: delta ? delta.estimate : null,
    ci: delta ? delta.ci : null,
    p_value: delta ? delta.pValue : null,
    method: delta ? delta.method : (candidateInterval?.method ?? (bothRan ? 'no case succeeded under both variants' : 'no interval')),
    ...(bothRan ? {} : { candidate_ci: candidateInterval ? candidateInterval.ci : null }),
  };

  const latencies = (variant: 'baseline' | 'candidate') => cases.flatMap((c) => c[variant]?.latenciesMs ?? []);
  const baselineLatency = percentiles(latencies('baseline'));
  const candidateLatency = percentiles(latencies('candidate'));
  const p95Ratio = baselineLatency && candidateLatency && baselineLatency.p95 > 0 ? candidateLatency.p95 / baselineLatency.p95 : null;

  const costs = (v: VariantSamples) => v.costUsd;
  const baselinePerCase = meanOfCaseMeans(cases, 'baseline', costs);
  const candidatePerCase = meanOfCaseMeans(cases, 'candidate', costs);
  const costRatio = baselinePerCase !== null && candidatePerCase !== null && baselinePerCase > 0 ? candidatePerCase / baselinePerCase : null;

  // One set of resamples serves both ratios: same cases drawn for latency and cost, half the random draws.
  const statistics: ResampleStatistic[] = [];
  if (p95Ratio !== null) {
    statistics.push(quantileRatioStatistic(cases.map((c) => c.baseline?.latenciesMs ?? null), cases.map((c) => c.candidate?.latenciesMs ?? null)));
  }
  if (costRatio !== null) {
    const caseMean = (v: VariantSamples | null) => (v && v.costUsd.length > 0 ? mean(v.costUsd) : null);
    statistics.push(meanRatioStatistic(cases.map((c) => caseMean(c.baseline)), cases.map((c) => caseMean(c.candidate))));
  }
  const distributions = statistics.length ? clusterBootstrap(cases.length, statistics, { seed: opts.seed, resamples: opts.resamples }) : [];
  const p95Distribution = p95Ratio !== null ? distributions[0]! : null;
  const costDistribution = costRatio !== null ? distributions[statistics.length - 1]! : null;

  return {
    pass_rate: passRate,
    latency_ms: {
      baseline: baselineLatency,
      candidate: candidateLatency,
      p95_ratio: p95Ratio,
      p95_ratio_ci: p95Distribution ? bootstrapInterval(p95Distribution, confidence) : null,
    },
    cost_usd: {
      baseline_per_case: baselinePerCase,
      candidate_per_case: candidatePerCase,
      ratio: costRatio,
      ratio_ci: costDistribution ? bootstrapInterval(costDistribution, confidence) : null,
      baseline_per_pass: costPerPass(cases, 'baseline'),
      candidate_per_pass: costPerPass(cases, 'candidate'),
    },
    by_tag: byTag(cases, confidence),
    paired_n: pairs.length,
    detail: {
      confidence,
      delta,
      candidate: candidateInterval,
      excluded: bothRan ? cases.length - pairs.length : 0,
      p95Ratio: p95Distribution,
      costRatio: costDistribution,
      resamples: opts.resamples ?? DEFAULT_RESAMPLES,
    },
  };
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

/** The same paired machinery on each tag's cases, tags in order of first appearance. Not gated, not adjusted. */
function byTag(cases: readonly CaseSamples[], confidence: number): NonNullable<SuiteReport['by_tag']> {
  const groups = new Map<string, CaseSamples[]>();
  for (const c of cases) {
    for (const tag of new Set(c.tags)) {
      const group = groups.get(tag);
      if (group) group.push(c);
      else groups.set(tag, [c]);
    }
  }
  const scores = (v: VariantSamples) => v.scores;
  return [...groups].map(([tag, group]) => {
    const delta = ran(group, 'baseline') && ran(group, 'candidate') ? pairedDeltaInterval(pairsOf(group), confidence) : null;
    return {
      tag,
      n_cases: group.length,
      baseline: meanOfCaseMeans(group, 'baseline', scores),
      candidate: meanOfCaseMeans(group, 'candidate', scores),
      delta: delta ? delta.estimate : null,
      ci: delta ? delta.ci : null,
    };
  });
}
