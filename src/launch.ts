import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * The process users and GitHub start (the `promptgate` bin, the Action's `main`) runs the real bundle beside it
 * in a child Node process with V8 heap settings chosen for long reviews, passes signals on, and exits as it did.
 *
 * Why a second process: a 60,000-call review keeps 50–60 MB of live data, but V8's defaults on a machine with
 * several GB of memory let the heap run far ahead of it — semi-spaces of up to 64 MB on Node 24 and an old
 * space that grows to 4× what survived the last full GC — so the same review peaks at 335–385 MB of RSS on Node 24,
 * almost all of it garbage from the HTTP and SDK layers. Node accepts these limits only when it starts (a Worker's
 * `resourceLimits` would do too, but a worker cannot receive signals and runs a second copy of the bundle beside
 * the first). With them it peaks at 190–235 MB at the same speed (`npm run bench -- --scale`).
 *
 * The old-space cap is far above what any review keeps alive (≈ 1 KB per sample), and should one ever reach it,
 * the review runs once more with Node's defaults: every model response is already in the response cache (unless
 * it is turned off), so no call is paid twice. Limits the user set in NODE_OPTIONS or on the command line win over these.
 *
 * The Action's bundle also tells this process, over the IPC channel, which check run it reports to and when it has
 * written its results: the rerun reuses that check run, and a review that dies before it finished (out of memory
 * again, killed, crashed) gets its check completed by one more, tiny start of the bundle (see docs/action.md).
 */
export const HEAP_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=1024'] as const;

/** Set in the child's environment; the bundle reads it to know a launcher stands in front of it. */
export const LAUNCHED_ENV = 'PROMPTGATE_LAUNCHED';
/** Set for a rerun after the review ran out of memory: the id of the check run the first attempt started. */
export const CHECK_RUN_ENV = 'PROMPTGATE_CHECK_RUN_ID';
/** Set when the bundle is started only to conclude after a crash: JSON `{ message, cancelled }` ({@link CrashReport}). */
export const CRASHED_ENV = 'PROMPTGATE_CRASHED';

/** What the launcher hands the bundle in {@link CRASHED_ENV}. */
export interface CrashReport {
  /** "promptgate crashed: …", for the check, the note and the log. */
  message: string;
  /** The job was being cancelled (a signal was passed on): the check concludes `cancelled`, not `failure`. */
  cancelled: boolean;
}

/** What the bundle tells the launcher over the IPC channel. */
export type LauncherMessage =
  /** "Complete my check run if I die before I have written my results": the Action's bundle, not the CLI's. */
  | { promptgate: 'action' }
  /** The check run this review reports to. */
  | { promptgate: 'check-run'; id: number }
  /** The check run, the note, the job summary and the outputs are written: nothing is left to conclude. */
  | { promptgate: 'concluded' };

export interface LaunchOptions {
  /** Absolute path of the script to run. */
  target: string;
  args: string[];
  /** Node options of this process (`process.execArgv`), passed on. */
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Heap flags for the first attempt (default {@link HEAP_FLAGS}). */
  heapFlags?: readonly string[];
  /** Where the launcher's own lines go (default stderr). */
  log?: (line: string) => void;
  /** Process to take signals from (default `process`). */
  signals?: Pick<NodeJS.Process, 'on' | 'off'>;
  /** Node binary (default `process.execPath`). */
  node?: string;
  /** The child's stdout and stderr: this process's (default), or nowhere. */
  output?: 'inherit' | 'ignore';
  /** Called with each child process once started. */
  onSpawn?: (child: ChildProcess) => void;
}

