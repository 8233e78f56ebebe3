import { z } from 'zod';
import { PromptgateError } from '../errors.js';

/** The parts of a workflow event promptgate needs, parsed at the edge. */
export type ReviewEvent =
  | {
      kind: 'pull_request' | 'pull_request_target';
      owner: string;
      repo: string;
      number: number;
      baseSha: string;
      /** `pull_request.head.sha`: where the check run goes (GITHUB_SHA is the merge commit). */
      headSha: string;
      title: string;
      body: string;
      url: string;
      /** The head branch lives in another repository (or a deleted one): GitHub gives such runs no secrets. */
      isFork: boolean;
      headRepoFullName: string;
    }
  | {
      kind: 'push' | 'workflow_dispatch' | 'merge_group';
      owner: string;
      repo: string;
      /** Null: compare with the head's parent (a new branch, or workflow_dispatch without a `base` input). */
      baseSha: string | null;
      headSha: string;
    };

export type PullRequestEvent = Extract<ReviewEvent, { kind: 'pull_request' | 'pull_request_target' }>;

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'push', 'workflow_dispatch', 'merge_group'] as const;

const Sha = z.string().regex(/^[0-9a-f]{40}$/i, 'expected a 40-character commit sha');
const FullName = z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected "owner/name"');
const Repository = z.object({ full_name: FullName });

// Only the fields promptgate reads; GitHub sends many more, which zod's default object parsing drops.
const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullish(),
    html_url: z.string(),
    base: z.object({ sha: Sha }),
    // `repo` is null when the fork was deleted after the PR was opened.
    head: z.object({ sha: Sha, repo: Repository.nullable() }),
  }),
  repository: Repository,
});
const PushPayload = z.object({ before: Sha.optional(), after: Sha, repository: Repository.optional() });
const DispatchPayload = z.object({ inputs: z.record(z.string(), z.unknown()).nullish(), repository: Repository.optional() });
const MergeGroupPayload = z.object({ merge_group: z.object({ base_sha: Sha, head_sha: Sha }), repository: Repository.optional() });

/** GitHub's "no commit" sha: `before` of a newly created branch, `after` of a deleted one. */
const NO_COMMIT = /^0{40}$/;

/**
 * A git revision given by a person (workflow_dispatch's `base` input). It is passed to `git` as an argument, so a
 * leading `-` (an option) and whitespace are refused, and so is `..` (a range, not a commit).
 */
const Revision = z
  .string()
  .trim()
  .regex(/^[^\s-][^\s]*$/, 'expected a commit sha, branch or tag (no spaces, not starting with "-")')
  .refine((s) => !s.includes('..'), 'expected one commit, not a range');

function splitRepo(full: string | undefined): { owner: string; repo: string } {
  const [owner, repo] = (full ?? '').split('/');
  if (!owner || !repo) {
    throw new PromptgateError('cannot tell which repository this run is for (GITHUB_REPOSITORY is not set)', {
      hint: 'run promptgate as a step of a GitHub Actions workflow, or use the CLI (`npx promptgate run`) outside one',
    });
  }
  return { owner, repo };
}

function badPayload(eventName: string, error: z.ZodError): never {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(the payload)'}: ${i.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  throw new PromptgateError(`the ${eventName} event payload is not what GitHub sends: ${issues.join('; ')}${more}`, {
    file: 'GITHUB_EVENT_PATH',
    hint: `promptgate reads the event from the file GITHUB_EVENT_PATH names; when testing locally, save a real ${eventName} payload there`,
  });
}

/**
 * The event that started the workflow, as promptgate needs it. Pull requests (and `pull_request_target`, where the
 * caller takes config, eval sets and assertions from the base commit only) carry the PR; push, workflow_dispatch
 * and merge_group compare two commits: the previous one (or a given `base` input) and the head.
 */
