import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import * as cache from '@actions/cache';
import { z } from 'zod';
import { git, readFileAt } from './changes/git.js';
import { findConfig } from './config/load.js';
import { formatError } from './errors.js';
import { completeCheckRun, conclusionFor, startCheckRun } from './github/checks.js';
import { makeOctokit } from './github/client.js';
import { STICKY_MARKER, upsertStickyComment } from './github/comment.js';
import { parseEvent, type ReviewEvent } from './github/event.js';
import { listPullRequestFiles } from './github/files.js';
import { checkTitle, fencedBlock, renderChangeNote, writeJsonReport } from './report/index.js';
import type { Report, Verdict } from './report/schema.js';
import { progressLine, review, type ReviewProgress } from './review.js';
import { combineShards, parseShardFile } from './results/shard-file.js';

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
  comment: z.string().transform((s) => s.trim() || 'true').pipe(flag),
  repeats: optionalNumber(1, true),
  concurrency: optionalNumber(1, true),
  'budget-usd': optionalNumber(0),
  'fail-on-inconclusive': z.string().transform((s) => s.trim() || 'false').pipe(flag),
  'shards-dir': z.string().transform((s) => s.trim() || undefined),
});
type Inputs = z.infer<typeof InputsSchema>;

function readInputs(): Inputs {
  const raw = Object.fromEntries(Object.keys(InputsSchema.shape).map((k) => [k, core.getInput(k)]));
  const parsed = InputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`input "${String(issue.path[0])}" is invalid: ${issue.message} (got "${raw[String(issue.path[0])]}")`);
  }
  return parsed.data;
}

/**
 * The Action: a thin shell over review(). Reads inputs and the event, starts the check run on the PR head,
 * runs the review on the checkout, then writes the JSON report, the sticky comment, the check run, the job summary
 * and the outputs, and saves the response cache. The job's exit status mirrors the check, so either can be the
 * required check.
 *
 * A cancelled or timed-out job (`signal`, then `forceStop`: see src/interrupt.ts) still gets its partial report,
 * note and job summary, a check concluded `cancelled` rather than one left in progress, and its cache saved, so
 * the next run pays only for what is missing.
 */
