// Gives columns their roles (target, id, time, ignore, feature) in the table's column schema.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { withColumnSchema } from '../table/column-schema';
import { COLUMN_ROLES } from '../values';
import { assignRoles } from './assign-roles';
import { assertNoRepeats, findColumn } from './column-lookup';

const params = z.object({
  roles: z
    .array(
      z.object({
        column: z.string().min(1).describe('Column name'),
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
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    assertNoRepeats(p.roles.map((r) => r.column), (i) => `roles.${i}.column`, 'roles');
    p.roles.forEach((r, i) => findColumn(input.columns, r.column, `roles.${i}.column`));
    const { columns, demoted } = assignRoles(input.columns, p.roles);
    for (const name of demoted) ctx.log('info', `"${name}" was the target and is now a feature`);
    const counts = new Map<string, number>();
    for (const c of columns) counts.set(c.role, (counts.get(c.role) ?? 0) + 1);
    ctx.log('info', `Roles: ${[...counts].map(([role, count]) => `${count} ${role}`).join(', ')}`);
    return { table: { kind: 'table', table: withColumnSchema(input.table, columns), columns } };
  },
});
