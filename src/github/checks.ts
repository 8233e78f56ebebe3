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
    unavailable:
      `the token cannot write check runs (HTTP ${status}${said}); add \`checks: write\` to the workflow's \`permissions\` ` +
      '(check runs need the workflow token or a GitHub App token)',
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
export async function startCheckRun(
  octokit: Octokit,
  args: { owner: string; repo: string; headSha: string; name: string; detailsUrl?: string },
): Promise<{ id: number } | CheckUnavailable> {
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
  },
): Promise<{ id: number; url: string } | CheckUnavailable> {
  const done = {
    status: 'completed' as const,
    conclusion: args.conclusion,
    completed_at: new Date().toISOString(),
    output: checkOutput(args),
    ...(args.detailsUrl ? { details_url: args.detailsUrl } : {}),
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
