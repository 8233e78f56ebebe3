import betaFunction from '@stdlib/math-base-special-beta';
import erfc from '@stdlib/math-base-special-erfc';
import { tQuantile } from './t-distribution.js';

/**
 * Student-t quantiles on a grid, fast: t_df(u_j) for u_j = (j + ½)/points, j = 0 … points − 1 — the level points of
 * a confidence grid (bootstrap.ts, ConfidenceGrid). The general-purpose quantile (@stdlib, an inverse incomplete
 * beta with Halley steps from a generic start) costs ~7 µs a point, 70 ms for a 10,000-point grid; here each point
 * is found by Newton steps on the t CDF started from its neighbour on the grid (a second-order Taylor step of
 * dt/du = 1/f(t)), so one or two CDF evaluations settle it: ~0.2 µs a point. Only the lower half is solved; the
 * upper half is its mirror image (t_df(1 − u) = −t_df(u), and u_j + u_{points−1−j} = 1 exactly).
 *
 * The CDF is the incomplete beta function, P(T ≤ t) = ½ I_x(ν/2, ½) with x = ν/(ν + t²) for t < 0, by its
 * continued fraction (modified Lentz; Press et al., "Numerical Recipes", 3rd ed., §6.4), in the tail form for
 * x below (a + 1)/(a + b + 2) and through I_x(a, b) = 1 − I_{1−x}(b, a) above it, where P(T ≤ t) is near ½ and
 * the Newton residual is taken against ½ − u (exact there) so that a quantile near 0 keeps its relative
 * accuracy. The fraction is written here rather than called from @stdlib's betainc (~2.3 µs a call, measured; a
 * point needs one or two, so the grid would be ~10× slower): each Newton step also shares its prefactor with the
 * density it divides by. Agreement with @stdlib: ≤ 3e-13 relative on every point of the grids checked in
 * test/stats/t-grid.test.ts, mostly @stdlib's own error (checked against 40-digit arithmetic: @stdlib is within
 * ~1e-13 near u = ½, this within ~2e-15 up to 1,000 degrees of freedom and 3e-13 at 10,000). See
 * docs/statistics.md, "How the grids are prepared".
 */

/** Newton iterations before a point is handed to the general quantile instead (never needed in the tests). */
const MAX_NEWTON = 40;
/** Continued-fraction terms before giving up on a point (same fallback). */
const MAX_FRACTION = 100_000;
/** A Newton step this small (relative) leaves an error of its square: the point is settled. */
const SETTLED = 2 ** -30;
const TINY = 1e-300;
/**
 * Above this df the continued fraction loses digits (its Lentz recurrence cancels, ~df · 1e-17 relative: 2.5e-13
 * at 10,000, 2e-12 at 100,000), so the grid comes from the general quantile; a suite that large spends far longer
 * in the bootstrap anyway.
 */
export const MAX_FAST_DF = 10_000;

/**
 * The continued fraction of I_x(a, b), y = 1 − x (Numerical Recipes eq. 6.4.5, modified Lentz), without the prefactor
 * x^a (1 − x)^b / (a B(a, b)): NaN when it does not converge.
 */
function betaFraction(x: number, y: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  // 1 − (a + b)x/(a + 1), written without the cancellation that costs large a its digits: (a·y + 1 − b·x)/(a + 1).
  let d = (a * y + 1 - b * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_FRACTION; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= Number.EPSILON) return h;
  }
  return NaN;
}

/**
 * The lower half of the grid for one df, filled in order from the centre outwards so that each point starts from
 * the one before it. `next` is the next index to fill (counting down from the middle); `t` and `density` describe
 * the last point filled. Filling is deterministic: the same state gives the same next point, however the work is
 * split into slices (prepareStatistics).
 */
export interface TGridState {
  df: number;
  points: number;
  values: Float64Array;
  next: number;
  t: number;
  density: number;
  /** Points handed to the general quantile (the fast path did not settle them); 0 in every case tested. */
  fallbacks: number;
}

