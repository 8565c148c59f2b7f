import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { inferredAndRun } from '../testing/output-columns-kit';
import { renameColumnsNode } from './rename-columns.node';
import { asTable, cellsOf, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('a', 'numeric', [1, 2]),
  col('b', 'text', ['x', 'y']),
  col('label', 'categorical', ['p', 'q'], 'target'),
);

describe('clean/rename-columns', () => {
  it('renames columns and keeps values, types and roles', async () => {
    const { outputs, messages } = await runNode(renameColumnsNode, input, { renames: [{ from: 'label', to: 'species' }] });
    expect(asTable(outputs.table).columns).toEqual([
      { name: 'a', type: 'numeric', role: 'feature' },
      { name: 'b', type: 'text', role: 'feature' },
      { name: 'species', type: 'categorical', role: 'target' },
    ]);
    expect(cellsOf(outputs.table, 'species')).toEqual(['p', 'q']);
    expect(messages).toEqual(['Renamed "label" → "species"']);
  });

  it('applies all renames at once, so names can be swapped', async () => {
    const { outputs } = await runNode(renameColumnsNode, input, {
      renames: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    });
    expect(cellsOf(outputs.table, 'a')).toEqual(['x', 'y']);
    expect(cellsOf(outputs.table, 'b')).toEqual([1, 2]);
  });

  it('refuses a name that two columns would share, pointing at the rename', async () => {
    const failure = runNode(renameColumnsNode, input, { renames: [{ from: 'a', to: 'label' }] });
    await expect(failure).rejects.toBeInstanceOf(UserError);
    await expect(failure).rejects.toMatchObject({
      message: 'Two columns would be named "label" after renaming; choose another name',
      details: { field: 'renames.0.to', column: 'label' },
    });
  });

  it('refuses an unknown column and an empty new name', async () => {
    await expect(runNode(renameColumnsNode, input, { renames: [{ from: 'c', to: 'd' }] })).rejects.toMatchObject({
      details: { field: 'renames.0.from', column: 'c' },
    });
    expect(renameColumnsNode.params.safeParse({ renames: [{ from: 'a', to: '  ' }] }).success).toBe(false);
  });
});

describe('clean/rename-columns columns before running', () => {
  it('match a run, swapped names included', async () => {
    const raw = { renames: [{ from: 'colour', to: 'label' }, { from: 'label', to: 'colour' }, { from: 'id', to: 'key' }] };
    const { inferred, ran } = await inferredAndRun(renameColumnsNode, raw, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
    expect(inferred.table?.map((c) => c.name)).toEqual(['key', 'amount', 'label', 'flag', 'when', 'colour']);
  });

  it('are unknown where two columns would share a name, or one is not there', () => {
    const table = schemaProbe().columns;
    expect(renameColumnsNode.outputColumns!({ renames: [{ from: 'id', to: 'amount' }] }, { table }, {})).toEqual({ table: null });
    expect(renameColumnsNode.outputColumns!({ renames: [{ from: 'nope', to: 'x' }] }, { table }, {})).toEqual({ table: null });
  });
});
