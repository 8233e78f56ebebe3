/**
 * Cutting text to a length. Lengths are UTF-16 code units (JavaScript's `length`), and a cut never splits a
 * surrogate pair, so an emoji in a model's output is kept whole or left out, never half-shown.
 */

/** At most `n` code units. */
export function sliceUnits(text: string, n: number): string {
  if (text.length <= n) return text;
  const end = n > 0 && /[\uD800-\uDBFF]/.test(text[n - 1]!) ? n - 1 : n;
  return text.slice(0, end);
}

/** Shortened to `max` code units, with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return sliceUnits(text, max - 1) + '…';
}
