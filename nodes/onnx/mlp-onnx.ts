// The MLP head: float32 layers as TF.js runs them (the matrix is cast to float32 first, as
// predictMlp does), then the same double-precision post-processing as predictMlp.
import { assertNever } from '../../engine/assert-never';
import { layerSlots } from '../train/mlp-layout';
import type { MlpModel } from '../train/mlp-payload';
import type { OnnxGraph } from './onnx-graph';

/** Probabilities double [N, classes] (two columns for binary), or the value double [N, 1]. */
export function mlpOnnx(graph: OnnxGraph, features: string, model: MlpModel): string {
  const { spec, theta } = model;
  let h = graph.op('Cast', [features], { to: { elemType: 'float' } });
  const slots = layerSlots(spec);
  slots.forEach((s, l) => {
    const w = graph.constant(`dense_${l + 1}_kernel`, {
      type: 'float',
      dims: [s.fanIn, s.units],
      values: theta.subarray(s.wOffset, s.wOffset + s.fanIn * s.units),
    });
    const b = graph.constant(`dense_${l + 1}_bias`, { type: 'float', dims: [s.units], values: theta.subarray(s.bOffset, s.bOffset + s.units) });
    h = graph.op('Add', [graph.op('MatMul', [h, w]), b]);
    if (l < slots.length - 1) h = graph.op(activationOp(spec.activation), [h]);
  });
  switch (spec.output) {
    case 'softmax':
      return graph.op('Cast', [graph.op('Softmax', [h], { axis: { int: 1 } })], { to: { elemType: 'double' } });
    case 'sigmoid': {
      const positive = graph.op('Cast', [graph.op('Sigmoid', [h])], { to: { elemType: 'double' } });
      const negative = graph.op('Sub', [graph.scalar('double', 1), positive]);
      return graph.op('Concat', [negative, positive], { axis: { int: 1 } });
    }
    case 'linear': {
      const value = graph.op('Cast', [h], { to: { elemType: 'double' } });
      if (!model.targetScale) return value;
      const scaled = graph.op('Mul', [value, graph.scalar('double', model.targetScale.std)]);
      return graph.op('Add', [scaled, graph.scalar('double', model.targetScale.mean)]);
    }
    default:
      return assertNever(spec.output, 'MLP output');
  }
}

function activationOp(activation: MlpModel['spec']['activation']): string {
  switch (activation) {
    case 'relu':
      return 'Relu';
    case 'tanh':
      return 'Tanh';
    case 'sigmoid':
      return 'Sigmoid';
    default:
      return assertNever(activation, 'MLP activation');
  }
}
