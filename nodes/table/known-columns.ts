// Helpers for a node's outputColumns: the engine hands over plain ColumnShapes (strings), nodes
// work on ColumnInfo, and a schema the node's run would refuse must come out unknown, not guessed.
import type { ColumnShape, PortColumns } from '../../engine/columns';
import { UserError } from '../../engine/errors';
import { COLUMN_ROLES, COLUMN_TYPES, type ColumnInfo, type ColumnRole, type ColumnType } from '../values';

const isType = (type: string): type is ColumnType => (COLUMN_TYPES as readonly string[]).includes(type);
const isRole = (role: string): role is ColumnRole => (COLUMN_ROLES as readonly string[]).includes(role);

/** The shapes as ColumnInfo, or null when unknown or when a type or role is not one nodes know. */
export function columnInfos(shapes: readonly ColumnShape[] | null | undefined): ColumnInfo[] | null {
  if (!shapes) return null;
  const infos: ColumnInfo[] = [];
  for (const { name, type, role } of shapes) {
    if (!isType(type) || !isRole(role)) return null;
    infos.push({ name, type, role });
  }
  return infos;
}

/** The schema `derive` gives, or null when it refuses the params the way the node's run would (a UserError). */
export function unlessRefused(derive: () => ColumnInfo[]): ColumnInfo[] | null {
  try {
    return derive();
  } catch (error) {
    if (error instanceof UserError) return null;
    throw error;
  }
}

/** The usual shape: one table input and one table output, both named 'table'. */
export function tableToTable(inputs: PortColumns, derive: (columns: ColumnInfo[]) => ColumnInfo[]): PortColumns {
  const columns = columnInfos(inputs.table);
  return { table: columns && unlessRefused(() => derive(columns)) };
}
