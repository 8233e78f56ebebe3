import { join } from 'node:path';
import { createTwoFilesPatch, structuredPatch } from 'diff';
import { gradeOutput } from './assertions/index.js';
import { changedFilesBetween, listFilesAt, readFileAt, resolveRev } from './changes/git.js';
import { prContext } from './changes/pr-context.js';
import type { ChangedFile } from './changes/types.js';
import { checkCount, RenderBudget } from './config/limits.js';
import { findConfig } from './config/load.js';
import { GateSchema, RunSchema, type Config } from './config/schema.js';
import { PromptgateError } from './errors.js';
import { secrets } from './redact.js';
import { evaluateGate, type GateSuiteInput } from './gate/index.js';
import { measureSuite } from './stats/index.js';
import { planRequests, shardSlice } from './plan/requests.js';
import { apiKeyFor, settingsChanges } from './plan/settings.js';
import { planSuites, type PlannedSuite, type PlannedVariant, type Side } from './plan/suites.js';
import { ReportSchema, type Report, type SuiteReport, type Verdict } from './report/schema.js';
import { aggregateSuite } from './results/aggregate.js';
import { checkBudgetPricing } from './run/budget.js';
import { diskCache, estimateCost, runSamples, type ResponseCache } from './run/index.js';
import type { CallCounts, Endpoint, SampleRecord, SampleRequest } from './run/types.js';

/** Progress of a running review, for a bar on stderr or a log line in the Action. */
export interface ReviewProgress {
  done: number;
  total: number;
  cached: number;
  failed: number;
  /** Estimated ms left, null until enough calls finished. */
  etaMs: number | null;
}

/** "123/480 samples · 40 cached · 0 failed · ETA 12s": the progress line of the CLI and the Action's log. */
export function progressLine(p: ReviewProgress): string {
  return `${p.done}/${p.total} samples · ${p.cached} cached · ${p.failed} failed${p.etaMs !== null ? ` · ETA ${Math.ceil(p.etaMs / 1000)}s` : ''}`;
}

export interface ReviewInput {
  /** Root of a git work tree that has both commits. */
  repoDir: string;
  /** Base and head: any git revision (`main`, a sha, `HEAD`). */
  base: string;
  head: string;
  /** Config path relative to repoDir; default: promptgate.yml, then .github/promptgate.yml, else zero-config. */
  configPath?: string;
  /** Where config, eval sets and assertions are read from: 'head' (default) or 'base' (pull_request_target). */
  trustedSide?: 'base' | 'head';
  /** Files changed between base and head, when the caller knows them (PR files API); else `git diff` finds them. */
  changedFiles?: ChangedFile[];
  /** Overrides from CLI flags / Action inputs; they win over the config. */
  overrides?: {
    repeats?: number;
    concurrency?: number;
    budgetUsd?: number;
    baseUrl?: string;
    apiKey?: string;
  };
  /** Environment for `api_key_env` and `${VAR}` references (the edges pass process.env). */
  env: Record<string, string | undefined>;
  /** Zero-config provider defaults (the Action passes GitHub Models + the workflow token). */
  zeroConfigProvider?: { baseUrl: string; apiKey?: string; model?: string };
  /** PR context for the note's Goal and Rollout sections. */
  context?: { title?: string; body?: string; url?: string };
  /** Run only this deterministic slice of the samples (`--shard i/n`); the output then carries `records`. */
  shard?: { index: number; count: number };
  /** Samples already computed elsewhere (shard files): no model is called; missing samples are an error. */
  records?: SampleRecord[];
  /** Disable the response cache (default: on, in the config's `run.cache_dir`). */
  noCache?: boolean;
  onProgress?: (p: ReviewProgress) => void;
  /** Log line sink (stderr in the CLI, core.info in the Action). */
  log?: (line: string) => void;
  /** Stops starting calls; calls in flight finish, then a partial report is made. */
  signal?: AbortSignal;
  /** After `signal`: stop waiting for calls in flight, too (see RunOptions.forceStop). */
  forceStop?: AbortSignal;
}

