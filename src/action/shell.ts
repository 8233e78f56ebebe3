import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { z } from 'zod';
import { git, readFileAt } from '../changes/git.js';
import { findConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { formatError, PromptgateError } from '../errors.js';
import { checkConclusion, type CheckConclusion } from '../gate/index.js';
import { completeCheckRun, findCheckRun, reopenCheckRun, startCheckRun, verdictRef, type CheckUnavailable } from '../github/checks.js';
import { makeOctokit, type Octokit } from '../github/client.js';
import { STICKY_MARKER, upsertStickyComment } from '../github/comment.js';
import { pullRequestOf, type PullRequestEvent, type ReviewEvent } from '../github/event.js';
import { listPullRequestFiles } from '../github/files.js';
import { restoreResponseCache, saveResponseCache } from '../github/response-cache.js';
import { CHECK_RUN_ENV, CRASHED_ENV, LAUNCHED_ENV, tellLauncher, type CrashReport } from '../launch.js';
import { registerEnvSecrets, secrets } from '../redact.js';
import { checkTitle, fencedBlock, renderChangeNote, writeJsonReport } from '../report/index.js';
import type { Report, Verdict } from '../report/schema.js';
import { progressLine, review, type ReviewInput, type ReviewProgress } from '../review.js';
import { combineShards, parseShardFile } from '../results/shard-file.js';

/**
 * What every Action path shares: the inputs, secrets, the event file, the check run and the sticky note, and
 * `finish`, which writes whatever a run has (see docs/action.md). The paths themselves live beside this file:
 * pull-request.ts (reviews), commands.ts (`/promptgate` comments); monitoring is src/monitor-action.ts.
 */

const GITHUB_MODELS = { baseUrl: 'https://models.github.ai/inference', model: 'openai/gpt-4o-mini' };
const COMMENT_LIMIT = 65_536;
const CHECK_LIMIT = 65_535;
/** GitHub caps a step summary at 1 MiB; stay well under it. */
const SUMMARY_LIMIT = 300_000;

const flag = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(['true', 'false', '']))
  .transform((s) => s === 'true');
const optionalNumber = (min: number, integer = false) =>
  z.string().transform((s, ctx) => {
    const t = s.trim();
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
      ctx.addIssue({ code: 'custom', message: `expected ${integer ? 'a whole number' : 'a number'} ≥ ${min}` });
      return z.NEVER;
    }
    return n;
  });

/** Action inputs (action.yml), validated at the edge. */
const InputsSchema = z.object({
  config: z.string().transform((s) => s.trim() || undefined),
  'github-token': z.string().trim(),
  'api-key': z.string().transform((s) => s.trim() || undefined),
  'base-url': z.string().transform((s) => s.trim() || undefined),
  'check-name': z.string().transform((s) => s.trim() || 'promptgate'),
  comment: z
    .string()
    .transform((s) => s.trim() || 'true')
    .pipe(flag),
  repeats: optionalNumber(1, true),
  concurrency: optionalNumber(1, true),
  'budget-usd': optionalNumber(0),
  'fail-on-inconclusive': z
    .string()
    .transform((s) => s.trim() || 'false')
    .pipe(flag),
  'shards-dir': z.string().transform((s) => s.trim() || undefined),
  sampling: z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .pipe(z.enum(['fixed', 'sequential', ''], { message: 'expected fixed, sequential or empty (the config decides)' }))
    .transform((s) => (s === '' ? undefined : s)),
});
export type Inputs = z.infer<typeof InputsSchema>;

/** What the launcher hands over (src/launch.ts): set by it alone, still read as outside input. */
const CheckRunIdSchema = z.coerce.number().int().positive();
const CrashSchema = z.object({ message: z.string().min(1), cancelled: z.boolean() });

// Every line the Action logs passes through the redactor: masking (core.setSecret) covers registered values only.
export const info = (line: string) => core.info(secrets.redact(line));
export const warn = (line: string) => core.warning(secrets.redact(line));
export const describe = (err: unknown) => secrets.redact(formatError(err));

export function readInputs(): Inputs {
  const raw = Object.fromEntries(Object.keys(InputsSchema.shape).map((k) => [k, core.getInput(k)]));
  // Secrets first: a message about a bad input must not be the way one leaks.
  secrets.add(raw['api-key']);
  secrets.add(raw['github-token']);
  secrets.addUrl(raw['base-url']?.trim());
  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    throw new PromptgateError(`input "${name}" is invalid: ${issue.message} (got "${raw[name]}")`, { hint: `fix \`${name}:\` under \`with:\` in the workflow step (see action.yml)` });
  }
  return parsed.data;
}

