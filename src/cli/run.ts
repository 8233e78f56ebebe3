import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { CONFIG_PATHS, findConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { changedFilesBetween, commitMessage, defaultBase, git, listFilesAt, resolveRev } from '../changes/git.js';
import { PromptgateError } from '../errors.js';
import { secrets } from '../redact.js';
import type { Report } from '../report/schema.js';
import { combineShards, parseShardFile, shardFile } from '../results/shard-file.js';
import { progressLine, review, type ReviewProgress } from '../review.js';
import { IN_PROCESS_MAX_SAMPLES } from '../launch.js';
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

/** Thrown from the review's plan step to hand a large review to the launcher (see {@link runCommand}). */
class HandOff extends Error {}

/**
 * `promptgate run`. Started by the bin in its own process, a review whose plan is larger than
 * IN_PROCESS_MAX_SAMPLES (or PROMPTGATE_IN_PROCESS_MAX_SAMPLES) moves behind the launcher before its first model
 * call (docs/reliability.md, "The launcher"); until the plan says it stays, what it would print waits, so that the
 * launched process prints it once.
 */
export async function runCommand(opts: RunOptions, io: CliIo): Promise<number> {
  const relaunch = io.relaunch;
  if (!relaunch) return runHere(opts, io);
  const limit = Number(io.env.PROMPTGATE_IN_PROCESS_MAX_SAMPLES ?? IN_PROCESS_MAX_SAMPLES);
  let held: string[] | null = [];
  const release = () => {
    const lines = held ?? [];
    held = null;
    for (const text of lines) io.stderr(text);
  };
  const holding: CliIo = { ...io, stderr: (text) => (held ? held.push(text) : io.stderr(text)) };
  try {
    return await runHere(opts, holding, (samples) => {
      if (samples > limit) throw new HandOff();
      release();
    });
  } catch (err) {
    if (!(err instanceof HandOff)) throw err;
    held = null;
    return relaunch();
  } finally {
    release();
  }
}

async function runHere(opts: RunOptions, io: CliIo, onPlanned?: (samples: number) => void): Promise<number> {
  const repoDir = (await git(io.cwd, ['rev-parse', '--show-toplevel'])).trim();
  secrets.addUrl(opts.baseUrl);
  const warnings = !opts.quiet && opts.head === 'HEAD' ? uncommittedWarnings(repoDir, opts.config) : Promise.resolve([]);
  // Independent git reads run side by side (see docs/architecture.md, "Start-up").
  const headHasConfig = opts.config === undefined ? hasConfigAt(repoDir, opts.head) : Promise.resolve(true);
  headHasConfig.catch(() => {});
  const base = opts.base ?? (await defaultBase(repoDir, opts.head));
  const context = commitContext(repoDir, base, opts.head);
  // What the review reads first, read now and side by side: it finds them known (src/changes/git.ts).
  const shas = Promise.all([resolveRev(repoDir, base), resolveRev(repoDir, opts.head)]);
  const changedFiles = shas.then(async ([b, h]) => {
    const [changed] = await Promise.all([changedFilesBetween(repoDir, b, h), listFilesAt(repoDir, b), listFilesAt(repoDir, h)]);
    return changed;
  });
  const prefetched = Promise.all([shas, changedFiles]).then(
    ([[b, h], changed]) => ({ base: b, head: h, changedFiles: changed }),
    () => ({ base, head: opts.head }),
  );
  // Said as soon as `git status` has answered, without holding the review up for it (docs/architecture.md,
  // "Start-up"), and always before the run ends.
  const warned = warnings.then(
    (lines) => {
      for (const line of lines) io.stderr(line + '\n');
    },
    // Only a warning: whatever it meets must not end the review, nor stand in for its result or its error.
    () => {},
  );
  const progress = opts.quiet ? undefined : progressPrinter(io);
  let zero: Awaited<ReturnType<typeof zeroConfigCredential>> | undefined;
  let out: Awaited<ReturnType<typeof review>>;
  try {
    // No config at the head: zero-config, on GitHub Models unless --base-url says otherwise (docs/github-models.md).
    zero = !(await headHasConfig) ? await zeroConfigCredential(opts.baseUrl, io.env) : undefined;
    if (zero) {
      secrets.add(zero.apiKey);
      if (!opts.quiet) io.stderr(`${zero.banner}\n`);
    }
    out = await review({
      context: await context,
      repoDir,
      // Read above; a revision that is not found is left for the review to report, as it reports it.
      ...(await prefetched),
      configPath: opts.config,
      overrides: { repeats: opts.repeats, concurrency: opts.concurrency, budgetUsd: opts.budgetUsd, sampling: opts.sampling, baseUrl: opts.baseUrl, ...(zero?.apiKey ? { apiKey: zero.apiKey } : {}) },
      // Without a config no key is read from the environment but the one named above: an OPENAI_API_KEY that happens
      // to be set is never sent to GitHub Models.
      env: zero ? withoutKeys(io.env) : io.env,
      ...(zero ? { zeroConfigProvider: { baseUrl: GITHUB_MODELS_URL, model: GITHUB_MODELS_MODEL } } : {}),
      shard: opts.shard,
      noCache: !opts.cache,
      onProgress: progress?.update,
      onPlanned,
      log: opts.quiet ? undefined : (line) => io.stderr(line + '\n'),
      signal: io.signal,
      forceStop: io.forceStop,
    });
  } catch (err) {
    await warned;
    // The review asks for a key only when something will run; without a config, say what the user can do.
    if (zero && !zero.apiKey && err instanceof PromptgateError && err.message.startsWith('no API key')) throw zero.missing;
    throw err;
  }
  progress?.finish();
  await warned;
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
  // The report's code is loaded once there is a report (docs/architecture.md, "Start-up").
  const { renderChangeNote, writeJsonReport } = await import('../report/index.js');
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
  try {
    return await uncommittedEdits(repoDir, configPath);
  } catch {
    // A work tree git cannot read, or a config in it no matcher can be made of: no warning, and the review goes on.
    return [];
  }
}

async function uncommittedEdits(repoDir: string, configPath: string | undefined): Promise<string[]> {
  let status: string;
  try {
    status = await git(repoDir, ['status', '--porcelain', '-z', '--untracked-files=no']);
  } catch {
    return [];
  }
  const dirty = status
    .split('\0')
    .filter((e) => /^.. /.test(e))
    .map((e) => e.slice(3));
  if (dirty.length === 0) return [];
  let config: Config | null = null;
  try {
    config = (await findConfig(async (p) => readFile(join(repoDir, p), 'utf8').catch(() => null), configPath)).config;
  } catch {
    // A config that does not parse is reported by the review itself.
  }
  const configPaths = configPath ? [configPath] : [...CONFIG_PATHS];
  const matches = config ? picomatch([...config.suites.map((s) => s.prompt), ...config.suites.flatMap((s) => (s.cases ? [s.cases] : []))], { dot: true }) : (p: string) => /\.prompt\.ya?ml$/i.test(p);
  const touched = dirty.filter((p) => configPaths.includes(p) || matches(p));
  return touched.length ? [`warning: uncommitted changes to ${touched.join(', ')} are not part of this review (it compares commits); commit or stash them to review them.`] : [];
}

/** Locally there is no PR: the head commit's message is the Goal (and may carry `Goal:` / `Rollout:` lines). */
async function commitContext(repoDir: string, base: string, head: string): Promise<{ title?: string; body?: string } | undefined> {
  try {
    const message = commitMessage(repoDir, head);
    message.catch(() => {});
    const count = Number((await git(repoDir, ['rev-list', '--count', `${base}..${head}`])).trim());
    if (count === 0) return undefined;
    const [title, ...rest] = (await message).trim().split('\n');
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
