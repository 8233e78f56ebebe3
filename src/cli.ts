import { Command, InvalidArgumentError, Option } from 'commander';
import { formatError } from './errors.js';
import { registerEnvSecrets, secrets } from './redact.js';
import { positiveInt, positiveNumber, type CliIo } from './cli/common.js';
import type { RunOptions } from './cli/run.js';
import { defineMonitorCommand } from './monitor-command.js';

export { errorCause, exitCodeFor, GITHUB_MODELS_MODEL, GITHUB_MODELS_URL, type CliIo } from './cli/common.js';

/*
 * The CLI's shell: arguments, help and exit codes. Each command loads its own work with import() when it runs, so
 * `promptgate --version` and `--help` load nothing else and `validate` never loads the model client (start-up: see
 * docs/architecture.md).
 */

const shardSpec = (value: string) => {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count) throw new InvalidArgumentError('use i/n with 1 ≤ i ≤ n, e.g. --shard 2/3');
  return { index, count };
};

/** Parse argv and run one command; resolves to the process exit code. Never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code = 0;
  // Keys in the environment never reach the note, the report or an error message (docs/security.md).
  registerEnvSecrets(io.env);
  const program = new Command()
    .name('promptgate')
    .description('Review prompt changes with paired evals: baseline (base ref) vs candidate (head ref).')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError();

  program
    .command('run')
    .description('compare the prompts at two git refs on the eval sets and print the change note')
    .option('--config <file>', 'config file (default: promptgate.yml, then .github/promptgate.yml)')
    .option('--base <ref>', 'baseline ref (default: merge-base with the default branch)')
    .option('--head <ref>', 'candidate ref', 'HEAD')
    .option('--json <file>', 'write the JSON report (with --shard: the shard file for `merge`)')
    .option('--markdown <file>', 'write the change note as Markdown')
    .option('--repeats <n>', 'samples per case per variant', positiveInt('--repeats'))
    .option('--concurrency <n>', 'parallel model calls', positiveInt('--concurrency'))
    .option('--budget-usd <usd>', 'refuse to start (or stop) above this spend', positiveNumber('--budget-usd'))
    .addOption(new Option('--sampling <mode>', 'fixed: every repeat of every case; sequential: stop a case early once it is decided (overrides run.sampling)').choices(['fixed', 'sequential']))
    .option('--base-url <url>', 'OpenAI-compatible endpoint for every call (overrides the config)')
    .addOption(new Option('--shard <i/n>', 'run one deterministic slice of the samples').argParser(shardSpec))
    .option('--no-cache', 'do not read or write the response cache')
    .option('-q, --quiet', 'no progress output')
    .action(async (opts: RunOptions) => {
      const { runCommand } = await import('./cli/run.js');
      code = await runCommand(opts, io);
    });

  program
    .command('merge')
    .description('combine shard files from `run --shard i/n` into one report and verdict')
    .argument('<files...>', 'shard files')
    .option('--config <file>', 'config file')
    .option('--json <file>', 'write the JSON report')
    .option('--markdown <file>', 'write the change note as Markdown')
    .action(async (files: string[], opts: { config?: string; json?: string; markdown?: string }) => {
      const { mergeCommand } = await import('./cli/run.js');
      code = await mergeCommand(files, opts, io);
    });

  program
    .command('validate')
    .description('check the config, prompt files, eval sets and assertions without calling any model')
    .option('--config <file>', 'config file')
    .action(async (opts: { config?: string }) => {
      const { validateRepo } = await import('./validate.js');
      const result = await validateRepo({ repoDir: io.cwd, configPath: opts.config, env: io.env });
      for (const line of result.lines) io.stdout(line + '\n');
      code = 0;
    });

  defineMonitorCommand(program, io, (c) => {
    code = c;
  });

  program
    .command('init')
    .description('write a GitHub workflow, and a starter promptgate.yml unless the repo has .prompt.yml files with testData')
    .option('--force', 'overwrite existing files')
    .action(async (opts: { force?: boolean }) => {
      const { initCommand } = await import('./cli/init.js');
      code = await initCommand(opts, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    io.stderr(`promptgate: ${secrets.redact(formatError(err))}\n`);
    return 2;
  }
}
