// What user code returned, checked and turned back into a table: an object of equally long
// columns, each a Float64Array or an array of numbers, strings or booleans (null for missing).
// Types and roles come from the declared output columns when given (and must then match), else
// from a same-named input column, else from the values.
import { Float64, makeData, vectorFromArray, Field } from 'apache-arrow';
import type { SandboxValue } from '../../engine/code-sandbox';
import { closestName } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { arrowTypeFor, assembleTable } from '../table/table-from-columns';
import type { ColumnInfo, ColumnType, TableValue } from '../values';

type Kind = 'number' | 'string' | 'boolean' | 'empty';
type Cells = Float64Array | (string | boolean | number | null)[];

const KIND_TYPES: Record<Exclude<Kind, 'empty'>, readonly ColumnType[]> = {
  number: ['numeric', 'datetime'],
  string: ['categorical', 'text'],
  boolean: ['boolean'],
};
const KIND_DEFAULT: Record<Exclude<Kind, 'empty'>, ColumnType> = { number: 'numeric', string: 'categorical', boolean: 'boolean' };

export function tableFromCode(value: SandboxValue, input: readonly ColumnInfo[], declared?: readonly ColumnInfo[]): TableValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Float64Array) {
    throw new UserError(`The code must return an object of columns, such as { ...cols, amount_log: ... }; it returned ${describe(value)}`);
  }
  const entries = Object.entries(value);
  if (entries.length === 0) throw new UserError('The code returned an object with no columns');
  const rows = lengthOf(entries[0][0], entries[0][1]);
  const returned = new Map<string, { cells: Cells; kind: Kind }>();
  for (const [name, cells] of entries) {
    const length = lengthOf(name, cells);
    if (length !== rows) throw new UserError(`Returned column "${name}" has ${length} rows, but "${entries[0][0]}" has ${rows}; every column must have the same number of rows`);
    returned.set(name, { cells: cells as Cells, kind: kindOf(name, cells as Cells) });
  }
  const infos = declared ? checkDeclared(returned, declared) : inferColumns(returned, input);
  const fields = infos.map((info, i) => new Field(info.name, arrowTypeFor(info.type, i), true));
  const children = infos.map((info, i) => arrowData(info, returned.get(info.name)!.cells, fields[i]));
  return { kind: 'table', table: assembleTable(fields, children, rows, infos), columns: infos };
}

function lengthOf(name: string, cells: SandboxValue): number {
  if (cells instanceof Float64Array || Array.isArray(cells)) return cells.length;
  throw new UserError(`Returned column "${name}" is ${describe(cells)}; a column is a Float64Array or an array of numbers, strings or booleans`);
}

function kindOf(name: string, cells: Cells): Kind {
  if (cells instanceof Float64Array) return 'number';
  let kind: Kind = 'empty';
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null) continue;
    const k = typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : null;
    if (k === null) throw new UserError(`Returned column "${name}", row ${i + 1}, is ${describe(v as SandboxValue)}; cells are numbers, strings, booleans or null`);
    if (kind === 'empty') kind = k;
    else if (k !== kind) throw new UserError(`Returned column "${name}", row ${i + 1}, is a ${k}, but earlier rows are ${kind}s; one column holds one type`);
  }
  return kind;
}

function checkDeclared(returned: Map<string, { kind: Kind }>, declared: readonly ColumnInfo[]): ColumnInfo[] {
  const names = declared.map((c) => c.name);
  for (const name of returned.keys()) {
    if (!names.includes(name)) {
      const near = closestName(name, names);
      throw new UserError(`The code returned column "${name}", which the declared output columns do not list${near ? ` (did you mean "${near}"?)` : ''}; add it to outputColumns or stop returning it`, { field: 'outputColumns' });
    }
  }
  for (const info of declared) {
    const got = returned.get(info.name);
    if (!got) throw new UserError(`The code did not return column "${info.name}", which the declared output columns list`, { field: 'outputColumns' });
    if (got.kind !== 'empty' && !KIND_TYPES[got.kind].includes(info.type)) {
      throw new UserError(`Returned column "${info.name}" holds ${got.kind}s, but it is declared ${info.type}`, { field: 'outputColumns' });
    }
  }
  return declared.map((c) => ({ ...c }));
}

function inferColumns(returned: Map<string, { kind: Kind }>, input: readonly ColumnInfo[]): ColumnInfo[] {
  return [...returned].map(([name, { kind }]) => {
    const same = input.find((c) => c.name === name);
    if (same && (kind === 'empty' || KIND_TYPES[kind].includes(same.type))) return { ...same };
    const type = kind === 'empty' ? (same?.type ?? 'text') : KIND_DEFAULT[kind];
    return { name, type, role: same?.role ?? 'feature' };
  });
}

function arrowData(info: ColumnInfo, cells: Cells, field: Field) {
  if (info.type === 'numeric') return float64Data(cells);
  const values = Array.from(cells as ArrayLike<unknown>, (v) => {
    if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return null;
    return info.type === 'datetime' ? new Date(v as number) : v;
  });
  return vectorFromArray(values, field.type).data[0];
}

/** NaN (and null) become missing, with 0 underneath as the Arrow builder writes, so equal data encodes equally. */
function float64Data(cells: Cells) {
  const values = cells instanceof Float64Array ? cells : Float64Array.from(cells as (number | null)[], (v) => (v === null ? NaN : v));
  const n = values.length;
  // Most returned columns have no NaN: one read-only pass, and no validity bitmap to build.
  let first = 0;
  while (first < n && values[first] === values[first]) first++;
  if (first === n) return makeData({ type: new Float64(), length: n, nullCount: 0, nullBitmap: null, data: values });
  const bitmap = new Uint8Array((n + 7) >> 3);
  // Every row before the first NaN is valid: whole bytes at once, then the rest bit by bit.
  bitmap.fill(0xff, 0, first >> 3);
  for (let i = first & ~7; i < first; i++) bitmap[i >> 3] |= 1 << (i & 7);
  let nulls = 0;
  for (let i = first; i < n; i++) {
    if (Number.isNaN(values[i])) {
      values[i] = 0;
      nulls++;
    } else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: bitmap, data: values });
}

function describe(value: SandboxValue | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Float64Array) return 'a Float64Array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
