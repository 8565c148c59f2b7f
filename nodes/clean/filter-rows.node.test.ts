import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { inferredAndRun } from '../testing/output-columns-kit';
import { filterRowsNode } from './filter-rows.node';
import { asTable, cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('id', 'numeric', [1, 2, 3, 4, 5], 'id'),
  col('amount', 'numeric', [10, 250, null, 80, 1000]),
  col('country', 'categorical', ['FR', 'DE', 'FR', null, 'IT']),
);

describe('clean/filter-rows', () => {
  it('keeps rows meeting all conditions, with the schema unchanged', async () => {
    const { outputs, messages } = await runNode(filterRowsNode, input, {
      conditions: [
        { column: 'amount', op: 'ge', value: 50 },
        { column: 'country', op: 'in', values: ['FR', 'DE', 'IT'] },
      ],
    });
    expect(cellsOf(outputs.table, 'id')).toEqual([2, 5]);
    expect(asTable(outputs.table).columns).toEqual(input.columns);
    expect(messages).toEqual(['Kept 2 of 5 rows, removed 3']);
  });

  it('keeps rows meeting any condition', async () => {
    const { outputs } = await runNode(filterRowsNode, input, {
      match: 'any',
      conditions: [
        { column: 'amount', op: 'is_missing' },
        { column: 'country', op: 'eq', value: 'IT' },
      ],
    });
    expect(cellsOf(outputs.table, 'id')).toEqual([3, 5]);
  });

  it('passes every row through when there are no conditions', async () => {
    expect(cellsOf((await runNode(filterRowsNode, input, {})).outputs.table, 'id')).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an op that does not fit the column and an unknown column', async () => {
    const wrongOp = runNode(filterRowsNode, input, { conditions: [{ column: 'country', op: 'lt', value: 'G' }] });
    await expect(wrongOp).rejects.toBeInstanceOf(UserError);
    await expect(wrongOp).rejects.toMatchObject({ details: { field: 'conditions.0.op', column: 'country' } });
    await expect(runNode(filterRowsNode, input, { conditions: [{ column: 'amt', op: 'is_missing' }] })).rejects.toThrow(
      'Column "amt" is not in the table (available: "id", "amount", "country")',
    );
  });

  it('refuses an unknown op in the params', () => {
    expect(filterRowsNode.params.safeParse({ conditions: [{ column: 'id', op: 'like' }] }).success).toBe(false);
  });
});

describe('clean/filter-rows columns before running', () => {
  it('match a run: rows go, columns stay', async () => {
    const raw = { conditions: [{ column: 'amount', op: 'gt', value: 1 }] };
    const { inferred, ran } = await inferredAndRun(filterRowsNode, raw, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
  });
});
