import { describe, expect, it } from 'vitest';
import { minimizeLbfgs } from './lbfgs';
import { cubicMinimiser } from './line-search';

function rosenbrock(x: Float64Array, g: Float64Array): number {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
}

describe('minimizeLbfgs', () => {
  it('finds the Rosenbrock minimum in many dimensions', () => {
    const x0 = Float64Array.from({ length: 10 }, (_, i) => (i % 2 ? 1.2 : -1.2));
    const r = minimizeLbfgs(rosenbrock, x0, { maxIter: 1000, gtol: 1e-9, ftol: 0 });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('gtol');
    for (const v of r.x) expect(v).toBeCloseTo(1, 6);
  });

  it('solves an ill-conditioned quadratic exactly', () => {
    const scales = [1, 10, 100, 1000, 1e4];
    const quad = (x: Float64Array, g: Float64Array) => {
      let f = 0;
      scales.forEach((s, i) => {
        f += 0.5 * s * (x[i] - i) ** 2;
        g[i] = s * (x[i] - i);
      });
      return f;
    };
    const r = minimizeLbfgs(quad, new Float64Array(5), { maxIter: 200, gtol: 1e-10, ftol: 0 });
    expect(Array.from(r.x).map((v) => +v.toFixed(8))).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops at maxIter and on the relative-decrease rule', () => {
    const x0 = Float64Array.from([-1.2, 1]);
    expect(minimizeLbfgs(rosenbrock, x0, { maxIter: 3, gtol: 1e-12 })).toMatchObject({ iterations: 3, reason: 'max_iter', converged: false });
    const loose = minimizeLbfgs(rosenbrock, x0, { maxIter: 1000, gtol: 0, ftol: 1e-3 });
    expect(loose.reason).toBe('ftol');
  });

  it('reports every iteration and honours an aborted signal', () => {
    const seen: number[] = [];
    minimizeLbfgs(rosenbrock, Float64Array.from([-1.2, 1]), { maxIter: 5, gtol: 0, onIteration: (i) => seen.push(i) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    const controller = new AbortController();
    controller.abort();
    expect(() => minimizeLbfgs(rosenbrock, Float64Array.from([3, 3]), { maxIter: 5, gtol: 0, signal: controller.signal })).toThrow();
  });
});

describe('cubicMinimiser', () => {
  it('hits the minimum of a cubic-shaped bracket and stays inside it', () => {
    // f(a) = (a - 1)^2 on [0, 3]: f(0)=1, f'(0)=-2, f(3)=4, f'(3)=4 → minimiser 1
    expect(cubicMinimiser({ alpha: 0, f: 1, dg: -2 }, { alpha: 3, f: 4, dg: 4 })).toBeCloseTo(1, 12);
    const t = cubicMinimiser({ alpha: 0, f: 0, dg: -1e-9 }, { alpha: 1, f: 5, dg: 1e9 });
    expect(t).toBeGreaterThan(0);
    expect(t).toBeLessThan(1);
  });
});
