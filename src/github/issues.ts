import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Octokit } from './client.js';
import { COMMENT_BODY_LIMIT } from './limits.js';

/**
 * The drift issue (docs/monitor.md): one open issue per drifting suite, titled "promptgate: drift in <suite>",
 * labelled {@link DRIFT_LABEL}, found again by a hidden marker on the first line of its body. A drift opens it or
 * comments on it; a recovery comments and closes it.
 */

export const DRIFT_LABEL = 'promptgate-drift';

/** The suite's marker: a digest of its name, so no name (one holding `-->`, say) can break out of the comment. */
export function driftMarker(suite: string): string {
  return `<!-- promptgate:drift:${createHash('sha256').update(suite).digest('hex').slice(0, 16)} -->`;
}

export const driftTitle = (suite: string) => `promptgate: drift in ${suite}`.slice(0, 256);

// Only the fields read here; GitHub's issue objects carry many more.
const IssueSchema = z.object({
  number: z.number().int().positive(),
  html_url: z.string(),
  body: z.string().nullish(),
  state: z.string(),
  pull_request: z.unknown().optional(),
});
export type DriftIssue = z.infer<typeof IssueSchema>;

interface Where {
  owner: string;
  repo: string;
  suite: string;
}

/** The open drift issues of one suite, oldest first (the list is labelled; the marker says which suite). */
export async function openDriftIssues(octokit: Octokit, where: Where): Promise<DriftIssue[]> {
  const marker = driftMarker(where.suite);
  const raw = await octokit.paginate(octokit.rest.issues.listForRepo, { owner: where.owner, repo: where.repo, state: 'open', labels: DRIFT_LABEL, sort: 'created', direction: 'asc', per_page: 100 });
  return z
    .array(IssueSchema)
    .parse(raw)
    .filter((i) => i.pull_request === undefined && (i.body ?? '').startsWith(marker))
    .sort((a, b) => a.number - b.number);
}

const fit = (text: string) => (text.length <= COMMENT_BODY_LIMIT ? text : text.slice(0, COMMENT_BODY_LIMIT - 80) + "\n\n_Shortened to fit GitHub's limit; the job summary has all of it._\n");

export interface DriftOutcome {
  action: 'opened' | 'commented' | 'closed' | 'none';
  issue?: DriftIssue;
  /** Newer duplicates closed (two runs that raced both opened one). */
  duplicatesClosed: number[];
}

/**
 * A drift: comment on the suite's open issue, or open one. Two runs that race may both open one, so after opening,
 * the list is read again and every newer duplicate is closed with a link to the oldest; a later run that finds
 * several open (the list lagged) does the same.
 */
export async function reportDrift(octokit: Octokit, where: Where, note: { body: string; comment: string }): Promise<DriftOutcome> {
  const existing = await openDriftIssues(octokit, where);
  if (existing.length > 0) {
    const [keep, ...dupes] = existing;
    await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: keep!.number, body: fit(note.comment) });
    return { action: 'commented', issue: keep, duplicatesClosed: await closeDuplicates(octokit, where, keep!, dupes) };
  }
  const created = IssueSchema.parse(
    (
      await octokit.rest.issues.create({
        owner: where.owner,
        repo: where.repo,
        title: driftTitle(where.suite),
        body: fit(`${driftMarker(where.suite)}\n${note.body}`),
        labels: [DRIFT_LABEL],
      })
    ).data,
  );
  const now = await openDriftIssues(octokit, where);
  const keep = now[0] && now[0].number < created.number ? now[0] : created;
  const dupes = now.filter((i) => i.number !== keep.number);
  if (keep.number !== created.number) {
    if (!dupes.some((d) => d.number === created.number)) dupes.push(created);
    // Another run opened it first: this run's note goes there, as a comment.
    await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: keep.number, body: fit(note.comment) });
  }
  return { action: keep.number === created.number ? 'opened' : 'commented', issue: keep, duplicatesClosed: await closeDuplicates(octokit, where, keep, dupes) };
}

/** Recovered: comment on every open drift issue of the suite and close it. */
export async function reportRecovery(octokit: Octokit, where: Where, comment: string): Promise<DriftOutcome> {
  const open = await openDriftIssues(octokit, where);
  for (const issue of open) {
    await octokit.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: issue.number, body: fit(comment) });
    await octokit.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: issue.number, state: 'closed', state_reason: 'completed' });
  }
  return { action: open.length ? 'closed' : 'none', ...(open[0] ? { issue: open[0] } : {}), duplicatesClosed: [] };
}

async function closeDuplicates(octokit: Octokit, where: Where, keep: DriftIssue, dupes: DriftIssue[]): Promise<number[]> {
  const closed: number[] = [];
  for (const d of dupes) {
    await octokit.rest.issues.createComment({
      owner: where.owner,
      repo: where.repo,
      issue_number: d.number,
      body: `Duplicate of #${keep.number} (two monitoring runs opened one each); the drift is tracked there.`,
    });
    await octokit.rest.issues.update({ owner: where.owner, repo: where.repo, issue_number: d.number, state: 'closed', state_reason: 'not_planned' });
    closed.push(d.number);
  }
  return closed;
}