// Windows has no process groups to keep apart: the console's Ctrl-C reaches the child itself.
const WINDOWS = process.platform === 'win32';
const FORWARDED = WINDOWS ? [] : (['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const);

/**
 * The CLI commands the `promptgate` bin always starts behind the launcher, with the heap flags and the rerun after
 * running out of memory: a monitor and a merge of shard files. `run` starts in the bin's own process and moves
 * behind the launcher only when its plan is larger than {@link IN_PROCESS_MAX_SAMPLES}: a review that size keeps
 * little alive, and a second Node's start would be most of the wait for its first model call. The others
 * (`--version`, `--help`, `validate`, `init`) always run in the bin's process (see docs/reliability.md).
 */
export const LAUNCHED_COMMANDS: readonly string[] = ['merge', 'monitor'];

/**
 * The most samples `promptgate run` takes in the bin's own process, under Node's default heap settings: measured
 * peak RSS at this size is in docs/reliability.md ("The launcher"). A larger plan is handed to the launcher before its
 * first model call.
 */
export const IN_PROCESS_MAX_SAMPLES = 5_000;

/** Heap flags the user has already chosen, on the command line or in NODE_OPTIONS, make ours step aside. */
export function userSetHeap(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return flags.some((f) => /^--max[-_](old|semi)[-_]space[-_]size\b/.test(f));
}

/** What one child process told this one, and how it ended. */
interface Attempt {
  code: number;
  signal: NodeJS.Signals | null;
  /** V8 aborts the process when the heap limit is reached. */
  outOfMemory: boolean;
  /** The Action's bundle: it asked to be concluded after a crash. */
  action: boolean;
  checkRunId?: number;
  concluded: boolean;
  /** This process passed a signal on to it (a Ctrl-C, a cancelled job). */
  interrupted: boolean;
}

/**
 * Runs `target` in a child Node process and resolves to the exit code this process should end with.
 *
 * The child gets its own process group, so a Ctrl-C in the terminal reaches it exactly once — through this
 * process, which passes on every signal it receives (GitHub's runner signals only the process it started). An
 * IPC channel lets the child notice when this process dies without passing anything on.
 */
export async function launch(opts: LaunchOptions): Promise<number> {
  // Only this process sets these, and only for the attempt they are meant for.
  const { [CHECK_RUN_ENV]: _check, [CRASHED_ENV]: _crashed, ...env } = opts.env ?? process.env;
  const execArgv = opts.execArgv ?? process.execArgv;
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const heap = userSetHeap(execArgv, env.NODE_OPTIONS) ? [] : [...(opts.heapFlags ?? HEAP_FLAGS)];
  let last = await runChild(opts, [...heap, ...execArgv], env);
  const action = last.action;
  let checkRunId = last.checkRunId;
  let reran = false;
  if (heap.length > 0 && last.outOfMemory) {
    log(`promptgate: the review ran out of memory under ${heap.join(' ')}; running it again with Node's defaults (finished samples come from the response cache)`);
    last = await runChild(opts, execArgv, checkRunId === undefined ? env : { ...env, [CHECK_RUN_ENV]: String(checkRunId) });
    checkRunId = last.checkRunId ?? checkRunId;
    reran = true;
  }
  if ((action || last.action) && !last.concluded) {
    const crash: CrashReport = { message: crashMessage(last, reran), cancelled: last.interrupted };
    log(`${crash.message}; completing the check run`);
    const crashEnv = { ...env, [CRASHED_ENV]: JSON.stringify(crash), ...(checkRunId === undefined ? {} : { [CHECK_RUN_ENV]: String(checkRunId) }) };
    const conclude = await runChild(opts, execArgv, crashEnv);
    if (!conclude.concluded) log(`promptgate: could not complete the check run after the crash (exit ${conclude.signal ?? conclude.code})`);
  }
  return last.code;
}

/** One line for the check, the note and the log: what happened, and what to do about it. */
function crashMessage(a: Attempt, reran: boolean): string {
  const resume = 'Finished samples are in the response cache: re-running the job resumes where it stopped.';
  if (a.outOfMemory) {
    return (
      `promptgate crashed: the review ran out of memory${reran ? ", also on the rerun with Node's default heap limits" : ''} (${a.signal ?? `exit ${a.code}`}). ` +
      `${resume} To give it more, set NODE_OPTIONS: --max-old-space-size=4096 in the step's env; or review fewer cases or repeats at a time.`
    );
  }
  if (a.signal === 'SIGKILL') return `promptgate crashed: the review process was killed (SIGKILL; on a runner, usually the machine running out of memory). ${resume}`;
  if (a.signal) return `promptgate crashed: the review process was stopped by ${a.signal}. ${resume}`;
  return `promptgate crashed: the review process exited with code ${a.code} before it finished (the log above says why). ${resume}`;
}

function runChild(opts: LaunchOptions, nodeArgs: string[], env: NodeJS.ProcessEnv): Promise<Attempt> {
  const signals = opts.signals ?? process;
  return new Promise((resolve, reject) => {
    const child = spawn(opts.node ?? process.execPath, [...nodeArgs, opts.target, ...opts.args], {
      stdio: ['inherit', opts.output ?? 'inherit', opts.output ?? 'inherit', 'ipc'],
      env: { ...env, [LAUNCHED_ENV]: '1' },
      detached: !WINDOWS,
    });
    const seen = { action: false, checkRunId: undefined as number | undefined, concluded: false, interrupted: false };
    const pass = (signal: NodeJS.Signals) => {
      seen.interrupted = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const s of FORWARDED) signals.on(s, pass);
    // Our own bundle on the other end; anything else is ignored. No schema library here: this process stays small.
    child.on('message', (m: unknown) => {
      const msg = (m ?? {}) as Partial<Record<string, unknown>>;
      if (msg.promptgate === 'action') seen.action = true;
      else if (msg.promptgate === 'check-run' && Number.isSafeInteger(msg.id) && (msg.id as number) > 0) seen.checkRunId = msg.id as number;
      else if (msg.promptgate === 'concluded') seen.concluded = true;
    });
    opts.onSpawn?.(child);
    const done = () => {
      for (const s of FORWARDED) signals.off(s, pass);
    };
    child.once('error', (err) => {
      done();
      reject(err);
    });
    // 'close', not 'exit': messages the child sent just before it died are read by then.
    child.once('close', (code, signal) => {
      done();
      const outOfMemory = signal === 'SIGABRT' || code === 134;
      resolve({ code: code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1), signal, outOfMemory, ...seen });
    });
  });
}

/** For the bundle behind a launcher: tell it something (see {@link LauncherMessage}). Resolves once sent. */
export function tellLauncher(message: LauncherMessage): Promise<void> {
  if (!process.env[LAUNCHED_ENV] || !process.send || !process.connected) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      process.send!(message, undefined, {}, () => resolve());
    } catch {
      resolve();
    }
  });
}

