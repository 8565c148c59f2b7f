// Helpers for the clean nodes' tests: a table from plain columns, and a node run with parsed params.
import type { PipeworksNode } from '../define-node';
import { readColumn } from '../table/read-column';
import { tableFromColumns, type CellValue, type ColumnData } from '../table/table-from-columns';
import { fakeContext } from '../testing/fake-context';
import type { ColumnInfo, PortValue, TableValue } from '../values';

export const col = (
  name: string,
  type: ColumnInfo['type'],
  values: CellValue[],
  role: ColumnInfo['role'] = 'feature',
): ColumnData => ({ info: { name, type, role }, values });

export function tableOf(...columns: ColumnData[]): TableValue {
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}

export async function runNode<P>(node: PipeworksNode<P>, input: TableValue, raw: Record<string, unknown>) {
  const ctx = fakeContext();
  const outputs = await node.run({ inputs: { table: input }, params: node.params.parse(raw), ctx });
  return { outputs, ctx, messages: ctx.logs.map((l) => l.message) };
}

export function asTable(value: PortValue | undefined): TableValue {
  if (value?.kind !== 'table') throw new Error(`expected a table, got ${value?.kind}`);
  return value;
}

export function cellsOf(value: PortValue | undefined, name: string): CellValue[] {
  return readColumn(asTable(value).table, name);
}

/** Every column type and a target, with a missing cell and a repeated row: input for schema-versus-run tests. */
export const schemaProbe = (): TableValue =>
  tableOf(
    col('id', 'text', ['a', 'b', 'b', 'c'], 'id'),
    col('amount', 'numeric', [1.5, null, null, 300]),
    col('colour', 'categorical', ['red', 'blue', 'blue', 'red']),
    col('flag', 'boolean', [true, false, false, null]),
    col('when', 'datetime', [0, 86_400_000, 86_400_000, 172_800_000], 'time'),
    col('label', 'categorical', ['x', 'y', 'y', 'x'], 'target'),
  );
