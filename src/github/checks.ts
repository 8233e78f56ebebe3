import type { Verdict } from '../report/schema.js';
import type { Octokit } from './client.js';

export type Conclusion = 'success' | 'failure' | 'neutral';

/** pass/skipped → success, fail/error → failure, inconclusive → neutral (or failure with fail-on-inconclusive). */
export function conclusionFor(verdict: Verdict, failOnInconclusive: boolean): Conclusion {
  switch (verdict) {
    case 'pass':
    case 'skipped':
      return 'success';
    case 'inconclusive':
      return failOnInconclusive ? 'failure' : 'neutral';
    default:
      return 'failure';
  }
}

const TITLE_LIMIT = 255;
const TEXT_LIMIT = 65_535;
const cut = (s: string, n: number) => (s.length <= n ? s : s.slice(0, n - 40) + '\n\n…cut to fit GitHub\'s limit.');

function unavailable(err: unknown): { unavailable: string } {
  const status = (err as { status?: number }).status;
  if (status === 403 || status === 404) {
    return { unavailable: `the token cannot create check runs (HTTP ${status}); add \`checks: write\` to the workflow's permissions` };
  }
  throw err;
}

/** The check run goes on the PR head commit, `in_progress` while the review runs, so reviewers see it running. */
export async function startCheckRun(
  octokit: Octokit,
  args: { owner: string; repo: string; headSha: string; name: string; detailsUrl?: string },
): Promise<{ id: number } | { unavailable: string }> {
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

export async function completeCheckRun(
  octokit: Octokit,
  args: { owner: string; repo: string; checkRunId?: number; headSha: string; name: string; conclusion: Conclusion; title: string; summary: string; text?: string },
): Promise<{ id: number; url: string } | { unavailable: string }> {
  const output = {
    title: cut(args.title, TITLE_LIMIT),
    summary: cut(args.summary, TEXT_LIMIT),
    ...(args.text ? { text: cut(args.text, TEXT_LIMIT) } : {}),
  };
  const done = { status: 'completed' as const, conclusion: args.conclusion, completed_at: new Date().toISOString(), output };
  try {
    const res = args.checkRunId
      ? await octokit.rest.checks.update({ owner: args.owner, repo: args.repo, check_run_id: args.checkRunId, ...done })
      : await octokit.rest.checks.create({ owner: args.owner, repo: args.repo, name: args.name, head_sha: args.headSha, ...done });
    return { id: res.data.id, url: res.data.html_url ?? '' };
  } catch (err) {
    return unavailable(err);
  }
}
