// Checks one expectation against a table: passed or not, what was observed, and which rows fail.
import { assertNever } from '../../engine/assert-never';
import { UserError } from '../../engine/errors';
import type { CellValue } from '../table/table-from-columns';
import type { ColumnInfo, JsonValue } from '../values';
import { isMissingCell, rowNumbers } from './cells';
import { findColumn, findTypedColumn } from './column-lookup';
import { convertParam } from './convert-cell';
import { describeExpectation, type Expectation } from './expectations';
import { checkSchema } from './check-schema';

/** A type alias, not an interface, so reports holding it stay assignable to JsonValue. */
export type ExpectationResult = {
  kind: Expectation['kind'];
  description: string;
  column: string | null;
  passed: boolean;
  observed: JsonValue;
  /** How many rows fail it (0 for table-level expectations), and the first few, numbered from 1. */
  failingRows: number;
  failingRowNumbers: number[];
};

export interface TableView {
  rows: number;
  columns: readonly ColumnInfo[];
  values(name: string): readonly CellValue[];
}

/** `field` is the expectation's path, e.g. "expectations.2". An unknown column is a UserError. */
export function checkExpectation(e: Expectation, table: TableView, field: string): ExpectationResult {
  const base = { kind: e.kind, description: describeExpectation(e), column: 'column' in e ? e.column : null };
  const byRows = (failing: number[], observed: JsonValue, passed = failing.length === 0): ExpectationResult => ({
    ...base, passed, observed, failingRows: failing.length, failingRowNumbers: rowNumbers(failing),
  });
  const whole = (passed: boolean, observed: JsonValue): ExpectationResult => ({
    ...base, passed, observed, failingRows: 0, failingRowNumbers: [],
  });
  switch (e.kind) {
    case 'not_null': {
      const missing = positions(cellsOf(e.column), isMissingCell);
      return byRows(missing, { missing: missing.length });
    }
    case 'missing_fraction_at_most': {
      const missing = positions(cellsOf(e.column), isMissingCell);
      const fraction = table.rows === 0 ? 0 : missing.length / table.rows;
      return byRows(missing, { missingFraction: fraction, missing: missing.length }, fraction <= e.max);
    }
    case 'range': {
      const info = findTypedColumn(table.columns, e.column, `${field}.column`, ['numeric', 'datetime'], 'A range');
      const [lo, hi] = [rangeBound(e.min, info, `${field}.min`), rangeBound(e.max, info, `${field}.max`)];
      const values = table.values(info.name);
      const failing = positions(values, (v) => typeof v === 'number' && !Number.isNaN(v) && (v < lo || v > hi));
      return byRows(failing, observedRange(values, info));
    }
    case 'allowed_values': {
      const info = findColumn(table.columns, e.column, `${field}.column`);
      const allowed = new Set(e.values.map((v, i) => allowedValue(v, info, `${field}.values.${i}`)));
      const values = table.values(info.name);
      const failing = positions(values, (v) => !isMissingCell(v) && !allowed.has(v));
      const unexpected = [...new Set(failing.map((i) => values[i]))].slice(0, 10).map((v) => jsonCell(v, info));
      return byRows(failing, { unexpected });
    }
    case 'unique': {
      const values = cellsOf(e.column);
      const counts = new Map<CellValue, number>();
      for (const v of values) if (!isMissingCell(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
      const failing = positions(values, (v) => !isMissingCell(v) && counts.get(v)! > 1);
      return byRows(failing, { duplicatedValues: [...counts.values()].filter((c) => c > 1).length });
    }
    case 'schema_match': {
      const observed = checkSchema(e.columns, table.columns, e.allowExtra);
      const passed = observed.missing.length + observed.wrongType.length + observed.extra.length === 0;
      return whole(passed, observed);
    }
    case 'row_count_between':
      return whole((e.min === undefined || table.rows >= e.min) && (e.max === undefined || table.rows <= e.max), {
        rows: table.rows,
      });
    default:
      return assertNever(e, 'expectation');
  }

  function cellsOf(name: string): readonly CellValue[] {
    return table.values(findColumn(table.columns, name, `${field}.column`).name);
  }
}

function positions(values: readonly CellValue[], test: (v: CellValue) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (test(values[i])) out.push(i);
  return out;
}

function rangeBound(raw: number | string | undefined, info: ColumnInfo, field: string): number {
  if (raw === undefined) return field.endsWith('min') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const typed = convertParam(raw, info.type);
  if (typeof typed !== 'number') {
    const wants = info.type === 'datetime' ? 'an ISO 8601 date' : 'a number';
    throw new UserError(`Range bound ${JSON.stringify(raw)} is not ${wants}, as "${info.name}" (${info.type}) needs`, {
      field,
      column: info.name,
    });
  }
  return typed;
}

function allowedValue(raw: string | number | boolean, info: ColumnInfo, field: string): CellValue {
  const typed = convertParam(raw, info.type);
  if (typed === undefined || typed === null) {
    throw new UserError(`Allowed value ${JSON.stringify(raw)} cannot occur in "${info.name}" (${info.type})`, {
      field,
      column: info.name,
    });
  }
  return typed;
}

function observedRange(values: readonly CellValue[], info: ColumnInfo): JsonValue {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (typeof v !== 'number' || Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { min: null, max: null };
  return { min: jsonCell(min, info), max: jsonCell(max, info) };
}

/** Cells as JSON: datetimes in ISO 8601, and ±Infinity as text (JSON has no such number). */
export function jsonCell(value: CellValue, info: ColumnInfo): JsonValue {
  if (isMissingCell(value)) return null;
  if (typeof value !== 'number') return value;
  if (!Number.isFinite(value)) return String(value);
  return info.type === 'datetime' ? new Date(value).toISOString() : value;
}
