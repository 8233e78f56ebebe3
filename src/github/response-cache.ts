import { createHash } from 'node:crypto';
import { join } from 'node:path';
import * as cache from '@actions/cache';
import { readFileAt } from '../changes/git.js';
import { findConfig } from '../config/load.js';
import { formatError } from '../errors.js';

/**
 * The response cache persists between runs with @actions/cache, keyed by base sha + config hash and restored by
 * prefix, so later pushes to the same PR (and other PRs on the same base) do not pay again for baseline samples.
 * The monitor on a push to the default branch saves under the pushed commit's key (its sha as `base`): the first
 * prefix a pull request against that commit restores (docs/monitor.md, "Warming the cache").
 */
export async function restoreResponseCache(
  repoDir: string,
  cacheDir: string,
  base: string,
  configPath: string | undefined,
  log: { info: (l: string) => void; warn: (l: string) => void },
): Promise<string | null> {
  if (!cache.isFeatureAvailable()) return null;
  const configText = (await findConfig((path) => readFileAt(repoDir, base, path), configPath)).text ?? '';
  const configHash = createHash('sha256').update(configText).digest('hex').slice(0, 12);
  // One entry per run and attempt (a cache entry is immutable: a re-run attempt saving under the same key is refused).
  const run = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_RUN_ID}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}` : String(Date.now());
  const key = `promptgate-${base}-${configHash}-${run}`;
  try {
    const hit = await cache.restoreCache([join(repoDir, cacheDir)], key, [`promptgate-${base}-${configHash}-`, `promptgate-${base}-`, 'promptgate-']);
    log.info(hit ? `Response cache restored from ${hit}.` : 'No response cache yet.');
  } catch (err) {
    log.warn(`Response cache not restored: ${formatError(err)}`);
  }
  return key;
}

export async function saveResponseCache(repoDir: string, cacheDir: string, key: string, log: { info: (l: string) => void }): Promise<void> {
  try {
    await cache.saveCache([join(repoDir, cacheDir)], key);
  } catch (err) {
    log.info(`Response cache not saved: ${formatError(err)}`);
  }
}
