import type { Octokit } from './client.js';

/** First line of every change note promptgate posts; how the sticky comment is found again. */
export const STICKY_MARKER = '<!-- promptgate:change-note -->';

interface IssueComment {
  id: number;
  html_url: string;
  body?: string | null;
  user?: { login: string; type?: string } | null;
}

/** Ours: written by a bot (the workflow token's `github-actions[bot]`, or an app's bot) and starting with the marker. */
function isOurs(c: IssueComment, marker: string): boolean {
  return (c.user?.type === 'Bot' || /\[bot\]$/.test(c.user?.login ?? '')) && (c.body ?? '').trimStart().startsWith(marker);
}

async function listOurs(octokit: Octokit, args: { owner: string; repo: string; issueNumber: number }, marker: string): Promise<IssueComment[]> {
  const all = (await octokit.paginate(octokit.rest.issues.listComments, {
    owner: args.owner,
    repo: args.repo,
    issue_number: args.issueNumber,
    per_page: 100,
  })) as IssueComment[];
  return all.filter((c) => isOurs(c, marker)).sort((a, b) => a.id - b.id);
}

/**
 * One change note per PR, edited on every push (DESIGN §8). The marker is searched through every page of comments,
 * only in comments written by a bot, so a human quoting it is never edited. Two runs racing on the same PR can both
 * create a comment; whoever sees two afterwards keeps the oldest and deletes the rest, so they converge on one.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  args: { owner: string; repo: string; issueNumber: number; body: string; marker?: string; createIfMissing?: boolean },
): Promise<{ url: string; id: number; action: 'created' | 'updated' } | null> {
  const marker = args.marker ?? STICKY_MARKER;
  const body = args.body.trimStart().startsWith(marker) ? args.body : `${marker}\n${args.body}`;
  let ours = await listOurs(octokit, args, marker);
  let action: 'created' | 'updated' = 'updated';
  if (ours.length === 0) {
    if (args.createIfMissing === false) return null;
    await octokit.rest.issues.createComment({ owner: args.owner, repo: args.repo, issue_number: args.issueNumber, body });
    action = 'created';
    ours = await listOurs(octokit, args, marker);
    if (ours.length === 0) throw new Error('the comment was created but cannot be listed');
  }
  const [keep, ...extra] = ours;
  for (const c of extra) {
    try {
      await octokit.rest.issues.deleteComment({ owner: args.owner, repo: args.repo, comment_id: c.id });
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err; // the other run deleted it first
    }
  }
  const res = await octokit.rest.issues.updateComment({ owner: args.owner, repo: args.repo, comment_id: keep!.id, body });
  return { url: res.data.html_url, id: keep!.id, action: action === 'created' && extra.length === 0 ? 'created' : 'updated' };
}
