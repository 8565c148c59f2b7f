// Splits a run's output tensors into one line per input row: an output of shape [rows] or [rows, 1]
// becomes one column named after it, [rows, k] becomes k columns name[0]…name[k-1], or the names
// the output carries (a ZipMap's probabilities are named by class).

export type OutputValue = number | string | boolean;

/** An output tensor as plain data (what runModel hands back). */
export interface OutputTensor {
  name: string;
  type: string;
  dims: readonly number[];
  data: ArrayLike<number | bigint | string | boolean>;
  /** Names for its k columns, used when it has exactly k values per row. */
  columns?: readonly string[];
}

export interface RowOutputs {
  columns: string[];
  rows: OutputValue[][];
  /** Outputs that do not hold one value (or one vector) per row, with why they were left out. */
  skipped: string[];
}

function plain(value: number | bigint | string | boolean): OutputValue {
  if (typeof value !== 'bigint') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value.toString();
}

export function outputsToRows(outputs: readonly OutputTensor[], rowCount: number): RowOutputs {
  const columns: string[] = [];
  const rows: OutputValue[][] = Array.from({ length: rowCount }, () => []);
  const skipped: string[] = [];
  for (const out of outputs) {
    const total = out.data.length;
    const perRow = rowCount > 0 ? total / rowCount : 0;
    const leadsWithRows = out.dims.length > 0 && out.dims[0] === rowCount;
    // An unbatched model's outputs ([1, k], [k] or a scalar) all belong to its one row.
    if (!(leadsWithRows || rowCount === 1) || !Number.isInteger(perRow) || perRow === 0) {
      skipped.push(`${out.name} has shape [${out.dims.join(', ')}], not one value per row`);
      continue;
    }
    if (out.columns?.length === perRow) columns.push(...out.columns);
    else if (perRow === 1) columns.push(out.name);
    else for (let k = 0; k < perRow; k++) columns.push(`${out.name}[${k}]`);
    for (let r = 0; r < rowCount; r++) {
      for (let k = 0; k < perRow; k++) rows[r].push(plain(out.data[r * perRow + k]));
    }
  }
  return { columns, rows, skipped };
}

