import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

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
 */
export const HEAP_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=1024'] as const;

/** Set in the child's environment; the bundle reads it to know a launcher stands in front of it. */
export const LAUNCHED_ENV = 'PROMPTGATE_LAUNCHED';

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

/** Heap flags the user has already chosen, on the command line or in NODE_OPTIONS, make ours step aside. */
export function userSetHeap(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return flags.some((f) => /^--max[-_](old|semi)[-_]space[-_]size\b/.test(f));
}

/**
 * Runs `target` in a child Node process and resolves to the exit code this process should end with.
 *
 * The child gets its own process group, so a Ctrl-C in the terminal reaches it exactly once — through this
 * process, which passes on every signal it receives (GitHub's runner signals only the process it started). An
 * IPC channel lets the child notice when this process dies without passing anything on.
 */
export async function launch(opts: LaunchOptions): Promise<number> {
  const env = opts.env ?? process.env;
  const execArgv = opts.execArgv ?? process.execArgv;
  const log = opts.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const heap = userSetHeap(execArgv, env.NODE_OPTIONS) ? [] : [...(opts.heapFlags ?? HEAP_FLAGS)];
  const first = await runChild(opts, [...heap, ...execArgv], env);
  if (heap.length > 0 && first.outOfMemory) {
    log(`promptgate: the review ran out of memory under ${heap.join(' ')}; running it again with Node's defaults (finished samples come from the response cache)`);
    return (await runChild(opts, execArgv, env)).code;
  }
  return first.code;
}

function runChild(opts: LaunchOptions, nodeArgs: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; outOfMemory: boolean }> {
  const signals = opts.signals ?? process;
  return new Promise((resolve, reject) => {
    const child = spawn(opts.node ?? process.execPath, [...nodeArgs, opts.target, ...opts.args], {
      stdio: ['inherit', opts.output ?? 'inherit', opts.output ?? 'inherit', 'ipc'],
      env: { ...env, [LAUNCHED_ENV]: '1' },
      detached: !WINDOWS,
    });
    const pass = (signal: NodeJS.Signals) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const s of FORWARDED) signals.on(s, pass);
    opts.onSpawn?.(child);
    const done = () => {
      for (const s of FORWARDED) signals.off(s, pass);
    };
    child.once('error', (err) => {
      done();
      reject(err);
    });
    child.once('exit', (code, signal) => {
      done();
      // V8 aborts the process when the heap limit is reached.
      const outOfMemory = signal === 'SIGABRT' || code === 134;
      resolve({ code: code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1), outOfMemory });
    });
  });
}

/**
 * For the bundle behind a launcher: call `onGone` when the launcher has died (its IPC channel closed) without
 * passing a signal on. Does not keep the process alive.
 */
export function watchLauncher(onGone: () => void): void {
  if (!process.env[LAUNCHED_ENV] || !process.channel) return;
  process.once('disconnect', onGone);
  process.channel.unref();
}
