import { describe, expect, it } from 'vitest';
import { PromptgateError } from '../../src/errors.js';
import { headline, parseJsonReport, renderChangeNote, writeJsonReport } from '../../src/report/index.js';
import { ReportSchema } from '../../src/report/schema.js';
import { makeCase, makeReport, makeSuite } from './make-report.js';

/** The example of docs/contract.md §9, verbatim: the field names users and tools rely on. */
const CONTRACT_EXAMPLE = `{ "schema_version": 1, "verdict": "pass", "base": "<sha>", "head": "<sha>", "confidence": 0.95,
  "suites": [ { "name": "support-triage", "prompt": "prompts/triage.prompt.yml", "change": "modified",
      "verdict": "pass", "n_cases": 120, "repeats": 3,
      "pass_rate": { "baseline": 0.82, "candidate": 0.93, "delta": 0.11, "ci": [0.061, 0.159], "p_value": 0.0001 },
      "latency_ms": { "baseline": { "p50": 812, "p95": 1400 }, "candidate": { "p50": 990, "p95": 1500 }, "p95_ratio": 1.07, "p95_ratio_ci": [0.98, 1.17] },
      "cost_usd": { "baseline_per_case": 0.00041, "candidate_per_case": 0.00052, "ratio": 1.27, "ratio_ci": [1.2, 1.33] },
      "tokens": { "baseline": { "input": 0, "output": 0 }, "candidate": { "input": 0, "output": 0 } },
      "rules": [ { "rule": "pass_rate", "verdict": "pass", "detail": "…" } ],
      "errors": { "baseline": 0, "candidate": 0 },
      "cases": [ { "id": "T-1", "tags": ["billing"], "baseline": { "passed": 3, "runs": 3 }, "candidate": { "passed": 2, "runs": 3 } } ] } ],
  "calls": { "total": 720, "cached": 360, "failed": 0, "retried": 4 }, "cost_usd_total": 0.31, "duration_ms": 5400 }`;

describe('the JSON report of the contract', () => {
  it('parses with ReportSchema, every field kept', () => {
    const parsed = ReportSchema.parse(JSON.parse(CONTRACT_EXAMPLE));
    expect(parsed).toEqual(JSON.parse(CONTRACT_EXAMPLE));
    expect(parsed.suites[0]!.pass_rate.ci).toEqual([0.061, 0.159]);
  });

  it('renders the change note of the contract from the example alone', () => {
    const report = parseJsonReport(CONTRACT_EXAMPLE, 'report.json');
    expect(headline(report.suites[0]!, report.confidence)).toBe('Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); p95 latency +100 ms; cost +27%');
    const note = renderChangeNote(report, { target: 'comment' });
    expect(note).toContain('## ✅ promptgate: pass');
    expect(note).toContain('| T-1 | billing | 3/3 → 2/3 |');
    expect(note).toContain('360 from cache');
  });

  it('rejects a report that misses a contract field, naming the field', () => {
    const broken = JSON.parse(CONTRACT_EXAMPLE) as { suites: { pass_rate: Record<string, unknown> }[] };
    delete broken.suites[0]!.pass_rate.delta;
    expect(ReportSchema.safeParse(broken).success).toBe(false);
    const err = catchError(() => parseJsonReport(JSON.stringify(broken), 'parts/report.json'));
    expect(err).toBeInstanceOf(PromptgateError);
    expect(err.file).toBe('parts/report.json');
    expect(err.message).toContain('is not a promptgate report');
    expect(err.message).toMatch(/suites\[0\]\.pass_rate\.delta/);
  });
});

function catchError(fn: () => unknown): PromptgateError {
  try {
    fn();
  } catch (err) {
    return err as PromptgateError;
  }
  throw new Error('expected an error');
}

describe('writeJsonReport / parseJsonReport', () => {
  it('round-trips a report with every extension, and the note renders the same from the file', () => {
    const suite = makeSuite({
      cases: [makeCase('T-1', [3, 3], [0, 3], { tags: ['billing'], outputs: { baseline: 'billing', candidate: 'other' }, reasons: { candidate: 'equals: expected "billing"' } })],
      by_tag: [{ tag: 'billing', n_cases: 1, baseline: 1, candidate: 0, delta: -1, ci: null }],
      change_detail: { previous_path: null, diff: '--- a\n+++ b\n-x\n+y\n', lines_added: 1, lines_removed: 1, settings: ['temperature: 0.7 → 0.2'], model: { baseline: 'm', candidate: 'm' } },
      calls: { total: 720, cached: 360, failed: 0, retried: 4 },
    });
    const report = makeReport([suite], { partial: true, notes: ['Holm-adjusted.'], context: { title: 'T', goal: 'G', rollout: 'R', url: null } });
    const text = writeJsonReport(report);
    expect(text.endsWith('\n')).toBe(true);
    const back = parseJsonReport(text, 'report.json');
    expect(back).toEqual(report);
    expect(renderChangeNote(back, { target: 'comment' })).toBe(renderChangeNote(report, { target: 'comment' }));
  });

  it('refuses to write a report the schema rejects', () => {
    const bad = { ...makeReport(), verdict: 'maybe' } as unknown as Parameters<typeof writeJsonReport>[0];
    expect(() => writeJsonReport(bad)).toThrow();
  });

  it('names the file and the line of a JSON syntax error', () => {
    const text = '{\n  "schema_version": 1,\n  "verdict": "pass",,\n}';
    const err = catchError(() => parseJsonReport(text, 'shard-2.json'));
    expect(err).toBeInstanceOf(PromptgateError);
    expect(err.format()).toMatch(/^shard-2\.json:3:\d+: is not valid JSON/);
  });

  it('says which schema version it reads when a newer report comes in', () => {
    const err = catchError(() => parseJsonReport('{"schema_version": 2}', 'new.json'));
    expect(err.file).toBe('new.json');
    expect(err.message).toBe('has schema_version 2; this promptgate reads version 1');
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseJsonReport('\uFEFF' + writeJsonReport(makeReport()), 'bom.json').verdict).toBe('pass');
  });
});
