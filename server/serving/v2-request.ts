// Decodes a KServe V2 / Open Inference Protocol inference request into named raw columns. Each
// input tensor is one feature column, shape [N] or [N, 1], in the datatype that fits the column:
// numeric → FP16/FP32/FP64 or an integer type; categorical and text → BYTES (integers are read as
// their text); boolean → BOOL; datetime → BYTES (ISO 8601) or INT64 (epoch ms). null = missing.
import type { ColumnType } from '../../nodes/values';
import { isPlainObject } from './http-io';
import { describe, type RequestTable } from './request-table';
import { badRequest } from './serve-error';

export const V2_DATATYPES = ['BOOL', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64', 'FP16', 'FP32', 'FP64', 'BYTES', 'BF16'] as const;
type Datatype = (typeof V2_DATATYPES)[number];

const FLOATS: Datatype[] = ['FP16', 'FP32', 'FP64', 'BF16'];
const INTEGERS: Datatype[] = ['UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64'];

/** The datatypes each column type accepts; the first is what model metadata advertises. */
export const DATATYPES_FOR: Record<ColumnType, readonly Datatype[]> = {
  numeric: ['FP64', ...FLOATS.filter((d) => d !== 'FP64'), ...INTEGERS],
  categorical: ['BYTES', ...INTEGERS],
  text: ['BYTES', ...INTEGERS],
  boolean: ['BOOL'],
  datetime: ['BYTES', 'INT64'],
};

export interface V2Request {
  id: string | undefined;
  table: RequestTable;
  /** The outputs asked for by name, or null for all. */
  outputs: string[] | null;
  datatypes: Map<string, Datatype>;
}

export function decodeV2Request(body: unknown): V2Request {
  if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object with "inputs"');
  const { id, inputs, outputs, parameters } = body;
  if (id !== undefined && typeof id !== 'string') throw badRequest(`"id" must be a string, got ${describe(id)}`);
  if (parameters !== undefined && !isPlainObject(parameters)) throw badRequest(`"parameters" must be an object, got ${describe(parameters)}`);
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw badRequest('"inputs" must be a non-empty array of tensors, one per feature column: {"name", "shape": [N], "datatype", "data"}');
  }
  const columns = new Map<string, unknown[]>();
  const datatypes = new Map<string, Datatype>();
  let rows = -1;
  inputs.forEach((input: unknown, i) => {
    const where = `inputs[${i}]`;
    if (!isPlainObject(input)) throw badRequest(`${where} must be an object, got ${describe(input)}`);
    const name = input.name;
    if (typeof name !== 'string' || name === '') throw badRequest(`${where}.name must be a non-empty string`);
    const label = `Input "${name}"`;
    if (columns.has(name)) throw badRequest(`${label} is given twice`);
    const datatype = input.datatype;
    if (typeof datatype !== 'string' || !(V2_DATATYPES as readonly string[]).includes(datatype)) {
      throw badRequest(`${label}: datatype must be one of ${V2_DATATYPES.join(', ')}, got ${describe(datatype)}`);
    }
    if (input.parameters !== undefined && !isPlainObject(input.parameters)) throw badRequest(`${label}: parameters must be an object`);
    const n = checkShape(input.shape, label);
    if (rows === -1) rows = n;
    else if (n !== rows) throw badRequest(`${label} has ${n} rows (shape[0]) but earlier inputs have ${rows}; every input needs one value per row`);
    if (!Array.isArray(input.data)) throw badRequest(`${label}: data must be an array, got ${describe(input.data)}`);
    const data = flatten(input.data, label);
    if (data.length !== n) throw badRequest(`${label}: shape says ${n} elements, data has ${data.length}`);
    checkElements(data, datatype as Datatype, label);
    columns.set(name, data);
    datatypes.set(name, datatype as Datatype);
  });
  if (rows === 0) throw badRequest('The inputs have 0 rows; send at least one');
  return { id, table: { rows, columns }, outputs: decodeOutputs(outputs), datatypes };
}

function checkShape(shape: unknown, label: string): number {
  const ok = Array.isArray(shape) && (shape.length === 1 || (shape.length === 2 && shape[1] === 1)) && Number.isInteger(shape[0]) && (shape[0] as number) >= 0;
  if (!ok) throw badRequest(`${label}: shape must be [N] or [N, 1] (one feature column of N rows), got ${JSON.stringify(shape) ?? 'nothing'}`);
  return (shape as number[])[0];
}

function flatten(data: unknown[], label: string): unknown[] {
  if (!data.some(Array.isArray)) return data;
  const out: unknown[] = [];
  for (const item of data) {
    if (Array.isArray(item)) {
      if (item.some(Array.isArray)) throw badRequest(`${label}: data is nested deeper than its shape [N, 1]`);
      out.push(...item);
    } else out.push(item);
  }
  return out;
}

function checkElements(data: unknown[], datatype: Datatype, label: string): void {
  const expect = datatype === 'BYTES' ? 'string' : datatype === 'BOOL' ? 'boolean' : 'number';
  const integer = INTEGERS.includes(datatype);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v === null) continue;
    if (typeof v === 'string' && expect === 'number' && /^-?(NaN|Infinity)$/.test(v)) {
      throw badRequest(`${label}, row ${i}: NaN and infinite values are not allowed; send null for a missing value`);
    }
    if (typeof v !== expect || (integer && !Number.isInteger(v))) {
      throw badRequest(`${label}, row ${i}: datatype ${datatype} needs ${integer ? 'an integer' : expect === 'string' ? 'a string' : `a ${expect}`}, got ${describe(v)}`);
    }
  }
}

function decodeOutputs(outputs: unknown): string[] | null {
  if (outputs === undefined) return null;
  if (!Array.isArray(outputs)) throw badRequest(`"outputs" must be an array of {"name"}, got ${describe(outputs)}`);
  return outputs.map((o: unknown, i) => {
    if (!isPlainObject(o) || typeof o.name !== 'string') throw badRequest(`outputs[${i}] must be an object with a string "name"`);
    return o.name;
  });
}

/** A datatype that cannot carry the column's values is refused before any value is read. */
/**
 * Per inputs array (one per loaded model), the last datatypes map found fitting: a body layout's
 * map is one object shared by every request of that layout and never changed (v2-body-layout.ts),
 * so its check holds for all of them.
 */
const fitting = new WeakMap<object, Map<string, Datatype>>();

export function checkDatatypes(datatypes: Map<string, Datatype>, inputs: readonly { info: { name: string; type: ColumnType } }[]): void {
  if (fitting.get(inputs) === datatypes) return;
  checkEach(datatypes, inputs);
  fitting.set(inputs, datatypes);
}

function checkEach(datatypes: Map<string, Datatype>, inputs: readonly { info: { name: string; type: ColumnType } }[]): void {
  for (const { info: { name, type } } of inputs) {
    const datatype = datatypes.get(name);
    if (datatype && !DATATYPES_FOR[type].includes(datatype)) {
      throw badRequest(`Input "${name}": datatype ${datatype} does not fit this ${type} column; send ${DATATYPES_FOR[type].slice(0, 4).join(', ')}${DATATYPES_FOR[type].length > 4 ? ' or another integer type' : ''}`);
    }
  }
}
