import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

/**
 * The Action's Octokit: the workflow token, the run's API URL (GHES, or a local stand-in in tests), and GitHub's
 * recommended retry and throttling plugins, so a secondary rate limit is waited out instead of failing the check.
 */
export function makeOctokit(token: string, opts: { baseUrl?: string; log?: (s: string) => void } = {}): Octokit {
  const log = opts.log ?? (() => {});
  return getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
          return retryCount < 2;
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
          return retryCount < 2;
        },
      },
      retry: { doNotRetry: [400, 401, 403, 404, 409, 422] },
    } as Parameters<typeof getOctokit>[1],
    retry as never,
    throttling as never,
  );
}
