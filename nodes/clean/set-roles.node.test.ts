import { describe, expect, it } from 'vitest';
import { decodeValue, encodeValue } from '../codec';
import { readColumnSchema } from '../table/column-schema';
import { inferredAndRun } from '../testing/output-columns-kit';
import { setRolesNode } from './set-roles.node';
import { asTable, col, runNode, schemaProbe, tableOf } from './test-kit';

const input = tableOf(
  col('customer', 'text', ['a', 'b']),
  col('signup', 'datetime', [0, 1]),
  col('churned', 'boolean', [true, false]),
);

describe('clean/set-roles', () => {
  it('writes the roles into the column schema that travels with the table', async () => {
    const { outputs, messages } = await runNode(setRolesNode, input, {
      roles: [
        { column: 'customer', role: 'id' },
        { column: 'signup', role: 'time' },
        { column: 'churned', role: 'target' },
      ],
    });
    const table = asTable(outputs.table);
    expect(table.columns.map((c) => c.role)).toEqual(['id', 'time', 'target']);
    expect(readColumnSchema(table.table)).toEqual(table.columns);
    const decoded = decodeValue('table', encodeValue(table).bytes);
    expect(decoded.kind === 'table' && decoded.columns.map((c) => c.role)).toEqual(['id', 'time', 'target']);
    expect(messages).toEqual(['Roles: 1 id, 1 time, 1 target']);
  });

  it('refuses two targets and an unknown column', async () => {
    const two = { roles: [{ column: 'customer', role: 'target' }, { column: 'churned', role: 'target' }] };
    await expect(runNode(setRolesNode, input, two)).rejects.toMatchObject({ details: { field: 'roles.1.role', column: 'churned' } });
    await expect(runNode(setRolesNode, input, { roles: [{ column: 'plan', role: 'id' }] })).rejects.toThrow(/"plan" is not in the table/);
  });

  it('refuses an unknown role in the params', () => {
    expect(setRolesNode.params.safeParse({ roles: [{ column: 'customer', role: 'label' }] }).success).toBe(false);
  });
});

describe('clean/set-roles columns before running', () => {
  it('match a run, the demoted target included', async () => {
    const raw = { roles: [{ column: 'colour', role: 'target' }, { column: 'id', role: 'ignore' }] };
    const { inferred, ran } = await inferredAndRun(setRolesNode, raw, { table: schemaProbe() });
    expect(inferred).toEqual(ran);
    expect(inferred.table?.map((c) => c.role)).toEqual(['ignore', 'feature', 'target', 'feature', 'time', 'feature']);
  });

  it('are unknown where the run refuses: two targets, or a text time column', () => {
    const table = schemaProbe().columns;
    const twoTargets = { roles: [{ column: 'colour', role: 'target' as const }, { column: 'flag', role: 'target' as const }] };
    expect(setRolesNode.outputColumns!(twoTargets, { table }, {})).toEqual({ table: null });
    expect(setRolesNode.outputColumns!({ roles: [{ column: 'id', role: 'time' }] }, { table }, {})).toEqual({ table: null });
  });
});
