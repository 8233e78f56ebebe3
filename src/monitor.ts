import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { gradeOutput } from './assertions/index.js';
import { resolveRev } from './changes/git.js';
import { checkCount, RenderBudget } from './config/limits.js';
import { GateSchema, RunSchema } from './config/schema.js';
import { PromptgateError } from './errors.js';
import { planRequests, plannedSamples } from './plan/requests.js';
import { readSides } from './plan/read-sides.js';
import { endpointResolver } from './plan/settings.js';
import { planSuites, type PlannedSuite } from './plan/suites.js';
import { secrets } from './redact.js';
import { buildReport, emptySuiteReport } from './report/build.js';
import { ReportSchema, type Report, type SuiteReport, type Verdict } from './report/schema.js';
import { budgetPreflight, diskCache, runSamples, type ResponseCache, type ReviewProgress } from './run/index.js';
import type { CallCounts, ModelOutput, SampleRequest } from './run/types.js';

/**
 * The drift monitor (docs/monitor.md): the prompts of every suite at one commit, sampled now, compared — paired by
 * case — with reference samples for the same rendered messages. The reference is what the response cache holds
 * for those messages (the last run's answers: same key = same endpoint, model, params, messages and sample index),
 * a pinned copy of it while a drift is open, or a samples file given with `--reference`. Variants: baseline =
 * reference, candidate = now; statistics, gate rules and the note are a review's.
 */

/** The samples file: what `promptgate monitor --samples FILE` writes and `--reference FILE` reads. */
export const SAMPLES_KIND = 'promptgate-monitor-samples';
const ModelOutputSchema = z.object({
  text: z.string(),
  toolCalls: z.array(z.object({ name: z.string(), arguments: z.string() })).optional(),
  latencyMs: z.number().nonnegative(),
  usage: z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
  finishReason: z.string().optional(),
  model: z.string().optional(),
});
const SampleSchema = z.object({
  /** The response cache's content address (docs/reliability.md): the pairing key. */
  key: z.string().regex(/^[0-9a-f]{64}$/, 'expected the 64-hex-digit cache key'),
  suite: z.string(),
  case_id: z.string(),
  sample_index: z.number().int().min(0),
  output: ModelOutputSchema,
});
export const SamplesFileSchema = z.object({
  kind: z.literal(SAMPLES_KIND),
  schema_version: z.literal(1),
  /** The commit whose prompts were sampled. */
  sha: z.string(),
  created_at: z.string(),
  samples: z.array(SampleSchema),
});
export type SamplesFile = z.infer<typeof SamplesFileSchema>;
export type ReferenceSample = z.infer<typeof SampleSchema>;

/** A reference file larger than this is refused before it is read (docs/input-limits.md). */
const MAX_REFERENCE_BYTES = 256 * 1024 * 1024;
const REFERENCE_HINT = 'pass a file written by `promptgate monitor --samples FILE` (or the pinned reference `<cache_dir>/monitor/pinned.json`)';

/** Reads and checks a samples file (`--reference`): JSON, then the schema above; errors name the file and the field. */
export async function readSamplesFile(file: string): Promise<SamplesFile> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new PromptgateError(`reference file not found: ${(err as Error).message}`, { file, hint: REFERENCE_HINT });
  }
  if (size > MAX_REFERENCE_BYTES) throw new PromptgateError(`is ${size} bytes, over the ${MAX_REFERENCE_BYTES}-byte limit for a reference file`, { file, hint: REFERENCE_HINT });
  return parseSamplesFile(file, await readFile(file, 'utf8'));
}

export function parseSamplesFile(file: string, text: string): SamplesFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PromptgateError(`is not JSON: ${(err as Error).message}`, { file, hint: REFERENCE_HINT });
  }
  const parsed = SamplesFileSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(the file)'}: ${i.message}`)
      .join('; ');
    const shard = (value as { kind?: unknown } | null)?.kind === 'promptgate-shard' ? ' (this is a shard file of `run --shard`, keyed by case, not by rendered messages)' : '';
    throw new PromptgateError(`is not a promptgate monitor samples file${shard}: ${where}`, { file, hint: REFERENCE_HINT });
  }
  return parsed.data;
}

