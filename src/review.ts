import type { Report } from './report/schema.js';
import type { ChangedFile } from './changes/types.js';

/** Progress of a running review, for a bar on stderr or a log line in the Action. */
export interface ReviewProgress {
  done: number;
  total: number;
  cached: number;
  failed: number;
  /** Estimated ms left, null until enough calls finished. */
  etaMs: number | null;
}

export interface ReviewInput {
  /** Root of a git work tree that has both commits. */
  repoDir: string;
  /** Base and head: any git revision (`main`, a sha, `HEAD`). */
  base: string;
  head: string;
  /** Config path relative to repoDir; default: promptgate.yml, then .github/promptgate.yml, else zero-config. */
  configPath?: string;
  /** Where config, eval sets and assertions are read from: 'head' (default) or 'base' (pull_request_target). */
  trustedSide?: 'base' | 'head';
  /** Files changed between base and head, when the caller knows them (PR files API); else `git diff` finds them. */
  changedFiles?: ChangedFile[];
  /** Overrides from CLI flags / Action inputs; they win over the config. */
  overrides?: {
    repeats?: number;
    concurrency?: number;
    budgetUsd?: number;
    baseUrl?: string;
    apiKey?: string;
  };
  /** Environment for `api_key_env` and `${VAR}` references (the edges pass process.env). */
  env: Record<string, string | undefined>;
  /** Zero-config provider defaults (the Action passes GitHub Models + the workflow token). */
  zeroConfigProvider?: { baseUrl: string; apiKey?: string; model?: string };
  /** PR context for the note's Goal and Rollout sections. */
  context?: { title?: string; body?: string; url?: string };
  onProgress?: (p: ReviewProgress) => void;
  /** Log line sink (stderr in the CLI, core.info in the Action). */
  log?: (line: string) => void;
  signal?: AbortSignal;
}

export interface ReviewOutput {
  report: Report;
  /** Paths of the prompt files that changed and triggered a suite (repo-relative). */
  changedPrompts: string[];
}

export async function review(_input: ReviewInput): Promise<ReviewOutput> {
  throw new Error('review() is not implemented yet');
}
