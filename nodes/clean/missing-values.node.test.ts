import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { inferredAndRun } from '../testing/output-columns-kit';
import { missingValuesNode } from './missing-values.node';
import { asTable, cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('id', 'numeric', [1, 2, 3, 4]),
  col('age', 'numeric', [30, null, 40, Number.NaN]),
  col('city', 'categorical', ['Lyon', null, 'Nice', 'Lyon']),
  col('seen', 'datetime', [0, 86_400_000, null, 0], 'time'),
);

describe('clean/missing-values', () => {
  it('drops every row with a missing cell by default, logging counts per column', async () => {
    const { outputs, messages } = await runNode(missingValuesNode, input, {});
    expect(cellsOf(outputs.table, 'id')).toEqual([1]);
    expect(asTable(outputs.table).columns).toEqual(input.columns);
    expect(messages).toEqual(['Dropped 3 of 4 rows with missing values (missing per column: "age" 2, "city" 1, "seen" 1)']);
  });

  it('fills per column with a constant typed to the column, and leaves others', async () => {
    const { outputs, messages } = await runNode(missingValuesNode, input, {
      strategy: 'leave',
      columns: [
        { column: 'age', strategy: 'fill_constant', value: '0' },
        { column: 'city', strategy: 'fill_constant', value: 'unknown' },
        { column: 'seen', strategy: 'fill_constant', value: '2024-01-01' },
      ],
    });
    expect(cellsOf(outputs.table, 'age')).toEqual([30, 0, 40, 0]);
    expect(cellsOf(outputs.table, 'city')).toEqual(['Lyon', 'unknown', 'Nice', 'Lyon']);
    expect(cellsOf(outputs.table, 'seen')).toEqual([0, 86_400_000, Date.UTC(2024, 0, 1), 0]);
    expect(messages).toContain('Filled 2 missing cells in "age" with 0');
  });

  it('fills some columns and drops rows on others in one go', async () => {
    const { outputs } = await runNode(missingValuesNode, input, {
      strategy: 'drop_rows',
      columns: [{ column: 'age', strategy: 'fill_constant', value: -1 }, { column: 'seen', strategy: 'leave' }],
    });
    expect(cellsOf(outputs.table, 'id')).toEqual([1, 3, 4]);
    expect(cellsOf(outputs.table, 'age')).toEqual([30, 40, -1]);
  });

  it('passes the table through untouched when nothing is missing where it looks', async () => {
    const { outputs } = await runNode(missingValuesNode, input, { strategy: 'leave', columns: [{ column: 'id', strategy: 'drop_rows' }] });
    expect(outputs.table).toBe(input);
  });

  it('refuses a constant that does not fit a column, or no constant at all', async () => {
    const all = runNode(missingValuesNode, input, { strategy: 'fill_constant', value: 0 });
    await expect(all).rejects.toBeInstanceOf(UserError);
    await expect(all).rejects.toMatchObject({ details: { field: 'value', column: 'seen' } });
    const lenient = await runNode(missingValuesNode, input, { strategy: 'fill_constant', value: 'n/a', columns: [
      { column: 'age', strategy: 'leave' }, { column: 'seen', strategy: 'leave' }] });
    expect(cellsOf(lenient.outputs.table, 'city')).toEqual(['Lyon', 'n/a', 'Nice', 'Lyon']); // "id" has nothing to fill
    const none = runNode(missingValuesNode, input, { strategy: 'leave', columns: [{ column: 'age', strategy: 'fill_constant' }] });
    await expect(none).rejects.toThrow('fill_constant for "age" needs a value');
    const text = runNode(missingValuesNode, input, { strategy: 'leave', columns: [{ column: 'age', strategy: 'fill_constant', value: 'n' }] });
    await expect(text).rejects.toMatchObject({ details: { field: 'columns.0.value', column: 'age' } });
  });
});

describe('clean/missing-values columns before running', () => {
  it.each([{}, { strategy: 'leave', columns: [{ column: 'amount', strategy: 'fill_constant', value: 0 }] }])(
    'match a run with %j: no indicator columns are added',
    async (raw) => {
      const { inferred, ran } = await inferredAndRun(missingValuesNode, raw, { table: schemaProbe() });
      expect(inferred).toEqual(ran);
    },
  );
});
