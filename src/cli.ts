import { mkdir, readFile, writeFile, access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import picomatch from 'picomatch';
import { CONFIG_PATHS, findConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { formatError } from './errors.js';
import { registerEnvSecrets, secrets } from './redact.js';
import { renderChangeNote, writeJsonReport } from './report/index.js';
import type { Report, Verdict } from './report/schema.js';
import { combineShards, parseShardFile, shardFile } from './results/shard-file.js';
import { progressLine, review, type ReviewProgress } from './review.js';
import { defaultBase, git } from './changes/git.js';
import { validateRepo } from './validate.js';
import { STARTER_CONFIG, STARTER_WORKFLOW } from './init-templates.js';

/** Exit codes (DESIGN §7): 0 pass / inconclusive / skipped, 1 fail, 2 error. */
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
}

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1`);
  return n;
};
const positiveNumber = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number > 0`);
  return n;
};
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
    .option('--base-url <url>', 'OpenAI-compatible endpoint for every call (overrides the config)')
    .addOption(new Option('--shard <i/n>', 'run one deterministic slice of the samples').argParser(shardSpec))
    .option('--no-cache', 'do not read or write the response cache')
    .option('-q, --quiet', 'no progress output')
    .action(async (opts) => {
      code = await runCommand(opts, io);
    });

  program
    .command('merge')
    .description('combine shard files from `run --shard i/n` into one report and verdict')
    .argument('<files...>', 'shard files')
    .option('--config <file>', 'config file')
    .option('--json <file>', 'write the JSON report')
    .option('--markdown <file>', 'write the change note as Markdown')
    .action(async (files: string[], opts) => {
      code = await mergeCommand(files, opts, io);
    });

  program
    .command('validate')
    .description('check the config, prompt files, eval sets and assertions without calling any model')
    .option('--config <file>', 'config file')
    .action(async (opts) => {
      const result = await validateRepo({ repoDir: io.cwd, configPath: opts.config, env: io.env });
      for (const line of result.lines) io.stdout(line + '\n');
      code = 0;
    });

  program
    .command('init')
    .description('write a starter promptgate.yml and a GitHub workflow')
    .option('--force', 'overwrite existing files')
    .action(async (opts) => {
      for (const [path, text] of [
        ['promptgate.yml', STARTER_CONFIG],
        ['.github/workflows/promptgate.yml', STARTER_WORKFLOW],
      ] as const) {
        const target = join(io.cwd, path);
        if (!opts.force && (await exists(target))) {
          io.stderr(`skipped ${path}: it exists (use --force to overwrite)\n`);
          continue;
        }
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
        io.stdout(`wrote ${path}\n`);
      }
      code = 0;
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

interface RunOptions {
  config?: string;
  base?: string;
  head: string;
  json?: string;
  markdown?: string;
  repeats?: number;
  concurrency?: number;
  budgetUsd?: number;
  baseUrl?: string;
  shard?: { index: number; count: number };
  cache: boolean;
  quiet?: boolean;
}

async function runCommand(opts: RunOptions, io: CliIo): Promise<number> {
  const repoDir = (await git(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
  secrets.addUrl(opts.baseUrl);
  if (!opts.quiet && opts.head === 'HEAD') for (const line of await uncommittedWarnings(repoDir, opts.config)) io.stderr(line + '\n');
  const base = opts.base ?? (await defaultBase(repoDir, opts.head));
  const progress = opts.quiet ? undefined : progressPrinter(io);
  const out = await review({
    context: await commitContext(repoDir, base, opts.head),
    repoDir,
    base,
    head: opts.head,
    configPath: opts.config,
    overrides: { repeats: opts.repeats, concurrency: opts.concurrency, budgetUsd: opts.budgetUsd, baseUrl: opts.baseUrl },
    env: io.env,
    shard: opts.shard,
    noCache: !opts.cache,
    onProgress: progress?.update,
    log: opts.quiet ? undefined : (line) => io.stderr(line + '\n'),
    signal: io.signal,
    forceStop: io.forceStop,
  });
  progress?.finish();
  if (opts.shard && opts.shard.count > 1) {
    const file = shardFile(out.report.base, out.report.head, opts.shard, out.records);
    if (opts.json) await writeOut(io, opts.json, JSON.stringify(file) + '\n');
    io.stdout(`shard ${opts.shard.index}/${opts.shard.count}: ${out.records.length} samples${opts.json ? ` written to ${opts.json}` : ' (pass --json FILE to keep them for `promptgate merge`)'}\n`);
    return out.report.partial && out.records.length < out.planned ? 2 : 0;
  }
  return finish(out.report, opts, io);
}

async function mergeCommand(files: string[], opts: { config?: string; json?: string; markdown?: string }, io: CliIo): Promise<number> {
  const parts = await Promise.all(files.map(async (file) => ({ file, data: parseShardFile(file, await readFile(resolve(io.cwd, file), 'utf8')) })));
  const combined = combineShards(parts);
  const repoDir = (await git(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
  const out = await review({
    repoDir,
    base: combined.base,
    head: combined.head,
    configPath: opts.config,
    env: io.env,
    records: combined.records,
    context: await commitContext(repoDir, combined.base, combined.head),
  });
  return finish(out.report, opts, io);
}

async function finish(report: Report, opts: { json?: string; markdown?: string }, io: CliIo): Promise<number> {
  const note = renderChangeNote(report, { target: 'cli' });
  if (opts.json) await writeOut(io, opts.json, writeJsonReport(report));
  if (opts.markdown) await writeOut(io, opts.markdown, note);
  io.stdout(note.endsWith('\n') ? note : note + '\n');
  // Exit 2 always comes with its cause on stderr, where a script or a CI log shows it, not only deep in the note.
  if (report.verdict === 'error') io.stderr(`promptgate: error: ${secrets.redact(errorCause(report))}\n`);
  return exitCodeFor(report.verdict);
}

/** The first reason a report ends in `error`: a stop (budget, fatal provider error), else the first failing suite's. */
export function errorCause(report: Report): string {
  const stop = report.notes?.find((n) => n.startsWith('Partial: ') || n.startsWith('Refused'));
  if (stop) return stop.replace(/^Partial: /, '');
  const suite = report.suites.find((s) => s.verdict === 'error');
  const rule = suite?.rules.find((r) => r.verdict === 'error');
  return suite?.message ?? (rule ? `${suite!.name}: ${rule.detail}` : (report.notes?.[0] ?? 'the review ended in error'));
}

/**
 * The CLI compares commits, so edits not committed yet are not reviewed: say so when they touch the config, a
 * prompt or an eval set, instead of letting the user read a verdict on files they did not mean.
 */
async function uncommittedWarnings(repoDir: string, configPath: string | undefined): Promise<string[]> {
  let status: string;
  try {
    status = await git(repoDir, ['status', '--porcelain', '-z', '--untracked-files=no']);
  } catch {
    return [];
  }
  const dirty = status.split('\0').filter((e) => /^.. /.test(e)).map((e) => e.slice(3));
  if (dirty.length === 0) return [];
  let config: Config | null = null;
  try {
    config = (await findConfig(async (p) => readFile(join(repoDir, p), 'utf8').catch(() => null), configPath)).config;
  } catch {
    // A config that does not parse is reported by the review itself.
  }
  const configPaths = configPath ? [configPath] : [...CONFIG_PATHS];
  const matches = config
    ? picomatch([...config.suites.map((s) => s.prompt), ...config.suites.flatMap((s) => (s.cases ? [s.cases] : []))], { dot: true })
    : (p: string) => /\.prompt\.ya?ml$/i.test(p);
  const touched = dirty.filter((p) => configPaths.includes(p) || matches(p));
  return touched.length
    ? [`warning: uncommitted changes to ${touched.join(', ')} are not part of this review (it compares commits); commit or stash them to review them.`]
    : [];
}

/** Locally there is no PR: the head commit's message is the Goal (and may carry `Goal:` / `Rollout:` lines). */
async function commitContext(repoDir: string, base: string, head: string): Promise<{ title?: string; body?: string } | undefined> {
  try {
    const count = Number((await git(repoDir, ['rev-list', '--count', `${base}..${head}`])).trim());
    if (count === 0) return undefined;
    const [title, ...rest] = (await git(repoDir, ['log', '-1', '--format=%B', head])).trim().split('\n');
    return { title, body: rest.join('\n').trim() };
  } catch {
    return undefined;
  }
}

async function writeOut(io: CliIo, path: string, text: string): Promise<void> {
  const target = resolve(io.cwd, path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** A live "123/480 samples · 40 cached · 0 failed · ETA 12s" line on a terminal; a line every 5 s in a log. */
function progressPrinter(io: CliIo) {
  let last = 0;
  let lastLine = '';
  return {
    update(p: ReviewProgress) {
      const now = Date.now();
      lastLine = progressLine(p);
      if (io.isTTY) {
        if (now - last > 100 || p.done === p.total) {
          io.stderr(`\r\x1b[2K${lastLine}`);
          last = now;
        }
      } else if (now - last > 5000 || p.done === p.total) {
        io.stderr(lastLine + '\n');
        last = now;
      }
    },
    finish() {
      if (io.isTTY && lastLine) io.stderr('\n');
    },
  };
}

