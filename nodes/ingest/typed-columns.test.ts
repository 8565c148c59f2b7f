import { Field, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readColumn } from '../table/read-column';
import { arrowTypeFor, assembleTable, tableFromColumns, type ColumnData } from '../table/table-from-columns';
import type { ColumnInfo } from '../values';
import { booleanData, categoricalData, datetimeData, numberedIdData, numericData } from './typed-columns';

const info = (name: string, type: ColumnInfo['type']): ColumnInfo => ({ name, type, role: 'feature' });

describe('typed column data', () => {
  it('encodes to the same Arrow bytes as tableFromColumns', () => {
    const rows = 70; // over 64 booleans, so the bit buffer's padding is exercised
    const num = Float64Array.from({ length: rows }, (_, i) => i / 3 - 5);
    const ms = Float64Array.from({ length: rows }, (_, i) => Date.UTC(2026, 0, 1) + i * 3_600_123);
    const flags = Uint8Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const labels = ['never', 'b', 'a', 'c'];
    const codes = Uint8Array.from({ length: rows }, (_, i) => 1 + ((i * 7) % 3));
    const columns = [info('id', 'text'), info('x', 'numeric'), info('t', 'datetime'), info('flag', 'boolean'), info('cat', 'categorical')];
    const fields = columns.map((c, i) => new Field(c.name, arrowTypeFor(c.type, i), true));
    const fast = assembleTable(
      fields,
      [numberedIdData('r', rows, 3), numericData(num), datetimeData(ms), booleanData(flags), categoricalData(codes, labels, 4)],
      rows,
      columns,
    );
    const reference: ColumnData[] = [
      { info: columns[0], values: Array.from({ length: rows }, (_, i) => `r${String(i + 1).padStart(3, '0')}`) },
      { info: columns[1], values: Array.from(num) },
      { info: columns[2], values: Array.from(ms) },
      { info: columns[3], values: Array.from(flags, (f) => f === 1) },
      { info: columns[4], values: Array.from(codes, (c) => labels[c]) },
    ];
    expect(tableToIPC(fast, 'file')).toEqual(tableToIPC(tableFromColumns(reference), 'file'));
  });

  it('keeps only the categories that occur, in order of first appearance', () => {
    const data = categoricalData(Uint8Array.from([2, 2, 0, 2]), ['x', 'unused', 'y'], 0);
    expect(data.dictionary?.toArray()).toEqual(['y', 'x']);
    expect(Array.from(data.values)).toEqual([0, 0, 1, 0]);
  });

  it('pads numbered ids to one length, widening past the asked width', () => {
    const field = new Field('id', arrowTypeFor('text', 0), true);
    const ids = (rows: number, width: number) =>
      readColumn(assembleTable([field], [numberedIdData('tx-', rows, width)], rows, [info('id', 'text')]), 'id');
    expect(ids(3, 4)).toEqual(['tx-0001', 'tx-0002', 'tx-0003']);
    expect(ids(12, 1).slice(8)).toEqual(['tx-09', 'tx-10', 'tx-11', 'tx-12']);
    expect(() => numberedIdData('tx–', 1, 1)).toThrow(/ASCII/);
  });
});