/**
 * How long an orphaned review may take to wrap up once its launcher is gone: after {@link ORPHAN_EXIT_MS} it exits
 * whatever holds it open (a socket, a timer, a retry's wait), and {@link ORPHAN_KILL_MS} after the launcher died a
 * watchdog thread kills it even when its main thread is stuck in synchronous work and can run no timer at all.
 */
export const ORPHAN_EXIT_MS = 8_000;
export const ORPHAN_KILL_MS = 10_000;
/**
 * The watchdog thread starts this long after the process does: a thread costs tens of milliseconds of start-up,
 * which `promptgate --version` and the first model call should not pay, and a review runs far longer.
 */
export const WATCHDOG_AFTER_MS = 1_000;

/**
 * For the bundle behind a launcher: call `onGone` when the launcher has died (its IPC channel closed) without
 * passing a signal on, and make sure this process ends soon after — nobody is left to send it a second signal,
 * and in its own process group it outlives the job (see docs/action.md, "The launcher"). Does not keep the process
 * alive. Resolves once the watchdog thread runs (at once when there is no launcher, or no thread to be had).
 */
export function watchLauncher(onGone: () => void): Promise<void> {
  if (!process.env[LAUNCHED_ENV] || !process.channel) return Promise.resolve();
  process.once('disconnect', () => {
    onGone();
    setTimeout(() => process.exit(process.exitCode ?? 1), ORPHAN_EXIT_MS).unref();
  });
  process.channel.unref();
  const launcher = process.ppid;
  return new Promise((resolve) => setTimeout(() => startWatchdog(launcher, ORPHAN_KILL_MS, resolve), WATCHDOG_AFTER_MS).unref());
}

/**
 * The last resort, on its own thread: 'disconnect' and timers need the main thread's event loop, which a long
 * synchronous task blocks. The thread polls whether the launcher is still this process's parent, and kills the
 * process once it has been gone for `killAfterMs`. On Windows a dead parent is not replaced, so the poll also asks
 * whether that process still exists.
 */
const WATCHDOG = `
const { workerData: w } = require('node:worker_threads');
const alive = () => {
  if (process.ppid !== w.launcher) return false;
  try { process.kill(w.launcher, 0); return true; } catch (e) { return e.code === 'EPERM'; }
};
let goneAt = 0;
setInterval(() => {
  if (goneAt === 0) { if (alive()) return; goneAt = Date.now(); }
  if (Date.now() - goneAt >= w.killAfterMs) process.kill(process.pid, 'SIGKILL');
}, w.pollMs);
`;

function startWatchdog(launcher: number, killAfterMs: number, running: () => void): void {
  try {
    const worker = new Worker(WATCHDOG, {
      eval: true,
      workerData: { launcher, killAfterMs, pollMs: 250 },
      resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1, stackSizeMb: 1 },
    });
    worker.unref();
    worker.once('online', running);
    // A watchdog that cannot start or dies must not take the review with it.
    worker.on('error', running);
  } catch {
    // No worker threads here: the main thread's own exit timer remains.
    running();
  }
}
