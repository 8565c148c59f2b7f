import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../values';
import { hasIdName, idEvidence, ID_MIN_VALUES } from './id-like';
import type { CellValue } from './table-from-columns';

const check = (name: string, type: ColumnType, values: CellValue[], extra: { distinctBound?: number } = {}) =>
  idEvidence({ name, type, length: values.length, get: (i) => values[i], ...extra });
const range = (n: number, f: (i: number) => CellValue) => Array.from({ length: n }, (_, i) => f(i));

describe('hasIdName', () => {
  it('knows ids in snake, kebab, camel and spaced names', () => {
    for (const name of ['id', 'ID', 'customer_id', 'order-id', 'customerId', 'CustomerID', 'row uuid', 'api_key', 'GUID']) {
      expect(hasIdName(name), name).toBe(true);
    }
  });

  it('does not take words that merely contain "id"', () => {
    for (const name of ['idle_minutes', 'paid', 'width', 'valid', 'monkey', 'keyboard_layout', 'identity', 'ids_seen']) {
      expect(hasIdName(name), name).toBe(false);
    }
  });
});

describe('idEvidence', () => {
  it('calls unique text an id, whatever its name', () => {
    expect(check('customer', 'text', range(600, (i) => `C${i}`))).toEqual({ distinct: 600, present: 600, reason: 'unique' });
    expect(check('code', 'categorical', range(50, (i) => `k${i}`))).toMatchObject({ reason: 'unique' });
  });

  it('calls a nearly unique column with an id name an id, missing cells and a few repeats allowed', () => {
    const values = range(200, (i) => (i < 4 ? null : i < 10 ? 'dup' : `C${i}`));
    expect(check('customer_id', 'text', values)).toEqual({ distinct: 191, present: 196, reason: 'named' });
    // The same column without the name is not unique, so it stays a feature.
    expect(check('customer', 'text', values)).toBeNull();
  });

  it('stops at 95% for named columns', () => {
    const repeats = (k: number) => range(100, (i) => (i < k ? 0 : i));
    expect(check('account_id', 'numeric', repeats(6))).not.toBeNull(); // 95 distinct
    expect(check('account_id', 'numeric', repeats(7))).toBeNull(); // 94 distinct
  });

  it('calls unique whole numbers an id when named, or when dense like a row counter', () => {
    expect(check('user_id', 'numeric', range(100, (i) => 1_000_000 + i * 7919))).toMatchObject({ reason: 'named' });
    expect(check('row', 'numeric', range(100, (i) => 100 - i))).toMatchObject({ reason: 'unique' });
    // Unique, but spread like a measurement: a feature.
    expect(check('balance', 'numeric', range(100, (i) => i * 7919))).toBeNull();
  });

  it('never calls decimals, booleans, datetimes or low-cardinality columns ids', () => {
    expect(check('price_id', 'numeric', range(100, (i) => i + 0.5))).toBeNull();
    expect(check('flag_id', 'boolean', range(100, (i) => i % 2 === 0))).toBeNull();
    expect(check('event_id', 'datetime', range(100, (i) => i * 1000))).toBeNull();
    expect(check('plan', 'categorical', range(600, (i) => ['monthly', 'yearly'][i % 2]))).toBeNull();
  });

  it('says nothing below the minimum count, where every column looks unique', () => {
    expect(check('id', 'text', range(ID_MIN_VALUES - 1, (i) => `r${i}`))).toBeNull();
    expect(check('id', 'text', range(ID_MIN_VALUES, (i) => `r${i}`))).not.toBeNull();
  });

  it('settles a column from a dictionary size without reading a value', () => {
    let reads = 0;
    const result = idEvidence({ name: 'plan', type: 'categorical', length: 1000, nulls: 0, distinctBound: 3, get: () => (reads++, 'x') });
    expect(result).toBeNull();
    expect(reads).toBe(0);
  });

  it('stops reading at the first repeat in an unnamed column', () => {
    let reads = 0;
    const result = idEvidence({ name: 'age', type: 'numeric', length: 100_000, nulls: 0, get: (i) => (reads++, i % 50) });
    expect(result).toBeNull();
    expect(reads).toBe(51);
  });
});
