import { describe, expect, it } from 'vitest';
import { ARROW_FILE_MEDIA_TYPE, decodeValue, encodeValue, JSON_MEDIA_TYPE } from './codec';
import { sha256Hex } from '../engine/hash';
import { readColumn } from './table/read-column';
import { tableFromColumns } from './table/table-from-columns';
import { mixedColumns } from './table/mixed-columns.fixture';
import { takeRows } from './table/take-rows';
import type { TableValue } from './values';

const tableValueOf = (): TableValue => ({
  kind: 'table',
  table: tableFromColumns(mixedColumns),
  columns: mixedColumns.map((c) => c.info),
});

describe('encodeValue for tables', () => {
  it('writes the Arrow IPC file format with rows and columns in meta', () => {
    const encoded = encodeValue(tableValueOf());
    expect(encoded.mediaType).toBe(ARROW_FILE_MEDIA_TYPE);
    // The IPC file format starts and ends with the magic "ARROW1".
    expect(new TextDecoder().decode(encoded.bytes.subarray(0, 6))).toBe('ARROW1');
    expect(new TextDecoder().decode(encoded.bytes.subarray(-6))).toBe('ARROW1');
    expect(encoded.meta).toEqual({ rows: 4, columns: mixedColumns.map((c) => c.info) });
  });

  it('gives the same bytes for the same table, however often and however built', () => {
    const first = sha256Hex(encodeValue(tableValueOf()).bytes);
    // Building other dictionaries in between must not change the ids written into the next table.
    tableFromColumns(mixedColumns);
    tableFromColumns(mixedColumns);
    expect(sha256Hex(encodeValue(tableValueOf()).bytes)).toBe(first);
    const value = tableValueOf();
    expect(sha256Hex(encodeValue(value).bytes)).toBe(sha256Hex(encodeValue(value).bytes));
    const reTaken = { ...value, table: takeRows(value.table, [0, 1, 2, 3]) };
    expect(sha256Hex(encodeValue(reTaken).bytes)).toBe(first);
  });

  it('gives different bytes for different content', () => {
    const value = tableValueOf();
    const fewer = { ...value, table: takeRows(value.table, [0, 1, 2]) };
    expect(sha256Hex(encodeValue(fewer).bytes)).not.toBe(sha256Hex(encodeValue(value).bytes));
    const retyped = { ...value, columns: value.columns.map((c) => ({ ...c, role: 'ignore' as const })) };
    expect(sha256Hex(encodeValue(retyped).bytes)).not.toBe(sha256Hex(encodeValue(value).bytes));
  });

  it('round-trips values and the column schema', () => {
    const decoded = decodeValue('table', encodeValue(tableValueOf()).bytes);
    if (decoded.kind !== 'table') throw new Error('expected a table');
    expect(decoded.columns).toEqual(mixedColumns.map((c) => c.info));
    expect(readColumn(decoded.table, 'colour')).toEqual(['red', 'blue', null, 'red']);
    expect(sha256Hex(encodeValue(decoded).bytes)).toBe(sha256Hex(encodeValue(tableValueOf()).bytes));
  });
});

describe('encodeValue for JSON values', () => {
  it('writes canonical JSON, so key order does not change the bytes', () => {
    const a = encodeValue({ kind: 'metrics', metrics: { accuracy: 0.9, auc: 0.95 } });
    const b = encodeValue({ kind: 'metrics', metrics: { auc: 0.95, accuracy: 0.9 } });
    expect(a.mediaType).toBe(JSON_MEDIA_TYPE);
    expect(sha256Hex(a.bytes)).toBe(sha256Hex(b.bytes));
    expect(new TextDecoder().decode(a.bytes)).toBe('{"accuracy":0.9,"auc":0.95}');
  });

  it('round-trips a report', () => {
    const report = { type: 'column-stats', title: 'Stats', rows: 3, columns: [{ name: 'x', mean: 1.5 }] };
    expect(decodeValue('report', encodeValue({ kind: 'report', report }).bytes)).toEqual({ kind: 'report', report });
  });

  it('refuses a report without type and title', () => {
    expect(() => decodeValue('report', new TextEncoder().encode('{"rows":1}'))).toThrow();
  });
});

describe('decodeValue for kinds without a value type yet', () => {
  it('says so clearly', () => {
    expect(() => decodeValue('deployment', new Uint8Array())).toThrow(/"deployment" cannot be decoded yet/);
    expect(() => decodeValue('deployment', new Uint8Array())).toThrow(/"deployment" cannot be decoded yet/);
  });
});
