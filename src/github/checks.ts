import { z } from 'zod';
import type { Octokit } from './client.js';
import { CHECK_OUTPUT_LIMIT, CHECK_TITLE_LIMIT, fitLine, fitMarkdown } from './limits.js';

/** A check run's conclusion, as promptgate uses them (the mapping from a verdict: checkConclusion in src/gate). */
export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled';

export type CheckUnavailable = { unavailable: string };

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A token that may not write check runs gets 403 ("Resource not accessible by integration": the workflow lacks
 * `checks: write`, or a fork PR's read-only token) — or 403/404 for a personal access token, which cannot create
 * check runs at all. The job's exit status then carries the verdict; anything else is a real failure.
 */
function unavailable(err: unknown): CheckUnavailable {
  const status = statusOf(err);
  if (status !== 403 && status !== 404) throw err;
  const said = err instanceof Error && err.message ? `: ${err.message.split('\n')[0]!.replace(/ - https:\/\/docs\.github\.com\S*$/, '')}` : '';
  return {
    unavailable: `the token cannot write check runs (HTTP ${status}${said}); add \`checks: write\` to the workflow's \`permissions\` ` + '(check runs need the workflow token or a GitHub App token)',
  };
}

/** Title cut to one line; summary and text cut to GitHub's limits, saying so in what remains. */
export function checkOutput(args: { title: string; summary: string; text?: string }): { title: string; summary: string; text?: string } {
  const limit = CHECK_OUTPUT_LIMIT.toLocaleString('en-US');
  const output: { title: string; summary: string; text?: string } = {
    title: fitLine(args.title, CHECK_TITLE_LIMIT),
    summary: fitMarkdown(args.summary, CHECK_OUTPUT_LIMIT, `Cut to fit GitHub's ${limit}-character limit for a check's summary; the full note is in the job summary.`).text,
  };
  if (args.text) output.text = fitMarkdown(args.text, CHECK_OUTPUT_LIMIT, `Cut to fit GitHub's ${limit}-character limit for a check's details.`).text;
  return output;
}

/** The check run goes on the PR head commit, `in_progress` while the review runs, so reviewers see it running. */
export async function startCheckRun(octokit: Octokit, args: { owner: string; repo: string; headSha: string; name: string; detailsUrl?: string }): Promise<{ id: number } | CheckUnavailable> {
  try {
    const res = await octokit.rest.checks.create({
      owner: args.owner,
      repo: args.repo,
      name: args.name,
      head_sha: args.headSha,
      status: 'in_progress',
      started_at: new Date().toISOString(),
      ...(args.detailsUrl ? { details_url: args.detailsUrl } : {}),
      output: { title: 'Reviewing prompt changes…', summary: 'promptgate is running the baseline and candidate prompts on the eval set.' },
    });
    return { id: res.data.id };
  } catch (err) {
    return unavailable(err);
  }
}

/**
 * Completes the run `startCheckRun` began, or creates a completed one when there is none (no id, or the run was
 * removed meanwhile), so the check always ends with a conclusion.
 */
export async function completeCheckRun(
  octokit: Octokit,
  args: {
    owner: string;
    repo: string;
    checkRunId?: number;
    headSha: string;
    name: string;
    conclusion: Conclusion;
    title: string;
    summary: string;
    text?: string;
    detailsUrl?: string;
    /** What the check concluded from, for a later `/promptgate accept` ({@link verdictRef}). */
    externalId?: string;
  },
): Promise<{ id: number; url: string } | CheckUnavailable> {
  const done = {
    status: 'completed' as const,
    conclusion: args.conclusion,
    completed_at: new Date().toISOString(),
    output: checkOutput(args),
    ...(args.detailsUrl ? { details_url: args.detailsUrl } : {}),
    ...(args.externalId ? { external_id: args.externalId } : {}),
  };
  const where = { owner: args.owner, repo: args.repo };
  try {
    if (args.checkRunId !== undefined) {
      try {
        const res = await octokit.rest.checks.update({ ...where, check_run_id: args.checkRunId, ...done });
        return { id: res.data.id, url: res.data.html_url ?? '' };
      } catch (err) {
        if (statusOf(err) !== 404) throw err;
      }
    }
    const res = await octokit.rest.checks.create({ ...where, name: args.name, head_sha: args.headSha, ...done });
    return { id: res.data.id, url: res.data.html_url ?? '' };
  } catch (err) {
    return unavailable(err);
  }
}

/**
 * The check's `external_id` says which verdict it concluded from (`failure` is both `fail` and `error`), and who
 * accepted it: `promptgate:<verdict>` or `promptgate:<verdict>:accepted:<login>`. Written by promptgate alone (the
 * checks API lets only the app that created a run change it), so `/promptgate accept` can trust it.
 */
export interface VerdictRef {
  verdict: string;
  acceptedBy?: string;
}
const VERDICT_REF = /^promptgate:(pass|fail|inconclusive|error|skipped)(?::accepted:([A-Za-z0-9-]+(?:\[bot\])?))?$/;

export function verdictRef(ref: VerdictRef): string {
  return `promptgate:${ref.verdict}${ref.acceptedBy ? `:accepted:${ref.acceptedBy}` : ''}`;
}

export function parseVerdictRef(externalId: string | null | undefined): VerdictRef | null {
  const m = VERDICT_REF.exec(externalId ?? '');
  return m ? { verdict: m[1]!, ...(m[2] ? { acceptedBy: m[2] } : {}) } : null;
}

/** The fields of a check run this module reads back. */
const CheckRunSchema = z.object({
  id: z.number().int().positive(),
  status: z.string(),
  conclusion: z.string().nullable(),
  external_id: z.string().nullable().optional(),
  html_url: z.string().nullable().optional(),
  output: z.object({ title: z.string().nullable().optional(), summary: z.string().nullable().optional() }).nullish(),
});
export type FoundCheckRun = z.infer<typeof CheckRunSchema>;

/** The latest check run of that name on the commit, or null. */
export async function findCheckRun(octokit: Octokit, args: { owner: string; repo: string; headSha: string; name: string }): Promise<FoundCheckRun | null | CheckUnavailable> {
  try {
    const res = await octokit.rest.checks.listForRef({ owner: args.owner, repo: args.repo, ref: args.headSha, check_name: args.name, filter: 'latest', per_page: 1 });
    const first = res.data.check_runs[0];
    return first ? CheckRunSchema.parse(first) : null;
  } catch (err) {
    return unavailable(err);
  }
}

/** `/promptgate rerun`: the same check run goes back to in progress, so the PR shows one check, not two. */
export async function reopenCheckRun(octokit: Octokit, args: { owner: string; repo: string; checkRunId: number; detailsUrl?: string }): Promise<{ id: number } | CheckUnavailable> {
  try {
    const res = await octokit.rest.checks.update({
      owner: args.owner,
      repo: args.repo,
      check_run_id: args.checkRunId,
      status: 'in_progress',
      started_at: new Date().toISOString(),
      ...(args.detailsUrl ? { details_url: args.detailsUrl } : {}),
      output: { title: 'Reviewing prompt changes again…', summary: 'promptgate is running the baseline and candidate prompts on the eval set again, as a maintainer asked.' },
    });
    return { id: res.data.id };
  } catch (err) {
    return unavailable(err);
  }
}
