/**
 * Numbers as a reviewer reads them, in the change note and in the gate's one-line rule details alike (one module, so
 * the two never disagree on how a number is written). Signs are ASCII, so a reader can search the note and the
 * details alike.
 *
 * Two families: the detail forms (`percent`, `points`, `change`, …) trim a trailing ".0" and show one decimal; the
 * note's headline forms (`rate`, `signedPoints`, …) take the decimals the headline chose (see `pointDecimals`).
 *
 * It sits below both the gate (src/gate/) and the report (src/report/), which build on it, and imports nothing of
 * either.
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
  const text = Math.abs(d * 100)
    .toFixed(decimals)
    .replace(/\.0$/, '');
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

const trim = (s: string) => s.replace(/\.0$/, '');

/** 0.823 → "82.3%" */
export function percent(x: number): string {
  return `${trim((x * 100).toFixed(1))}%`;
}

/** -0.021 → "-2.1 points" */
export function points(d: number, unit = ' points'): string {
  const v = Math.round(d * 1000) / 10;
  return `${v > 0 ? '+' : ''}${trim(v.toFixed(1))}${unit}`;
}

/** A drop as a positive number of points: 0.05 → "5 points" */
export function dropPoints(d: number): string {
  return `${trim((Math.round(d * 1000) / 10).toFixed(1))} points`;
}

/** 1.074 → "×1.07" */
export function times(r: number): string {
  return `×${r.toFixed(2)}`;
}

/** 1.27 → "+27%", 0.9 → "-10%" */
export function change(r: number): string {
  const v = Math.round((r - 1) * 1000) / 10;
  return `${v > 0 ? '+' : ''}${trim(v.toFixed(1))}%`;
}

/** 1412.3 → "1412 ms" */
export function ms(x: number): string {
  return `${Math.round(x)} ms`;
}

/** 0.000412 → "$0.00041" */
export function usd(x: number): string {
  return `$${x.toLocaleString('en-US', { maximumSignificantDigits: 2, useGrouping: false })}`;
}

/** 0.000123 → "0.0001", 0.0312 → "0.031" */
export function pValue(p: number): string {
  if (p < 0.0001) return '< 0.0001';
  return p.toLocaleString('en-US', { maximumSignificantDigits: 2, maximumFractionDigits: 4, useGrouping: false });
}

/** 1234 → "1,234" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}
