import { z } from 'zod';
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
  user?: { login: string; id?: number; type?: string } | null;
}

export interface StickyCommentResult {
  url: string;
  id: number;
  action: 'created' | 'updated';
}

/**
 * The account the token acts as: `github-actions[bot]` for the workflow token, `<app-slug>[bot]` for a GitHub
 * App's installation token, the user for a personal access token.
 */
export interface TokenIdentity {
  login: string;
  /** The account's numeric id, where known: compared before the login. */
  id?: number;
  /** How it was found (for the log). */
  via: 'graphql' | 'rest' | 'comment';
}

const ViewerSchema = z.object({ viewer: z.object({ login: z.string().min(1), databaseId: z.number().int().positive().nullish() }) });
const UserSchema = z.object({ login: z.string().min(1), id: z.number().int().positive() });

/**
 * Who the token is, so only our own comments are ever edited or deleted (see docs/action.md, "The sticky
 * comment"). GraphQL's `viewer` answers for every kind of token — REST `GET /user` refuses installation tokens,
 * the workflow token included, with 403 "Resource not accessible by integration" — so it is asked first, and
 * `GET /user` second (an API without GraphQL). Null when neither answers: the caller then learns the identity
 * from the comment it writes.
 */
export async function tokenIdentity(octokit: Octokit): Promise<TokenIdentity | null> {
  try {
    const data = ViewerSchema.parse(await octokit.graphql('query { viewer { login databaseId } }'));
    return { login: data.viewer.login, ...(data.viewer.databaseId ? { id: data.viewer.databaseId } : {}), via: 'graphql' };
  } catch {
    // Next way.
  }
  try {
    const user = UserSchema.parse((await octokit.rest.users.getAuthenticated()).data);
    return { login: user.login, id: user.id, via: 'rest' };
  } catch {
    return null;
  }
}

/** Written by that account: by id where both are known, else by login (GitHub logins are case-insensitive). */
export function writtenBy(c: IssueComment, who: Pick<TokenIdentity, 'login' | 'id'>): boolean {
  const user = c.user;
  if (!user) return false;
  if (who.id !== undefined && user.id !== undefined) return user.id === who.id;
  return user.login.toLowerCase() === who.login.toLowerCase();
}

/**
 * Ours: written by the token's own account and starting with the marker. Another bot's comment (dependabot, a second
 * app) never qualifies, nor does a person's, even one that quotes the marker on its first line.
 */
export function isStickyComment(c: IssueComment, who: Pick<TokenIdentity, 'login' | 'id'>, marker: string = STICKY_MARKER): boolean {
  return writtenBy(c, who) && (c.body ?? '').trimStart().startsWith(marker);
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

/** Every promptgate comment of that account on the PR, oldest first, from every page of its comments. */
export async function findStickyComments(octokit: Octokit, where: Where, who: Pick<TokenIdentity, 'login' | 'id'>, marker: string = STICKY_MARKER): Promise<IssueComment[]> {
  const all: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100,
  });
  return all.filter((c) => isStickyComment(c, who, marker)).sort(byAge);
}

/**
 * One change note per PR, edited on every push (see docs/action.md, "The sticky comment"). Without one, a comment
 * is created (unless `createIfMissing` is false: then null). Two runs racing on the same PR can both create one;
 * each lists again after creating, keeps the oldest and deletes the rest, so they converge on one comment whatever
 * the interleaving: the later creator always sees the earlier comment. Extra notes left by an older run are
 * removed the same way. Only comments of the token's own account are touched ({@link tokenIdentity}); when the
 * API will not say who that is, the note is created first and the account read off it.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  args: Where & { body: string; marker?: string; createIfMissing?: boolean; identity?: TokenIdentity | null; log?: (line: string) => void },
): Promise<StickyCommentResult | null> {
  const marker = args.marker ?? STICKY_MARKER;
  const body = stickyBody(args.body, marker);
  let who = args.identity === undefined ? await tokenIdentity(octokit) : args.identity;
  let ours = who ? await findStickyComments(octokit, args, who, marker) : [];
  let created: IssueComment | null = null;
  if (ours.length === 0) {
    if (args.createIfMissing === false) {
      if (!who) args.log?.('Could not tell which account the token acts as, so an earlier note (if any) was left as it was.');
      return null;
    }
    created = (await octokit.rest.issues.createComment({ owner: args.owner, repo: args.repo, issue_number: args.issueNumber, body })).data;
    if (!who) {
      if (!created.user) return { url: created.html_url, id: created.id, action: 'created' };
      who = { login: created.user.login, ...(created.user.id !== undefined ? { id: created.user.id } : {}), via: 'comment' };
      args.log?.(`Could not ask GitHub which account the token acts as; the note just posted says ${who.login}.`);
    }
    ours = await findStickyComments(octokit, args, who, marker);
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