/**
 * The runner's own credentials and every variable named like one (`*_API_KEY`, `*_TOKEN`, …), and the key variables
 * and endpoint credentials the config names, which need not follow that naming. review() registers what it looks up.
 */
export function registerSecrets(env: NodeJS.ProcessEnv, config?: Config | null): void {
  registerEnvSecrets(env);
  secrets.add(env.ACTIONS_RUNTIME_TOKEN);
  secrets.add(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  for (const p of config ? [config.provider, ...config.suites.map((s) => s.provider)] : []) {
    if (p?.api_key_env) secrets.add(env[p.api_key_env]);
    secrets.addUrl(p?.base_url);
  }
}

export async function readEventPayload(path: string | undefined): Promise<unknown> {
  const hint = 'run promptgate as a step of a GitHub Actions workflow (the runner sets GITHUB_EVENT_PATH), or use the CLI outside one';
  if (!path) throw new PromptgateError('GITHUB_EVENT_PATH is not set: there is no workflow event to review', { hint });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new PromptgateError(`cannot read the workflow event: ${formatError(err)}`, { file: path, hint, cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new PromptgateError(`the workflow event is not JSON: ${formatError(err)}`, { file: path, hint, cause: err });
  }
}

export interface StopSignals {
  signal?: AbortSignal;
  forceStop?: AbortSignal;
}

/** Where one run of the Action stands; `finish` writes whatever it has, whatever failed on the way. */
export interface RunState {
  inputs?: Inputs;
  event?: ReviewEvent;
  octokit?: Octokit;
  /**
   * Started (an id); refused for want of permission; or not started — the checks API failed, or the review process
   * crashed before it started one — and then created completed at the end.
   */
  check?: { id: number } | CheckUnavailable | { notStarted: true };
  detailsUrl?: string;
  report: Report | null;
  changedPrompts: string[];
  /** What went wrong, redacted: verdict `error`, a failed check, a failed job. */
  failure: string | null;
  /** Concluding after the review process crashed (see src/launch.ts). */
  crash?: CrashReport;
  responseCache: { dir: string; key: string } | null;
}

export const newRunState = (): RunState => ({ report: null, changedPrompts: [], failure: null, responseCache: null });

/**
 * Runs `start` and then `finish`, whatever `start` throws: the one top-level catch behind "nothing leaves a check in
 * progress" (docs/action.md, "The check run").
 */
export async function runAndFinish(s: RunState, opts: StopSignals, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (err) {
    const message = describe(err);
    s.failure ??= message;
    core.error(message);
  }
  try {
    await finish(s, opts);
  } catch (err) {
    // finish() guards each of its steps; should it still throw, the job fails and the launcher, told nothing,
    // concludes the check (src/launch.ts).
    core.setFailed(`promptgate: ${describe(err)}`);
  }
}

export function crashFromLauncher(env: NodeJS.ProcessEnv): CrashReport | undefined {
  const raw = env[CRASHED_ENV];
  if (!raw || !env[LAUNCHED_ENV]) return undefined;
  try {
    return CrashSchema.parse(JSON.parse(raw));
  } catch {
    return { message: 'promptgate crashed', cancelled: false };
  }
}

function checkRunFromLauncher(env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[CHECK_RUN_ENV];
  if (!raw || !env[LAUNCHED_ENV]) return undefined;
  const parsed = CheckRunIdSchema.safeParse(raw);
  if (!parsed.success) warn(`Ignored ${CHECK_RUN_ENV}="${raw}": expected a check run id; starting a new check run.`);
  return parsed.success ? parsed.data : undefined;
}

/** Sets the crash state from the launcher, or tells the launcher this process is the Action's (src/launch.ts). */
export async function enterRun(s: RunState): Promise<void> {
  s.crash = crashFromLauncher(process.env);
  if (s.crash) {
    s.failure = secrets.redact(s.crash.message);
    core.error(s.failure);
  } else {
    await tellLauncher({ promptgate: 'action' });
  }
}

export function makeClient(s: RunState, inputs: Inputs, owner: string, repo: string): Octokit {
  const env = process.env;
  s.detailsUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  return (s.octokit = makeOctokit(inputs['github-token'], { baseUrl: env.GITHUB_API_URL, log: info }));
}

/**
 * The check run on the head commit: the one the launcher names (a rerun after running out of memory, or the
 * conclusion after a crash), else — with `reuseExisting`, for `/promptgate rerun` — the latest run of that name on
 * the commit, set back in progress, else a new one.
 */
export async function openCheck(s: RunState, opts: { reuseExisting?: boolean } = {}): Promise<void> {
  const { octokit, event, inputs } = s;
  if (!octokit || !event || !inputs) return;
  const where = { owner: event.owner, repo: event.repo, headSha: event.headSha, name: inputs['check-name'], detailsUrl: s.detailsUrl };
  const reuse = checkRunFromLauncher(process.env);
  if (reuse !== undefined) {
    s.check = { id: reuse };
  } else if (s.crash) {
    s.check = { notStarted: true };
  } else {
    try {
      const existing = opts.reuseExisting ? await findCheckRun(octokit, where) : null;
      s.check = existing && !('unavailable' in existing) ? await reopenCheckRun(octokit, { ...where, checkRunId: existing.id }) : await startCheckRun(octokit, where);
    } catch (err) {
      s.check = { notStarted: true };
      throw new PromptgateError(`could not start the check run: ${formatError(err)}`, { cause: err, hint: 'GitHub answered with an error; re-run the job' });
    }
    if ('unavailable' in s.check) warn(`No check run: ${s.check.unavailable}. The job's exit status carries the verdict instead.`);
  }
  if (s.check && 'id' in s.check) await tellLauncher({ promptgate: 'check-run', id: s.check.id });
}

/** What one review of a pull request (or of two commits) needs beyond the run state. */
export interface ReviewRequest {
  trustedSide: 'base' | 'head';
  /** The trusted config, parsed once here for the cache directory, the secrets it names and the commands. */
  config: Config | null;
  /** Overrides from a command (`/promptgate rerun repeats=N`), over the inputs. */
  overrides?: ReviewInput['overrides'];
  /** The PR's changed files, narrowed (`suite=NAME`); default: the PR's file list. */
  changedFiles?: ReviewInput['changedFiles'];
}

/** The repository the workflow checked out, and the commit the review compares with. */
export const workspace = () => resolve(process.env.GITHUB_WORKSPACE ?? process.cwd());
export const baseOf = (event: ReviewEvent) => event.baseSha ?? `${event.headSha}~1`;

/** The trusted config: the base commit's under `pull_request_target` rules, else the head's. */
export async function trustedConfig(s: RunState, trustedSide: 'base' | 'head'): Promise<Config | null> {
  const event = s.event!;
  const repoDir = workspace();
  await ensureCommits(
    repoDir,
    [event.baseSha, event.headSha].filter((sha): sha is string => !!sha),
  );
  const found = await findConfig((path) => readFileAt(repoDir, trustedSide === 'base' ? baseOf(event) : event.headSha, path), s.inputs!.config);
  registerSecrets(process.env, found.config);
  return found.config;
}

/** Restores the response cache, runs review() on the checkout and keeps its report in the state. */
export async function reviewInto(s: RunState, req: ReviewRequest, opts: StopSignals): Promise<Report> {
  const env = process.env;
  const { event, inputs, octokit } = s as Required<Pick<RunState, 'event' | 'inputs' | 'octokit'>>;
  const pr = pullRequestOf(event);
  const repoDir = workspace();
  const base = baseOf(event);
  const changedFiles = req.changedFiles ?? (pr ? await listPullRequestFiles(octokit, pr, { log: warn }) : undefined);
  const cacheDir = req.config?.run.cache_dir ?? '.promptgate/cache';
  if (!s.responseCache && !inputs['shards-dir']) {
    const cacheKey = await restoreResponseCache(repoDir, cacheDir, base, inputs.config, { info, warn });
    if (cacheKey) s.responseCache = { dir: cacheDir, key: cacheKey };
  }
  const given = inputs['shards-dir'] ? await readShards(resolve(repoDir, inputs['shards-dir'])) : undefined;
  const out = await review({
    repoDir,
    records: given?.records,
    base,
    head: event.headSha,
    configPath: inputs.config,
    trustedSide: req.trustedSide,
    changedFiles,
    overrides: {
      repeats: inputs.repeats,
      concurrency: inputs.concurrency,
      budgetUsd: inputs['budget-usd'],
      baseUrl: inputs['base-url'],
      apiKey: inputs['api-key'],
      sampling: inputs.sampling,
      ...req.overrides,
    },
    env,
    zeroConfigProvider: { ...GITHUB_MODELS, apiKey: inputs['github-token'] },
    context: pr ? { title: pr.title, body: pr.body, url: pr.url } : undefined,
    log: info,
    onProgress: progressLogger(),
    signal: opts.signal,
    forceStop: opts.forceStop,
  });
  s.changedPrompts = [...new Set([...s.changedPrompts, ...out.changedPrompts])];
  return out.report;
}

/** The sticky note's marker: two promptgate workflows on one repository (different check names) keep one note each. */
export function markerFor(checkName: string): string {
  return checkName === 'promptgate' ? STICKY_MARKER : STICKY_MARKER.replace(' -->', `:${checkName.replace(/-->/g, '')} -->`);
}

/** The note's error form: what failed, then the review's own note when there is one. */
function errorNote(failure: string): string {
  return `## 🛑 promptgate: error\n\n${fencedBlock(failure)}\n`;
}

/**
 * Writes everything the run has: the JSON report, the sticky comment, the check run, the job summary, the outputs,
 * the response cache. Each step is on its own: one that fails is reported and the others still happen.
 */
async function finish(s: RunState, opts: StopSignals): Promise<void> {
  const env = process.env;
  const inputs = s.inputs;
  const pr = s.event ? pullRequestOf(s.event) : null;
  // What review() returned is redacted already; this covers the Action's own additions (the fork note, the context).
  const report = s.report ? secrets.redactDeep(s.report) : null;
  const fail = (what: string, err: unknown) => {
    s.failure ??= `${what}: ${describe(err)}`;
    core.error(`${what}: ${describe(err)}`);
  };

  let reportPath: string | null = null;
  if (report) {
    const path = join(env.RUNNER_TEMP ?? workspace(), 'promptgate-report.json');
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, writeJsonReport(report));
      reportPath = path;
    } catch (err) {
      fail(`could not write the JSON report to ${path}`, err);
    }
  }

  const checkName = inputs?.['check-name'] ?? 'promptgate';
  const marker = markerFor(checkName);
  const texts = noteTexts(report, s, marker, fail);

  const interrupted = !!opts.signal?.aborted || !!s.crash?.cancelled;
  const verdict: Verdict = s.failure ? 'error' : (report?.verdict ?? 'error');
  const conclusion: CheckConclusion = s.failure
    ? interrupted && (!report || report.partial === true)
      ? 'cancelled'
      : 'failure'
    : checkConclusion(report, inputs?.['fail-on-inconclusive'] ?? false, { interrupted });

  let commentUrl = '';
  if (pr && s.octokit && inputs?.comment) {
    try {
      // A PR without prompt changes gets no new comment; an earlier note is updated so it never goes stale.
      const res = await upsertStickyComment(s.octokit, {
        owner: pr.owner,
        repo: pr.repo,
        issueNumber: pr.number,
        body: texts.comment,
        marker,
        createIfMissing: verdict !== 'skipped',
        log: info,
      });
      if (res) commentUrl = res.url;
    } catch (err) {
      warn(`Could not write the PR comment (${describe(err)}). Give the workflow \`pull-requests: write\`.`);
    }
  }

  let checkFailed = false;
  if (s.octokit && s.event && inputs && s.check && !('unavailable' in s.check)) {
    try {
      // A check that could not be started is created completed now: GitHub may answer again, and a required check
      // should show why it failed rather than nothing.
      const done = await completeCheckRun(s.octokit, {
        owner: s.event.owner,
        repo: s.event.repo,
        checkRunId: 'id' in s.check ? s.check.id : undefined,
        headSha: s.event.headSha,
        name: inputs['check-name'],
        conclusion,
        title: texts.title,
        summary: texts.check,
        detailsUrl: s.detailsUrl,
        externalId: verdictRef({ verdict }),
      });
      if ('unavailable' in done) warn(`Could not complete the check run: ${done.unavailable}`);
    } catch (err) {
      checkFailed = true;
      core.error(`Could not complete the check run: ${describe(err)}`);
    }
  }

  try {
    await core.summary.addRaw(texts.summary).write();
  } catch (err) {
    core.summary.emptyBuffer();
    warn(`Could not write the job summary: ${describe(err)}`);
  }

  const delta = s.failure ? undefined : report?.suites.find((x) => x.pass_rate.delta !== null)?.pass_rate.delta;
  setOutputs({
    verdict,
    'comment-url': commentUrl,
    'changed-prompts': JSON.stringify(s.changedPrompts),
    'pass-rate-delta': delta === undefined || delta === null ? '' : String(delta),
    ...(reportPath ? { 'report-path': reportPath } : {}),
  });
  // The launcher now has nothing to conclude should this process die (src/launch.ts).
  await tellLauncher({ promptgate: 'concluded' });

  // Last: the note and the check matter more, and on a cancelled job the runner's kill may come first.
  if (s.responseCache) await saveResponseCache(workspace(), s.responseCache.dir, s.responseCache.key, { info });
  const said = (text: string) => (text.startsWith('promptgate') ? text : `promptgate: ${text}`);
  if (conclusion === 'cancelled') {
    core.setFailed(s.crash && s.failure ? said(s.failure) : 'promptgate: the job was interrupted; the partial results are in the report, and a rerun resumes from the cache');
  } else if (conclusion === 'failure') {
    core.setFailed(s.failure ? said(s.failure) : `promptgate verdict: ${verdict}`);
  } else if (checkFailed) {
    core.setFailed('promptgate: the check run could not be completed (see above)');
  }
}

