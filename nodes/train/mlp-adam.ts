// Adam over the flat parameter vector, in TF.js ops (so it stays on the device for GPU backends).
import type * as tfjs from '@tensorflow/tfjs';
import type { Tf } from './tf-backend';

export interface AdamState {
  m: tfjs.Tensor1D;
  v: tfjs.Tensor1D;
  t: number;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

export function adamState(tf: Tf, size: number): AdamState {
  return { m: tf.zeros([size]), v: tf.zeros([size]), t: 0 };
}

/**
 * One step; returns the new parameters and replaces the moments in `state` (the old ones are
 * disposed). `l2Mask` is 2·l2 where the vector holds a weight and 0 at biases, or undefined.
 */
export function adamStep(
  tf: Tf,
  state: AdamState,
  theta: tfjs.Tensor1D,
  grad: tfjs.Tensor1D,
  learningRate: number,
  l2Mask?: tfjs.Tensor1D,
): tfjs.Tensor1D {
  state.t += 1;
  const lr = (learningRate * Math.sqrt(1 - BETA2 ** state.t)) / (1 - BETA1 ** state.t);
  const [m, v, next] = tf.tidy(() => {
    const g = l2Mask ? tf.add(grad, tf.mul(theta, l2Mask)) : grad;
    const m = tf.add(tf.mul(state.m, BETA1), tf.mul(g, 1 - BETA1));
    const v = tf.add(tf.mul(state.v, BETA2), tf.mul(tf.square(g), 1 - BETA2));
    const next = tf.sub(theta, tf.mul(tf.div(m, tf.add(tf.sqrt(v), EPSILON)), lr));
    return [m, v, next] as tfjs.Tensor1D[];
  });
  state.m.dispose();
  state.v.dispose();
  state.m = m;
  state.v = v;
  return next;
}
