import { runCli } from './cli.js';
import { interruptions } from './interrupt.js';
import { LAUNCHED_ENV, launch, LAUNCHED_COMMANDS, userSetHeap } from './launch.js';

/**
 * The CLI's process shell: argv, stdio, signals (see interruptions) and the exit code. `bin` is the `promptgate` bin
 * (dist/cli/launch.js) that loaded this bundle: `merge` and `monitor` run behind the launcher, in a second process
 * started from it with the review heap settings; `run` starts here and moves there only when its plan is large
 * (see LAUNCHED_COMMANDS in src/launch.ts and docs/reliability.md); every other command runs here.
 */
export async function main(bin: string): Promise<void> {
  const args = process.argv.slice(2);
  const env = process.env;
  const canLaunch = !env[LAUNCHED_ENV] && !userSetHeap(process.execArgv, env.NODE_OPTIONS);
  const command = args.find((a) => !a.startsWith('-'));
  if (canLaunch && command !== undefined && LAUNCHED_COMMANDS.includes(command)) {
    process.exitCode = await launch({ target: bin, args, env });
    return;
  }
  const interrupts = interruptions((line) => process.stderr.write(`\n${line}\n`));
  const { signal, forceStop } = interrupts;
  const code = await runCli(args, {
    cwd: process.cwd(),
    env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: !!process.stderr.isTTY,
    signal,
    forceStop,
    relaunch: canLaunch
      ? () => {
          // The launcher passes signals on from here: this process's own handlers step aside.
          interrupts.dispose();
          return launch({ target: bin, args, env });
        }
      : undefined,
  });
  process.exitCode = code;
  // Calls abandoned in flight would hold the process open until they time out.
  if (forceStop.aborted) process.exit();
}