export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) {
    try {
      core.setOutput(name, secrets.redact(value));
    } catch (err) {
      warn(`Could not set the output ${name}: ${describe(err)}`);
    }
  }
}

/** The check's title and summary, the comment, the job summary: rendered from the report, or the error note. */
function noteTexts(report: Report | null, s: RunState, marker: string, fail: (what: string, err: unknown) => void) {
  let rendered: { title: string; check: string; comment: string; summary: string } | null = null;
  if (report) {
    try {
      rendered = {
        title: checkTitle(report),
        check: renderChangeNote(report, { target: 'check', maxChars: CHECK_LIMIT }),
        comment: renderChangeNote(report, { target: 'comment', marker, maxChars: COMMENT_LIMIT }),
        summary: renderChangeNote(report, { target: 'summary', maxChars: SUMMARY_LIMIT }),
      };
    } catch (err) {
      fail('could not render the change note', err);
    }
  }
  let out = rendered;
  if (s.failure || !out) {
    const error = errorNote(s.failure ?? 'unknown error');
    // The review's own results, when it got that far, follow what failed afterwards; the limits leave room for both.
    const after = (text: string | undefined, room: number) => (text && text.length + error.length + 1 <= room ? `\n${text}` : '');
    out = {
      title: s.crash ? 'promptgate crashed' : 'promptgate could not run',
      check: error + after(rendered?.check, CHECK_LIMIT),
      comment: `${marker}\n${error}${after(rendered?.comment.replace(marker, '').trimStart(), COMMENT_LIMIT - marker.length - 1)}`,
      summary: error + after(rendered?.summary, SUMMARY_LIMIT),
    };
  }
  return { title: secrets.redact(out.title), check: secrets.redact(out.check), comment: secrets.redact(out.comment), summary: secrets.redact(out.summary) };
}