export interface MonitorInput {
  /** Root of a git work tree. */
  repoDir: string;
  /** The commit whose prompts are sampled (default HEAD). */
  ref?: string;
  configPath?: string;
  /** Reference samples given explicitly (`--reference`); they win over the pinned reference and the cache. */
  reference?: SamplesFile;
  /** Do not read references from, or write samples to, the response cache. */
  noCache?: boolean;
  /** Compare nothing: this run's samples become the reference (a model change accepted as the new normal). */
  rebaseline?: boolean;
  overrides?: { repeats?: number; concurrency?: number; budgetUsd?: number; baseUrl?: string; apiKey?: string };
  env: Record<string, string | undefined>;
  zeroConfigProvider?: { baseUrl: string; apiKey?: string; model?: string };
  onProgress?: (p: ReviewProgress) => void;
  log?: (line: string) => void;
  signal?: AbortSignal;
  forceStop?: AbortSignal;
}

export interface MonitorSuite {
  name: string;
  verdict: Verdict;
  /** Cases compared with their reference. */
  compared: number;
  /** Cases without a (complete) reference: their samples now become it. */
  rebaselined: number;
  /** The `model` field of the responses (the version the provider reports), reference vs now; sorted, distinct. */
  models: { reference: string[]; now: string[] };
}

export interface MonitorOutput {
  report: Report;
  suites: MonitorSuite[];
  /** This run's samples: the next reference (also written to the cache unless `noCache`). */
  samples: SamplesFile;
  /** The commit sampled. */
  sha: string;
  /** True when no case had a reference: this run is the reference. */
  noReference: boolean;
}

export const NO_REFERENCE = 'No reference yet: this run is the reference.';
/** Where a drifting suite's reference is kept while the drift lasts, inside the response cache's directory. */
export const PINNED_FILE = join('monitor', 'pinned.json');

