// The table of the logistic pipeline bench: 12 standard-normal numeric columns on unequal scales and
// 4 categorical columns (4, 8, 16 and 32 levels, each level with its own effect), and a 0/1 label
// from a noisy linear score of both. Seeded, so ours and scikit-learn read the same rows.
import { mulberry32 } from '../nodes/split/prng';
import { tableFromColumns, type ColumnData } from '../nodes/table/table-from-columns';
import type { TableValue } from '../nodes/values';

export const NUMERIC = 12;
export const LEVELS = [4, 8, 16, 32];

export interface PipelineTask {
  rows: number;
  numeric: Float64Array[];
  categorical: string[][];
  y: Int32Array;
}

export function generatePipelineTask(rows: number, seed: number): PipelineTask {
  const prng = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - prng.next())) * Math.cos(2 * Math.PI * prng.next());
  const weights = Array.from({ length: NUMERIC }, () => normal());
  const scales = Array.from({ length: NUMERIC }, (_, c) => 10 ** ((c % 4) - 1));
  const effects = LEVELS.map((k) => Array.from({ length: k }, () => normal()));
  const numeric = Array.from({ length: NUMERIC }, () => new Float64Array(rows));
  const categorical = LEVELS.map(() => new Array<string>(rows));
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let score = 0;
    for (let c = 0; c < NUMERIC; c++) {
      const z = normal();
      numeric[c][r] = Number((z * scales[c] + c).toPrecision(9));
      score += 0.5 * weights[c] * z;
    }
    LEVELS.forEach((k, c) => {
      const level = Math.floor(prng.next() * k);
      categorical[c][r] = `L${level}`;
      score += 0.5 * effects[c][level];
    });
    y[r] = score + normal() > 0 ? 1 : 0;
  }
  return { rows, numeric, categorical, y };
}

export function pipelineTaskCsv(task: PipelineTask): string {
  const header = [...task.numeric.map((_, c) => `x${c}`), ...task.categorical.map((_, c) => `c${c}`), 'y'].join(',');
  const lines = [header];
  for (let r = 0; r < task.rows; r++) {
    lines.push([...task.numeric.map((col) => String(col[r])), ...task.categorical.map((col) => col[r]), String(task.y[r])].join(','));
  }
  return lines.join('\n') + '\n';
}

/** Rows [from, to) as a train-node input table: features, then the target. */
export function pipelineTable(task: PipelineTask, from: number, to: number): TableValue {
  const columns: ColumnData[] = [
    ...task.numeric.map((col, c) => ({ info: { name: `x${c}`, type: 'numeric' as const, role: 'feature' as const }, values: col.slice(from, to) })),
    ...task.categorical.map((col, c) => ({ info: { name: `c${c}`, type: 'categorical' as const, role: 'feature' as const }, values: col.slice(from, to) })),
    { info: { name: 'y', type: 'categorical', role: 'target' }, values: Array.from(task.y.subarray(from, to), String) },
  ];
  return { kind: 'table', table: tableFromColumns(columns), columns: columns.map((c) => c.info) };
}
