// Turns a stored artifact into something a browser can show: a page of a table's rows, a report,
// metrics, or what a model is (never its payload, which can be megabytes of weights).
import type { PortKind } from '../../engine/port-kinds';
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { parsePreprocessing, type FittedColumn } from '../../nodes/train/preprocess-state';
import type { ColumnInfo, JsonObject } from '../../nodes/values';
import { decodedArtifact } from './decoded-artifacts';

const MAX_ROWS = 200;
/** A page is bounded in cells too, so a 500-column table sends fewer rows per page, not more bytes. */
export const MAX_PAGE_CELLS = 20_000;

/** Rows per page for a table this wide: what a page of `limit` rows is cut to. */
export function pageSize(limit: number, columnCount: number): number {
  return Math.max(1, Math.min(limit, MAX_ROWS, Math.floor(MAX_PAGE_CELLS / Math.max(1, columnCount))));
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

export async function previewArtifact(dataDir: string, id: string, kind: PortKind, offset = 0, limit = 50) {
  const value = await decodedArtifact(dataDir, id, kind);
  switch (value.kind) {
    case 'table': {
      const { table, columns } = value;
      const size = pageSize(limit, columns.length);
      const end = Math.min(table.numRows, offset + size);
      const rows: unknown[][] = [];
      const vectors = columns.map((c) => table.getChild(c.name));
      // Arrow hands timestamps back as epoch milliseconds; a person reads a date.
      const isDate = columns.map((c) => c.type === 'datetime');
      const cell = (value: unknown, c: number) => (isDate[c] && typeof value === 'number' ? new Date(value).toISOString() : jsonSafe(value));
      for (let r = offset; r < end; r++) rows.push(vectors.map((v, c) => cell(v?.get(r), c)));
      return { kind: 'table' as const, rowCount: table.numRows, columns, offset, pageSize: size, rows };
    }
    case 'report':
      return { kind: 'report' as const, report: value.report };
    case 'metrics':
      return { kind: 'metrics' as const, metrics: value.metrics };
    case 'model':
      return { kind: 'model' as const, model: modelSummary(value.model) };
    default:
      return { kind: 'unsupported' as const };
  }
}

/** How one input column is turned into features; numbers only where a person might check them. */
export type ColumnPreprocessing =
  | { name: string; kind: 'numeric'; source: 'numeric' | 'datetime'; missing: number; fill: number; offset: number; scale: number }
  | {
      name: string;
      kind: 'categorical';
      source: 'categorical' | 'boolean' | 'text';
      missing: number;
      fill: string;
      encoding: 'one_hot' | 'ordinal';
      categoryCount: number;
      /** The first few categories, in the model's order. */
      categories: string[];
    };

export type ModelSummary = {
  format: string;
  task: ModelArtifact['task'];
  target: string;
  labels: string[];
  inputs: ColumnInfo[];
  /** null when the model carries preprocessing this app did not fit (an imported model, say). */
  preprocessing: { features: number; dropped: string[]; columns: ColumnPreprocessing[] } | null;
  training: JsonObject;
};

const MAX_CATEGORIES_SHOWN = 8;

function modelSummary(model: ModelArtifact): ModelSummary {
  const { format, task, target, labels, inputs, training } = model;
  return { format, task, target, labels, inputs, preprocessing: preprocessingSummary(model.preprocessing), training };
}

function preprocessingSummary(json: JsonObject): ModelSummary['preprocessing'] {
  // An imported model may carry preprocessing of its own: show none rather than fail the preview.
  try {
    const fitted = parsePreprocessing(json);
    return { features: fitted.features.length, dropped: fitted.dropped, columns: fitted.columns.map(columnSummary) };
  } catch {
    return null;
  }
}

function columnSummary(column: FittedColumn): ColumnPreprocessing {
  if (column.kind === 'numeric') {
    const { name, kind, source, missing, fill, offset, scale } = column;
    return { name, kind, source, missing, fill, offset, scale };
  }
  const { name, kind, source, missing, fill, encoding, categories } = column;
  return { name, kind, source, missing, fill, encoding, categoryCount: categories.length, categories: categories.slice(0, MAX_CATEGORIES_SHOWN) };
}
