import type { Octokit } from './client.js';
import { COMMENT_BODY_LIMIT, fitMarkdown } from './limits.js';

/** First line of every change note promptgate posts; how the sticky comment is found again. */
export const STICKY_MARKER = '<!-- promptgate:change-note -->';

/** The fields of an issue comment this module reads. */
export interface IssueComment {
  id: number;
  html_url: string;
  body?: string | null;
  created_at?: string;
  user?: { login: string; type?: string } | null;
}

export interface StickyCommentResult {
  url: string;
  id: number;
  action: 'created' | 'updated';
}

/**
 * Written by a bot — the workflow token's `github-actions[bot]`, or a GitHub App's `<slug>[bot]` — and starting
 * with the marker. A person's comment never qualifies, even one that quotes the marker on its first line.
 */
export function isStickyComment(c: IssueComment, marker: string = STICKY_MARKER): boolean {
  const user = c.user;
  if (!user) return false;
  const isBot = user.type === 'Bot' || /\[bot\]$/.test(user.login);
  return isBot && (c.body ?? '').trimStart().startsWith(marker);
}

/** The body as posted: the marker on the first line, cut to GitHub's size limit with any open block closed. */
export function stickyBody(body: string, marker: string = STICKY_MARKER): string {
  const marked = body.trimStart().startsWith(marker) ? body : `${marker}\n${body}`;
  return fitMarkdown(marked, COMMENT_BODY_LIMIT, `Cut to fit GitHub's ${COMMENT_BODY_LIMIT.toLocaleString('en-US')}-character comment limit; the full note is in the job summary.`).text;
}

/** Oldest first: the comment every racing run agrees to keep. */
function byAge(a: IssueComment, b: IssueComment): number {
  return (a.created_at ?? '').localeCompare(b.created_at ?? '') || a.id - b.id;
}

type Where = { owner: string; repo: string; issueNumber: number };

/** Every promptgate comment on the PR, oldest first, from every page of its comments. */
export async function findStickyComments(octokit: Octokit, where: Where, marker: string = STICKY_MARKER): Promise<IssueComment[]> {
  const all: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  return all.filter((c) => isStickyComment(c, marker)).sort(byAge);
}

/**
 * One change note per PR, edited on every push (DESIGN §8). Without one, a comment is created (unless
 * `createIfMissing` is false: then null). Two runs racing on the same PR can both create one; each lists again
 * after creating, keeps the oldest and deletes the rest, so they converge on one comment whatever the
 * interleaving: the later creator always sees the earlier comment. Extra notes left by an older run are removed
 * the same way.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  args: Where & { body: string; marker?: string; createIfMissing?: boolean },
): Promise<StickyCommentResult | null> {
  const marker = args.marker ?? STICKY_MARKER;
  const body = stickyBody(args.body, marker);
  let ours = await findStickyComments(octokit, args, marker);
  let created: IssueComment | null = null;
  if (ours.length === 0) {
    if (args.createIfMissing === false) return null;
    created = (await octokit.rest.issues.createComment({ owner: args.owner, repo: args.repo, issue_number: args.issueNumber, body })).data;
    ours = await findStickyComments(octokit, args, marker);
    // A listing can lag behind a write; the comment just created still counts.
    if (!ours.some((c) => c.id === created!.id)) ours = [...ours, created].sort(byAge);
  }
  const [keep, ...extra] = ours as [IssueComment, ...IssueComment[]];
  for (const c of extra) {
    try {
      await octokit.rest.issues.deleteComment({ owner: args.owner, repo: args.repo, comment_id: c.id });
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err; // 404: the racing run deleted it first
    }
  }
  let url = keep.html_url;
  // An unchanged note is not written again, so GitHub does not mark it edited for nothing.
  if (keep.body !== body) {
    url = (await octokit.rest.issues.updateComment({ owner: args.owner, repo: args.repo, comment_id: keep.id, body })).data.html_url;
  }
  return { url, id: keep.id, action: created !== null && keep.id === created.id ? 'created' : 'updated' };
}
