import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { positiveInt, positiveNumber, type CliIo } from './cli/common.js';

/**
 * `promptgate monitor`: declares the command's options on the CLI program. The work itself is loaded only when the
 * command runs, so other commands do not pay for it at start-up.
 */
export function defineMonitorCommand(program: Command, io: CliIo, setCode: (code: number) => void): void {
  program
    .command('monitor')
    .description('sample the prompts at a ref now and compare them with reference samples (drift)')
    .option('--config <file>', 'config file (default: promptgate.yml, then .github/promptgate.yml)')
    .option('--ref <ref>', 'the commit whose prompts are sampled', 'HEAD')
    .option('--reference <file>', 'reference samples: a file written by `monitor --samples` (default: the response cache)')
    .option('--samples <file>', "write this run's samples (a later run's --reference)")
    .option('--json <file>', 'write the JSON report')
    .option('--markdown <file>', 'write the note as Markdown')
    .option('--repeats <n>', 'samples per case', positiveInt('--repeats'))
    .option('--concurrency <n>', 'parallel model calls', positiveInt('--concurrency'))
    .option('--budget-usd <usd>', 'refuse to start (or stop) above this spend', positiveNumber('--budget-usd'))
    .option('--base-url <url>', 'OpenAI-compatible endpoint for every call (overrides the config)')
    .option('--rebaseline', "compare nothing: this run's samples become the reference (accept a model change)")
    .option('--no-cache', 'do not read references from, or write samples to, the response cache')
    .option('-q, --quiet', 'no progress output')
    .action(async (opts: MonitorOptions) => {
      setCode(await monitorCommand(opts, io));
    });
}

interface MonitorOptions {
  config?: string;
  ref: string;
  reference?: string;
  samples?: string;
  json?: string;
  markdown?: string;
  repeats?: number;
  concurrency?: number;
  budgetUsd?: number;
  baseUrl?: string;
  rebaseline?: boolean;
  cache: boolean;
  quiet?: boolean;
}

async function monitorCommand(opts: MonitorOptions, io: CliIo): Promise<number> {
  const [{ monitor, readSamplesFile }, { git }, { secrets }, { renderChangeNote, writeJsonReport }, cli, zeroConfig, { progressLine }, { PromptgateError }] = await Promise.all([
    import('./monitor.js'),
    import('./changes/git.js'),
    import('./redact.js'),
    import('./report/index.js'),
    import('./cli/common.js'),
    import('./cli/zero-config.js'),
    import('./run/progress.js'),
    import('./errors.js'),
  ]);
  const repoDir = (await git(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
  secrets.addUrl(opts.baseUrl);
  const reference = opts.reference ? await readSamplesFile(resolve(io.cwd, opts.reference)) : undefined;
  // No config at the ref: zero-config, exactly as `run` (docs/github-models.md).
  const zero = opts.config === undefined && !(await zeroConfig.hasConfigAt(repoDir, opts.ref)) ? await zeroConfig.zeroConfigCredential(opts.baseUrl, io.env) : undefined;
  if (zero) {
    secrets.add(zero.apiKey);
    if (!opts.quiet) io.stderr(`${zero.banner}\n`);
  }
  let last = 0;
  const run = () =>
    monitor({
      repoDir,
      ref: opts.ref,
      configPath: opts.config,
      reference,
      noCache: !opts.cache,
      rebaseline: opts.rebaseline,
      overrides: { repeats: opts.repeats, concurrency: opts.concurrency, budgetUsd: opts.budgetUsd, baseUrl: opts.baseUrl, ...(zero?.apiKey ? { apiKey: zero.apiKey } : {}) },
      env: zero ? zeroConfig.withoutKeys(io.env) : io.env,
      ...(zero ? { zeroConfigProvider: { baseUrl: cli.GITHUB_MODELS_URL, model: cli.GITHUB_MODELS_MODEL } } : {}),
      log: opts.quiet ? undefined : (line) => io.stderr(line + '\n'),
      onProgress: opts.quiet
        ? undefined
        : (p) => {
            const now = Date.now();
            if (now - last < 5000 && p.done !== p.total) return;
            last = now;
            io.stderr(progressLine(p) + '\n');
          },
      signal: io.signal,
      forceStop: io.forceStop,
    });
  let out: Awaited<ReturnType<typeof run>>;
  try {
    out = await run();
  } catch (err) {
    if (zero && !zero.apiKey && err instanceof PromptgateError && err.message.startsWith('no API key')) throw zero.missing;
    throw err;
  }
  const note = renderChangeNote(out.report, { target: 'cli' });
  if (opts.json) await writeWhole(resolve(io.cwd, opts.json), writeJsonReport(out.report));
  if (opts.markdown) await writeWhole(resolve(io.cwd, opts.markdown), note);
  if (opts.samples) await writeWhole(resolve(io.cwd, opts.samples), JSON.stringify(out.samples) + '\n');
  io.stdout(note.endsWith('\n') ? note : note + '\n');
  for (const s of out.suites) {
    if (s.compared === 0) continue;
    const drift = s.verdict === 'fail' ? 'drift' : s.verdict === 'pass' ? 'no drift' : s.verdict;
    const versions = `model ${s.models.reference.join(', ') || '(none)'} → ${s.models.now.join(', ') || '(none)'}`;
    io.stderr(`${s.name}: ${drift} (${s.compared} cases compared, ${s.rebaselined} re-baselined; ${versions})\n`);
  }
  if (out.report.verdict === 'error') io.stderr(`promptgate: error: ${secrets.redact(cli.errorCause(out.report))}\n`);
  return cli.exitCodeFor(out.report.verdict);
}

/** Written whole or not at all (temporary file, then rename), like every file the CLI writes. */
async function writeWhole(target: string, text: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, target);
}
