// Turns a decoded request into the raw table the model's preprocessing reads, refusing what the
// model cannot handle with a message naming the column and row. Missing values (null) are fine:
// the preprocessing imputes them as it did in training. A value of a categorical column that the
// model never saw is refused by default, naming column, row, value and the known categories; an
// endpoint set to 'accept' scores it in the preprocessing's bucket (one-hot `__unseen__`,
// ordinal -1) and reports it back. Text columns are open-ended: their new values are only reported.
import { closestName } from '../../engine/did-you-mean';
import type { UnseenCategoryPolicy } from '../db/schema';
import type { CellValue, ColumnData } from '../../nodes/table/table-from-columns';
import type { ColumnType } from '../../nodes/values';
import type { InputSpec, LoadedModel } from './loaded-model';
import { describe, type RequestTable } from './request-table';
import { badRequest } from './serve-error';
import { ScoringBatch } from './scoring-batch';

export interface UnseenCategory {
  row: number;
  column: string;
  value: string;
}

export interface ValidatedRows {
  batch: ScoringBatch;
  /** At most MAX_UNSEEN_REPORTED entries, rows counted from 0. */
  unseen: UnseenCategory[];
}

const MAX_UNSEEN_REPORTED = 100;

export function validateRows(
  request: RequestTable,
  model: Pick<LoadedModel, 'inputs' | 'ignorable'>,
  policy: UnseenCategoryPolicy = 'refuse',
): ValidatedRows {
  const order = request.order;
  if (order !== undefined) {
    const at = orderChecked.get(model);
    if (at !== undefined && at.names === order.names) return convert(request, model, policy, (i) => order.values[at.columnOf[i]]);
  }
  const known = knownNames(model.inputs);
  let complete = true;
  for (const spec of model.inputs) if (!request.columns.has(spec.info.name)) complete = false;
  for (const name of request.columns.keys()) {
    if (known.has(name) || model.ignorable.has(name)) continue;
    const missing = missingNames(request, model.inputs);
    const near = closestName(name, missing.length ? missing : known);
    throw badRequest(`Unknown column "${name}"${near ? ` (did you mean "${near}"?)` : ''}; the model reads ${list([...known])}`);
  }
  if (!complete) {
    const missing = missingNames(request, model.inputs);
    throw badRequest(`Missing column${missing.length > 1 ? 's' : ''} ${list(missing)}; the model reads ${list([...known])}`);
  }
  if (order !== undefined) {
    orderChecked.set(model, { names: order.names, columnOf: model.inputs.map((spec) => order.names.indexOf(spec.info.name)) });
  }
  return convert(request, model, policy, (i) => request.columns.get(model.inputs[i].info.name)!);
}

/**
 * Per model, the last request column order (a body layout's names array) found complete and known,
 * with where each input sits in it: a request in that order skips the checks and the map lookups.
 */
const orderChecked = new WeakMap<object, { names: readonly string[]; columnOf: number[] }>();

function convert(
  request: RequestTable,
  model: Pick<LoadedModel, 'inputs'>,
  policy: UnseenCategoryPolicy,
  raw: (input: number) => unknown[],
): ValidatedRows {
  const unseen: UnseenCategory[] = [];
  const columns = new Array<ColumnData>(model.inputs.length);
  for (let i = 0; i < columns.length; i++) {
    const spec = model.inputs[i];
    columns[i] = { info: spec.info, values: convertColumn(spec, raw(i), unseen, policy) };
  }
  return { batch: new ScoringBatch(request.rows, columns), unseen };
}

/** The input names of a model, made once per model (the inputs array lives as long as the model). */
const knownByInputs = new WeakMap<readonly InputSpec[], ReadonlySet<string>>();

function knownNames(inputs: readonly InputSpec[]): ReadonlySet<string> {
  let known = knownByInputs.get(inputs);
  if (!known) {
    known = new Set(inputs.map((i) => i.info.name));
    knownByInputs.set(inputs, known);
  }
  return known;
}

function missingNames(request: RequestTable, inputs: readonly InputSpec[]): string[] {
  return inputs.filter((i) => !request.columns.has(i.info.name)).map((i) => i.info.name);
}

function convertColumn(spec: InputSpec, raw: unknown[], unseen: UnseenCategory[], policy: UnseenCategoryPolicy): CellValue[] {
  const { name, type } = spec.info;
  // Finite numbers for a numeric column are their own conversion: the raw array is read as it is
  // (nothing downstream writes to either), with no copy per column and request.
  if (type === 'numeric' && allFinite(raw)) return raw as number[];
  const out = new Array<CellValue>(raw.length);
  for (let row = 0; row < raw.length; row++) {
    const value = raw[row];
    if (value === null || value === undefined) {
      out[row] = type === 'numeric' || type === 'datetime' ? NaN : null;
      continue;
    }
    const converted = convertValue(type, value);
    if (typeof converted === 'object' && converted !== null) {
      throw badRequest(`Column "${name}", row ${row}: ${converted.problem}, got ${describe(value)}`);
    }
    out[row] = converted;
    if (!spec.categories || typeof converted !== 'string' || spec.categories.has(converted)) continue;
    if (type === 'categorical' && policy === 'refuse') throw badRequest(unseenMessage(name, row, converted, spec.categories));
    if (unseen.length < MAX_UNSEEN_REPORTED) unseen.push({ row, column: name, value: converted });
  }
  return out;
}

function allFinite(values: unknown[]): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

type Converted = CellValue | { problem: string };

function convertValue(type: ColumnType, value: unknown): Converted {
  switch (type) {
    case 'numeric':
      return toNumber(value);
    case 'categorical':
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value === 'boolean') return String(value);
      return { problem: 'expected a category (text)' };
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return { problem: 'expected true or false' };
    case 'datetime': {
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string') {
        const ms = Date.parse(value);
        if (Number.isFinite(ms)) return ms;
      }
      return { problem: 'expected a date and time (ISO 8601 text or epoch milliseconds)' };
    }
  }
}

function toNumber(value: unknown): Converted {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : { problem: 'NaN and infinite values are not allowed; send null for a missing value' };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?(nan|inf(inity)?)$/i.test(text)) return { problem: 'NaN and infinite values are not allowed; send null for a missing value' };
    const x = text === '' ? NaN : Number(text);
    return Number.isFinite(x) ? x : { problem: 'expected a number' };
  }
  return { problem: 'expected a number' };
}

function unseenMessage(name: string, row: number, value: string, categories: ReadonlySet<string>): string {
  const near = closestName(value, categories);
  const known = categories.size ? `the model knows ${list([...categories])}` : 'the model learned no categories for it';
  return (
    `Column "${name}", row ${row}: unknown category ${JSON.stringify(value)}${near ? ` (did you mean "${near}"?)` : ''}; ${known}. ` +
    `The endpoint's "unseen categories" setting can accept such values instead`
  );
}

function list(names: string[]): string {
  const shown = names.slice(0, 20).map((n) => `"${n}"`).join(', ');
  return names.length > 20 ? `${shown} and ${names.length - 20} more` : shown;
}
