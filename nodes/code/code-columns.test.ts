import { describe, expect, it } from 'vitest';
import { col, schemaProbe, tableOf } from '../clean/test-kit';
import { columnsForCode } from './code-columns';

describe('columnsForCode', () => {
  it('gives numbers and datetimes as Float64Array (NaN missing) and the rest as arrays (null missing)', () => {
    const cols = columnsForCode(schemaProbe());
    expect(cols.amount).toBeInstanceOf(Float64Array);
    expect(Array.from(cols.amount as Float64Array)).toEqual([1.5, NaN, NaN, 300]);
    expect(Array.from(cols.when as Float64Array)).toEqual([0, 86_400_000, 86_400_000, 172_800_000]);
    expect(cols.colour).toEqual(['red', 'blue', 'blue', 'red']);
    expect(cols.flag).toEqual([true, false, false, null]);
    expect(cols.id).toEqual(['a', 'b', 'b', 'c']);
  });

  it('reads a numeric column with no missing cells straight from its buffer', () => {
    const cols = columnsForCode(tableOf(col('x', 'numeric', [1, 2, 3])));
    expect(Array.from(cols.x as Float64Array)).toEqual([1, 2, 3]);
  });
});
