/**
 * Holm's step-down adjustment (Holm, "A simple sequentially rejective multiple test procedure", Scand. J.
 * Statist. 6:65–70, 1979), as adjusted p-values (Wright, "Adjusted P-values for simultaneous inference",
 * Biometrics 48:1005–1013, 1992): sort ascending, p̃(j) = max over i ≤ j of min(1, (m − i + 1)·p(i)).
 * Rejecting where p̃ < α keeps the chance of any false rejection ≤ α. Same order as the input.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
