import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, rename, writeFile, access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { CONFIG_PATHS, findConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { formatError, PromptgateError } from './errors.js';
import { registerEnvSecrets, safeUrl, secrets } from './redact.js';
import { renderChangeNote, writeJsonReport } from './report/index.js';
import type { Report, Verdict } from './report/schema.js';
import { combineShards, parseShardFile, shardFile } from './results/shard-file.js';
import { progressLine, review, type ReviewProgress } from './review.js';
import { defaultBase, git } from './changes/git.js';
import { validateRepo } from './validate.js';
import { GITIGNORE_LINE, STARTER_CONFIG, STARTER_WORKFLOW, ZERO_CONFIG_WORKFLOW } from './init-templates.js';
import { defineMonitorCommand } from './monitor-command.js';

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
    .addOption(new Option('--sampling <mode>', 'fixed: every repeat of every case; sequential: stop a case early once it is decided (overrides run.sampling)').choices(['fixed', 'sequential']))
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

  defineMonitorCommand(program, io, (c) => {
    code = c;
  });

  program
    .command('init')
    .description('write a GitHub workflow, and a starter promptgate.yml unless the repo has .prompt.yml files with testData')
    .option('--force', 'overwrite existing files')
    .action(async (opts: { force?: boolean }) => {
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

interface RunOptions {
  config?: string;
  base?: string;
  head: string;
  json?: string;
  markdown?: string;
  repeats?: number;
  concurrency?: number;
  budgetUsd?: number;
  sampling?: 'fixed' | 'sequential';
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
  // No config at the head: zero-config, on GitHub Models unless --base-url says otherwise (docs/github-models.md).
  const zero = opts.config === undefined && !(await hasConfigAt(repoDir, opts.head)) ? await zeroConfigCredential(opts.baseUrl, io.env) : undefined;
  if (zero) {
    secrets.add(zero.apiKey);
    if (!opts.quiet) io.stderr(`${zero.banner}\n`);
  }
  const progress = opts.quiet ? undefined : progressPrinter(io);
  let out: Awaited<ReturnType<typeof review>>;
  try {
    out = await review({
      context: await commitContext(repoDir, base, opts.head),
      repoDir,
      base,
      head: opts.head,
      configPath: opts.config,
      overrides: { repeats: opts.repeats, concurrency: opts.concurrency, budgetUsd: opts.budgetUsd, sampling: opts.sampling, baseUrl: opts.baseUrl, ...(zero?.apiKey ? { apiKey: zero.apiKey } : {}) },
      // Without a config no key is read from the environment but the one named above: an OPENAI_API_KEY that happens
      // to be set is never sent to GitHub Models.
      env: zero ? withoutKeys(io.env) : io.env,
      ...(zero ? { zeroConfigProvider: { baseUrl: GITHUB_MODELS_URL, model: GITHUB_MODELS_MODEL } } : {}),
      shard: opts.shard,
      noCache: !opts.cache,
      onProgress: progress?.update,
      log: opts.quiet ? undefined : (line) => io.stderr(line + '\n'),
      signal: io.signal,
      forceStop: io.forceStop,
    });
  } catch (err) {
    // The review asks for a key only when something will run; without a config, say what the user can do.
    if (zero && !zero.apiKey && err instanceof PromptgateError && err.message.startsWith('no API key')) throw zero.missing;
    throw err;
  }
  progress?.finish();
  if (opts.shard && opts.shard.count > 1) {
    const file = shardFile(out.report.base, out.report.head, opts.shard, out.records);
    if (opts.json) await writeOut(io, opts.json, JSON.stringify(file) + '\n');
    io.stdout(`shard ${opts.shard.index}/${opts.shard.count}: ${out.records.length} samples${opts.json ? ` written to ${opts.json}` : ' (pass --json FILE to keep them for `promptgate merge`)'}\n`);
    return out.report.partial && out.records.length < out.planned ? 2 : 0;
  }
  return finish(out.report, opts, io);
}

export const GITHUB_MODELS_URL = 'https://models.github.ai/inference';
export const GITHUB_MODELS_MODEL = 'openai/gpt-4o-mini';
/** The variables a key for `--base-url` is read from, in order, when there is no config. */
export const BASE_URL_KEY_ENVS = ['PROMPTGATE_API_KEY', 'OPENAI_API_KEY'] as const;
const TOKEN_ENVS = ['GITHUB_TOKEN', 'GH_TOKEN'] as const;

interface ZeroConfigCredential {
  apiKey?: string;
  /** The stderr line that says which endpoint and which credential source (never the credential). */
  banner: string;
  /** The error to raise when a model call needs the credential that was not found. */
  missing: PromptgateError;
}

/** Is there a promptgate.yml (or .github/promptgate.yml) in the head commit? */
async function hasConfigAt(repoDir: string, ref: string): Promise<boolean> {
  for (const path of CONFIG_PATHS) {
    try {
      await git(repoDir, ['cat-file', '-e', `${ref}:${path}`]);
      return true;
    } catch {
      // not there
    }
  }
  return false;
}

function withoutKeys(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const copy = { ...env };
  for (const name of [...BASE_URL_KEY_ENVS, ...TOKEN_ENVS]) delete copy[name];
  return copy;
}

/**
 * The zero-config endpoint and credential (docs/contract.md: the CLI without a config is zero-config too). GitHub Models with
 * GITHUB_TOKEN, else GH_TOKEN, else the `gh` CLI's token; with `--base-url`, that endpoint with PROMPTGATE_API_KEY,
 * else OPENAI_API_KEY (a GitHub token is never sent to another host).
 */
async function zeroConfigCredential(baseUrl: string | undefined, env: Record<string, string | undefined>): Promise<ZeroConfigCredential> {
  const lead = 'no promptgate.yml: zero-config mode (every changed .prompt.yml with testData is a suite)';
  if (baseUrl !== undefined) {
    const where = `${safeUrl(baseUrl)} (--base-url)`;
    const name = BASE_URL_KEY_ENVS.find((n) => env[n]);
    return {
      ...(name ? { apiKey: env[name] } : {}),
      banner: `${lead}; calling ${where} with the key in ${name ?? '(none found)'}`,
      missing: new PromptgateError(`no API key for ${where}: neither ${BASE_URL_KEY_ENVS.join(' nor ')} is set`, {
        hint: `export PROMPTGATE_API_KEY=… (any non-empty value for a local server that needs none); drop --base-url to use GitHub Models with GITHUB_TOKEN, GH_TOKEN or \`gh auth login\``,
      }),
    };
  }
  const where = `GitHub Models (${GITHUB_MODELS_URL})`;
  const name = TOKEN_ENVS.find((n) => env[n]);
  const gh = name ? undefined : await ghAuthToken(env);
  const apiKey = name ? env[name] : gh?.token;
  const source = name ?? (gh?.token ? 'the gh CLI (gh auth token)' : '(no token found)');
  const ghState = gh === undefined ? '' : gh.installed ? ' (`gh auth token` has none)' : ' (the gh CLI is not installed)';
  return {
    ...(apiKey ? { apiKey } : {}),
    banner: `${lead}; calling ${where} with the token from ${source}`,
    missing: new PromptgateError(`no token for ${where}: GITHUB_TOKEN and GH_TOKEN are not set${ghState}`, {
      hint: 'set GITHUB_TOKEN or GH_TOKEN (a token with the models:read permission), or run `gh auth login`, or pass --base-url URL with PROMPTGATE_API_KEY (or OPENAI_API_KEY) for another OpenAI-compatible endpoint',
    }),
  };
}

/** `gh auth token`, when the gh CLI is installed and logged in; never fails (a missing gh is simply no token). */
function ghAuthToken(env: Record<string, string | undefined>): Promise<{ installed: boolean; token?: string }> {
  return new Promise((resolveToken) => {
    execFile('gh', ['auth', 'token'], { env: { ...env, GH_PROMPT_DISABLED: '1' }, timeout: 15_000, windowsHide: true }, (err, stdout) => {
      const code = (err as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT') return resolveToken({ installed: false });
      const token = err ? '' : String(stdout).trim();
      resolveToken(token && !/\s/.test(token) ? { installed: true, token } : { installed: true });
    });
  });
}

/**
 * `promptgate init`: in a repository whose GitHub Models prompt files already carry `testData`, a zero-config
 * workflow and nothing else (the files are the eval sets); otherwise a starter promptgate.yml and its workflow.
 * Either way `.promptgate/` (the response cache) goes into .gitignore, once. Every file written ends in a newline.
 */
async function initCommand(opts: { force?: boolean }, io: CliIo): Promise<number> {
  // A promptfoo config at the root is the eval suite the team already has: the workflow points at it.
  const promptfoo = (await Promise.all(PROMPTFOO_CONFIGS.map(async (p) => ((await exists(join(io.cwd, p))) ? p : null)))).find((p) => p !== null);
  const withTests = promptfoo ? [] : await promptFilesWithTestData(io.cwd);
  const files: [string, string][] = promptfoo
    ? [['.github/workflows/promptgate.yml', STARTER_WORKFLOW.replace('          api-key:', `          config: ${promptfoo}\n          api-key:`)]]
    : withTests.length
      ? [['.github/workflows/promptgate.yml', ZERO_CONFIG_WORKFLOW]]
      : [
          ['promptgate.yml', STARTER_CONFIG],
          ['.github/workflows/promptgate.yml', STARTER_WORKFLOW],
        ];
  if (promptfoo) io.stdout(`found ${promptfoo}: the workflow reviews with it (config: ${promptfoo}), so no promptgate.yml\n`);
  if (withTests.length) {
    const shown = withTests.slice(0, 5).join(', ') + (withTests.length > 5 ? `, and ${withTests.length - 5} more` : '');
    io.stdout(`found GitHub Models prompt files with testData (${shown}): zero-config, so no promptgate.yml; they run on GitHub Models with the workflow's token\n`);
  }
  for (const [path, text] of files) {
    const target = join(io.cwd, path);
    if (!opts.force && (await exists(target))) {
      io.stderr(`skipped ${path}: it exists (use --force to overwrite)\n`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text.endsWith('\n') ? text : text + '\n');
    io.stdout(`wrote ${path}\n`);
  }
  const ignore = join(io.cwd, '.gitignore');
  const current = await readFile(ignore, 'utf8').catch(() => null);
  const listed = (current ?? '').split(/\r?\n/).some((line) => ['.promptgate', '.promptgate/', '/.promptgate', '/.promptgate/'].includes(line.trim()));
  if (!listed) {
    const before = current === null || current === '' || current.endsWith('\n') ? (current ?? '') : current + '\n';
    await writeFile(ignore, `${before}${GITIGNORE_LINE}\n`);
    io.stdout(`${current === null ? 'wrote' : 'updated'} .gitignore (${GITIGNORE_LINE}: the response cache)\n`);
  }
  return 0;
}

const GITHUB_MODELS_FILE = /\.prompt\.ya?ml$/i;
const PROMPTFOO_CONFIGS = ['promptfooconfig.yaml', 'promptfooconfig.yml'];
const SKIP_DIRS = new Set(['.git', 'node_modules', '.promptgate']);

/** GitHub Models prompt files under `dir` whose `testData` has rows (the working tree, as `init` sees it). */
async function promptFilesWithTestData(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > 12 || found.length >= 1000) return;
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(path, depth + 1);
      else if (e.isFile() && GITHUB_MODELS_FILE.test(e.name)) {
        try {
          const doc = parseYaml(await readFile(join(dir, path), 'utf8')) as { testData?: unknown } | null;
          if (Array.isArray(doc?.testData) && doc.testData.length > 0) found.push(path);
        } catch {
          // Not readable as YAML: `promptgate validate` says why; it is not a reason to write a config.
        }
      }
    }
  };
  await walk('', 0);
  return found;
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

/**
 * Written whole or not at all: the text goes to a temporary file beside the target, which is then renamed over it,
 * so a script (or CI step) that reads the report as soon as it appears never reads half of one.
 */
async function writeOut(io: CliIo, path: string, text: string): Promise<void> {
  const target = resolve(io.cwd, path);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, target);
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

