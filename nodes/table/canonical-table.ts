// The one Arrow layout a table value is stored in, so equal tables have equal artifact ids whoever
// encoded them: a re-computation can then be compared with a browser's result by id alone.
// Rules: exactly one record batch (an empty table too); schema metadata holds only the column
// schema; fields are nullable with no metadata of their own; a categorical dictionary has id =
// column position, Int32 indices, and lists the values that occur, each once, in order of first
// appearance. `canonicalProblems` names every broken rule; `canonicalTable` repairs them.
import { DataType, Dictionary, Field, Int32, makeData, RecordBatch, RecordBatchFileReader, Schema, Struct, Table, vectorFromArray, type Data } from 'apache-arrow';
import { COLUMNS_METADATA_KEY } from './column-schema';

/** What breaks the canonical form, one line per problem, naming the column; [] when canonical. */
export function canonicalProblems(table: Table): string[] {
  const problems: string[] = [];
  if (table.batches.length !== 1) problems.push(`it has ${table.batches.length} record batches; the canonical form has exactly one, also for an empty table`);
  const extra = [...table.schema.metadata.keys()].filter((key) => key !== COLUMNS_METADATA_KEY);
  if (extra.length > 0) problems.push(`its schema metadata has keys other than "${COLUMNS_METADATA_KEY}": ${extra.map((k) => `"${k}"`).join(', ')}`);
  table.schema.fields.forEach((field, position) => {
    if (!field.nullable) problems.push(`column "${field.name}" is not marked nullable`);
    if (field.metadata.size > 0) problems.push(`column "${field.name}" carries field metadata`);
    if (!(field.type instanceof Dictionary)) return;
    if (field.type.id !== position) problems.push(`column "${field.name}" has dictionary id ${field.type.id}, not its position ${position}`);
    if (!isInt32(field.type.indices)) problems.push(`column "${field.name}" has ${field.type.indices} dictionary indices, not Int32`);
    if (table.batches.length === 1) {
      const problem = dictionaryProblem(table.batches[0].getChildAt(position)!.data[0] as Data<Dictionary>);
      if (problem) problems.push(`column "${field.name}": ${problem}`);
    }
  });
  return problems;
}

/**
 * The dictionary must be exactly the distinct non-null values in order of first appearance. Null
 * slots are not read: what lies under them is never a value.
 */
function dictionaryProblem(data: Data<Dictionary>): string | null {
  const dictionary = data.dictionary;
  if (!dictionary) return 'it has no dictionary';
  if (dictionary.nullCount > 0) return 'its dictionary holds nulls';
  const indices = data.values as ArrayLike<number>;
  let next = 0;
  for (let row = 0; row < data.length; row++) {
    if (!data.getValid(row)) continue;
    const code = indices[row];
    if (code > next || code < 0) {
      return code >= dictionary.length || code < 0
        ? `row ${row} points outside its dictionary`
        : `its dictionary is not in order of first appearance (row ${row} uses entry ${code} before entry ${next})`;
    }
    if (code === next) next++;
  }
  if (next !== dictionary.length) return `its dictionary has ${dictionary.length - next} entries no row uses`;
  const values = dictionary.toArray() as unknown[];
  if (new Set(values).size !== values.length) return 'its dictionary lists a value twice';
  return null;
}

/** The same table in the canonical layout; returns `table` itself when it already is. */
export function canonicalTable(table: Table): Table {
  if (canonicalProblems(table).length === 0) return table;
  const fields = table.schema.fields.map((field, position) => new Field(field.name, canonicalType(field.type, position), true));
  const single = table.batches.length === 1 ? table.batches[0] : null;
  const children = fields.map((field, position): Data => {
    const data = single?.getChildAt(position)?.data[0];
    const isDictionary = field.type instanceof Dictionary;
    if (data && !isDictionary) return data;
    if (data && isDictionary && dictionaryProblem(data as Data<Dictionary>) === null && data.type.id === (field.type as Dictionary).id && isInt32(data.type.indices)) return data;
    // Rebuilt from the values: merges batches, renumbers dictionaries by first appearance.
    return vectorFromArray(Array.from(table.getChildAt(position) ?? []), field.type).data[0] as Data;
  });
  const metadata = new Map<string, string>();
  const columns = table.schema.metadata.get(COLUMNS_METADATA_KEY);
  if (columns !== undefined) metadata.set(COLUMNS_METADATA_KEY, columns);
  const schema = new Schema(fields, metadata);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: table.numRows, nullCount: 0, children }));
  return new Table(schema, [batch]);
}

const isInt32 = (type: DataType) => DataType.isInt(type) && type.bitWidth === 32 && type.isSigned;

function canonicalType(type: DataType, position: number): DataType {
  return type instanceof Dictionary ? new Dictionary(type.dictionary, new Int32(), position) : type;
}

/**
 * Problems only the bytes show: decoding an IPC file with no record batch gives a table with one
 * empty batch, and a file may carry a dictionary twice (a delta or a replacement).
 */
export function ipcFileProblems(bytes: Uint8Array, table: Table): string[] {
  const reader = RecordBatchFileReader.from(bytes);
  reader.open();
  const problems: string[] = [];
  if (reader.numRecordBatches !== 1) problems.push(`it has ${reader.numRecordBatches} record batches; the canonical form has exactly one, also for an empty table`);
  const dictionaries = table.schema.fields.filter((field) => field.type instanceof Dictionary).length;
  if (reader.numDictionaries !== dictionaries) problems.push(`it has ${reader.numDictionaries} dictionary batches for ${dictionaries} categorical columns; the canonical form has one each`);
  return problems;
}