export async function monitor(input: MonitorInput): Promise<MonitorOutput> {
  const started = Date.now();
  const sink = input.log ?? (() => {});
  const log = (line: string) => sink(secrets.redact(line));
  const sha = await resolveRev(input.repoDir, input.ref ?? 'HEAD');
  const [, side] = await readSides(input, sha, sha, 'head', log);
  const config = side.config;
  const gate = config?.gate ?? GateSchema.parse({});
  const runConfig = config?.run ?? RunSchema.parse({});
  // Every file counts as changed, so every suite (every prompt file a suite's glob matches) is planned: baseline
  // and candidate are the same text, hence the same rendered messages and the same cache keys.
  const planned = (
    await planSuites({
      base: side,
      head: side,
      trusted: 'head',
      changed: side.files.map((path) => ({ path, status: 'modified' as const })),
      settings: { env: input.env, configFile: null, overrides: { baseUrl: input.overrides?.baseUrl }, zeroConfig: config ? undefined : input.zeroConfigProvider },
      repeatsOverride: input.overrides?.repeats,
    })
  ).filter((s) => s.candidate !== null);
  const skeleton = (verdict: Verdict, suites: SuiteReport[], extra: Partial<Report> = {}): Report => ({
    schema_version: 1,
    verdict,
    // The reference samples are for these same rendered messages: the prompts of this commit.
    base: input.reference?.sha ?? sha,
    head: sha,
    confidence: gate.confidence,
    inconclusive_policy: gate.inconclusive,
    suites,
    calls: { total: 0, cached: 0, failed: 0, retried: 0 },
    cost_usd_total: 0,
    duration_ms: Date.now() - started,
    context: { title: `Drift monitor: the prompts at ${sha.slice(0, 7)} now, against their reference samples`, goal: null, rollout: null, url: null },
    ...extra,
  });
  const samplesFile = (samples: ReferenceSample[]): SamplesFile => ({ kind: SAMPLES_KIND, schema_version: 1, sha, created_at: new Date().toISOString(), samples });
  if (planned.length === 0) {
    log('No suite to monitor.');
    const report = skeleton('skipped', [], { notes: ['No suite to monitor: the config has no suite with a prompt file and cases at this commit.'] });
    return { report, suites: [], samples: samplesFile([]), sha, noReference: true };
  }

  const endpointFor = endpointResolver({ hasConfig: !!config, env: input.env, apiKey: input.overrides?.apiKey, zeroConfigKey: input.zeroConfigProvider?.apiKey });
  checkCount('samples', planned.reduce((n, s) => n + plannedSamples(s), 0) / 2, { file: side.configFile ?? undefined });
  const renderBudget = new RenderBudget();
  const bySuite = new Map<PlannedSuite, SampleRequest[]>(planned.map((s) => [s, planRequests(s, endpointFor, renderBudget).filter((r) => r.variant === 'candidate')]));
  const fresh = [...bySuite.values()].flat();
  const sampleKeys = new Set(fresh.map((r) => r.cacheKey));

  // References, all read before any call: this run's answers overwrite the same cache keys.
  const disk: ResponseCache | null = input.noCache ? null : diskCache(join(input.repoDir, runConfig.cache_dir));
  const pinnedPath = join(input.repoDir, runConfig.cache_dir, PINNED_FILE);
  const pinned = input.noCache ? new Map<string, ReferenceSample>() : await readPinned(pinnedPath, log);
  const given = new Map((input.reference?.samples ?? []).map((s) => [s.key, s]));
  const reference = new Map<string, ModelOutput>();
  if (!input.rebaseline) {
    for (const r of fresh) {
      const out = given.get(r.cacheKey)?.output ?? pinned.get(r.cacheKey)?.output ?? (disk ? await disk.get(r.cacheKey) : undefined);
      if (out) reference.set(r.cacheKey, out);
    }
  }

  // The comparison: per suite, the cases whose every sample has a reference; the rest are re-baselined.
  const compared = new Map<PlannedSuite, PlannedSuite>();
  const refRequests: SampleRequest[] = [];
  for (const [s, reqs] of bySuite) {
    const complete = new Set(s.cases.map((c) => c.id));
    for (const r of reqs) if (!reference.has(r.cacheKey)) complete.delete(r.caseId);
    if (complete.size === 0) continue;
    compared.set(s, { ...s, cases: s.cases.filter((c) => complete.has(c.id)) });
    for (const r of reqs) if (complete.has(r.caseId)) refRequests.push({ ...r, variant: 'baseline' });
  }

  const budget = input.overrides?.budgetUsd ?? runConfig.budget_usd;
  if (budget !== undefined) {
    const preflight = budgetPreflight(fresh, budget);
    log(preflight.line);
    if (preflight.refusal) {
      const report = skeleton(
        'error',
        planned.map((s) => emptySuiteReport(s, 'error', preflight.refusal!)),
        { notes: [preflight.refusal] },
      );
      return { report: ReportSchema.parse(secrets.redactDeep(report)), suites: [], samples: samplesFile([]), sha, noReference: compared.size === 0 };
    }
  }

  const concurrency = input.overrides?.concurrency ?? runConfig.concurrency;
  const runOptions = {
    concurrency,
    timeoutMs: runConfig.timeout_s * 1000,
    maxRetries: runConfig.max_retries,
    rpm: runConfig.rpm,
    tpm: runConfig.tpm,
    signal: input.signal,
    forceStop: input.forceStop,
    grade: (req: SampleRequest, output: ModelOutput, run: Parameters<Parameters<typeof runSamples>[1]['grade']>[2]) => gradeOutput(req.assert, output, { grader: run.grader }),
  };
  log(`Sampling ${fresh.length} samples now (${planned.length} suite${planned.length === 1 ? '' : 's'}, concurrency ${concurrency}); ${reference.size} have a reference.`);
  // Samples are called fresh, never read from the cache (the point is what the model answers today); their answers
  // are written to it, and become the next reference. Grader answers (llm_rubric) are cached as in a review.
  const freshCache: ResponseCache = {
    get: async (key) => (sampleKeys.has(key) ? undefined : disk?.get(key)),
    set: async (key, value) => disk?.set(key, value),
  };
  const now = await runSamples(fresh, { ...runOptions, cache: freshCache, budgetUsd: budget, onProgress: input.onProgress });
  for (const w of now.warnings) log(`warning: ${w}`);
  // The reference side is graded by today's assertions: a cache hit for every sample, graders as usual.
  const refCache: ResponseCache = {
    get: async (key) => (sampleKeys.has(key) ? reference.get(key) : disk?.get(key)),
    set: async (key, value) => {
      if (!sampleKeys.has(key)) await disk?.set(key, value);
    },
  };
  const then = refRequests.length ? await runSamples(refRequests, { ...runOptions, cache: refCache }) : null;

  const records = [...now.records, ...(then?.records ?? [])];
  const calls: CallCounts = sumCalls(now.calls, then?.calls);
  const stopped = now.stopped ?? then?.stopped;
  const comparedSuites = [...compared.values()];
  const built = comparedSuites.length
    ? buildReport({ planned: comparedSuites, records, calls, gateConfig: gate, skeleton, stopped, sharded: false })
    : skeleton(stopped ? 'error' : 'skipped', [], { calls, ...(stopped ? { partial: true, notes: [`Partial: ${stopped.message}`] } : {}) });

  const versions = (reqs: SampleRequest[], from: (r: SampleRequest) => ModelOutput | undefined) =>
    [
      ...new Set(
        reqs
          .map(from)
          .filter((o): o is ModelOutput => !!o)
          .map((o) => o.model ?? '(not reported)'),
      ),
    ].sort();
  const nowOutputs = new Map(now.records.flatMap((r) => (r.ok ? [[idOf(r), r.output] as const] : [])));

  const suites: MonitorSuite[] = [];
  const reports: SuiteReport[] = [];
  const notes: string[] = [];
  for (const s of planned) {
    const reqs = bySuite.get(s)!;
    const c = compared.get(s);
    const reportOf = c ? built.suites.find((x) => x.name === s.name) : undefined;
    const usedRef = c ? reqs.filter((r) => c.cases.some((k) => k.id === r.caseId)) : [];
    const m = { reference: versions(usedRef, (r) => reference.get(r.cacheKey)), now: versions(reqs, (r) => nowOutputs.get(idOf(r))) };
    const rebaselined = s.cases.length - (c?.cases.length ?? 0);
    let suiteReport: SuiteReport;
    if (reportOf) {
      const model = { baseline: m.reference.join(', ') || null, candidate: m.now.join(', ') || null };
      suiteReport = { ...reportOf, change: 'unchanged', change_detail: { ...reportOf.change_detail, diff: null, lines_added: 0, lines_removed: 0, settings: [], model } };
      notes.push(
        `${s.name}: model version the provider reported — reference ${model.baseline ?? '(none)'}, now ${model.candidate ?? '(none)'}${model.baseline !== model.candidate ? ' (changed)' : ''}.`,
      );
      if (rebaselined > 0)
        notes.push(
          `${s.name}: ${rebaselined} of ${s.cases.length} cases re-baselined (no reference for their rendered messages: a new case, a changed prompt or an evicted cache); ${c!.cases.length} compared.`,
        );
    } else {
      suiteReport = emptySuiteReport(s, 'skipped', input.rebaseline ? 'Re-baselined on request: this run is the reference.' : NO_REFERENCE);
    }
    reports.push(suiteReport);
    suites.push({ name: s.name, verdict: suiteReport.verdict, compared: c?.cases.length ?? 0, rebaselined, models: m });
  }
  const noReference = compared.size === 0;
  const leading = noReference ? [input.rebaseline ? 'Re-baselined on request: this run is the reference.' : NO_REFERENCE] : [];
  const report: Report = {
    ...built,
    suites: reports,
    duration_ms: Date.now() - started,
    notes: [...leading, ...(built.notes ?? []), ...notes],
  };

  // Fresh samples, as the next reference (and for `--samples`).
  const key = new Map(fresh.map((r) => [idOf(r), r]));
  const samples: ReferenceSample[] = now.records.flatMap((r) => {
    const q = key.get(idOf(r));
    return r.ok && q ? [{ key: q.cacheKey, suite: r.suite, case_id: r.caseId, sample_index: r.sampleIndex, output: r.output }] : [];
  });
  if (!input.noCache) await updatePinned(pinnedPath, pinned, planned, suites, bySuite, reference, compared, log);
  const redacted = ReportSchema.parse(secrets.redactDeep(report));
  return { report: redacted, suites, samples: secrets.redactDeep(samplesFile(samples)) as SamplesFile, sha, noReference };
}

