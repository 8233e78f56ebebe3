/** Progress of a running review, for a bar on stderr or a log line in the Action. */
export interface ReviewProgress {
  done: number;
  total: number;
  cached: number;
  failed: number;
  /** Estimated ms left, null until enough calls finished. */
  etaMs: number | null;
}

/** "123/480 samples · 40 cached · 0 failed · ETA 12s": the progress line of the CLI and the Action's log. */
export function progressLine(p: ReviewProgress): string {
  return `${p.done}/${p.total} samples · ${p.cached} cached · ${p.failed} failed${p.etaMs !== null ? ` · ETA ${Math.ceil(p.etaMs / 1000)}s` : ''}`;
}
