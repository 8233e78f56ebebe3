import type { Command } from 'commander';
import type { CliIo } from './cli.js';

/**
 * `promptgate monitor`: declares the command's options on the CLI program. The work itself is loaded only when the
 * command runs, so other commands do not pay for it at start-up.
 */
export function defineMonitorCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  program
    .command('monitor')
    .description('sample the prompts at a ref now and compare them with reference samples (drift)')
    .action(async () => {
      io.stderr('promptgate monitor: not available in this build\n');
      setCode(2);
    });
}
