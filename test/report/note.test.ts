import { describe, expect, it } from 'vitest';
import { checkTitle, escapeInline, fencedBlock, headline, parseJsonReport, renderChangeNote, writeJsonReport } from '../../src/report/index.js';
import { ReportSchema, type CaseReport, type Report, type SuiteReport } from '../../src/report/schema.js';

/** The change note as a reviewer reads it, rendered from hand-built reports. */

function suite(over: Partial<SuiteReport> = {}): SuiteReport {
  return {
    name: 'support-triage',
    prompt: 'prompts/triage.prompt.yml',
    change: 'modified',
    verdict: 'pass',
    n_cases: 120,
    repeats: 3,
    pass_rate: { baseline: 0.82, candidate: 0.93, delta: 0.11, ci: [0.061, 0.159], p_value: 0.0001 },
    latency_ms: { baseline: { p50: 812, p95: 1400, p99: 1700 }, candidate: { p50: 990, p95: 1580, p99: 1900 }, p95_ratio: 1.13, p95_ratio_ci: [0.98, 1.27] },
    cost_usd: { baseline_per_case: 0.00041, candidate_per_case: 0.00052, ratio: 1.27, ratio_ci: [1.2, 1.33] },
    tokens: { baseline: { input: 36000, output: 3600 }, candidate: { input: 43000, output: 3600 } },
    rules: [{ rule: 'pass_rate', verdict: 'pass', detail: 'rules out any drop' }],
    errors: { baseline: 0, candidate: 0 },
    cases: [],
    ...over,
  };
}
function report(suites: SuiteReport[], over: Partial<Report> = {}): Report {
  return { schema_version: 1, verdict: suites[0]?.verdict ?? 'skipped', base: 'a'.repeat(40), head: 'b'.repeat(40), confidence: 0.95, suites, calls: { total: 720, cached: 360, failed: 0, retried: 4 }, cost_usd_total: 0.31, duration_ms: 5400, ...over };
}
const kase = (id: string, b: number, k: number, runs = 3, out?: Partial<CaseReport>): CaseReport => ({ id, tags: ['billing'], baseline: { passed: b, runs }, candidate: { passed: k, runs }, ...out });

