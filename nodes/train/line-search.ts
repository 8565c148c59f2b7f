// A strong-Wolfe line search (Nocedal & Wright, Algorithms 3.5 and 3.6, cubic interpolation).
// Used by L-BFGS; pure apart from calling the objective.

/** Writes the gradient at x into g and returns the objective value. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export interface LineSearchResult {
  alpha: number;
  f: number;
  evaluations: number;
  ok: boolean;
}

const C1 = 1e-4;
const C2 = 0.9;
const MAX_EVALUATIONS = 30;
/** Relative size of floating-point noise in a sum-of-losses objective. */
const F_ROUNDING = 1e-11;

/**
 * Searches along d from x (value f0, directional derivative dg0 < 0). On return xNew and gNew hold
 * the point and gradient at the accepted step (or the best point seen, with ok false).
 */
export function wolfeLineSearch(
  fg: Objective,
  x: Float64Array,
  f0: number,
  dg0: number,
  d: Float64Array,
  alpha0: number,
  xNew: Float64Array,
  gNew: Float64Array,
): LineSearchResult {
  let evaluations = 0;
  const phi = (alpha: number): { f: number; dg: number } => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i] + alpha * d[i];
    const f = fg(xNew, gNew);
    evaluations++;
    let dg = 0;
    for (let i = 0; i < d.length; i++) dg += gNew[i] * d[i];
    return { f, dg };
  };

  const accept = acceptance(f0, dg0);
  let prev = { alpha: 0, f: f0, dg: dg0 };
  let alpha = alpha0;
  for (let k = 0; evaluations < MAX_EVALUATIONS; k++) {
    const cur = { alpha, ...phi(alpha) };
    if (!Number.isFinite(cur.f)) {
      alpha = (prev.alpha + alpha) / 2; // stepped into overflow: shorten and retry
      continue;
    }
    if (accept(cur)) return { alpha, f: cur.f, evaluations, ok: true };
    if (cur.f > f0 + C1 * alpha * dg0 || (k > 0 && cur.f >= prev.f)) {
      return zoom(phi, accept, f0, dg0, prev, cur, () => evaluations);
    }
    if (cur.dg >= 0) return zoom(phi, accept, f0, dg0, cur, prev, () => evaluations);
    prev = cur;
    alpha *= 2;
  }
  return { alpha: prev.alpha, f: prev.f, evaluations, ok: false };
}

interface Point {
  alpha: number;
  f: number;
  dg: number;
}

/**
 * Strong Wolfe, where sufficient decrease may also hold within rounding of f0 (Hager and Zhang's
 * approximate Wolfe idea): close to the optimum f stops changing in floating point while the
 * gradient still carries information, and a strict test would end the search early.
 */
function acceptance(f0: number, dg0: number): (p: Point) => boolean {
  const rounding = F_ROUNDING * Math.abs(f0);
  return (p) => Math.abs(p.dg) <= -C2 * dg0 && (p.f <= f0 + C1 * p.alpha * dg0 || p.f <= f0 + rounding);
}

function zoom(
  phi: (alpha: number) => { f: number; dg: number },
  accept: (p: Point) => boolean,
  f0: number,
  dg0: number,
  lo: Point,
  hi: Point,
  used: () => number,
): LineSearchResult {
  while (used() < MAX_EVALUATIONS) {
    const alpha = cubicMinimiser(lo, hi);
    const cur = { alpha, ...phi(alpha) };
    if (accept(cur)) return { alpha, f: cur.f, evaluations: used(), ok: true };
    if (cur.f > f0 + C1 * alpha * dg0 || cur.f >= lo.f) {
      hi = cur;
    } else {
      if (cur.dg * (hi.alpha - lo.alpha) >= 0) hi = lo;
      lo = cur;
    }
    if (Math.abs(hi.alpha - lo.alpha) <= 1e-12 * Math.max(1, lo.alpha)) break;
  }
  // Leave xNew/gNew at the best point found (lo), which always satisfies sufficient decrease.
  const end = phi(lo.alpha);
  return { alpha: lo.alpha, f: end.f, evaluations: used(), ok: lo.alpha > 0 };
}

/** Minimiser of the cubic through two points with slopes, kept safely inside the bracket. */
export function cubicMinimiser(a: Point, b: Point): number {
  const d1 = a.dg + b.dg - (3 * (a.f - b.f)) / (a.alpha - b.alpha);
  const disc = d1 * d1 - a.dg * b.dg;
  const lo = Math.min(a.alpha, b.alpha);
  const hi = Math.max(a.alpha, b.alpha);
  const mid = (lo + hi) / 2;
  if (!(disc >= 0)) return mid;
  const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(disc);
  const t = b.alpha - (b.alpha - a.alpha) * ((b.dg + d2 - d1) / (b.dg - a.dg + 2 * d2));
  const margin = 0.1 * (hi - lo);
  return Number.isFinite(t) && t > lo + margin && t < hi - margin ? t : mid;
}
