import { describe, expect, it } from 'vitest';
import { packColumns, unpackColumns, type DocColumns } from './columns';

const A = [
  { name: 'id', type: 'text', role: 'id' },
  { name: 'y', type: 'numeric', role: 'target' },
];

describe('packColumns', () => {
  it('sends each distinct list once and round-trips, unknown ports included', () => {
    const copy = A.map((c) => ({ ...c }));
    const columns: DocColumns = {
      load: { inputs: {}, outputs: { table: A } },
      filter: { inputs: { table: A }, outputs: { table: copy } },
      fit: { inputs: { train: copy, validation: null }, outputs: { model: null } },
      roles: { inputs: { table: A }, outputs: { table: [{ name: 'id', type: 'text', role: 'feature' }, A[1]] } },
    };
    const packed = packColumns(columns);
    expect(packed.lists).toHaveLength(2);
    expect(packed.nodes.fit).toEqual({ inputs: { train: 0, validation: null }, outputs: { model: null } });
    expect(unpackColumns(packed)).toEqual(columns);
    expect(JSON.parse(JSON.stringify(packed))).toEqual(packed);
  });

  it('treats a list index it does not have as unknown', () => {
    expect(unpackColumns({ lists: [], nodes: { a: { inputs: { table: 3 }, outputs: {} } } })).toEqual({ a: { inputs: { table: null }, outputs: {} } });
  });
});
