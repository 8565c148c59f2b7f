import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { inferredAndRun } from '../testing/output-columns-kit';
import { castColumnsNode } from './cast-columns.node';
import { asTable, cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('amount', 'text', ['1.5', '2', 'n/a', 'oops', '4']),
  col('flag', 'text', ['yes', 'no', 'YES', null, '0']),
  col('day', 'text', ['2024-01-01', '2024-01-02', '2024-02-30', null, '2024-01-05'], 'time'),
  col('code', 'numeric', [1, 2, 3, 4, 5], 'id'),
);

describe('clean/cast-columns', () => {
  it('converts types, keeps roles and logs each column', async () => {
    const { outputs, messages } = await runNode(castColumnsNode, input, {
      casts: [
        { column: 'flag', type: 'boolean' },
        { column: 'code', type: 'categorical' },
      ],
    });
    const table = asTable(outputs.table);
    expect(table.columns.map((c) => `${c.name}:${c.type}:${c.role}`)).toEqual([
      'amount:text:feature',
      'flag:boolean:feature',
      'day:text:time',
      'code:categorical:id',
    ]);
    expect(cellsOf(table, 'flag')).toEqual([true, false, true, null, false]);
    expect(cellsOf(table, 'code')).toEqual(['1', '2', '3', '4', '5']);
    expect(messages).toContain('"flag" text → boolean: 0 of 4 values failed to convert');
  });

  it('fails by default on a value that does not convert, naming row, value and column', async () => {
    const failure = runNode(castColumnsNode, input, { casts: [{ column: 'amount', type: 'numeric' }] });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toMatchObject({
      message:
        'Cannot convert column "amount" to numeric: 1 of 5 values (20.0%) do not convert, more than ' +
        'maxInvalidFraction 0; first at row 4: "oops"',
      details: { field: 'casts.0.type', column: 'amount', row: 4 },
    });
  });

  it('turns failures into missing values within maxInvalidFraction, with a warning', async () => {
    const { outputs, ctx } = await runNode(castColumnsNode, input, {
      casts: [
        { column: 'amount', type: 'numeric' },
        { column: 'day', type: 'datetime' },
      ],
      maxInvalidFraction: 0.25,
    });
    expect(cellsOf(outputs.table, 'amount')).toEqual([1.5, 2, null, null, 4]);
    expect(cellsOf(outputs.table, 'day')).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), null, null, Date.UTC(2024, 0, 5)]);
    expect(ctx.logs).toContainEqual({
      level: 'warn',
      message: '"day" text → datetime: 1 of 4 values failed to convert (25.0%) and became missing; first at row 3: "2024-02-30"',
    });
  });

  it('refuses unknown columns, a column listed twice and a fraction above 1', async () => {
    await expect(runNode(castColumnsNode, input, { casts: [{ column: 'amt', type: 'numeric' }] })).rejects.toThrow(
      /"amt" is not in the table/,
    );
    const twice = { casts: [{ column: 'code', type: 'text' }, { column: 'code', type: 'numeric' }] };
    await expect(runNode(castColumnsNode, input, twice)).rejects.toThrow(/listed twice/);
    expect(castColumnsNode.params.safeParse({ maxInvalidFraction: 1.5 }).success).toBe(false);
  });
});

describe('clean/cast-columns columns before running', () => {
  it('match a run: the cast columns change type, nothing else changes', async () => {
    const raw = {
      casts: [
        { column: 'amount', type: 'text' },
        { column: 'colour', type: 'text' },
        { column: 'flag', type: 'categorical' },
        { column: 'id', type: 'categorical' },
      ],
    };
    const { inferred, ran } = await inferredAndRun(castColumnsNode, raw, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
    expect(inferred.table?.map((c) => c.type)).toEqual(['categorical', 'text', 'text', 'categorical', 'datetime', 'categorical']);
  });

  it('are unknown for a column that is not there', () => {
    const table = schemaProbe().columns;
    expect(castColumnsNode.outputColumns!({ casts: [{ column: 'nope', type: 'text' }], maxInvalidFraction: 0 }, { table }, {})).toEqual({
      table: null,
    });
  });
});
