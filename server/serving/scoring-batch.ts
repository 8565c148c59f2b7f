// A validated request, column by column, in the form each scorer reads fastest: the preprocessing
// matrix and ONNX feeds straight from the arrays, and an Arrow table (for predictTable) built
// only when asked. One row through Arrow costs more than a small model's arithmetic.
import { transformValues } from '../../nodes/train/preprocess';
import type { Matrix } from '../../nodes/train/estimator';
import type { CategoricalColumnState, FittedPreprocessing, NumericColumnState } from '../../nodes/train/preprocess-state';
import type { ColumnData } from '../../nodes/table/table-from-columns';
import type { OnnxFeed } from '../../nodes/onnx/onnx-feeds';
import { ONNX_MISSING_STRING } from '../../nodes/onnx/preprocess-onnx';
import type { TableValue } from '../../nodes/values';
import { servingTable } from './serving-table';

const MS_PER_DAY = 86_400_000;

export class ScoringBatch {
  private arrow: TableValue | null = null;
  /** Where the next column is looked for first: the preprocessing reads columns in input order. */
  private cursor = 0;
  private scratch: Float64Array | null = null;

  /** Numbers and datetimes (epoch ms) as numbers with NaN for missing; others string, boolean or null. */
  constructor(
    readonly rows: number,
    readonly columns: readonly ColumnData[],
  ) {}

  table(): TableValue {
    this.arrow ??= { kind: 'table', table: servingTable(this.columns, this.rows), columns: this.columns.map((c) => c.info) };
    return this.arrow;
  }

  /**
   * The preprocessing's matrix, as transform() would build it from the Arrow table. The batch is
   * its own column reader (the methods below): no closures per request on the serving path.
   */
  matrix(pre: FittedPreprocessing): Matrix {
    return transformValues(pre, this.rows, this);
  }

  /** One column's values, in an array reused for every column: transformValues reads each before asking for the next. */
  numeric(state: NumericColumnState): Float64Array {
    const values = this.column(state.name).values;
    const out = (this.scratch ??= new Float64Array(this.rows));
    const scale = state.source === 'datetime' ? 1 / MS_PER_DAY : 1;
    for (let i = 0; i < this.rows; i++) out[i] = (values[i] as number) * scale;
    return out;
  }

  categorical(state: CategoricalColumnState): (string | null)[] {
    return categories(this.column(state.name).values, this.rows);
  }

  /** The inputs of the model's ONNX export (nodes/onnx/onnx-feeds.ts's layout). */
  onnxFeeds(pre: FittedPreprocessing): Record<string, OnnxFeed> {
    const feeds: Record<string, OnnxFeed> = {};
    for (const state of pre.columns) {
      const values = this.column(state.name).values;
      if (state.kind === 'numeric') feeds[state.name] = { type: 'float64', data: Float64Array.from(values as ArrayLike<number>), dims: [this.rows, 1] };
      else feeds[state.name] = { type: 'string', data: categories(values, this.rows).map((v) => v ?? ONNX_MISSING_STRING), dims: [this.rows, 1] };
    }
    return feeds;
  }

  private column(name: string): ColumnData {
    const n = this.columns.length;
    for (let k = 0; k < n; k++) {
      const i = (this.cursor + k) % n;
      if (this.columns[i].info.name === name) {
        this.cursor = i + 1;
        return this.columns[i];
      }
    }
    throw new Error(`The preprocessing reads "${name}", which the validated request lacks`);
  }
}

/** Category text as readCategorical gives it: booleans as "true"/"false", null for missing. */
function categories(values: ColumnData['values'], rows: number): (string | null)[] {
  const out = new Array<string | null>(rows);
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? null : typeof v === 'string' ? v : typeof v === 'number' && Number.isNaN(v) ? null : String(v);
  }
  return out;
}
