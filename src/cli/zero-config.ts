import { execFile } from 'node:child_process';
import { CONFIG_PATHS } from '../config/load.js';
import { existsAt } from '../changes/git.js';
import { PromptgateError } from '../errors.js';
import { safeUrl } from '../redact.js';
import { GITHUB_MODELS_URL } from './common.js';

/** The variables a key for `--base-url` is read from, in order, when there is no config. */
export const BASE_URL_KEY_ENVS = ['PROMPTGATE_API_KEY', 'OPENAI_API_KEY'] as const;
const TOKEN_ENVS = ['GITHUB_TOKEN', 'GH_TOKEN'] as const;

export interface ZeroConfigCredential {
  apiKey?: string;
  /** The stderr line that says which endpoint and which credential source (never the credential). */
  banner: string;
  /** The error to raise when a model call needs the credential that was not found. */
  missing: PromptgateError;
}

/** Is there a promptgate.yml (or .github/promptgate.yml) in the head commit? */
export async function hasConfigAt(repoDir: string, ref: string): Promise<boolean> {
  const found = await Promise.all(CONFIG_PATHS.map((path) => existsAt(repoDir, ref, path)));
  return found.includes(true);
}

export function withoutKeys(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const copy = { ...env };
  for (const name of [...BASE_URL_KEY_ENVS, ...TOKEN_ENVS]) delete copy[name];
  return copy;
}

/**
 * The zero-config endpoint and credential (docs/contract.md: the CLI without a config is zero-config too). GitHub Models with
 * GITHUB_TOKEN, else GH_TOKEN, else the `gh` CLI's token; with `--base-url`, that endpoint with PROMPTGATE_API_KEY,
 * else OPENAI_API_KEY (a GitHub token is never sent to another host).
 */
export async function zeroConfigCredential(baseUrl: string | undefined, env: Record<string, string | undefined>): Promise<ZeroConfigCredential> {
  const lead = 'no promptgate.yml: zero-config mode (every changed .prompt.yml with testData is a suite)';
  if (baseUrl !== undefined) {
    const where = `${safeUrl(baseUrl)} (--base-url)`;
    const name = BASE_URL_KEY_ENVS.find((n) => env[n]);
    return {
      ...(name ? { apiKey: env[name] } : {}),
      banner: `${lead}; calling ${where} with the key in ${name ?? '(none found)'}`,
      missing: new PromptgateError(`no API key for ${where}: neither ${BASE_URL_KEY_ENVS.join(' nor ')} is set`, {
        hint: `export PROMPTGATE_API_KEY=… (any non-empty value for a local server that needs none); drop --base-url to use GitHub Models with GITHUB_TOKEN, GH_TOKEN or \`gh auth login\``,
      }),
    };
  }
  const where = `GitHub Models (${GITHUB_MODELS_URL})`;
  const name = TOKEN_ENVS.find((n) => env[n]);
  const gh = name ? undefined : await ghAuthToken(env);
  const apiKey = name ? env[name] : gh?.token;
  const source = name ?? (gh?.token ? 'the gh CLI (gh auth token)' : '(no token found)');
  const ghState = gh === undefined ? '' : gh.installed ? ' (`gh auth token` has none)' : ' (the gh CLI is not installed)';
  return {
    ...(apiKey ? { apiKey } : {}),
    banner: `${lead}; calling ${where} with the token from ${source}`,
    missing: new PromptgateError(`no token for ${where}: GITHUB_TOKEN and GH_TOKEN are not set${ghState}`, {
      hint: 'set GITHUB_TOKEN or GH_TOKEN (a token with the models:read permission), or run `gh auth login`, or pass --base-url URL with PROMPTGATE_API_KEY (or OPENAI_API_KEY) for another OpenAI-compatible endpoint',
    }),
  };
}

/** `gh auth token`, when the gh CLI is installed and logged in; never fails (a missing gh is simply no token). */
function ghAuthToken(env: Record<string, string | undefined>): Promise<{ installed: boolean; token?: string }> {
  return new Promise((resolveToken) => {
    execFile('gh', ['auth', 'token'], { env: { ...env, GH_PROMPT_DISABLED: '1' }, timeout: 15_000, windowsHide: true }, (err, stdout) => {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') return resolveToken({ installed: false });
      const token = err ? '' : String(stdout).trim();
      resolveToken(token && !/\s/.test(token) ? { installed: true, token } : { installed: true });
    });
  });
}
