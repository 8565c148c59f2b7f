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
  return kernel ? new FusedAdam(tf, kernel, initial, opts) : new OpsAdam(tf, initial, opts);
}

class OpsAdam implements FlatAdam {
  readonly form = 'ops';
  theta: tfjs.Tensor1D;
  t = 0;
  private m: tfjs.Tensor1D;
  private v: tfjs.Tensor1D;
  private readonly l2Mask?: tfjs.Tensor1D;

  constructor(
    private readonly tf: Tf,
    initial: Float32Array,
    private readonly opts: AdamOptions,
  ) {
    this.theta = tf.tensor1d(initial);
    this.m = tf.zeros([initial.length]);
    this.v = tf.zeros([initial.length]);
    if (opts.l2Mask) this.l2Mask = tf.tensor1d(opts.l2Mask);
  }

  step(grad: tfjs.Tensor1D): void {
    const { tf, l2Mask, theta, m, v } = this;
    this.t += 1;
    const lr = stepSize(this.opts.learningRate, this.t);
    const next = tf.tidy(() => {
      const g = l2Mask ? tf.add(grad, tf.mul(theta, l2Mask)) : grad;
      const m1 = tf.add(tf.mul(m, ADAM.beta1), tf.mul(g, 1 - ADAM.beta1));
      const v1 = tf.add(tf.mul(v, ADAM.beta2), tf.mul(tf.square(g), 1 - ADAM.beta2));
      const theta1 = tf.sub(theta, tf.mul(tf.div(m1, tf.add(tf.sqrt(v1), ADAM.epsilon)), lr));
      return [m1, v1, theta1] as tfjs.Tensor1D[];
    });
    tf.dispose([m, v, theta]);
    [this.m, this.v, this.theta] = next;
  }

  dispose(): void {
    this.tf.dispose([this.theta, this.m, this.v, ...(this.l2Mask ? [this.l2Mask] : [])]);
  }
}

/** The state is one 3 × P tensor (rows: parameters, first moment, second moment); theta is row 0. */
class FusedAdam implements FlatAdam {
  readonly form = 'fused-webgpu';
  theta: tfjs.Tensor1D;
  t = 0;
  private state: tfjs.Tensor2D;
  private readonly l2Mask?: tfjs.Tensor1D;

  constructor(
    private readonly tf: Tf,
    private readonly kernel: FusedAdamKernel,
    initial: Float32Array,
    private readonly opts: AdamOptions,
  ) {
    const packed = new Float32Array(3 * initial.length);
    packed.set(initial);
    this.state = tf.tensor2d(packed, [3, initial.length]);
    if (opts.l2Mask) this.l2Mask = tf.tensor1d(opts.l2Mask);
    this.theta = this.readTheta();
  }

  step(grad: tfjs.Tensor1D): void {
    this.t += 1;
    const next = this.kernel(this.state, grad, this.l2Mask, stepSize(this.opts.learningRate, this.t));
    this.tf.dispose([this.state, this.theta]);
    this.state = next;
    this.theta = this.readTheta();
  }

  dispose(): void {
    this.tf.dispose([this.state, this.theta, ...(this.l2Mask ? [this.l2Mask] : [])]);
  }

  private readTheta(): tfjs.Tensor1D {
    const P = this.state.shape[1];
    return this.tf.tidy(() => this.tf.reshape(this.tf.slice(this.state, [0, 0], [1, P]), [P]) as tfjs.Tensor1D);
  }
}
