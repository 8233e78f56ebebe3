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
      headSha: string;
      title: string;
      body: string;
      url: string;
      isFork: boolean;
      headRepoFullName: string;
    }
  | { kind: 'push' | 'workflow_dispatch' | 'merge_group'; owner: string; repo: string; baseSha: string | null; headSha: string };

const Sha = z.string().regex(/^[0-9a-f]{40}$/i, 'a 40-character commit sha');
const RepoRef = z.object({ full_name: z.string() }).nullable();

const PullRequestPayload = z.object({
  pull_request: z.object({
    number: z.number().int(),
    title: z.string(),
    body: z.string().nullable().optional(),
    html_url: z.string(),
    base: z.object({ sha: Sha, repo: RepoRef }),
    head: z.object({ sha: Sha, repo: RepoRef }),
  }),
  repository: z.object({ full_name: z.string() }),
});
const PushPayload = z.object({ before: z.string().optional(), after: z.string().optional(), repository: z.object({ full_name: z.string() }).optional() });
const DispatchPayload = z.object({ inputs: z.record(z.string(), z.unknown()).nullable().optional() });
const MergeGroupPayload = z.object({ merge_group: z.object({ base_sha: Sha, head_sha: Sha }) });

const ZERO = /^0{40}$/;

function splitRepo(full: string | undefined): { owner: string; repo: string } {
  const [owner, repo] = (full ?? '').split('/');
  if (!owner || !repo) throw new PromptgateError('cannot tell the repository (GITHUB_REPOSITORY is not set)', { hint: 'run promptgate as a step of a GitHub Actions workflow' });
  return { owner, repo };
}

export function parseEvent(eventName: string, payload: unknown, env: { GITHUB_REPOSITORY?: string; GITHUB_SHA?: string }): ReviewEvent {
  const fail = (error: z.ZodError) => {
    throw new PromptgateError(`the ${eventName} event payload is not what GitHub sends: ${z.prettifyError(error).split('\n').slice(0, 3).join('; ')}`, {
      file: 'GITHUB_EVENT_PATH',
      hint: 'promptgate runs on pull_request, pull_request_target, push, workflow_dispatch and merge_group events',
    });
  };
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const p = PullRequestPayload.safeParse(payload);
      if (!p.success) return fail(p.error);
      const pr = p.data.pull_request;
      const { owner, repo } = splitRepo(p.data.repository.full_name);
      const headRepo = pr.head.repo?.full_name ?? '(deleted fork)';
      return {
        kind: eventName,
        owner,
        repo,
        number: pr.number,
        baseSha: pr.base.sha,
        headSha: pr.head.sha,
        title: pr.title,
        body: pr.body ?? '',
        url: pr.html_url,
        isFork: headRepo.toLowerCase() !== p.data.repository.full_name.toLowerCase(),
        headRepoFullName: headRepo,
      };
    }
    case 'push': {
      const p = PushPayload.safeParse(payload);
      if (!p.success) return fail(p.error);
      const headSha = p.data.after ?? env.GITHUB_SHA;
      if (!headSha) throw new PromptgateError('the push event has no head commit', { file: 'GITHUB_EVENT_PATH' });
      return { kind: 'push', ...splitRepo(p.data.repository?.full_name ?? env.GITHUB_REPOSITORY), baseSha: p.data.before && !ZERO.test(p.data.before) ? p.data.before : null, headSha };
    }
    case 'workflow_dispatch': {
      const p = DispatchPayload.safeParse(payload);
      if (!p.success) return fail(p.error);
      if (!env.GITHUB_SHA) throw new PromptgateError('GITHUB_SHA is not set', { hint: 'run promptgate as a step of a GitHub Actions workflow' });
      const base = p.data.inputs?.base;
      return { kind: 'workflow_dispatch', ...splitRepo(env.GITHUB_REPOSITORY), baseSha: typeof base === 'string' && base.trim() ? base.trim() : null, headSha: env.GITHUB_SHA };
    }
    case 'merge_group': {
      const p = MergeGroupPayload.safeParse(payload);
      if (!p.success) return fail(p.error);
      return { kind: 'merge_group', ...splitRepo(env.GITHUB_REPOSITORY), baseSha: p.data.merge_group.base_sha, headSha: p.data.merge_group.head_sha };
    }
    default:
      throw new PromptgateError(`promptgate does not run on "${eventName}" events`, {
        hint: 'trigger the workflow on pull_request (or pull_request_target, push, workflow_dispatch, merge_group)',
      });
  }
}
