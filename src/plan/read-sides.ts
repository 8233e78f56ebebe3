import { readFileAt, listFilesAt } from '../changes/git.js';
import { findConfig } from '../config/load.js';
import { PromptgateError } from '../errors.js';
import type { Side } from './suites.js';

/**
 * Both commits' config, files and reader. Fail closed (docs/fail-closed.md): a config named with `--config` /
 * `config` that does not exist, and a config the change deletes, are errors — never "no prompt changes". A config
 * broken at the base while the head fixes it is not held against the PR when the head is trusted: the baseline
 * then runs with the head's config.
 */
export async function readSides(input: { repoDir: string; configPath?: string }, baseSha: string, headSha: string, trusted: 'base' | 'head', log: (line: string) => void): Promise<[Side, Side]> {
  const readSide = async (sha: string, tolerateBrokenConfig: boolean): Promise<Side> => {
    const read = (path: string) => readFileAt(input.repoDir, sha, path);
    // The file list does not depend on the config: read it meanwhile (see docs/architecture.md, "Start-up").
    const files = listFilesAt(input.repoDir, sha);
    files.catch(() => {});
    let found: Awaited<ReturnType<typeof findConfig>>;
    try {
      found = await findConfig(read, input.configPath);
    } catch (err) {
      if (!tolerateBrokenConfig || !(err instanceof PromptgateError)) throw err;
      log(`warning: the base commit's config does not load, so the baseline runs with the head's config: ${err.format().split('\n')[0]}`);
      found = { config: null, configFile: null, text: null };
    }
    return { sha, config: found.config, configFile: found.configFile, files: await files, read, ...(found.cases ? { cases: found.cases } : {}) };
  };
  const [base, head] = await Promise.all([readSide(baseSha, trusted === 'head'), readSide(headSha, false)]);
  const trustedSide = trusted === 'base' ? base : head;
  const short = (sha: string) => sha.slice(0, 7);
  if (input.configPath && !trustedSide.config) {
    const elsewhere = trusted === 'head' && base.config ? ` (it exists at base ${short(baseSha)}: this change deletes it)` : '';
    throw new PromptgateError(`config file not found at ${trusted} ${short(trustedSide.sha)}${elsewhere}`, {
      file: input.configPath,
      hint: elsewhere ? 'restore the config; to stop gating prompts, remove the required check first' : 'check the --config / config path: it is relative to the repository root',
    });
  }
  if (trusted === 'head' && base.config && !head.config) {
    throw new PromptgateError(`was deleted by this change (it exists at base ${short(baseSha)}, not at head ${short(headSha)})`, {
      file: base.configFile ?? undefined,
      hint: 'a review without its config would pass every prompt change unchecked; restore the file (or move it to promptgate.yml / .github/promptgate.yml). To stop gating prompts, remove the required check first',
    });
  }
  return [base, head];
}
