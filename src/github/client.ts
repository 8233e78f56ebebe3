import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type Octokit = ReturnType<typeof getOctokit>;

/** How many times a request is repeated after GitHub says "rate limited"; beyond that the call fails. */
const RATE_LIMIT_RETRIES = 2;

export interface OctokitOptions {
  /** The REST API root: `GITHUB_API_URL` on GHES, a local stand-in in tests. Default: getOctokit's (api.github.com). */
  baseUrl?: string;
  /** Where rate-limit waits are reported (core.info in the Action). */
  log?: (line: string) => void;
  /**
   * Pace writes one second apart and wait out rate limits (@octokit/plugin-throttling), as GitHub asks of
   * integrations. Default true; a local stand-in has no rate limits to respect, so its tests may turn it off.
   */
  throttle?: boolean;
}

/**
 * The Action's Octokit: the workflow token, the run's API URL, and the two plugins GitHub recommends — retry
 * (5xx and network errors, with backoff) and throttling (secondary rate limits waited out instead of failing the
 * check). getOctokit keeps @actions/github's defaults: user agent, proxy settings, GITHUB_API_URL.
 */
export function makeOctokit(token: string, opts: OctokitOptions = {}): Octokit {
  const log = opts.log ?? (() => {});
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < RATE_LIMIT_RETRIES;
    log(`GitHub ${kind} on ${options.method} ${options.url}; ${again ? `retrying in ${retryAfter}s` : 'giving up'}`);
    return again;
  };
  return getOctokit(
    token,
    {
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/+$/, '') } : {}),
      throttle: { enabled: opts.throttle ?? true, onRateLimit: onLimit('rate limit'), onSecondaryRateLimit: onLimit('secondary rate limit') },
    },
    retry,
    throttling,
  );
}
