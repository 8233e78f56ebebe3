import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_PATHS, findConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { defaultBase, git } from '../changes/git.js';
import { PromptgateError } from '../errors.js';
import { secrets } from '../redact.js';
import { renderChangeNote, writeJsonReport } from '../report/index.js';
import type { Report } from '../report/schema.js';
import { combineShards, parseShardFile, shardFile } from '../results/shard-file.js';
import { progressLine, review, type ReviewProgress } from '../review.js';
import { errorCause, exitCodeFor, GITHUB_MODELS_MODEL, GITHUB_MODELS_URL, type CliIo } from './common.js';
import { hasConfigAt, withoutKeys, zeroConfigCredential } from './zero-config.js';

/** `promptgate run` and `promptgate merge`: loaded only when one of them runs (see docs/architecture.md). */

export interface RunOptions {
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

export async function runCommand(opts: RunOptions, io: CliIo): Promise<number> {
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

export async function mergeCommand(files: string[], opts: { config?: string; json?: string; markdown?: string }, io: CliIo): Promise<number> {
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
