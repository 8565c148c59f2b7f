// Gives columns their roles (target, id, time, ignore, feature) in the table's column schema.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { withColumnSchema } from '../table/column-schema';
import { tableToTable } from '../table/known-columns';
import { COLUMN_ROLES, type ColumnInfo } from '../values';
import { assignRoles, type RoleAssignment } from './assign-roles';
import { assertNoRepeats, findColumn } from './column-lookup';

const params = z.object({
  roles: z
    .array(
      z.object({
        column: z.string().min(1).describe('Column name').meta({ [COLUMN_PARAM_KEY]: 'table' }),
        role: z
          .enum(COLUMN_ROLES)
          .describe(
            'feature: a model input; target: what to predict; id: a key, never an input; time: orders rows; ' +
              'ignore: left out',
          ),
      }),
    )
    .default([])
    .describe('Roles to set; columns not listed keep theirs. At most one column is the target'),
});

export const setRolesNode = defineNode({
  type: 'clean/set-roles',
  version: 1,
  title: 'Set column roles',
  category: 'clean',
  description:
    'Marks columns as the target, an id, the time, ignored or a feature. Training uses feature columns as inputs ' +
    'and predicts the target. Making a new column the target turns the previous target into a feature.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  outputColumns: (p, inputs) => tableToTable(inputs, (columns) => withRoles(columns, p.roles).columns),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const { columns, demoted } = withRoles(input.columns, p.roles);
    for (const name of demoted) ctx.log('info', `"${name}" was the target and is now a feature`);
    const counts = new Map<string, number>();
    for (const c of columns) counts.set(c.role, (counts.get(c.role) ?? 0) + 1);
    ctx.log('info', `Roles: ${[...counts].map(([role, count]) => `${count} ${role}`).join(', ')}`);
    return { table: { kind: 'table', table: withColumnSchema(input.table, columns), columns } };
  },
});

/** Shared by run and outputColumns, so the roles the pickers show are the roles the run writes. */
function withRoles(columns: readonly ColumnInfo[], roles: readonly RoleAssignment[]) {
  assertNoRepeats(roles.map((r) => r.column), (i) => `roles.${i}.column`, 'roles');
  roles.forEach((r, i) => findColumn(columns, r.column, `roles.${i}.column`));
  return assignRoles(columns, roles);
}
