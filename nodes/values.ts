// The runtime values that travel along edges, one per port kind that exists so far.
// `deployment` values arrive with the deploy nodes; codec.ts rejects them until then.
import type { Table } from 'apache-arrow';
import type { ModelValue } from './models/model-artifact';

export const COLUMN_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const COLUMN_ROLES = ['feature', 'target', 'id', 'time', 'ignore'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  role: ColumnRole;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `columns` mirrors the schema metadata of `table` (see table/column-schema.ts); build both together. */
export interface TableValue {
  kind: 'table';
  table: Table;
  columns: ColumnInfo[];
}

/** Reports are plain JSON; `type` tells the UI which view renders it (e.g. 'column-stats'). */
export type Report = { type: string; title: string } & JsonObject;

export interface ReportValue {
  kind: 'report';
  report: Report;
}

export interface MetricsValue {
  kind: 'metrics';
  metrics: JsonObject;
}

export type PortValue = TableValue | ReportValue | MetricsValue | ModelValue;
