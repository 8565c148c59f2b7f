import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { encodeValue } from '../codec';
import { tableFromColumns } from '../table/table-from-columns';
import { inferredAndRun } from '../testing/output-columns-kit';
import { selectColumnsNode } from './select-columns.node';
import { asTable, cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('id', 'numeric', [1, 2, 3], 'id'),
  col('colour', 'categorical', ['red', null, 'blue']),
  col('size', 'categorical', ['S', 'M', 'S']),
  col('y', 'boolean', [true, false, null], 'target'),
);
const names = (value: Awaited<ReturnType<typeof runNode>>['outputs']['table']) => asTable(value).columns.map((c) => c.name);

describe('clean/select-columns', () => {
  it('keeps the listed columns in the listed order, with their roles', async () => {
    const { outputs, messages } = await runNode(selectColumnsNode, input, { mode: 'keep', columns: ['y', 'colour'] });
    expect(asTable(outputs.table).columns).toEqual([
      { name: 'y', type: 'boolean', role: 'target' },
      { name: 'colour', type: 'categorical', role: 'feature' },
    ]);
    expect(cellsOf(outputs.table, 'colour')).toEqual(['red', null, 'blue']);
    expect(messages).toContain('Kept 2 of 4 columns, dropped 2');
  });

  it('drops the listed columns and, by default, nothing', async () => {
    expect(names((await runNode(selectColumnsNode, input, { columns: ['colour'] })).outputs.table)).toEqual(['id', 'size', 'y']);
    expect(names((await runNode(selectColumnsNode, input, {})).outputs.table)).toEqual(['id', 'colour', 'size', 'y']);
  });

  it('encodes to the same bytes as the same table built fresh (dictionary ids follow position)', async () => {
    const { outputs } = await runNode(selectColumnsNode, input, { mode: 'keep', columns: ['size'] });
    const fresh = tableFromColumns([col('size', 'categorical', ['S', 'M', 'S'])]);
    const expected = encodeValue({ kind: 'table', table: fresh, columns: [{ name: 'size', type: 'categorical', role: 'feature' }] });
    expect(encodeValue(asTable(outputs.table)).bytes).toEqual(expected.bytes);
  });

  it('names an unknown column and lists the others', async () => {
    await expect(runNode(selectColumnsNode, input, { columns: ['id', 'weight'] })).rejects.toThrow(
      'Column "weight" is not in the table (available: "id", "colour", "size", "y")',
    );
  });

  it('refuses an empty result and a column listed twice', async () => {
    await expect(runNode(selectColumnsNode, input, { mode: 'keep' })).rejects.toBeInstanceOf(UserError);
    const all = ['id', 'colour', 'size', 'y'];
    await expect(runNode(selectColumnsNode, input, { columns: all })).rejects.toThrow(/empty table/);
    await expect(runNode(selectColumnsNode, input, { columns: ['id', 'id'] })).rejects.toMatchObject({
      details: { field: 'columns.1', column: 'id' },
    });
  });
});

describe('clean/select-columns columns before running', () => {
  it.each([{ mode: 'keep', columns: ['label', 'amount'] }, { columns: ['colour', 'when'] }, {}])('match a run with %j', async (raw) => {
    const { inferred, ran } = await inferredAndRun(selectColumnsNode, raw, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
  });

  it('are unknown where the run refuses the params', async () => {
    const { outputColumns } = selectColumnsNode;
    const columns = schemaProbe().columns;
    expect(outputColumns!({ mode: 'keep', columns: ['nope'] }, { table: columns }, {})).toEqual({ table: null });
    expect(outputColumns!({ mode: 'keep', columns: [] }, { table: columns }, {})).toEqual({ table: null });
    expect(outputColumns!({ mode: 'drop', columns: ['id', 'id'] }, { table: columns }, {})).toEqual({ table: null });
  });
});
