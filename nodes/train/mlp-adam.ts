// Adam over the flat parameter vector, kept on the device. Two forms of the same update:
// - TF.js ops (every backend): a dozen elementwise ops a step;
// - on webgpu, one kernel (mlp-adam-webgpu.ts) over the parameters and both moments packed into
//   one 3 × P tensor: on a GPU each op is a dispatch whose fixed cost outweighs the arithmetic of a
//   small network, so twelve become two (the kernel and the slice that reads the parameters).
import type * as tfjs from '@tensorflow/tfjs';
import { fusedAdamKernel, type FusedAdamKernel } from './mlp-adam-webgpu';
import type { Tf } from './tf-backend';

export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;

export interface FlatAdam {
  /** The current parameters; owned by the optimizer and replaced by each step. */
  readonly theta: tfjs.Tensor1D;
  /** Steps taken. */
  readonly t: number;
  /** 'ops' or 'fused-webgpu': which form runs. */
  readonly form: 'ops' | 'fused-webgpu';
  /** One step on the gradient of the mean batch loss (the caller keeps and disposes `grad`). */
  step(grad: tfjs.Tensor1D): void;
  dispose(): void;
}

export interface AdamOptions {
  learningRate: number;
  /** 2·l2 where the vector holds a weight and 0 at biases; absent without L2. */
  l2Mask?: Float32Array;
  /** 'ops' forces the TF.js ops form (tests compare the two). */
  form?: 'auto' | 'ops';
}

/** TensorFlow's form: ε added to √v, both bias corrections folded into the step size. */
export function stepSize(learningRate: number, t: number): number {
  return (learningRate * Math.sqrt(1 - ADAM.beta2 ** t)) / (1 - ADAM.beta1 ** t);
}

export function flatAdam(tf: Tf, initial: Float32Array, opts: AdamOptions): FlatAdam {
  const kernel = opts.form === 'ops' ? undefined : fusedAdamKernel(tf, ADAM);
  return kernel ? fusedAdam(tf, kernel, initial, opts) : opsAdam(tf, initial, opts);
}

function opsAdam(tf: Tf, initial: Float32Array, opts: AdamOptions): FlatAdam {
  let theta = tf.tensor1d(initial);
  let m: tfjs.Tensor1D = tf.zeros([initial.length]);
  let v: tfjs.Tensor1D = tf.zeros([initial.length]);
  const l2Mask = opts.l2Mask ? tf.tensor1d(opts.l2Mask) : undefined;
  let t = 0;
  return {
    get theta() {
      return theta;
    },
    get t() {
      return t;
    },
    form: 'ops',
    step(grad) {
      t += 1;
      const lr = stepSize(opts.learningRate, t);
      const next = tf.tidy(() => {
        const g = l2Mask ? tf.add(grad, tf.mul(theta, l2Mask)) : grad;
        const m1 = tf.add(tf.mul(m, ADAM.beta1), tf.mul(g, 1 - ADAM.beta1));
        const v1 = tf.add(tf.mul(v, ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2));
        const theta1 = tf.sub(theta, tf.mul(tf.div(m1, tf.add(tf.sqrt(v1), ADAM.epsilon)), lr));
        return [m1, v1, theta1] as tfjs.Tensor1D[];
      });
      tf.dispose([m, v, theta]);
      [m, v, theta] = next;
    },
    dispose() {
      tf.dispose([theta, m, v, ...(l2Mask ? [l2Mask] : [])]);
    },
  };
}

function fusedAdam(tf: Tf, kernel: FusedAdamKernel, initial: Float32Array, opts: AdamOptions): FlatAdam {
  const P = initial.length;
  const packed = new Float32Array(3 * P); // rows: parameters, first moment, second moment
  packed.set(initial);
  let state = tf.tensor2d(packed, [3, P]);
  const l2Mask = opts.l2Mask ? tf.tensor1d(opts.l2Mask) : undefined;
  const readTheta = () => tf.tidy(() => tf.reshape(tf.slice(state, [0, 0], [1, P]), [P]) as tfjs.Tensor1D);
  let theta = readTheta();
  let t = 0;
  return {
    get theta() {
      return theta;
    },
    get t() {
      return t;
    },
    form: 'fused-webgpu',
    step(grad) {
      t += 1;
      const next = kernel(state, grad, l2Mask, stepSize(opts.learningRate, t));
      tf.dispose([state, theta]);
      state = next;
      theta = readTheta();
    },
    dispose() {
      tf.dispose([state, theta, ...(l2Mask ? [l2Mask] : [])]);
    },
  };
}
