// The 'tfjs/mlp' payload: the network's shape, its link, the regression target's scale, and each
// layer's kernel and bias as base64 float32 with its shape, so predict can rebuild the model
// in a browser or in Node without the training code.
import { z } from 'zod';
import type { JsonObject } from '../values';
import { base64ToFloat32, float32ToBase64 } from './mlp-base64';
import { layerSlots, parameterCount, type MlpSpec } from './mlp-layout';
import { MLP_ACTIVATIONS } from './mlp-params';
import type { TargetScale } from './mlp-rows';

const tensorSchema = z.object({ name: z.string(), shape: z.array(z.number().int().min(1)), base64: z.string() });

const payloadSchema = z.object({
  version: z.literal(1),
  inputs: z.number().int().min(1),
  hidden: z.array(z.number().int().min(1)),
  activation: z.enum(MLP_ACTIVATIONS),
  outputs: z.number().int().min(1),
  output: z.enum(['sigmoid', 'softmax', 'linear']),
  targetScale: z.object({ mean: z.number(), std: z.number() }).nullable(),
  weights: z.array(tensorSchema),
});

export interface MlpModel {
  spec: MlpSpec;
  theta: Float32Array;
  targetScale?: TargetScale;
}

export function encodeMlpPayload(model: MlpModel): JsonObject {
  const { spec, theta } = model;
  const weights = layerSlots(spec).flatMap((s, l) => [
    {
      name: `dense_${l + 1}/kernel`,
      shape: [s.fanIn, s.units],
      base64: float32ToBase64(theta.subarray(s.wOffset, s.wOffset + s.fanIn * s.units)),
    },
    { name: `dense_${l + 1}/bias`, shape: [s.units], base64: float32ToBase64(theta.subarray(s.bOffset, s.bOffset + s.units)) },
  ]);
  return {
    version: 1,
    inputs: spec.inputs,
    hidden: spec.hidden,
    activation: spec.activation,
    outputs: spec.outputs,
    output: spec.output,
    targetScale: model.targetScale ? { ...model.targetScale } : null,
    weights,
  };
}

/** Parses and checks a stored payload: every tensor must have the shape its layer needs. */
export function decodeMlpPayload(payload: JsonObject): MlpModel {
  const p = payloadSchema.parse(payload);
  const spec: MlpSpec = { inputs: p.inputs, hidden: p.hidden, activation: p.activation, outputs: p.outputs, output: p.output };
  const theta = new Float32Array(parameterCount(spec));
  const slots = layerSlots(spec);
  if (p.weights.length !== slots.length * 2) {
    throw new Error(`MLP payload has ${p.weights.length} weight tensors; its layers need ${slots.length * 2}`);
  }
  slots.forEach((s, l) => {
    put(theta, p.weights[2 * l], [s.fanIn, s.units], s.wOffset);
    put(theta, p.weights[2 * l + 1], [s.units], s.bOffset);
  });
  return p.targetScale ? { spec, theta, targetScale: p.targetScale } : { spec, theta };
}

function put(theta: Float32Array, tensor: z.infer<typeof tensorSchema>, shape: number[], offset: number): void {
  if (tensor.shape.join('x') !== shape.join('x')) {
    throw new Error(`MLP payload tensor ${tensor.name} has shape [${tensor.shape}], expected [${shape}]`);
  }
  const values = base64ToFloat32(tensor.base64);
  if (values.length !== shape.reduce((a, b) => a * b, 1)) throw new Error(`MLP payload tensor ${tensor.name} has the wrong length`);
  theta.set(values, offset);
}
