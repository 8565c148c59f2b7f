// Decodes MLflow scoring-server bodies (mlflow/pyfunc/scoring_server) into named raw columns:
// exactly one of dataframe_split {columns, data[, index]}, dataframe_records [{col: value}],
// instances [{col: value}] or [[v, …]] (positional, in the model's input order), or inputs (the
// same, or columnar {col: [values]}). An optional "params" object is accepted and must be empty.
import { isPlainObject } from './http-io';
import { describe, tableFromColumnLists, tableFromRecords, tableFromRows, type RequestTable } from './request-table';
import { badRequest } from './serve-error';

const FORMATS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;

export function decodeMlflowRequest(body: unknown, inputOrder: readonly string[]): RequestTable {
  if (!isPlainObject(body)) throw badRequest(`The request body must be a JSON object with exactly one of ${FORMATS.join(', ')}`);
  const given = Object.keys(body).filter((k) => k !== 'params');
  const formats = given.filter((k): k is (typeof FORMATS)[number] => (FORMATS as readonly string[]).includes(k));
  if (formats.length !== 1 || given.length !== 1) {
    throw badRequest(
      `The request body must be a JSON object with exactly one of the fields ${FORMATS.join(', ')} (and optionally params); it has ${given.length ? given.map((k) => `"${k}"`).join(', ') : 'none'}`,
    );
  }
  if (body.params !== undefined && !(isPlainObject(body.params) && Object.keys(body.params).length === 0)) {
    throw badRequest('"params": these models take no inference parameters; leave it out or send {}');
  }
  const format = formats[0];
  const value = body[format];
  switch (format) {
    case 'dataframe_split':
      return split(value);
    case 'dataframe_records':
      if (!Array.isArray(value)) throw badRequest(`dataframe_records must be an array of row objects, got ${describe(value)}`);
      return tableFromRecords(value, 'dataframe_records');
    case 'instances':
    case 'inputs':
      if (format === 'inputs' && isPlainObject(value)) return tableFromColumnLists(value, 'inputs');
      if (!Array.isArray(value)) throw badRequest(`${format} must be an array of rows${format === 'inputs' ? ' or an object of columns' : ''}, got ${describe(value)}`);
      if (value.length > 0 && Array.isArray(value[0])) return tableFromRows(inputOrder, value, format);
      return tableFromRecords(value, format);
  }
}

function split(value: unknown): RequestTable {
  if (!isPlainObject(value)) throw badRequest(`dataframe_split must be an object {"columns": [...], "data": [[...]]}, got ${describe(value)}`);
  const { columns, data, index } = value;
  for (const key of Object.keys(value)) {
    if (key !== 'columns' && key !== 'data' && key !== 'index') throw badRequest(`dataframe_split has an unknown field "${key}"; it takes columns, data and index`);
  }
  if (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string')) throw badRequest('dataframe_split.columns must be an array of column names');
  const names = columns as string[];
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) throw badRequest(`dataframe_split.columns names "${duplicate}" twice`);
  if (!Array.isArray(data)) throw badRequest(`dataframe_split.data must be an array of rows, got ${describe(data)}`);
  if (index !== undefined && (!Array.isArray(index) || index.length !== data.length)) {
    throw badRequest('dataframe_split.index must be an array with one entry per row of data');
  }
  return tableFromRows(names, data, 'dataframe_split.data');
}