export async function run(opts: { signal?: AbortSignal; forceStop?: AbortSignal } = {}): Promise<void> {
  const env = process.env;
  let inputs: Inputs;
  let event: ReviewEvent;
  try {
    inputs = readInputs();
    if (inputs['api-key']) core.setSecret(inputs['api-key']);
    if (inputs['github-token']) core.setSecret(inputs['github-token']);
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as unknown;
    event = parseEvent(env.GITHUB_EVENT_NAME ?? '', payload, env);
  } catch (err) {
    core.setOutput('verdict', 'error');
    core.setFailed(`promptgate: ${formatError(err)}`);
    return;
  }

  const octokit = makeOctokit(inputs['github-token'], { baseUrl: env.GITHUB_API_URL, log: core.info });
  const repoDir = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const reportPath = join(env.RUNNER_TEMP ?? repoDir, 'promptgate-report.json');
  const detailsUrl = env.GITHUB_SERVER_URL && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${event.owner}/${event.repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const check = await startCheckRun(octokit, { owner: event.owner, repo: event.repo, headSha: event.headSha, name: inputs['check-name'], detailsUrl });
  if ('unavailable' in check) core.warning(`No check run: ${check.unavailable}. The job's exit status carries the verdict instead.`);
  const pr = event.kind === 'pull_request' || event.kind === 'pull_request_target' ? event : null;

  let report: Report | null = null;
  let changedPrompts: string[] = [];
  let failure: string | null = null;
  let responseCache: { dir: string; key: string } | null = null;
  try {
    if (pr && pr.isFork && pr.kind === 'pull_request' && !inputs['api-key'] && !env.OPENAI_API_KEY) {
      report = forkReport(pr);
    } else {
      await ensureCommits(repoDir, [event.baseSha, event.headSha].filter((s): s is string => !!s));
      const base = event.baseSha ?? `${event.headSha}~1`;
      const changedFiles = pr ? await listPullRequestFiles(octokit, pr, { log: core.warning }) : undefined;
      const trustedSide = event.kind === 'pull_request_target' ? 'base' : 'head';
      const cacheDir = await cacheDirFor(repoDir, trustedSide === 'base' ? base : event.headSha, inputs.config);
      const cacheKey = inputs['shards-dir'] ? null : await restoreResponseCache(repoDir, cacheDir, base, inputs.config);
      if (cacheKey) responseCache = { dir: cacheDir, key: cacheKey };
      const given = inputs['shards-dir'] ? await readShards(resolve(repoDir, inputs['shards-dir'])) : undefined;
      const out = await review({
        repoDir,
        records: given?.records,
        base,
        head: event.headSha,
        configPath: inputs.config,
        trustedSide,
        changedFiles,
        overrides: {
          repeats: inputs.repeats,
          concurrency: inputs.concurrency,
          budgetUsd: inputs['budget-usd'],
          baseUrl: inputs['base-url'],
          apiKey: inputs['api-key'],
        },
        env,
        zeroConfigProvider: { ...GITHUB_MODELS, apiKey: inputs['github-token'] },
        context: pr ? { title: pr.title, body: pr.body, url: pr.url } : undefined,
        log: core.info,
        onProgress: progressLogger(),
        signal: opts.signal,
        forceStop: opts.forceStop,
      });
      report = out.report;
      changedPrompts = out.changedPrompts;
    }
  } catch (err) {
    failure = formatError(err);
    core.error(failure);
  }

  const verdict: Verdict = report?.verdict ?? 'error';
  const cancelled = !!opts.signal?.aborted && (report === null || report.partial === true);
  const conclusion = cancelled ? 'cancelled' : conclusionFor(verdict, inputs['fail-on-inconclusive']);
  const note = report ? renderChangeNote(report, { target: 'summary', maxChars: SUMMARY_LIMIT }) : `## 🛑 promptgate: error\n\n${fencedBlock(failure ?? 'unknown error')}\n`;
  if (report) {
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFile(reportPath, writeJsonReport(report));
    core.setOutput('report-path', reportPath);
  }

  let commentUrl = '';
  // Two promptgate workflows on one repository (different check names) keep one note each.
  const marker = inputs['check-name'] === 'promptgate' ? STICKY_MARKER : STICKY_MARKER.replace(' -->', `:${inputs['check-name'].replace(/-->/g, '')} -->`);
  if (pr && inputs.comment) {
    const body = report ? renderChangeNote(report, { target: 'comment', marker, maxChars: COMMENT_LIMIT }) : `${marker}\n${note}`;
    try {
      // A PR without prompt changes gets no new comment; an earlier note is updated so it never goes stale.
      const res = await upsertStickyComment(octokit, {
        owner: event.owner,
        repo: event.repo,
        issueNumber: pr.number,
        body,
        marker,
        createIfMissing: verdict !== 'skipped',
      });
      if (res) commentUrl = res.url;
    } catch (err) {
      core.warning(`Could not write the PR comment (${formatError(err)}). Give the workflow \`pull-requests: write\`.`);
    }
  }

  if (!('unavailable' in check)) {
    const title = report ? checkTitle(report) : 'promptgate could not run';
    const summary = report ? renderChangeNote(report, { target: 'check', maxChars: CHECK_LIMIT }) : note;
    const done = await completeCheckRun(octokit, { owner: event.owner, repo: event.repo, checkRunId: check.id, headSha: event.headSha, name: inputs['check-name'], conclusion, title, summary, detailsUrl });
    if ('unavailable' in done) core.warning(`Could not complete the check run: ${done.unavailable}`);
  }
  await core.summary.addRaw(note).write();

  core.setOutput('verdict', verdict);
  core.setOutput('comment-url', commentUrl);
  core.setOutput('changed-prompts', JSON.stringify(changedPrompts));
  const delta = report?.suites.find((s) => s.pass_rate.delta !== null)?.pass_rate.delta;
  core.setOutput('pass-rate-delta', delta === undefined || delta === null ? '' : String(delta));
  // Last: the note and the check matter more, and on a cancelled job the runner's kill may come first.
  if (responseCache) await saveResponseCache(repoDir, responseCache.dir, responseCache.key);
  if (cancelled) core.setFailed('promptgate: the job was interrupted; the partial results are in the report, and a rerun resumes from the cache');
  else if (conclusion === 'failure') core.setFailed(failure ? `promptgate: ${failure}` : `promptgate verdict: ${verdict}`);
}

/** Fork PRs get no secrets: say so plainly, with the way to run it, in a neutral check instead of a crash. */
function forkReport(event: Extract<ReviewEvent, { isFork: boolean }>): Report {
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
async function ensureCommits(repoDir: string, shas: string[]): Promise<void> {
  const missing: string[] = [];
  for (const sha of shas) {
    try {
      await git(repoDir, ['cat-file', '-e', `${sha}^{commit}`]);
    } catch {
      missing.push(sha);
    }
  }
  if (missing.length) {
    core.info(`Fetching ${missing.join(', ')} (use actions/checkout with fetch-depth: 0 to skip this).`);
    await git(repoDir, ['fetch', '--no-tags', '--depth=2', 'origin', ...missing]);
  }
}

async function cacheDirFor(repoDir: string, sha: string, configPath: string | undefined): Promise<string> {
  const { config } = await findConfig((path) => readFileAt(repoDir, sha, path), configPath);
  return config?.run.cache_dir ?? '.promptgate/cache';
}

/**
 * The response cache persists between runs with @actions/cache, keyed by base sha + config hash and restored by
 * prefix, so later pushes to the same PR (and other PRs on the same base) do not pay again for baseline samples.
 */
async function restoreResponseCache(repoDir: string, cacheDir: string, base: string, configPath: string | undefined): Promise<string | null> {
  if (!cache.isFeatureAvailable()) return null;
  const configText = (await findConfig((path) => readFileAt(repoDir, base, path), configPath)).text ?? '';
  const configHash = createHash('sha256').update(configText).digest('hex').slice(0, 12);
  const key = `promptgate-${base}-${configHash}-${process.env.GITHUB_RUN_ID ?? Date.now()}`;
  try {
    const hit = await cache.restoreCache([join(repoDir, cacheDir)], key, [`promptgate-${base}-${configHash}-`, `promptgate-${base}-`, 'promptgate-']);
    core.info(hit ? `Response cache restored from ${hit}.` : 'No response cache yet.');
  } catch (err) {
    core.warning(`Response cache not restored: ${formatError(err)}`);
  }
  return key;
}

async function saveResponseCache(repoDir: string, cacheDir: string, key: string): Promise<void> {
  try {
    await cache.saveCache([join(repoDir, cacheDir)], key);
  } catch (err) {
    core.info(`Response cache not saved: ${formatError(err)}`);
  }
}

/** `shards-dir`: the files of `promptgate run --shard i/n --json …` from a matrix, merged instead of running. */
async function readShards(dir: string) {
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  const parts = await Promise.all(files.map(async (f) => ({ file: f, data: parseShardFile(f, await readFile(join(dir, f), 'utf8')) })));
  return combineShards(parts);
}

function progressLogger() {
  let last = 0;
  return (p: ReviewProgress) => {
    const now = Date.now();
    if (now - last < 10_000 && p.done !== p.total) return;
    last = now;
    core.info(progressLine(p));
  };
}
