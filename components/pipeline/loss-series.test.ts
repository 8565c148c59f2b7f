import { describe, expect, it } from 'vitest';
import { lossSeries } from './loss-series';

const p = (data: Record<string, number>) => ({ t: 0, fraction: 0, data });

describe('lossSeries', () => {
  it('draws loss and validation loss by epoch', () => {
    const s = lossSeries([p({ epoch: 1, loss: 0.9, valLoss: 1 }), p({ epoch: 2, loss: 0.5, valLoss: 0.6, valAccuracy: 0.8 })]);
    expect(s).toEqual({
      xLabel: 'Epoch',
      rows: [
        { x: 1, loss: 0.9, valLoss: 1 },
        { x: 2, loss: 0.5, valLoss: 0.6 },
      ],
      hasValidation: true,
      trial: null,
      logScale: false,
    });
  });

  it('asks for a log axis when the losses span orders of magnitude, and only for positive ones', () => {
    expect(lossSeries([p({ epoch: 1, loss: 0.5 }), p({ epoch: 2, loss: 0.004 })])?.logScale).toBe(true);
    expect(lossSeries([p({ epoch: 1, loss: 0.5 }), p({ epoch: 2, loss: 0.006 })])?.logScale).toBe(false);
    expect(lossSeries([p({ epoch: 1, loss: 0.5 }), p({ epoch: 2, loss: 0 })])?.logScale).toBe(false);
  });

  it('falls back to iterations, then to the order of the updates', () => {
    expect(lossSeries([p({ iteration: 1, loss: 2 }), p({ iteration: 5, loss: 1 })])?.xLabel).toBe('Iteration');
    const unordered = lossSeries([p({ epoch: 2, loss: 2 }), p({ epoch: 1, loss: 1 })]);
    expect(unordered?.xLabel).toBe('Update');
    expect(unordered?.rows.map((r) => r.x)).toEqual([1, 2]);
  });

  it('draws only the newest trial of a search, whose epochs start again', () => {
    const s = lossSeries([
      p({ epoch: 1, loss: 3, trial: 1 }),
      p({ epoch: 2, loss: 2, trial: 1 }),
      p({ trial: 1, value: 0.9, best: 1 }),
      p({ epoch: 1, loss: 4, trial: 2 }),
    ]);
    expect(s).toMatchObject({ trial: 2, xLabel: 'Epoch', rows: [{ x: 1, loss: 4 }], hasValidation: false });
  });

  it('has nothing to draw without a loss', () => {
    expect(lossSeries([p({ iteration: 1, nodes: 31 })])).toBeNull();
    expect(lossSeries(null)).toBeNull();
    expect(lossSeries(undefined)).toBeNull();
  });
});
