import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The shipped `promptgate` bin (the launcher in front of the CLI bundle), as a user runs it. */
export const BIN = resolve('dist/cli/launch.js');

export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, ms. */
  ms: number;
}

/** Run `promptgate <args>` in `cwd` with exactly `env` (plus PATH and HOME); resolves when the process exits. */
export function runBin(cwd: string, args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', fail);
    child.once('exit', (code, signal) => done({ code: code ?? (signal ? 128 : -1), stdout, stderr, ms: Date.now() - started }));
  });
}