/** Fork PRs get no secrets: say so plainly, with the way to run it, in a neutral check instead of a crash. */
export function forkReport(event: PullRequestEvent): Report {
  return {
    schema_version: 1,
    verdict: 'inconclusive',
    base: event.baseSha,
    head: event.headSha,
    confidence: 0.95,
    suites: [],
    calls: { total: 0, cached: 0, failed: 0, retried: 0 },
    cost_usd_total: 0,
    duration_ms: 0,
    notes: [
      `This PR comes from a fork (${event.headRepoFullName}), and GitHub gives fork PRs no secrets, so promptgate could not call the model. ` +
        'A maintainer can run the review by adding a label that triggers a `pull_request_target` workflow (see the README: "Fork pull requests"), ' +
        'or by running `npx promptgate run --base main --head <branch>` locally.',
    ],
    context: { title: event.title, goal: null, rollout: null, url: event.url },
  };
}

/** actions/checkout fetches one commit by default; fetch the ones the review needs when they are missing. */
export async function ensureCommits(repoDir: string, shas: string[]): Promise<void> {
  const missing: string[] = [];
  for (const sha of shas) {
    try {
      await git(repoDir, ['cat-file', '-e', `${sha}^{commit}`]);
    } catch {
      missing.push(sha);
    }
  }
  if (missing.length) {
    info(`Fetching ${missing.join(', ')} (use actions/checkout with fetch-depth: 0 to skip this).`);
    await git(repoDir, ['fetch', '--no-tags', '--depth=2', 'origin', ...missing]);
  }
}

/** `shards-dir`: the files of `promptgate run --shard i/n --json …` from a matrix, merged instead of running. */
async function readShards(dir: string) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  const parts = await Promise.all(files.map(async (f) => ({ file: f, data: parseShardFile(f, await readFile(join(dir, f), 'utf8')) })));
  return combineShards(parts);
}

/** A progress line in the log at most every 10 s, and at the end. */
export function progressLogger() {
  let last = 0;
  return (p: ReviewProgress) => {
    const now = Date.now();
    if (now - last < 10_000 && p.done !== p.total) return;
    last = now;
    info(progressLine(p));
  };
}
