import type { PlannedSuite } from '../plan/suites.js';
import type { Report } from '../report/schema.js';
import { aggregateSuite } from '../results/aggregate.js';
import { pairedDeltaInterval } from '../stats/intervals.js';
import { moreOf } from '../stats/sequential-design.js';
import type { SamplingOutcome } from './rounds.js';

const pct = (x: number) => `${Number((100 * x).toFixed(2))}%`;

/**
 * The report's notes on how the suites were sampled: a sequential run's looks and the level each was decided at,
 * a fallback to the fixed design, and — for a suite still inconclusive at its most samples — whether the data call
 * for more cases or more repeats (from the share of the per-case variance that is noise within cases).
 */
export function withSamplingNotes(report: Report, planned: PlannedSuite[], sampled: SamplingOutcome, confidence: number): Report {
  const notes: string[] = [];
  const fallback = [...sampled.sampling.values()].find((s) => s.fallback)?.fallback;
  if (fallback) notes.push(`Sequential sampling was asked for, but ${fallback}.`);
  if (sampled.sequential.size > 0) {
    const looks = Math.max(...[...sampled.sequential].map((n) => sampled.sampling.get(n)?.rounds ?? 1));
    notes.push(
      `Sequential sampling (docs/sequential.md): after each round every gated rule is decided at a stricter level, so that over all looks together a change that does nothing fails at most ${pct((1 - confidence) / 2)} of the time; this review stopped after look ${looks}, and its intervals are at ${pct(sampled.confidence)}.`,
    );
  }
  for (const suite of report.suites) {
    const s = sampled.sampling.get(suite.name);
    const plan = planned.find((p) => p.name === suite.name);
    if (!s || !plan || s.mode !== 'sequential' || suite.verdict !== 'inconclusive' || report.partial) continue;
    const delta = pairedDeltaInterval(
      aggregateSuite(plan, sampled.records).samples.flatMap((c) => (c.baseline && c.candidate ? [{ baseline: c.baseline.scores, candidate: c.candidate.scores }] : [])),
      sampled.confidence,
    );
    if (!delta || !(delta.sd > 0)) continue;
    const more = moreOf(delta);
    notes.push(
      more === 'cases'
        ? `${suite.name}: still inconclusive after its most samples; the spread between cases dominates the interval, so more cases would settle it, not more repeats.`
        : `${suite.name}: still inconclusive after its most samples; the noise within cases dominates the interval, so more repeats (a higher \`repeats\`) would settle it.`,
    );
  }
  return notes.length ? { ...report, notes: [...(report.notes ?? []), ...notes] } : report;
}
