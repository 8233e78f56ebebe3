import { ReportSchema, type CaseReport, type Report, type SuiteReport } from '../../src/report/schema.js';

/** A case with `passed/runs` per variant (`null`: the variant did not run). */
export function makeCase(id: string, before: [number, number] | null, after: [number, number] | null, extra: Partial<CaseReport> = {}): CaseReport {
  return {
    id,
    tags: [],
    baseline: before ? { passed: before[0], runs: before[1] } : null,
    candidate: after ? { passed: after[0], runs: after[1] } : null,
    ...extra,
  };
}

/**
 * A modified prompt, 120 cases × 3, pass rate 82% → 93% with a clear interval, p95 latency +180 ms and cost +27% —
 * the example of docs/contract.md §10. Every field can be overridden.
 */
export function makeSuite(over: Partial<SuiteReport> = {}): SuiteReport {
  return {
    name: 'support-triage',
    prompt: 'prompts/triage.prompt.yml',
    change: 'modified',
    verdict: 'pass',
    n_cases: 120,
    repeats: 3,
    pass_rate: { baseline: 0.82, candidate: 0.93, delta: 0.11, ci: [0.061, 0.159], p_value: 0.0001, method: 'paired t on per-case differences' },
    latency_ms: { baseline: { p50: 812, p95: 1400, p99: 1900 }, candidate: { p50: 990, p95: 1580, p99: 2100 }, p95_ratio: 1.1286, p95_ratio_ci: [0.98, 1.27] },
    cost_usd: { baseline_per_case: 0.00041, candidate_per_case: 0.0005207, ratio: 1.27, ratio_ci: [1.2, 1.33], baseline_per_pass: 0.0005, candidate_per_pass: 0.00056 },
    tokens: { baseline: { input: 36_000, output: 9_000 }, candidate: { input: 48_000, output: 9_360 } },
    rules: [
      { rule: 'pass_rate', verdict: 'pass', detail: 'Pass rate 82% → 93% (+11 points, 95% CI +6.1 to +15.9, 120 cases × 3): rules out any drop.' },
      { rule: 'error_rate', verdict: 'pass', detail: '0 of 720 planned calls failed after retries (0%), within the 5% limit.' },
    ],
    errors: { baseline: 0, candidate: 0 },
    cases: Array.from({ length: 120 }, (_, i) => makeCase(`T-${i + 1}`, [3, 3], [3, 3])),
    ...over,
  };
}

export function makeReport(suites: SuiteReport[] = [makeSuite()], over: Partial<Report> = {}): Report {
  // Through the schema, so a hand-built report is one the pipeline could have written.
  return ReportSchema.parse({
    schema_version: 1,
    verdict: suites[0]?.verdict ?? 'skipped',
    base: '1111111aaaaaaabbbbbbbcccccccddddddd000000',
    head: '2222222eeeeeeefffffff000000011111112222',
    confidence: 0.95,
    suites,
    calls: { total: 720, cached: 360, failed: 0, retried: 4 },
    cost_usd_total: 0.31,
    duration_ms: 5400,
    ...over,
  });
}

/**
 * What must hold for any note GitHub renders: every fence closed by a fence at least as long (CommonMark §4.5),
 * `<details>` balanced outside code, no HTML tag but ours, no mention, and every table row with its header's cells.
 * Returns the problems found (empty when the note is sound).
 */
export function markdownProblems(note: string): string[] {
  const problems: string[] = [];
  let fence = 0;
  let depth = 0;
  let tableCells = -1;
  const cells = (row: string) => row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 2;
  note.split('\n').forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (/@[\w-]/.test(line)) problems.push(`${at}: a mention: ${line.slice(0, 80)}`);
    if (fence > 0) {
      const close = /^(`+)\s*$/.exec(line);
      if (close && close[1]!.length >= fence) fence = 0;
      return;
    }
    const open = /^(`{3,})/.exec(line);
    if (open) {
      fence = open[1]!.length;
      tableCells = -1;
      return;
    }
    for (const tag of line.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>?/g)) {
      if (tag[1] !== 'details' && tag[1] !== 'summary') problems.push(`${at}: HTML tag <${tag[1]}>`);
    }
    for (const tag of line.matchAll(/<(\/?)details>/g)) {
      depth += tag[1] ? -1 : 1;
      if (depth < 0) problems.push(`${at}: </details> without <details>`);
    }
    if (line.includes('<summary>') && !/<summary>[^<]*<\/summary>/.test(line)) problems.push(`${at}: <summary> not closed on its line`);
    if (line.startsWith('|')) {
      if (tableCells < 0) tableCells = cells(line);
      else if (cells(line) !== tableCells) problems.push(`${at}: ${cells(line)} cells, the header has ${tableCells}: ${line.slice(0, 120)}`);
    } else {
      tableCells = -1;
    }
  });
  if (fence > 0) problems.push('a code fence is never closed');
  if (depth !== 0) problems.push(`${depth} <details> never closed`);
  return problems;
}

/**
 * The note without its fenced code blocks and code spans: what GitHub renders as Markdown rather than as literal
 * text. A backslash-escaped backtick opens no span (CommonMark §6.1).
 */
export function outsideCode(note: string): string {
  return outsideCodeBlocks(note)
    .split('\n')
    .map((line) => line.replace(/\\[\s\S]|(`+)[\s\S]*?[^`]\1(?!`)|(`+)/g, (m, span: string | undefined) => (span ? '' : m)))
    .join('\n');
}

function outsideCodeBlocks(note: string): string {
  const out: string[] = [];
  let fence = 0;
  for (const line of note.split('\n')) {
    if (fence > 0) {
      const close = /^(`+)\s*$/.exec(line);
      if (close && close[1]!.length >= fence) fence = 0;
      continue;
    }
    const open = /^(`{3,})/.exec(line);
    if (open) fence = open[1]!.length;
    else out.push(line);
  }
  return out.join('\n');
}
