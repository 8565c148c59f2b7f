// Renames columns; all renames apply at once, so two columns can swap names.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { defineNode } from '../define-node';
import { tableInput } from '../port-inputs';
import { tableToTable } from '../table/known-columns';
import type { ColumnInfo } from '../values';
import { assertNoRepeats, findColumn } from './column-lookup';
import { readColumns, rebuildTable } from './rebuild-table';

const params = z.object({
  renames: z
    .array(
      z.object({
        from: z.string().min(1).describe('Current column name').meta({ [COLUMN_PARAM_KEY]: 'table' }),
        to: z.string().trim().min(1).max(200).describe('New column name'),
      }),
    )
    .default([])
    .describe('Columns to rename, each from its current name to a new one'),
});
type Rename = z.infer<typeof params>['renames'][number];

export const renameColumnsNode = defineNode({
  type: 'clean/rename-columns',
  version: 1,
  title: 'Rename columns',
  category: 'clean',
  description:
    'Gives columns new names, keeping their values, types and roles. Two columns may not end up with the same name.',
  inputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  outputColumns: (p, inputs) => tableToTable(inputs, (columns) => renamedColumns(columns, p.renames)),
  async run({ inputs, params: p, ctx }) {
    const input = tableInput(inputs, 'table');
    const renamed = renamedColumns(input.columns, p.renames);
    const columns = readColumns(input).map(({ values }, i) => ({ info: renamed[i], values }));
    const changed = p.renames.filter((r) => r.from !== r.to);
    const list = changed.map((r) => `"${r.from}" → "${r.to}"`).join(', ');
    ctx.log('info', changed.length === 0 ? 'No columns renamed' : `Renamed ${list}`);
    return { table: rebuildTable(input.table, columns) };
  },
});

/** The columns under their new names; shared by run and outputColumns so they cannot disagree. */
function renamedColumns(columns: readonly ColumnInfo[], renames: readonly Rename[]): ColumnInfo[] {
  assertNoRepeats(renames.map((r) => r.from), (i) => `renames.${i}.from`, 'renames');
  renames.forEach((r, i) => findColumn(columns, r.from, `renames.${i}.from`));
  const newName = new Map(renames.map((r) => [r.from, r.to]));
  const renamed = columns.map((info) => ({ ...info, name: newName.get(info.name) ?? info.name }));
  assertUniqueNames(renamed.map((c) => c.name), renames);
  return renamed;
}

function assertUniqueNames(names: string[], renames: readonly { from: string; to: string }[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      const i = renames.findIndex((r) => r.to === name);
      throw new UserError(`Two columns would be named "${name}" after renaming; choose another name`, {
        field: `renames.${i}.to`,
        column: name,
      });
    }
    seen.add(name);
  }
}