export interface ReviewOutput {
  report: Report;
  /** Paths of the prompt files that changed and triggered a suite (repo-relative). */
  changedPrompts: string[];
  /** Every finished sample (what a shard writes for `promptgate merge`). */
  records: SampleRecord[];
  /** Samples planned in this run (after sharding). */
  planned: number;
}

/**
 * The one pipeline behind the CLI and the Action: read both sides → plan → run (or take given samples) →
 * statistics → gate → report. Bad input throws PromptgateError before any model call; a failed run still
 * returns a report (verdict `error`) so nothing computed is lost.
 */
export async function review(input: ReviewInput): Promise<ReviewOutput> {
  const started = Date.now();
  const sink = input.log ?? (() => {});
  const log = (line: string) => sink(secrets.redact(line));
  const [baseSha, headSha] = [await resolveRev(input.repoDir, input.base), await resolveRev(input.repoDir, input.head)];
  const trusted = input.trustedSide ?? 'head';
  const [base, head] = await readSides(input, baseSha, headSha, trusted, log);
  const trustedSide = trusted === 'base' ? base : head;
  const config = trustedSide.config;
  const gate = config?.gate ?? GateSchema.parse({});
  const runConfig = config?.run ?? RunSchema.parse({});
  const changed = input.changedFiles ?? (await changedFilesBetween(input.repoDir, baseSha, headSha));
  const context = input.context ? prContext(input.context.title, input.context.body, input.context.url) : undefined;

  const planned = await planSuites({
    base,
    head,
    trusted,
    changed,
    settings: {
      env: input.env,
      configFile: null,
      overrides: { baseUrl: input.overrides?.baseUrl },
      zeroConfig: config ? undefined : input.zeroConfigProvider,
    },
    repeatsOverride: input.overrides?.repeats,
  });
  const changedPrompts = planned.map((s) => s.prompt);
  const skeleton = (verdict: Verdict, suites: SuiteReport[], extra: Partial<Report> = {}): Report => ({
    schema_version: 1,
    verdict,
    base: baseSha,
    head: headSha,
    confidence: gate.confidence,
    inconclusive_policy: gate.inconclusive,
    suites,
    calls: { total: 0, cached: 0, failed: 0, retried: 0 },
    cost_usd_total: 0,
    duration_ms: Date.now() - started,
    ...(context ? { context } : {}),
    ...extra,
  });
  if (planned.length === 0) {
    log('No prompt changes: nothing to review.');
    return { report: skeleton('skipped', [], { notes: ['No prompt changes: no suite was triggered.'] }), changedPrompts, records: [], planned: 0 };
  }

  // Keys are looked up only for what will run, so a review with nothing to run never asks for one; merging shard
  // files calls no model and needs none. Every key and endpoint credential is registered for redaction.
  const endpoints = new Map<PlannedVariant, Endpoint>();
  const endpointFor = (v: PlannedVariant): Endpoint => {
    let e = endpoints.get(v);
    if (!e) {
      // Without a config no key is read from the environment: an OPENAI_API_KEY that happens to be set is never sent
      // to GitHub Models; the caller's key (api-key input, the CLI's) or the zero-config token is.
      const apiKey = input.records
        ? ''
        : secrets.add(
            config
              ? apiKeyFor(v.settings, { env: input.env, apiKey: input.overrides?.apiKey })
              : apiKeyFor(v.settings, { env: {}, apiKey: input.overrides?.apiKey, fallback: input.zeroConfigProvider?.apiKey }),
          );
      secrets.addUrl(v.settings.baseURL);
      e = { baseURL: v.settings.baseURL, apiKey, model: v.settings.model, params: v.settings.params, pricing: v.settings.pricing, apiKeyEnv: input.overrides?.apiKey ? undefined : v.settings.apiKeyEnv };
      endpoints.set(v, e);
    }
    return e;
  };
  if (input.records) matchGivenRepeats(planned, input.records);
  // Limits before anything is rendered: samples per review, and rendered text per review (docs/input-limits.md).
  const configWhere = { file: trustedSide.configFile ?? undefined };
  checkCount('samples', planned.reduce((n, s) => n + plannedSamples(s), 0), configWhere);
  const renderBudget = new RenderBudget();
  const allRequests = planned.flatMap((s) => planRequests(s, endpointFor, renderBudget));
  const requests = shardSlice(allRequests, input.shard);
  const cache: ResponseCache | null = input.noCache || input.records ? null : diskCache(join(input.repoDir, runConfig.cache_dir));

  let records: SampleRecord[];
  let calls: CallCounts;
  let stopped: { reason: string; message: string } | undefined;
  if (input.records) {
    records = pickGivenRecords(requests, input.records);
    calls = countCalls(records);
  } else {
    const budget = input.overrides?.budgetUsd ?? runConfig.budget_usd;
    if (budget !== undefined) {
      const uncached = cache ? await filterUncached(requests, cache) : requests;
      checkBudgetPricing(uncached, budget);
      const estimate = estimateCost(uncached);
      const graderNote = estimate.graderCalls ? `, ${estimate.graderCalls} of them grader calls` : '';
      log(`Estimated cost: $${estimate.usd.toFixed(4)} for ${estimate.calls} uncached calls${graderNote} (budget $${budget.toFixed(2)}).`);
      if (estimate.usd > budget) {
        const message = `Refused to start: the estimated cost $${estimate.usd.toFixed(2)} for ${estimate.calls} calls is over the budget of $${budget.toFixed(2)}. Raise run.budget_usd (or --budget-usd / budget-usd), lower repeats, or trim the eval set.`;
        const suites = planned.map((s) => emptySuiteReport(s, 'error', message));
        return { report: skeleton('error', suites, { notes: [message] }), changedPrompts, records: [], planned: requests.length };
      }
    }
    log(`Running ${requests.length} samples (${planned.length} suite${planned.length === 1 ? '' : 's'}, concurrency ${input.overrides?.concurrency ?? runConfig.concurrency}).`);
    const outcome = await runSamples(requests, {
      concurrency: input.overrides?.concurrency ?? runConfig.concurrency,
      timeoutMs: runConfig.timeout_s * 1000,
      maxRetries: runConfig.max_retries,
      rpm: runConfig.rpm,
      tpm: runConfig.tpm,
      cache,
      budgetUsd: budget,
      signal: input.signal,
      forceStop: input.forceStop,
      // Graders (llm_rubric) are model calls: paced, retried, budgeted and cached like the samples (docs/reliability.md).
      grade: (req, output, run) => gradeOutput(req.assert, output, { grader: run.grader }),
      onProgress: input.onProgress,
    });
    for (const w of outcome.warnings ?? []) log(`warning: ${w}`);
    records = outcome.records;
    calls = outcome.calls;
    stopped = outcome.stopped;
  }

  const report = buildReport({ planned, records, calls, gateConfig: gate, skeleton, stopped, sharded: !!input.shard && input.shard.count > 1 });
  // Nothing the run knows as a secret leaves in the report, the note, the check or a shard file (docs/security.md).
  return { report: ReportSchema.parse(secrets.redactDeep(report)), changedPrompts, records: records.map(redactRecord), planned: requests.length };
}