/** Whether the fast path handles this df; otherwise every point comes from the general quantile. */
const fastDf = (df: number) => Number.isInteger(df) && df >= 1 && df <= MAX_FAST_DF;

export function startTGrid(df: number, points: number): TGridState {
  const values = new Float64Array(points);
  // Points past the middle mirror the lower half; an odd grid's middle point is the median, 0.
  const middle = points >> 1;
  if (points % 2 === 1) values[middle] = 0;
  const fast = fastDf(df);
  const a = df / 2;
  return { df, points, values, next: middle - 1, t: 0, density: fast ? 1 / (Math.sqrt(df) * betaFunction(a, 0.5)) : NaN, fallbacks: 0 };
}

/** Whether every point of the grid is filled. */
export const tGridDone = (state: TGridState) => state.next < 0;

/**
 * Fill points of the grid, at most `budget` of them (all by default), from where the state left off.
 */
export function fillTGrid(state: TGridState, budget = Number.POSITIVE_INFINITY): void {
  const { df, points, values } = state;
  if (!fastDf(df)) {
    for (let n = 0; n < budget && state.next >= 0; n++) {
      const j = state.next--;
      values[j] = tQuantile((j + 0.5) / points, df);
      values[points - 1 - j] = -values[j]!;
    }
    return;
  }
  const a = df / 2;
  const lnBeta = Math.log(betaFunction(a, 0.5));
  const switchX = (a + 1) / (a + 2.5);
  let t = state.t;
  let density = state.density;
  let previousU = 0.5;
  if (state.next < (points >> 1) - 1) previousU = (state.next + 1.5) / points;
  for (let n = 0; n < budget && state.next >= 0; n++) {
    const j = state.next;
    const u = (j + 0.5) / points;
    const du = u - previousU;
    // Second-order Taylor step along dt/du = 1/f(t), d²t/du² = (ν + 1) t / ((ν + t²) f²).
    let guess = t + du / density + (0.5 * du * du * (df + 1) * t) / ((df + t * t) * density * density);
    if (!(guess < 0)) guess = t < 0 ? t : du / density;
    let settled = false;
    let x = guess;
    let f = density;
    for (let k = 0; k < MAX_NEWTON; k++) {
      const t2 = x * x;
      const lnx = -Math.log1p(t2 / df);
      const y = t2 / (df + t2);
      // P = x^a y^½ / B(a, ½); the density is P / |t| (and the t CDF's tail is ½ P · fraction / a).
      const prefactor = Math.exp(a * lnx + 0.5 * Math.log(y) - lnBeta);
      f = prefactor / -x;
      let residual: number;
      const xb = df / (df + t2);
      if (xb < switchX) {
        residual = (0.5 * prefactor * betaFraction(xb, y, a, 0.5)) / a - u;
      } else {
        residual = 0.5 - u - prefactor * betaFraction(y, xb, 0.5, a);
      }
      const step = residual / f;
      if (!Number.isFinite(step)) break;
      const nextX = x - step;
      x = nextX < 0 ? nextX : x / 2;
      if (Math.abs(step) <= SETTLED * Math.abs(x)) {
        settled = true;
        break;
      }
    }
    if (settled) {
      t = x;
      density = f;
    } else {
      state.fallbacks++;
      t = tQuantile(u, df);
      // Restart the next point from its own first guess: f at the general quantile's answer.
      const t2 = t * t;
      density = Math.exp(-(a + 0.5) * Math.log1p(t2 / df) - lnBeta) / Math.sqrt(df);
    }
    values[j] = t;
    values[points - 1 - j] = -t;
    previousU = u;
    state.next--;
  }
  state.t = t;
  state.density = density;
}

/** t_df((j + ½)/points) for every j (see the file's comment). */
export function tQuantileGrid(df: number, points: number): Float64Array {
  const state = startTGrid(df, points);
  fillTGrid(state);
  return state.values;
}

/** Standard normal CDF Φ(x) = ½ erfc(−x/√2) (@stdlib's erfc, W. J. Cody's rational approximations). */
export function fastNormalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}
