import { PromptgateError } from '../errors.js';
import type { PlannedSuite } from '../plan/suites.js';
import { secrets } from '../redact.js';
import type { CallCounts, SampleRecord, SampleRequest } from '../run/types.js';

/*
 * Samples computed elsewhere (`promptgate merge` of shard files): fitting them to the plan, and what a shard writes.
 */

/**
 * Shard files carry their samples, not the options they ran with: a shard run with `--repeats 5` holds sample
 * indexes 0–4, so the merge plans as many repeats per suite as the files hold instead of the config's default.
 */
export function matchGivenRepeats(planned: PlannedSuite[], records: SampleRecord[]): void {
  const most = new Map<string, number>();
  for (const r of records) most.set(r.suite, Math.max(most.get(r.suite) ?? 0, r.sampleIndex + 1));
  for (const s of planned) {
    const n = most.get(s.name);
    if (n !== undefined) s.repeats = n;
  }
}

export function pickGivenRecords(requests: SampleRequest[], given: SampleRecord[]): SampleRecord[] {
  const byKey = new Map(given.map((r) => [`${r.suite}\0${r.variant}\0${r.caseId}\0${r.sampleIndex}`, r]));
  const missing: string[] = [];
  const out: SampleRecord[] = [];
  for (const q of requests) {
    const r = byKey.get(`${q.suite}\0${q.variant}\0${q.caseId}\0${q.sampleIndex}`);
    if (r) out.push(r);
    else missing.push(`${q.suite}/${q.variant}/${q.caseId}#${q.sampleIndex}`);
  }
  if (missing.length > 0) {
    throw new PromptgateError(`${missing.length} planned samples are missing from the shard files (first: ${missing[0]})`, {
      hint: 'merge the parts of every shard (1/n … n/n) of the same base, head and config',
    });
  }
  return out;
}

export function countCalls(records: SampleRecord[]): CallCounts {
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  for (const r of records) {
    calls.total++;
    if (r.cached) calls.cached++;
    if (!r.ok) calls.failed++;
    calls.retried += r.retries;
  }
  return calls;
}

/** A record as it may leave the process: every known secret removed from its text and error (docs/security.md). */
export function redactRecord(r: SampleRecord): SampleRecord {
  if (!r.ok) return { ...r, error: secrets.redact(r.error) };
  const text = secrets.redact(r.output.text);
  return text === r.output.text ? r : { ...r, output: { ...r.output, text } };
}
