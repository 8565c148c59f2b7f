import { describe, expect, it } from 'vitest';
import { outputsToRows } from './output-columns';

describe('outputsToRows', () => {
  it('gives [rows, 1] and [rows] one column, [rows, k] k columns, in order', () => {
    const out = outputsToRows(
      [
        { name: 'label', type: 'int64', dims: [2], data: BigInt64Array.of(1n, 0n) },
        { name: 'probabilities', type: 'float32', dims: [2, 2], data: Float32Array.of(0.25, 0.75, 0.5, 0.5) },
        { name: 'p', type: 'float32', dims: [2, 1], data: Float32Array.of(0.75, 0.5) },
      ],
      2,
    );
    expect(out).toEqual({
      columns: ['label', 'probabilities[0]', 'probabilities[1]', 'p'],
      rows: [
        [1, 0.25, 0.75, 0.75],
        [0, 0.5, 0.5, 0.5],
      ],
      skipped: [],
    });
  });

  it('keeps strings and huge int64 values exact, and leaves out outputs that are not per row', () => {
    const out = outputsToRows(
      [
        { name: 'name', type: 'string', dims: [2], data: ['yes', 'no'] },
        { name: 'id', type: 'int64', dims: [2], data: BigInt64Array.of(2n ** 60n, 1n) },
        { name: 'mean', type: 'float32', dims: [], data: Float32Array.of(0.5) },
      ],
      2,
    );
    expect(out.rows).toEqual([
      ['yes', (2n ** 60n).toString()],
      ['no', 1],
    ]);
    expect(out.skipped).toEqual(['mean has shape [], not one value per row']);
  });

  it('gives an unbatched model’s outputs to its one row', () => {
    expect(outputsToRows([{ name: 'y', type: 'float32', dims: [3], data: Float32Array.of(1, 2, 3) }], 1).columns).toEqual(['y[0]', 'y[1]', 'y[2]']);
  });

  it('names the columns of an output that carries names for them, such as a ZipMap’s classes', () => {
    const probabilities = { name: 'probabilities', type: 'float32', dims: [1, 2], data: Float32Array.of(0.25, 0.75), columns: ['output_probability[no]', 'output_probability[yes]'] };
    expect(outputsToRows([probabilities], 1).columns).toEqual(['output_probability[no]', 'output_probability[yes]']);
    expect(outputsToRows([{ ...probabilities, columns: ['only-one'] }], 1).columns).toEqual(['probabilities[0]', 'probabilities[1]']);
  });
});
