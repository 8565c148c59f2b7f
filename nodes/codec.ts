// Turns port values into bytes for the content-addressed artifact store and back.
// Encoding is deterministic (same value, same bytes) because cache hits and artifact ids rely on it.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { z } from 'zod';
import { assertNever } from '../engine/assert-never';
import type { PortKind } from '../engine/port-kinds';
import { canonicalJSON } from '../engine/canonical-json';
import { tableValue, withColumnSchema } from './table/column-schema';
import { canonicalProblems, canonicalTable, ipcFileProblems } from './table/canonical-table';
import { MODEL_TASKS, type ModelArtifact } from './models/model-artifact';
import type { JsonObject, PortValue, Report } from './values';

export const ARROW_FILE_MEDIA_TYPE = 'application/vnd.apache.arrow.file';
export const JSON_MEDIA_TYPE = 'application/json';

export interface EncodedValue {
  bytes: Uint8Array;
  mediaType: string;
  /** Small, JSON-serialisable facts shown without reading the bytes (rows and columns of a table). */
  meta: Record<string, unknown>;
}

export function encodeValue(value: PortValue): EncodedValue {
  switch (value.kind) {
    case 'table': {
      // `columns` is authoritative: write it into the metadata so the bytes carry it. One layout
      // per value (canonical-table.ts), so equal tables get equal ids on every runner.
      const table = canonicalTable(withColumnSchema(value.table, value.columns));
      return {
        bytes: tableToIPC(table, 'file'),
        mediaType: ARROW_FILE_MEDIA_TYPE,
        meta: { rows: table.numRows, columns: value.columns.map((c) => ({ ...c })) },
      };
    }
    case 'report':
      return { bytes: jsonBytes(value.report), mediaType: JSON_MEDIA_TYPE, meta: { type: value.report.type } };
    case 'metrics':
      return { bytes: jsonBytes(value.metrics), mediaType: JSON_MEDIA_TYPE, meta: {} };
    case 'model': {
      const { format, task, target, labels } = value.model;
      return { bytes: jsonBytes(value.model as unknown as JsonObject), mediaType: JSON_MEDIA_TYPE, meta: { format, task, target, labels } };
    }
    default:
      return assertNever(value, 'port value');
  }
}

const reportSchema = z.looseObject({ type: z.string(), title: z.string() });
const jsonObjectSchema = z.record(z.string(), z.unknown());
const modelSchema = z.looseObject({
  format: z.string(),
  task: z.enum(MODEL_TASKS),
  target: z.string(),
  inputs: z.array(z.looseObject({ name: z.string(), type: z.string(), role: z.string() })),
  preprocessing: jsonObjectSchema,
  labels: z.array(z.string()),
  payload: jsonObjectSchema,
  training: jsonObjectSchema,
});

export function decodeValue(kind: PortKind, bytes: Uint8Array): PortValue {
  switch (kind) {
    case 'table':
      return tableValue(tableFromIPC(bytes));
    case 'report':
      return { kind: 'report', report: reportSchema.parse(parseJson(bytes)) as Report };
    case 'metrics':
      return { kind: 'metrics', metrics: jsonObjectSchema.parse(parseJson(bytes)) as JsonObject };
    case 'model':
      return { kind: 'model', model: modelSchema.parse(parseJson(bytes)) as unknown as ModelArtifact };
    case 'deployment':
      throw new Error(`Port kind "${kind}" cannot be decoded yet: its value type is not defined in nodes/values.ts`);
    default:
      return assertNever(kind, 'port kind');
  }
}

/**
 * Why `bytes` are not the one encoding of the value they decode to (`decoded`, from decodeValue),
 * one line per problem; [] when they are. Tables are checked rule by rule first, so the answer
 * names what is wrong; any difference left after that (JSON spacing, key order, buffer layout)
 * is found by encoding the value again and comparing.
 */
export function encodingProblems(decoded: PortValue, bytes: Uint8Array): string[] {
  if (decoded.kind === 'table') {
    const problems = [...ipcFileProblems(bytes, decoded.table), ...canonicalProblems(decoded.table)];
    if (problems.length > 0) return [...new Set(problems)];
  }
  const canonical = encodeValue(decoded).bytes;
  if (sameBytes(canonical, bytes)) return [];
  if (decoded.kind !== 'table') return ['it is not canonical JSON (keys sorted, no spaces)'];
  return [`it differs from the canonical encoding of the same table at byte ${firstDifference(canonical, bytes)}`];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && firstDifference(a, b) === a.byteLength;
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.byteLength, b.byteLength);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

function jsonBytes(value: JsonObject): Uint8Array {
  return new TextEncoder().encode(canonicalJSON(value));
}

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}
