// Finds the columns that params name, with a UserError that lists what is there when one is not.
import { UserError } from '../../engine/errors';
import type { ColumnInfo, ColumnType } from '../values';

/** `field` is the param's path (e.g. "conditions.0.column"), shown next to the form field. */
export function findColumn(columns: readonly ColumnInfo[], name: string, field: string): ColumnInfo {
  const found = columns.find((c) => c.name === name);
  if (found) return found;
  const available =
    columns.length === 0 ? 'the table has no columns' : `available: ${columns.map((c) => `"${c.name}"`).join(', ')}`;
  throw new UserError(`Column "${name}" is not in the table (${available})`, { field, column: name });
}

/** Like findColumn, and the column must have one of `types`; `purpose` says what needs it. */
export function findTypedColumn(
  columns: readonly ColumnInfo[],
  name: string,
  field: string,
  types: readonly ColumnType[],
  purpose: string,
): ColumnInfo {
  const info = findColumn(columns, name, field);
  if (!types.includes(info.type)) {
    throw new UserError(`${purpose} needs a ${orList(types)} column; "${name}" is ${info.type}`, { field, column: name });
  }
  return info;
}

/** Refuses a name listed twice, naming the second place it appears. */
export function assertNoRepeats(names: readonly string[], field: (index: number) => string, what: string): void {
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) {
      throw new UserError(`Column "${name}" is listed twice in ${what}`, { field: field(i), column: name });
    }
    seen.add(name);
  });
}

export function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
