import { watchLauncher } from './launch.js';

export interface Interruptions {
  /** Fires on the first SIGINT/SIGTERM (or when the launcher in front of this process dies): start no more calls. */
  signal: AbortSignal;
  /** Fires on the second: stop waiting for the calls in flight, too. */
  forceStop: AbortSignal;
  /** Removes the signal handlers (before this process hands its work to a launched one, which takes them). */
  dispose: () => void;
}

/**
 * An orphaned review (its launcher died) waits this long for calls in flight, then stops waiting: no second
 * signal will ever come, and it must still write its partial report before it is made to exit (see
 * ORPHAN_EXIT_MS in src/launch.ts).
 */
export const ORPHAN_FORCE_STOP_MS = 2_000;

/**
 * The process shell's signals, for the CLI and the Action alike. The first interruption stops the review from
 * starting calls; those in flight finish and are cached, and a partial report is still written. A second one —
 * another Ctrl-C, or the SIGTERM GitHub's runner sends 7.5 s after its SIGINT when a job is cancelled or times out —
 * stops waiting for them, so the report, the note and the check still go out before the process is killed.
 */
export function interruptions(say: (line: string) => void): Interruptions {
  const first = new AbortController();
  const second = new AbortController();
  const finishUp = (why: string) => {
    if (first.signal.aborted) return false;
    say(`promptgate: ${why}, finishing in-flight samples… (interrupt again to stop waiting for them)`);
    first.abort();
    return true;
  };
  const stopNow = (why: string) => {
    if (second.signal.aborted) return;
    first.abort();
    say(`promptgate: ${why}: stopping now; samples still in flight are left out`);
    second.abort();
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const handler = () => {
      if (!finishUp(`${signal} received`)) stopNow(`${signal} received again`);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  void watchLauncher(() => {
    finishUp('the launcher exited');
    setTimeout(() => stopNow(`the launcher exited ${ORPHAN_FORCE_STOP_MS / 1000} s ago`), ORPHAN_FORCE_STOP_MS).unref();
  });
  return {
    signal: first.signal,
    forceStop: second.signal,
    dispose: () => {
      for (const off of handlers) off();
    },
  };
}
