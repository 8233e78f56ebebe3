import { join } from 'node:path';
import { changedFilesBetween, resolveRev } from './changes/git.js';
import { prContext } from './changes/pr-context.js';
import type { ChangedFile } from './changes/types.js';
import { checkCount, RenderBudget } from './config/limits.js';
import { GateSchema, RunSchema } from './config/schema.js';
import { planRequests, plannedSamples, shardSlice } from './plan/requests.js';
import { readSides } from './plan/read-sides.js';
import { endpointResolver } from './plan/settings.js';
import { planSuites } from './plan/suites.js';
import { secrets } from './redact.js';
import type { Report, SuiteReport, Verdict } from './report/schema.js';
import { matchGivenRepeats, redactRecord } from './results/given.js';
import { sampleAndReport } from './review/sampling.js';
import { budgetPreflight, diskCache, filterUncached, type ResponseCache, type ReviewProgress } from './run/index.js';
import type { SampleRecord } from './run/types.js';

export { progressLine, type ReviewProgress } from './run/progress.js';

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
    /** `--sampling` / the Action's `sampling` input: wins over `run.sampling`. */
    sampling?: 'fixed' | 'sequential';
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
  /**
   * Called once with the number of samples the review plans (a shard's share of them), before any is rendered, taken
   * or priced; it may throw to stop the review there (the CLI hands a large review to the launcher: src/cli/run.ts).
   */
  onPlanned?: (samples: number) => void;
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
 * The one pipeline behind the CLI and the Action (docs/architecture.md): read both sides → plan → limits → budget
 * preflight → sample (fixed or sequential; or take given samples) and build the report (statistics → gate) → redact. Bad input throws PromptgateError before any model call; a failed
 * run still returns a report (verdict `error`) so nothing computed is lost.
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
    settings: { env: input.env, configFile: null, overrides: { baseUrl: input.overrides?.baseUrl }, zeroConfig: config ? undefined : input.zeroConfigProvider },
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

  const endpointFor = endpointResolver({
    hasConfig: !!config,
    env: input.env,
    apiKey: input.overrides?.apiKey,
    zeroConfigKey: input.zeroConfigProvider?.apiKey,
    noKeys: !!input.records,
  });
  if (input.records) matchGivenRepeats(planned, input.records);
  // Limits before anything is rendered: samples per review, and rendered text per review (docs/input-limits.md).
  const samples = planned.reduce((n, s) => n + plannedSamples(s), 0);
  checkCount('samples', samples, { file: trustedSide.configFile ?? undefined });
  // Before anything is rendered: a review handed elsewhere here has built nothing large (src/cli/run.ts).
  input.onPlanned?.(input.shard ? Math.ceil(samples / input.shard.count) : samples);
  const renderBudget = new RenderBudget();
  const requests = shardSlice(
    planned.flatMap((s) => planRequests(s, endpointFor, renderBudget)),
    input.shard,
  );
  const cache: ResponseCache | null = input.noCache || input.records ? null : diskCache(join(input.repoDir, runConfig.cache_dir));

  const budget = input.overrides?.budgetUsd ?? runConfig.budget_usd;
  if (budget !== undefined && !input.records) {
    // The preflight prices the most a review may make: a sequential run that stops early spends less.
    const preflight = budgetPreflight(cache ? await filterUncached(requests, cache) : requests, budget);
    log(preflight.line);
    if (preflight.refusal) {
      const { emptySuiteReport } = await import('./report/build.js');
      const suites = planned.map((s) => emptySuiteReport(s, 'error', preflight.refusal!));
      return { report: skeleton('error', suites, { notes: [preflight.refusal] }), changedPrompts, records: [], planned: requests.length };
    }
  }
  const { report, records } = await sampleAndReport({
    planned,
    requests,
    gate,
    run: runConfig,
    requested: input.overrides?.sampling ?? runConfig.sampling,
    given: input.records,
    shard: input.shard,
    cache,
    budgetUsd: budget,
    concurrency: input.overrides?.concurrency ?? runConfig.concurrency,
    head: headSha,
    skeleton,
    signal: input.signal,
    forceStop: input.forceStop,
    onProgress: input.onProgress,
    log,
  });
  // Nothing the run knows as a secret leaves in the report, the note, the check or a shard file (docs/security.md).
  // The report's schema is loaded after the calls, like the rest of the report (docs/architecture.md, "Start-up").
  const { ReportSchema } = await import('./report/schema.js');
  return { report: ReportSchema.parse(secrets.redactDeep(report)), changedPrompts, records: records.map(redactRecord), planned: requests.length };
}
