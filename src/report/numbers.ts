/**
 * Numbers as the change note shows them. Signs are ASCII, like the gate's rule details (src/gate/format.ts), so a
 * reader can search the note and the details alike.
 */

/** The confidence as people write it: 0.95 → "95%", 0.975 → "97.5%". */
export function level(confidence: number): string {
  return `${Number((confidence * 100).toFixed(1))}%`;
}

/** 0.8234 → "82%" (decimals 0) or "82.3%" (decimals 1); "—" for a missing value. */
export function rate(x: number | null | undefined, decimals = 0): string {
  return x === null || x === undefined ? '—' : `${(x * 100).toFixed(decimals)}%`;
}

/**
 * A difference in percentage points with its sign: 0.11 → "+11", -0.004 → "-0.4" (decimals 1; a trailing ".0" is
 * dropped, as in the gate's details). A nonzero value that rounds to zero keeps its sign ("+0", "-0"), so an interval
 * that crosses zero is never shown as ending at an unsigned "0".
 */
export function signedPoints(d: number, decimals = 0): string {
  const text = Math.abs(d * 100).toFixed(decimals).replace(/\.0$/, '');
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  return `${sign}${text}`;
}

/**
 * Decimals for a pass-rate headline: whole points unless that would mislead — the rounded rates must differ by the
 * rounded delta (82% → 93% reads as +11, so the delta must not say +10), and a nonzero bound of the interval must
 * not round to 0 (that hides which side of zero it is on). One decimal otherwise.
 */
export function pointDecimals(baseline: number | null, candidate: number | null, delta: number, ci: readonly [number, number]): 0 | 1 {
  const whole = (x: number) => Math.round(x * 100);
  if (baseline !== null && candidate !== null && whole(candidate) - whole(baseline) !== whole(delta)) return 1;
  if ([delta, ci[0], ci[1]].some((x) => x !== 0 && whole(x) === 0)) return 1;
  return 0;
}

/** 180.4 → "+180 ms", -32 → "-32 ms" */
export function signedMs(x: number): string {
  const v = Math.round(x);
  return `${v > 0 ? '+' : v < 0 ? '-' : '±'}${Math.abs(v)} ms`;
}

/** Tokens per call: whole numbers, one decimal below 10 (an answer of 2.3 tokens is not "2"). */
export function tokensPerCall(x: number): string {
  return x < 10 ? String(Number(x.toFixed(1))) : Math.round(x).toLocaleString('en-US');
}

/** 5400 → "5.4 s", 125000 → "2 min 5 s" */
export function duration(msTotal: number): string {
  const s = msTotal / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const min = Math.floor(s / 60);
  return `${min} min ${Math.round(s - min * 60)} s`;
}