/**
 * Both commits' config, files and reader. Fail closed (docs/fail-closed.md): a config named with `--config` /
 * `config` that does not exist, and a config the change deletes, are errors — never "no prompt changes". A config
 * broken at the base while the head fixes it is not held against the PR when the head is trusted: the baseline
 * then runs with the head's config.
 */
async function readSides(input: ReviewInput, baseSha: string, headSha: string, trusted: 'base' | 'head', log: (line: string) => void): Promise<[Side, Side]> {
  const readSide = async (sha: string, tolerateBrokenConfig: boolean): Promise<Side> => {
    const read = (path: string) => readFileAt(input.repoDir, sha, path);
    let found: Awaited<ReturnType<typeof findConfig>>;
    try {
      found = await findConfig(read, input.configPath);
    } catch (err) {
      if (!tolerateBrokenConfig || !(err instanceof PromptgateError)) throw err;
      log(`warning: the base commit's config does not load, so the baseline runs with the head's config: ${err.format().split('\n')[0]}`);
      found = { config: null, configFile: null, text: null };
    }
    return { sha, config: found.config, configFile: found.configFile, files: await listFilesAt(input.repoDir, sha), read, ...(found.cases ? { cases: found.cases } : {}) };
  };
  const [base, head] = await Promise.all([readSide(baseSha, trusted === 'head'), readSide(headSha, false)]);
  const trustedSide = trusted === 'base' ? base : head;
  const short = (sha: string) => sha.slice(0, 7);
  if (input.configPath && !trustedSide.config) {
    const elsewhere = trusted === 'head' && base.config ? ` (it exists at base ${short(baseSha)}: this change deletes it)` : '';
    throw new PromptgateError(`config file not found at ${trusted} ${short(trustedSide.sha)}${elsewhere}`, {
      file: input.configPath,
      hint: elsewhere ? 'restore the config; to stop gating prompts, remove the required check first' : 'check the --config / config path: it is relative to the repository root',
    });
  }
  if (trusted === 'head' && base.config && !head.config) {
    throw new PromptgateError(`was deleted by this change (it exists at base ${short(baseSha)}, not at head ${short(headSha)})`, {
      file: base.configFile ?? undefined,
      hint: 'a review without its config would pass every prompt change unchecked; restore the file (or move it to promptgate.yml / .github/promptgate.yml). To stop gating prompts, remove the required check first',
    });
  }
  return [base, head];
}

