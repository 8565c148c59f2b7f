// What every protocol's request decodes to before validation: named raw columns of equal length.
import { badRequest } from './serve-error';

export interface RequestTable {
  rows: number;
  /** Column name → one raw JSON value per row, as the client sent it. */
  columns: Map<string, unknown[]>;
  /**
   * The same columns in order, where the decoder has them so: `names` is one array kept across
   * requests (a body layout's, v2-body-layout.ts), so what was checked for one request's names
   * holds for the next with the same array (validate-rows.ts), and the log reads `values` without
   * walking the map (infer.ts).
   */
  order?: { names: readonly string[]; values: readonly unknown[][] };
}

/** Rows as objects keyed by column name (MLflow's dataframe_records and instances). */
export function tableFromRecords(records: unknown[], where: string): RequestTable {
  if (records.length === 0) throw badRequest(`${where} is empty; send at least one row`);
  const columns = new Map<string, unknown[]>();
  records.forEach((record, row) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw badRequest(`${where}[${row}] must be an object of column name to value, got ${describe(record)}`);
    }
    for (const [name, value] of Object.entries(record)) {
      let column = columns.get(name);
      if (!column) {
        // A column first seen on a later row is missing on the earlier ones.
        column = new Array<unknown>(records.length).fill(undefined);
        columns.set(name, column);
      }
      column[row] = value;
    }
  });
  return { rows: records.length, columns };
}

/** Rows as arrays, each value at the position of its column in `names`. */
export function tableFromRows(names: readonly string[], rows: unknown[], where: string): RequestTable {
  if (rows.length === 0) throw badRequest(`${where} is empty; send at least one row`);
  const columns = new Map<string, unknown[]>(names.map((n) => [n, new Array<unknown>(rows.length)]));
  const lists = names.map((n) => columns.get(n)!);
  rows.forEach((row, r) => {
    if (!Array.isArray(row)) throw badRequest(`${where}[${r}] must be an array of ${names.length} values, got ${describe(row)}`);
    if (row.length !== names.length) {
      throw badRequest(`${where}[${r}] has ${row.length} values; expected ${names.length}, one for each of ${names.map((n) => `"${n}"`).join(', ')}`);
    }
    for (let c = 0; c < lists.length; c++) lists[c][r] = row[c];
  });
  return { rows: rows.length, columns };
}

/** Columns as arrays keyed by name, all of one length (MLflow's columnar `inputs`). */
export function tableFromColumnLists(object: Record<string, unknown>, where: string): RequestTable {
  const columns = new Map<string, unknown[]>();
  let rows = -1;
  for (const [name, values] of Object.entries(object)) {
    const list = Array.isArray(values) ? values : [values];
    if (rows === -1) rows = list.length;
    else if (list.length !== rows) {
      throw badRequest(`${where}."${name}" has ${list.length} values but earlier columns have ${rows}; every column needs one value per row`);
    }
    columns.set(name, list);
  }
  if (rows <= 0) throw badRequest(`${where} is empty; send at least one row`);
  return { rows, columns };
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
