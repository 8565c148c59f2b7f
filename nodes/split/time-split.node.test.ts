import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { encodeValue } from '../codec';
import { readColumn } from '../table/read-column';
import { tableFromColumns, type CellValue, type ColumnData } from '../table/table-from-columns';
import { fakeContext } from '../testing/fake-context';
import { inferredAndRun } from '../testing/output-columns-kit';
import type { ColumnInfo, PortValue, TableValue } from '../values';
import { timeSplitNode } from './time-split.node';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
function tableOf(...columns: [string, ColumnInfo['type'], ColumnInfo['role'], CellValue[]][]): TableValue {
  const data: ColumnData[] = columns.map(([name, type, role, values]) => ({ info: { name, type, role }, values }));
  return { kind: 'table', table: tableFromColumns(data), columns: data.map((c) => c.info) };
}
// Days out of order; day 7 twice.
const input = tableOf(
  ['id', 'numeric', 'id', [1, 2, 3, 4, 5, 6, 7, 8]],
  ['when', 'datetime', 'time', [3, 0, 7, 1, 7, 5, 2, 4].map(day)],
  ['label', 'categorical', 'target', ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']],
  ['name', 'text', 'feature', ['p', 'q', 'r', 's', 't', 'u', 'v', 'w']],
);

async function run(raw: Record<string, unknown>, table = input) {
  const ctx = fakeContext();
  const outputs = await timeSplitNode.run({ inputs: { table }, params: timeSplitNode.params.parse(raw), ctx });
  const ids = (value: PortValue) => (value.kind === 'table' ? readColumn(value.table, 'id') : []);
  return { outputs, ctx, train: ids(outputs.train), validation: ids(outputs.validation), test: ids(outputs.test) };
}

describe('split/time', () => {
  it('trains on the oldest rows and tests on the newest, using the time-role column by default', async () => {
    const { train, validation, test, ctx } = await run({ train: 0.5, validation: 0.25, test: 0.25 });
    expect(train).toEqual([1, 2, 4, 7]); // days 3, 0, 1, 2, in input row order
    expect(validation).toEqual([6, 8]);
    expect(test).toEqual([3, 5]);
    expect(ctx.logs[0].message).toBe(
      'Split 8 rows by "when": train 4 (2024-01-01T00:00:00.000Z to 2024-01-04T00:00:00.000Z), ' +
        'validation 2 (2024-01-05T00:00:00.000Z to 2024-01-06T00:00:00.000Z), ' +
        'test 2 (2024-01-08T00:00:00.000Z to 2024-01-08T00:00:00.000Z)',
    );
    expect(ctx.logs.map((l) => l.message)).toContain('test "label": a 2 (100.0%)');
  });

  it('keeps rows with the same time on one side', async () => {
    // 7/8 of 8 rows for train would cut between the two day-7 rows; both stay in train.
    const { train, test, ctx } = await run({ train: 0.875, test: 0.125 });
    expect([train.length, test.length]).toEqual([8, 0]);
    expect(ctx.logs.map((l) => l.message)).toContain('Rows sharing a time stay together: planned train 7, validation 0, test 1');
  });

  it('accepts a numeric time column by name, and gives the same bytes every run', async () => {
    const a = await run({ timeColumn: 'id' });
    expect(a.test).toEqual([7, 8]);
    const b = await run({ timeColumn: 'id' });
    expect(encodeValue(b.outputs.train).bytes).toEqual(encodeValue(a.outputs.train).bytes);
  });

  it('refuses a column that is not datetime or numeric, and a table with no time column', async () => {
    const text = run({ timeColumn: 'name' });
    await expect(text).rejects.toBeInstanceOf(UserError);
    await expect(text).rejects.toThrow('A time split needs a datetime or numeric column; "name" is text');
    const untimed = tableOf(['x', 'numeric', 'feature', [1, 2]]);
    await expect(run({}, untimed)).rejects.toMatchObject({ details: { field: 'timeColumn' } });
  });

  it('names the first row with a missing time', async () => {
    const gappy = tableOf(['t', 'datetime', 'time', [day(1), null, day(3)]]);
    await expect(run({}, gappy)).rejects.toMatchObject({ details: { field: 'timeColumn', column: 't', row: 2 } });
  });

  it('checks that the fractions add up to 1', () => {
    expect(timeSplitNode.params.safeParse({ train: 0.5 }).error?.issues[0].path).toEqual(['train']);
  });
});

describe('split/time columns before running', () => {
  it('match a run: every side has the input\'s columns', async () => {
    const { inferred, ran } = await inferredAndRun(timeSplitNode, {}, { table: input });
    expect(inferred).toEqual(ran);
    expect(inferred.train).toEqual(input.columns);
  });
});
