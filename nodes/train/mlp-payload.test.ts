import { describe, expect, it } from 'vitest';
import { initialParameters, type MlpSpec } from './mlp-layout';
import { decodeMlpPayload, encodeMlpPayload } from './mlp-payload';

const spec: MlpSpec = { inputs: 3, hidden: [4, 2], activation: 'tanh', outputs: 1, output: 'linear' };

describe('mlp payload', () => {
  it('round-trips the network as JSON, one named tensor per kernel and bias', () => {
    const theta = initialParameters(spec, 9);
    const payload = encodeMlpPayload({ spec, theta, targetScale: { mean: 3, std: 2 } });
    const weights = payload.weights as { name: string; shape: number[] }[];
    expect(weights.map((w) => `${w.name}:${w.shape.join('x')}`)).toEqual([
      'dense_1/kernel:3x4', 'dense_1/bias:4', 'dense_2/kernel:4x2', 'dense_2/bias:2', 'dense_3/kernel:2x1', 'dense_3/bias:1',
    ]);
    const back = decodeMlpPayload(JSON.parse(JSON.stringify(payload)));
    expect(back.spec).toEqual(spec);
    expect(back.theta).toEqual(theta);
    expect(back.targetScale).toEqual({ mean: 3, std: 2 });
  });

  it('rejects a tensor whose shape does not fit its layer', () => {
    const payload = encodeMlpPayload({ spec, theta: initialParameters(spec, 1) });
    const weights = payload.weights as { shape: number[] }[];
    weights[2].shape = [2, 4];
    expect(() => decodeMlpPayload(payload)).toThrow(/dense_2\/kernel has shape \[2,4\], expected \[4,2\]/);
    expect(() => decodeMlpPayload({ ...payload, version: 2 })).toThrow();
  });
});
