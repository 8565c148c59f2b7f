// Turns a stored artifact into something a browser can show: a table's first rows, or a report.
import { decodeValue } from '../../nodes/codec';
import type { PortKind } from '../../engine/port-kinds';
import { readArtifactBytes } from './artifact-files';

const MAX_ROWS = 200;

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

export async function previewArtifact(dataDir: string, id: string, kind: PortKind, offset = 0, limit = 50) {
  const value = decodeValue(kind, await readArtifactBytes(dataDir, id));
  switch (value.kind) {
    case 'table': {
      const { table, columns } = value;
      const end = Math.min(table.numRows, offset + Math.min(limit, MAX_ROWS));
      const rows: unknown[][] = [];
      const vectors = columns.map((c) => table.getChild(c.name));
      for (let r = offset; r < end; r++) rows.push(vectors.map((v) => jsonSafe(v?.get(r))));
      return { kind: 'table' as const, rowCount: table.numRows, columns, offset, rows };
    }
    case 'report':
      return { kind: 'report' as const, report: value.report };
    case 'metrics':
      return { kind: 'metrics' as const, metrics: value.metrics };
    default:
      return { kind: 'unsupported' as const };
  }
}
