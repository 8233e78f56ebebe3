import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../../src/cases/types.js';
import { GateSchema } from '../../src/config/schema.js';
import { planRequests } from '../../src/plan/requests.js';
import type { PlannedSuite, PlannedVariant } from '../../src/plan/suites.js';
import { parsePromptFile } from '../../src/prompts/index.js';
import { buildReport } from '../../src/report/build.js';
import { renderChangeNote } from '../../src/report/index.js';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import { countCalls } from '../../src/results/given.js';
import { warmUpRecords } from '../../src/review/sampling.js';
import type { Endpoint } from '../../src/run/types.js';

/**
 * The report's warm-up (src/report/warm.ts) builds, parses and renders a made-up report while the calls are in
 * flight. It swallows every failure — so this checks that what it is given is a report the real path accepts, or the
 * warm-up would silently warm nothing.
 */

function variant(text: string): PlannedVariant {
  return { path: 'p.txt', text, doc: parsePromptFile('p.txt', text), settings: { model: 'm', baseURL: 'http://127.0.0.1:9/v1', params: {}, apiKeyEnv: 'OPENAI_API_KEY' } };
}

function suite(name: string, n: number, repeats: number): PlannedSuite {
  const cases: EvalCase[] = Array.from({ length: n }, (_, i) => ({ id: `case-${i}`, vars: { q: `q${i}` }, tags: i % 2 ? ['odd'] : [], assert: [] }));
  return { name, prompt: `${name}.txt`, change: 'modified', baseline: variant('old {{q}}'), candidate: variant('new {{q}}'), cases, assert: [], repeats };
}

const endpoint = (v: PlannedVariant): Endpoint => ({ baseURL: v.settings.baseURL, apiKey: 'k', model: v.settings.model, params: v.settings.params });

const skeleton = (verdict: Report['verdict'], suites: Report['suites'], extra: Partial<Report> = {}): Report => ({
  schema_version: 1,
  verdict,
  base: 'a'.repeat(40),
  head: 'b'.repeat(40),
  confidence: 0.95,
  inconclusive_policy: 'neutral',
  suites,
  calls: { total: 0, cached: 0, failed: 0, retried: 0 },
  cost_usd_total: 0,
  duration_ms: 1,
  ...extra,
});

describe('warmUpRecords: the made-up samples the report is warmed with', () => {
  const planned = [suite('triage', 50, 3), suite('summary', 2, 1)];
  const requests = planned.flatMap((s) => planRequests(s, endpoint));

  it('a few cases of every suite, both variants, every repeat', () => {
    const records = warmUpRecords(requests);
    const triage = records.filter((r) => r.suite === 'triage');
    expect(new Set(triage.map((r) => r.caseId)).size).toBe(4);
    expect(triage).toHaveLength(4 * 3 * 2);
    expect(records.filter((r) => r.suite === 'summary')).toHaveLength(2 * 1 * 2);
    expect(records.some((r) => r.ok && !r.passed)).toBe(true);
  });

  it('make a report the schema accepts and the change note renders, with a measured comparison per suite', () => {
    const records = warmUpRecords(requests);
    const report = buildReport({ planned, records, calls: countCalls(records), gateConfig: GateSchema.parse({}), skeleton, sharded: false });
    const parsed = ReportSchema.parse(report);
    expect(parsed.suites.map((s) => s.name)).toEqual(['triage', 'summary']);
    expect(parsed.suites[0]!.pass_rate.delta).toEqual(expect.any(Number));
    expect(renderChangeNote(parsed, { target: 'cli' })).toContain('triage');
  });
});
