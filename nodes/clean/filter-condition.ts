// One condition of the no-code filter, checked against its column's type and turned into a predicate.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { assertNever } from '../../engine/assert-never';
import { UserError } from '../../engine/errors';
import type { CellValue } from '../table/table-from-columns';
import type { ColumnInfo, ColumnType } from '../values';
import { isMissingCell } from './cells';
import { orList } from './column-lookup';
import { convertParam } from './convert-cell';

export const FILTER_OPS = [
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'not_in', 'is_missing', 'not_missing', 'contains', 'starts_with', 'between',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const conditionSchema = z.object({
  column: z.string().min(1).describe('Column to test').meta({ [COLUMN_PARAM_KEY]: 'table' }),
  op: z
    .enum(FILTER_OPS)
    .describe('eq, ne, lt, le, gt, ge, in, not_in, is_missing, not_missing, contains, starts_with or between (inclusive)'),
  value: scalar.optional().describe('Operand of eq, ne, lt, le, gt, ge, contains and starts_with; datetimes in ISO 8601'),
  values: z.array(scalar).optional().describe('Operands of in and not_in'),
  min: scalar.optional().describe('Lower bound of between, included'),
  max: scalar.optional().describe('Upper bound of between, included'),
});
export type FilterCondition = z.infer<typeof conditionSchema>;

const ORDERED = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'not_in', 'between'] as const;
const ANY = ['is_missing', 'not_missing'] as const;
export const OPS_BY_TYPE: Record<ColumnType, readonly FilterOp[]> = {
  numeric: [...ORDERED, ...ANY],
  datetime: [...ORDERED, ...ANY],
  categorical: ['eq', 'ne', 'in', 'not_in', 'contains', 'starts_with', ...ANY],
  text: ['eq', 'ne', 'in', 'not_in', 'contains', 'starts_with', ...ANY],
  boolean: ['eq', 'ne', 'in', 'not_in', ...ANY],
};

const WANTS: Record<ColumnType, string> = {
  numeric: 'a number',
  datetime: 'an ISO 8601 date or datetime',
  boolean: 'true or false',
  categorical: 'text',
  text: 'text',
};

export type CellPredicate = (cell: CellValue) => boolean;

/**
 * A missing cell matches only is_missing: every other op, ne and not_in included, is false for it.
 * Text comparisons are exact and case-sensitive. `field` is the condition's path, e.g. "conditions.2".
 */
export function compileCondition(cond: FilterCondition, info: ColumnInfo, field: string): CellPredicate {
  const fail = (message: string, at: string) => new UserError(message, { field: `${field}.${at}`, column: info.name });
  if (!OPS_BY_TYPE[info.type].includes(cond.op)) {
    const other = opTypes(cond.op);
    throw fail(`Op "${cond.op}" works on ${orList(other)} columns; "${info.name}" is ${info.type}`, 'op');
  }
  const operand = (key: 'value' | 'min' | 'max'): number | string | boolean => {
    const raw = cond[key];
    if (raw === undefined) throw fail(`Op "${cond.op}" on "${info.name}" needs a ${key}`, key);
    const typed = convertParam(raw, info.type);
    if (typed === undefined || typed === null) {
      throw fail(`${JSON.stringify(raw)} is not ${WANTS[info.type]}, as "${info.name}" (${info.type}) needs`, key);
    }
    return typed;
  };
  const present = (test: (cell: number | string | boolean) => boolean): CellPredicate => (cell) =>
    !isMissingCell(cell) && test(cell);
  const op = cond.op;
  switch (op) {
    case 'is_missing':
      return (cell) => isMissingCell(cell);
    case 'not_missing':
      return present(() => true);
    case 'eq': {
      const v = operand('value');
      return present((c) => c === v);
    }
    case 'ne': {
      const v = operand('value');
      return present((c) => c !== v);
    }
    case 'lt': {
      const v = operand('value');
      return present((c) => c < v);
    }
    case 'le': {
      const v = operand('value');
      return present((c) => c <= v);
    }
    case 'gt': {
      const v = operand('value');
      return present((c) => c > v);
    }
    case 'ge': {
      const v = operand('value');
      return present((c) => c >= v);
    }
    case 'between': {
      const [lo, hi] = [operand('min'), operand('max')];
      if (lo > hi) throw fail(`between on "${info.name}": min ${cond.min} is above max ${cond.max}`, 'min');
      return present((c) => c >= lo && c <= hi);
    }
    case 'in':
    case 'not_in': {
      const set = operandSet(cond, info, fail);
      return op === 'in' ? present((c) => set.has(c)) : present((c) => !set.has(c));
    }
    case 'contains': {
      const v = String(operand('value'));
      return present((c) => String(c).includes(v));
    }
    case 'starts_with': {
      const v = String(operand('value'));
      return present((c) => String(c).startsWith(v));
    }
    default:
      return assertNever(op, 'filter op');
  }
}

function operandSet(
  cond: FilterCondition,
  info: ColumnInfo,
  fail: (message: string, at: string) => UserError,
): Set<CellValue> {
  if (!cond.values || cond.values.length === 0) {
    throw fail(`Op "${cond.op}" on "${info.name}" needs at least one value`, 'values');
  }
  return new Set(
    cond.values.map((raw, i) => {
      const typed = convertParam(raw, info.type);
      if (typed === undefined || typed === null) {
        const message = `${JSON.stringify(raw)} is not ${WANTS[info.type]}, as "${info.name}" (${info.type}) needs`;
        throw fail(message, `values.${i}`);
      }
      return typed;
    }),
  );
}

function opTypes(op: FilterOp): ColumnType[] {
  return (Object.keys(OPS_BY_TYPE) as ColumnType[]).filter((type) => OPS_BY_TYPE[type].includes(op));
}
