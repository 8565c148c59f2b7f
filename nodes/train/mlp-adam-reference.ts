// Adam written plainly in float64, for tests of both forms of the flat Adam (mlp-adam.ts): TF.js
// ops in Node, and the fused WebGPU kernel in Chromium (tests/e2e/webgpu-adam.spec.ts).
import { ADAM, stepSize } from './mlp-adam';

export function adamReference(theta: readonly number[], grads: readonly (readonly number[])[], learningRate: number, l2Mask: readonly number[]): number[] {
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  let p = [...theta];
  grads.forEach((g0, step) => {
    const g = g0.map((gi, i) => gi + l2Mask[i] * p[i]);
    g.forEach((gi, i) => {
      m[i] = ADAM.beta1 * m[i] + (1 - ADAM.beta1) * gi;
      v[i] = ADAM.beta2 * v[i] + (1 - ADAM.beta2) * gi * gi;
    });
    const size = stepSize(learningRate, step + 1);
    p = p.map((pi, i) => pi - (size * m[i]) / (Math.sqrt(v[i]) + ADAM.epsilon));
  });
  return p;
}

/** A seeded case: parameters, a few steps' gradients and an L2 mask (weights masked, biases not). */
export function adamCase(params: number, steps: number): { start: number[]; grads: number[][]; mask: number[] } {
  let s = 12345;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const start = Array.from({ length: params }, next);
  const grads = Array.from({ length: steps }, () => Array.from({ length: params }, () => next() * 0.5));
  const mask = Array.from({ length: params }, (_, i) => (i % 5 === 4 ? 0 : 0.02));
  return { start, grads, mask };
}
