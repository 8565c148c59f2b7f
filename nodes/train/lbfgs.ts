// Limited-memory BFGS for smooth unconstrained problems, with scipy's L-BFGS-B stopping rules
// (max |gradient| ≤ gtol, or relative decrease ≤ ftol), so results line up with scikit-learn's.
import { wolfeLineSearch, type Objective } from './line-search';

export interface LbfgsOptions {
  maxIter: number;
  /** Stop when the largest gradient component is at most this. */
  gtol: number;
  /** Stop when (f_prev − f) / max(|f_prev|, |f|, 1) ≤ ftol; scipy's default is 2.22e-9. */
  ftol?: number;
  /** Correction pairs kept; scipy uses 10. */
  memory?: number;
  signal?: AbortSignal;
  onIteration?(iteration: number, f: number, gradMax: number): void;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: 'gtol' | 'ftol' | 'max_iter' | 'line_search';
}

export const SCIPY_FTOL = 2.220446049250313e-9;

export function minimizeLbfgs(fg: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const m = options.memory ?? 10;
  const ftol = options.ftol ?? SCIPY_FTOL;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alphas = new Float64Array(m);
  let f = fg(x, g);
  let evaluations = 1;
  let iterations = 0;
  const done = (reason: LbfgsResult['reason']): LbfgsResult => ({
    x, f, iterations, evaluations, converged: reason === 'gtol' || reason === 'ftol', reason,
  });

  while (true) {
    if (maxAbs(g) <= options.gtol) return done('gtol');
    if (iterations >= options.maxIter) return done('max_iter');
    options.signal?.throwIfAborted();
    direction(g, S, Y, rho, alphas, d);
    let dg = dot(g, d);
    if (!(dg < 0)) {
      // Not a descent direction (curvature information went stale): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      dg = dot(g, d);
    }
    const alpha0 = S.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    const step = wolfeLineSearch(fg, x, f, dg, d, alpha0, xNew, gNew);
    evaluations += step.evaluations;
    if (!step.ok || !(step.f <= f + 1e-11 * Math.abs(f))) return done('line_search');
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = gNew[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const fPrev = f;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    f = step.f;
    iterations++;
    options.onIteration?.(iterations, f, maxAbs(g));
    if ((fPrev - f) / Math.max(Math.abs(fPrev), Math.abs(f), 1) <= ftol) return done('ftol');
  }
}

/** d = −H·g by the two-loop recursion, with H0 = (sᵀy / yᵀy)·I from the latest pair. */
function direction(g: Float64Array, S: Float64Array[], Y: Float64Array[], rho: number[], alphas: Float64Array, d: Float64Array) {
  for (let i = 0; i < g.length; i++) d[i] = -g[i];
  for (let k = S.length - 1; k >= 0; k--) {
    alphas[k] = rho[k] * dot(S[k], d);
    axpy(-alphas[k], Y[k], d);
  }
  if (S.length > 0) {
    const last = S.length - 1;
    const gamma = 1 / (rho[last] * dot(Y[last], Y[last]));
    for (let i = 0; i < d.length; i++) d[i] *= gamma;
  }
  for (let k = 0; k < S.length; k++) {
    const beta = rho[k] * dot(Y[k], d);
    axpy(alphas[k] - beta, S[k], d);
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) if (Math.abs(v) > m) m = Math.abs(v);
  return m;
}
