import { runCli } from './cli.js';
import { interruptions } from './interrupt.js';

// The CLI's process shell: argv, stdio, signals (see interruptions) and the exit code.
const { signal, forceStop } = interruptions((line) => process.stderr.write(`\n${line}\n`));
const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
  signal,
  forceStop,
});
process.exitCode = code;
// Calls abandoned in flight would hold the process open until they time out.
if (forceStop.aborted) process.exit();