describe('the change note', () => {
  it('the example report of the contract parses with the exported schema', () => {
    const example = {
      schema_version: 1, verdict: 'pass', base: '<sha>', head: '<sha>', confidence: 0.95,
      suites: [{ name: 'support-triage', prompt: 'prompts/triage.prompt.yml', change: 'modified', verdict: 'pass', n_cases: 120, repeats: 3,
        pass_rate: { baseline: 0.82, candidate: 0.93, delta: 0.11, ci: [0.061, 0.159], p_value: 0.0001 },
        latency_ms: { baseline: { p50: 812, p95: 1400 }, candidate: { p50: 990, p95: 1500 }, p95_ratio: 1.07, p95_ratio_ci: [0.98, 1.17] },
        cost_usd: { baseline_per_case: 0.00041, candidate_per_case: 0.00052, ratio: 1.27, ratio_ci: [1.2, 1.33] },
        tokens: { baseline: { input: 0, output: 0 }, candidate: { input: 0, output: 0 } },
        rules: [{ rule: 'pass_rate', verdict: 'pass', detail: '…' }], errors: { baseline: 0, candidate: 0 },
        cases: [{ id: 'T-1', tags: ['billing'], baseline: { passed: 3, runs: 3 }, candidate: { passed: 2, runs: 3 } }] }],
      calls: { total: 720, cached: 360, failed: 0, retried: 4 }, cost_usd_total: 0.31, duration_ms: 5400,
    };
    expect(ReportSchema.safeParse(example).success).toBe(true);
    const r = report([suite()]);
    expect(parseJsonReport(writeJsonReport(r), 'r.json')).toEqual(r);
    expect(() => parseJsonReport('{"schema_version": 2}', 'old.json')).toThrow(expect.objectContaining({ file: 'old.json', message: expect.stringContaining('is not a promptgate report') }));
  });

  it('leads with the headline a person would say', () => {
    expect(headline(suite(), 0.95)).toBe('Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3); p95 latency +180 ms; cost +27%');
    const note = renderChangeNote(report([suite()]), { target: 'cli' });
    expect(note.split('\n')[0]).toBe('## ✅ promptgate: pass');
    expect(note).toContain('Pass rate 82% → 93% (+11 points, 95% CI +6 to +16, 120 cases × 3)');
    expect(note).toContain('The interval excludes 0');
    expect(note).toContain('**Gate**');
    expect(note).toContain('360 from cache');
    expect(checkTitle(report([suite()]))).toBe('pass: support-triage: 82% → 93% (+11 pts)');
  });

  it('says plainly when a difference is within noise, and how many cases would settle it', () => {
    const s = suite({ verdict: 'inconclusive', pass_rate: { baseline: 0.52, candidate: 0.48, delta: -0.04, ci: [-0.14, 0.06], p_value: 0.43, cases_needed: 480 } });
    const note = renderChangeNote(report([s]), { target: 'comment' });
    expect(note).toContain('Pass rate 52% → 48% (−4 points, 95% CI −14 to +6');
    expect(note).toContain('**Within noise:** the interval includes 0');
    expect(note).toContain('About 480 cases would settle it.');
  });

  it('an added prompt shows its absolute pass rate with an interval and no delta', () => {
    const s = suite({ change: 'added', pass_rate: { baseline: null, candidate: 0.9, delta: null, ci: null, p_value: null, candidate_ci: [0.8, 0.96] }, latency_ms: { baseline: null, candidate: { p50: 1, p95: 2 }, p95_ratio: null, p95_ratio_ci: null }, cost_usd: { baseline_per_case: null, candidate_per_case: 0.001, ratio: null, ratio_ci: null } });
    expect(headline(s, 0.95)).toBe('Pass rate 90% (120 cases × 3, 95% CI 80% to 96%; new prompt, no baseline)');
  });

  it('lists the worst regressions and the best fixes first', () => {
    const s = suite({ cases: [kase('small-drop', 3, 2), kase('big-drop', 3, 0), kase('same', 2, 2), kase('fix', 0, 3), kase('half-fix', 1, 2)] });
    const note = renderChangeNote(report([s]), { target: 'cli' });
    expect(note).toContain('2 regressions, 2 fixes');
    expect(note.indexOf('big-drop')).toBeLessThan(note.indexOf('small-drop'));
    expect(note.indexOf('| fix |')).toBeLessThan(note.indexOf('half-fix'));
    expect(note).not.toContain('| same |');
  });

  it('renders model output and PR text inert: no mention, no HTML, no image, no escape from fences or tables', () => {
    const hostile = 'ping @acme/admins and @bob <img src=x onerror=alert(1)> ![i](https://x/y.png) ``` </details> a|b';
    const s = suite({ verdict: 'fail', cases: [kase('x|y', 3, 0, 3, { outputs: { baseline: 'ok', candidate: hostile }, reasons: { candidate: hostile } })] });
    const note = renderChangeNote(report([s], { context: { title: '@everyone <b>look</b>', goal: hostile } }), { target: 'comment', marker: '<!-- m -->' });
    expect(note.startsWith('<!-- m -->\n')).toBe(true);
    // GitHub renders neither mentions, HTML nor images inside a code block; everywhere else they must be escaped.
    const outsideFences = note.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
    expect(outsideFences).not.toMatch(/@acme\/admins|@bob|@everyone/);
    expect(outsideFences).not.toMatch(/<img|<b>|!\[i\]/);
    expect(note).toContain(hostile.replace(' a|b', '')); // shown verbatim, for the reviewer, inside its fence
    expect(outsideFences.match(/<details>/g)!.length).toBe(outsideFences.match(/<\/details>/g)!.length);
    expect(note).toContain('x\\|y');
    // The hostile output sits in a fence longer than any backtick run inside it.
    expect(note).toMatch(/````\n[^\n]*``` <\/details>[^\n]*\n````/);
  });

  it('stays under the cap with 5,000 cases and huge outputs, cutting detail but never the headline or the gate', () => {
    const cases = Array.from({ length: 5_000 }, (_, i) => kase(`case-${i}`, i % 2 ? 3 : 0, i % 2 ? 0 : 3, 3, { outputs: { baseline: 'b'.repeat(2_000), candidate: '```\n' + 'c'.repeat(2_000) } }));
    const tags = Array.from({ length: 300 }, (_, i) => ({ tag: `t${i}`, n_cases: 10, baseline: 0.5, candidate: 0.6, delta: 0.1, ci: [0, 0.2] as [number, number] }));
    const s = suite({ cases, by_tag: tags, change_detail: { diff: '+x\n'.repeat(30_000), lines_added: 30_000, lines_removed: 0 } });
    const note = renderChangeNote(report([s]), { target: 'comment', maxChars: 65_536 });
    expect(note.length).toBeLessThanOrEqual(65_536);
    expect(note).toContain('Pass rate 82% → 93%');
    expect(note).toContain('**Gate**');
    expect(note).toMatch(/left out to fit|cut to fit/);
    expect(note.match(/<details>/g)?.length ?? 0).toBe(note.match(/<\/details>/g)?.length ?? 0);
    const fences = note.split('\n').filter((l) => /^`{3,}/.test(l));
    expect(fences.length % 2).toBe(0);
  });
});

describe('escaping helpers', () => {
  it('escapeInline neutralises mentions, HTML and table pipes', () => {
    const e = escapeInline('@a <x> | [l](u) `c`\nnext');
    expect(e).not.toContain('@a');
    expect(e).toContain('&lt;x&gt;');
    expect(e).toContain('\\|');
    expect(e).not.toContain('\n');
  });
  it('fencedBlock outgrows the longest backtick run', () => {
    expect(fencedBlock('a ````` b')).toBe('``````\na ````` b\n``````');
    expect(fencedBlock('plain', 'diff')).toBe('```diff\nplain\n```');
  });
});
