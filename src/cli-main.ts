import { runCli } from './cli.js';

// The CLI's process shell: argv, stdio, signals and the exit code. SIGINT/SIGTERM abort the review, which
// finishes in-flight cache writes and still prints a partial report.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\npromptgate: ${signal} received, finishing in-flight samples…\n`);
    controller.abort();
  });
}
const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
  signal: controller.signal,
});
process.exitCode = code;
