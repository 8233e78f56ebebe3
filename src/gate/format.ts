/** Numbers as a reviewer reads them in a rule's one-line detail. */

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
