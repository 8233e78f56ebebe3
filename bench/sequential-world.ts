import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * The simulated world of the sequential-sampling benchmark (docs/sequential.md, "The world"): an eval set where
 * most cases are near-deterministic and a minority uncertain, and PRs that change nothing, drop the pass rate by
 * 10 points or raise it by 10.
 *
 * - A case is near-deterministic with probability 0.75: it passes with probability 0.97 (four in five of them) or
 *   0.03; otherwise it is uncertain, its pass probability uniform on [0.15, 0.85].
 * - A no-op leaves every case's probability as it is. A drop goes through the cases in random order and moves
 *   each down — a near-deterministic pass becomes a near-deterministic fail (0.97 → 0.03), an uncertain case
 *   loses 0.3 (not below 0.03) — until the mean has dropped by exactly 10 points (the last case partly). A gain
 *   is the mirror image.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

export type Change = 'noop' | 'drop' | 'gain';

export interface SimCase {
  baseline: number;
  candidate: number;
}

const LOW = 0.03;
const HIGH = 0.97;

export function worldCases(random: Random, n: number, change: Change, size = 0.1): SimCase[] {
  const base = Array.from({ length: n }, () => {
    if (random() < 0.75) return random() < 0.8 ? HIGH : LOW;
    return 0.15 + 0.7 * random();
  });
  const cand = [...base];
  if (change !== 'noop') {
    const sign = change === 'drop' ? -1 : 1;
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let left = size * n;
    for (const i of order) {
      if (left <= 1e-12) break;
      const p = base[i]!;
      let target: number;
      if (p === HIGH || p === LOW) target = sign < 0 ? LOW : HIGH;
      else target = sign < 0 ? Math.max(LOW, p - 0.3) : Math.min(HIGH, p + 0.3);
      const move = Math.min(Math.abs(target - p), left);
      cand[i] = p + sign * move;
      left -= move;
    }
  }
  return base.map((b, i) => ({ baseline: b, candidate: cand[i]! }));
}