/** Samples a suite plans: cases × repeats × the variants that run. */
function plannedSamples(s: PlannedSuite): number {
  return s.cases.length * s.repeats * ((s.baseline ? 1 : 0) + (s.candidate ? 1 : 0));
}

function redactRecord(r: SampleRecord): SampleRecord {
  if (!r.ok) return { ...r, error: secrets.redact(r.error) };
  const text = secrets.redact(r.output.text);
  return text === r.output.text ? r : { ...r, output: { ...r.output, text } };
}

/**
 * Shard files carry their samples, not the options they ran with: a shard run with `--repeats 5` holds sample
 * indexes 0–4, so the merge plans as many repeats per suite as the files hold instead of the config's default.
 */
function matchGivenRepeats(planned: PlannedSuite[], records: SampleRecord[]): void {
  const most = new Map<string, number>();
  for (const r of records) most.set(r.suite, Math.max(most.get(r.suite) ?? 0, r.sampleIndex + 1));
  for (const s of planned) {
    const n = most.get(s.name);
    if (n !== undefined) s.repeats = n;
  }
}

async function filterUncached(requests: SampleRequest[], cache: ResponseCache): Promise<SampleRequest[]> {
  const out: SampleRequest[] = [];
  for (const r of requests) if ((await cache.get(r.cacheKey)) === undefined) out.push(r);
  return out;
}

function pickGivenRecords(requests: SampleRequest[], given: SampleRecord[]): SampleRecord[] {
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

function countCalls(records: SampleRecord[]): CallCounts {
  const calls: CallCounts = { total: 0, cached: 0, failed: 0, retried: 0 };
  for (const r of records) {
    calls.total++;
    if (r.cached) calls.cached++;
    if (!r.ok) calls.failed++;
    calls.retried += r.retries;
  }
  return calls;
}

interface BuildArgs {
  planned: PlannedSuite[];
  records: SampleRecord[];
  calls: CallCounts;
  gateConfig: Config['gate'];
  skeleton: (verdict: Verdict, suites: SuiteReport[], extra?: Partial<Report>) => Report;
  stopped?: { reason: string; message: string };
  sharded: boolean;
}

function buildReport(args: BuildArgs): Report {
  const { planned, records, gateConfig } = args;
  const runnable = planned.filter((s) => !s.message);
  const results = runnable.map((s) => aggregateSuite(s, records));
  const measured = results.map((r) => measureSuite(r.samples, { confidence: gateConfig.confidence }));
  const gateInputs: GateSuiteInput[] = runnable.map((s, i) => ({
    name: s.name,
    change: s.change,
    measured: measured[i]!,
    cases: results[i]!.samples,
    calls: { total: results[i]!.calls.total, failed: results[i]!.calls.failed },
    runs_planned: plannedSamples(s),
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
      calls: r.calls,
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

function emptySuiteReport(s: PlannedSuite, verdict: Verdict, message: string): SuiteReport {
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
