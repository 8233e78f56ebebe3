import { runCli } from './cli.js';
import { watchLauncher } from './launch.js';

// The CLI's process shell: argv, stdio, signals and the exit code. SIGINT/SIGTERM abort the review, which
// finishes in-flight cache writes and still prints a partial report; so does the launcher (src/launch.ts) dying.
const controller = new AbortController();
const stop = (why: string) => {
  process.stderr.write(`\npromptgate: ${why}, finishing in-flight samples…\n`);
  controller.abort();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(`${signal} received`));
watchLauncher(() => stop('the launcher exited'));
const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
  signal: controller.signal,
});
process.exitCode = code;
