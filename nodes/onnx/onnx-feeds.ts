// A raw table as the exported model's inputs (preprocess-onnx.ts's layout): doubles with NaN for a
// missing number, epoch milliseconds for a datetime, strings with "" for a missing category. The
// values are read as transform() reads them, so ONNX and predictTable see the same rows.
import type { Table } from 'apache-arrow';
import type { FittedPreprocessing } from '../train/preprocess-state';
import { readCategorical, readNumeric } from '../train/preprocess-read';
import { ONNX_MISSING_STRING } from './preprocess-onnx';

export type OnnxFeed = { type: 'float64'; data: Float64Array; dims: [number, 1] } | { type: 'string'; data: string[]; dims: [number, 1] };

export function onnxFeeds(pre: FittedPreprocessing, table: Table): Record<string, OnnxFeed> {
  const rows = table.numRows;
  const feeds: Record<string, OnnxFeed> = {};
  for (const state of pre.columns) {
    if (state.kind === 'numeric') {
      // Read as a plain number: a datetime arrives as epoch milliseconds, the graph turns it into days.
      feeds[state.name] = { type: 'float64', data: readNumeric(table, state.name, 'numeric'), dims: [rows, 1] };
    } else {
      const data = readCategorical(table, state.name).map((v) => v ?? ONNX_MISSING_STRING);
      feeds[state.name] = { type: 'string', data, dims: [rows, 1] };
    }
  }
  return feeds;
}
