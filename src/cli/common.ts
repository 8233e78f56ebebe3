import { InvalidArgumentError } from 'commander';
import type { Report, Verdict } from '../report/schema.js';

// What every command shares; small, so the CLI's shell can load it at start-up.

/** Exit codes (docs/contract.md §7): 0 pass / inconclusive / skipped, 1 fail, 2 error. */
export function exitCodeFor(verdict: Verdict): number {
  return verdict === 'fail' ? 1 : verdict === 'error' ? 2 : 0;
}

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (a live progress line instead of periodic log lines). */
  isTTY: boolean;
  /** Stops starting calls (first Ctrl-C); `forceStop` stops waiting for those in flight (second). */
  signal?: AbortSignal;
  forceStop?: AbortSignal;
  /**
   * Runs this command line again behind the launcher (a second Node process with the review heap settings) and
   * resolves to its exit code; set by the bin when this process may hand a large review over (src/cli-main.ts).
   */
  relaunch?: () => Promise<number>;
}

/** Option parsers shared by the commands: a bad value is commander's usage error (exit 2), naming the flag. */
export const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
  return n;
};
export const positiveNumber = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number > 0`);
  return n;
};

export const GITHUB_MODELS_URL = 'https://models.github.ai/inference';
export const GITHUB_MODELS_MODEL = 'openai/gpt-4o-mini';

/** The first reason a report ends in `error`: a stop (budget, fatal provider error), else the first failing suite's. */
export function errorCause(report: Report): string {
  const stop = report.notes?.find((n) => n.startsWith('Partial: ') || n.startsWith('Refused'));
  if (stop) return stop.replace(/^Partial: /, '');
  const suite = report.suites.find((s) => s.verdict === 'error');
  const rule = suite?.rules.find((r) => r.verdict === 'error');
  return suite?.message ?? (rule ? `${suite!.name}: ${rule.detail}` : (report.notes?.[0] ?? 'the review ended in error'));
}
