// Where each layer's weights sit in the one flat parameter vector, and their seeded initial values.
// Layer l stores W (inputs × units, row-major) then b (units); the flat form lets Adam update every
// parameter with a dozen ops per step instead of a dozen per tensor.
import { mulberry32 } from '../split/prng';
import type { MlpActivation } from './mlp-params';

export type OutputKind = 'sigmoid' | 'softmax' | 'linear';

export interface MlpSpec {
  inputs: number;
  hidden: number[];
  activation: MlpActivation;
  /** 1 for binary and regression, the number of classes for softmax. */
  outputs: number;
  output: OutputKind;
}

export interface LayerSlot {
  fanIn: number;
  units: number;
  /** Offset of W in the flat vector; b follows at wOffset + fanIn × units. */
  wOffset: number;
  bOffset: number;
}

export function layerSlots(spec: MlpSpec): LayerSlot[] {
  const widths = [spec.inputs, ...spec.hidden, spec.outputs];
  const slots: LayerSlot[] = [];
  let offset = 0;
  for (let l = 1; l < widths.length; l++) {
    const fanIn = widths[l - 1];
    const units = widths[l];
    slots.push({ fanIn, units, wOffset: offset, bOffset: offset + fanIn * units });
    offset += fanIn * units + units;
  }
  return slots;
}

export function parameterCount(spec: MlpSpec): number {
  const last = layerSlots(spec).at(-1)!;
  return last.bOffset + last.units;
}

/**
 * Glorot-uniform weights and zero biases from a seeded generator, so the same seed starts from the
 * same point on every backend. Like scikit-learn, sigmoid networks use gain 2 instead of 6.
 */
export function initialParameters(spec: MlpSpec, seed: number): Float32Array {
  const prng = mulberry32(seed);
  const theta = new Float32Array(parameterCount(spec));
  const gain = spec.activation === 'sigmoid' ? 2 : 6;
  for (const slot of layerSlots(spec)) {
    const limit = Math.sqrt(gain / (slot.fanIn + slot.units));
    for (let i = 0; i < slot.fanIn * slot.units; i++) theta[slot.wOffset + i] = (2 * prng.next() - 1) * limit;
  }
  return theta;
}

/** 1 where the flat vector holds a weight, 0 where it holds a bias: L2 applies to weights only. */
export function weightMask(spec: MlpSpec): Float32Array {
  const mask = new Float32Array(parameterCount(spec));
  for (const slot of layerSlots(spec)) mask.fill(1, slot.wOffset, slot.bOffset);
  return mask;
}