const idOf = (r: { suite: string; caseId: string; sampleIndex: number }) => `${r.suite}\0${r.caseId}\0${r.sampleIndex}`;

function sumCalls(a: CallCounts, b: CallCounts | undefined): CallCounts {
  return b ? { total: a.total + b.total, cached: a.cached + b.cached, failed: a.failed + b.failed, retried: a.retried + b.retried } : a;
}

async function readPinned(path: string, log: (line: string) => void): Promise<Map<string, ReferenceSample>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return new Map();
  }
  try {
    return new Map(parseSamplesFile(path, text).samples.map((s) => [s.key, s]));
  } catch (err) {
    // A damaged pin is a lost reference, not a failed run: the cache's answers are the reference instead.
    log(`warning: the pinned reference is unreadable and was ignored: ${(err as Error).message}`);
    return new Map();
  }
}

/**
 * The pinned reference (docs/monitor.md, "While a drift is open"): a suite that drifted keeps the reference it
 * drifted from, so the next run compares with it again (the issue stays open until the behaviour comes back); a
 * suite that passed drops its pin, and the cache's answers — this run's — are the reference again. A run that
 * ended in error or inconclusive keeps the pin it had; pins of keys no suite plans any more (a changed prompt) go.
 */
async function updatePinned(
  path: string,
  pinned: Map<string, ReferenceSample>,
  planned: PlannedSuite[],
  suites: MonitorSuite[],
  bySuite: Map<PlannedSuite, SampleRequest[]>,
  reference: Map<string, ModelOutput>,
  compared: Map<PlannedSuite, PlannedSuite>,
  log: (line: string) => void,
): Promise<void> {
  const next = new Map<string, ReferenceSample>();
  planned.forEach((s, i) => {
    const verdict = suites[i]!.verdict;
    const reqs = bySuite.get(s)!;
    if (verdict === 'fail') {
      const cases = new Set(compared.get(s)?.cases.map((c) => c.id));
      for (const r of reqs) {
        const out = reference.get(r.cacheKey);
        if (out && cases.has(r.caseId)) next.set(r.cacheKey, { key: r.cacheKey, suite: s.name, case_id: r.caseId, sample_index: r.sampleIndex, output: out });
      }
    } else if (verdict === 'error' || verdict === 'inconclusive') {
      // Not decided either way: a drift that is open stays open against the same reference.
      for (const r of reqs) {
        const p = pinned.get(r.cacheKey);
        if (p) next.set(r.cacheKey, p);
      }
    }
  });
  try {
    if (next.size === 0) {
      await rm(path, { force: true });
      return;
    }
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    const file: SamplesFile = { kind: SAMPLES_KIND, schema_version: 1, sha: 'pinned', created_at: new Date().toISOString(), samples: [...next.values()] };
    await writeFile(tmp, JSON.stringify(secrets.redactDeep(file)));
    await rename(tmp, path);
  } catch (err) {
    log(`warning: the pinned reference could not be written (${(err as Error).message}); the next run compares with this run's samples`);
  }
}