export function parseEvent(eventName: string, payload: unknown, env: { GITHUB_REPOSITORY?: string; GITHUB_SHA?: string }): ReviewEvent {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const p = PullRequestPayload.safeParse(payload);
      if (!p.success) badPayload(eventName, p.error);
      const pr = p.data.pull_request;
      const repository = p.data.repository.full_name;
      return pullRequestEvent(eventName, splitRepo(repository), pr);
    }
    case 'push': {
      const p = PushPayload.safeParse(payload);
      if (!p.success) badPayload(eventName, p.error);
      if (NO_COMMIT.test(p.data.after)) {
        throw new PromptgateError('this push deleted the branch: there is no head commit to review', {
          file: 'GITHUB_EVENT_PATH',
          hint: 'add `branches-ignore` or an `if: ${{ !github.event.deleted }}` condition to the workflow',
        });
      }
      const before = p.data.before && !NO_COMMIT.test(p.data.before) ? p.data.before : null;
      return { kind: 'push', ...splitRepo(p.data.repository?.full_name ?? env.GITHUB_REPOSITORY), baseSha: before, headSha: p.data.after };
    }
    case 'workflow_dispatch': {
      const p = DispatchPayload.safeParse(payload);
      if (!p.success) badPayload(eventName, p.error);
      const head = Sha.safeParse(env.GITHUB_SHA);
      if (!head.success) {
        throw new PromptgateError('GITHUB_SHA is not set to a commit sha', { hint: 'run promptgate as a step of a GitHub Actions workflow' });
      }
      const given = p.data.inputs?.base;
      let baseSha: string | null = null;
      if (given !== undefined && given !== null && given !== '') {
        const base = Revision.safeParse(given);
        if (!base.success) {
          throw new PromptgateError(`the workflow_dispatch input "base" is not a git revision: ${JSON.stringify(given)}`, {
            file: 'GITHUB_EVENT_PATH',
            hint: base.error.issues[0]?.message ?? 'give a commit sha, branch or tag',
          });
        }
        baseSha = base.data;
      }
      return { kind: 'workflow_dispatch', ...splitRepo(p.data.repository?.full_name ?? env.GITHUB_REPOSITORY), baseSha, headSha: head.data };
    }
    case 'merge_group': {
      const p = MergeGroupPayload.safeParse(payload);
      if (!p.success) badPayload(eventName, p.error);
      return {
        kind: 'merge_group',
        ...splitRepo(p.data.repository?.full_name ?? env.GITHUB_REPOSITORY),
        baseSha: p.data.merge_group.base_sha,
        headSha: p.data.merge_group.head_sha,
      };
    }
    default:
      throw new PromptgateError(`promptgate does not run on "${eventName || '(no event name)'}" events`, {
        hint: `trigger the workflow on ${SUPPORTED_EVENTS.join(', ')}`,
      });
  }
}

/** Narrowing helper for the shell: the PR, when the event has one. */
export function pullRequestOf(ev: ReviewEvent): PullRequestEvent | null {
  return ev.kind === 'pull_request' || ev.kind === 'pull_request_target' ? ev : null;
}

// An `issue_comment` event: only what the command path reads. `issue.pull_request` is present on a PR's comments.
const IssueCommentPayload = z.object({
  action: z.string(),
  issue: z.object({ number: z.number().int().positive(), pull_request: z.object({}).loose().nullish() }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().nullish(),
    user: z.object({ login: z.string().min(1), type: z.string().optional() }).nullable(),
  }),
  repository: Repository,
});

export interface CommentEvent {
  owner: string;
  repo: string;
  /** created, edited, deleted. */
  action: string;
  /** The issue or pull request number. */
  number: number;
  onPullRequest: boolean;
  commentId: number;
  body: string;
  author: { login: string; isBot: boolean } | null;
}

/** The `issue_comment` event, parsed at the edge (the command path; see docs/commands.md). */
export function parseCommentEvent(payload: unknown): CommentEvent {
  const p = IssueCommentPayload.safeParse(payload);
  if (!p.success) badPayload('issue_comment', p.error);
  const { issue, comment } = p.data;
  const user = comment.user;
  return {
    ...splitRepo(p.data.repository.full_name),
    action: p.data.action,
    number: issue.number,
    onPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    commentId: comment.id,
    body: comment.body ?? '',
    // GitHub marks apps' accounts `type: Bot`; their logins end in [bot].
    author: user ? { login: user.login, isBot: user.type === 'Bot' || /\[bot\]$/i.test(user.login) } : null,
  };
}

// `GET /repos/{owner}/{repo}/pulls/{pull_number}`: the PR as the API has it now.
const PullSchema = z.object({
  number: z.number().int().positive(),
  state: z.string(),
  title: z.string(),
  body: z.string().nullish(),
  html_url: z.string(),
  base: z.object({ sha: Sha }),
  head: z.object({ sha: Sha, repo: Repository.nullable() }),
});

/**
 * A pull request read from the API, as the review path's event. A comment event runs with the base repository's
 * secrets, so it is reviewed under the `pull_request_target` rules (docs/security.md): its kind says so.
 */
export function pullRequestFromApi(data: unknown, repository: { owner: string; repo: string }): PullRequestEvent & { open: boolean } {
  const p = PullSchema.safeParse(data);
  if (!p.success) {
    const issues = p.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(the answer)'}: ${i.message}`);
    throw new PromptgateError(`GitHub's answer for the pull request is not what the API documents: ${issues.join('; ')}`, {
      hint: 'GITHUB_API_URL must point at the GitHub REST API',
    });
  }
  return { ...pullRequestEvent('pull_request_target', repository, p.data), open: p.data.state === 'open' };
}

/** A pull request (from an event payload or the API) as the review path's event. */
function pullRequestEvent(
  kind: PullRequestEvent['kind'],
  repository: { owner: string; repo: string },
  pr: { number: number; title: string; body?: string | null; html_url: string; base: { sha: string }; head: { sha: string; repo: { full_name: string } | null } },
): PullRequestEvent {
  const headRepo = pr.head.repo?.full_name ?? null;
  const full = `${repository.owner}/${repository.repo}`;
  return {
    kind,
    ...repository,
    number: pr.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    title: pr.title,
    body: pr.body ?? '',
    url: pr.html_url,
    // GitHub compares owner/name case-insensitively; a deleted head repository can only have been a fork.
    isFork: headRepo === null || headRepo.toLowerCase() !== full.toLowerCase(),
    headRepoFullName: headRepo ?? '(deleted fork)',
  };
}
