// The new data a retrain learns from: the rows an endpoint answered whose ground truth came back
// through the feedback route, as a table with the live version's input columns (their types as
// the model signature says) plus its target, saved as the next version of a dataset. A pipeline
// reading that dataset ("latest") then trains on what the model actually met in production.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { decodeValue, encodeValue } from '../../nodes/codec';
import { tableFromColumns, type CellValue, type ColumnData } from '../../nodes/table/table-from-columns';
import type { ColumnInfo, ColumnRole } from '../../nodes/values';
import { first, type AnyDb } from '../db/any-db';
import type { Endpoint, ModelVersion } from '../db/schema';
import { datasetNameSchema } from '../datasets/dataset-name';
import { recordDatasetVersion, type RecordedVersion } from '../datasets/dataset-store';
import { readArtifactBytesSync, writeArtifactBytes } from '../store/artifact-files';
import { livePrimaryVersion } from './live-primary';

/** The newest labelled rows kept, so one snapshot stays a bounded table. */
export const MAX_TRAFFIC_ROWS = 200_000;

export interface LabelledTraffic {
  endpoint: Endpoint;
  /** The live primary version whose signature gives the columns. */
  version: Pick<ModelVersion, 'id' | 'signature' | 'artifactId'>;
  target: string;
  /** Oldest first: the logged inputs and the label fed back for them. */
  rows: { inputs: Record<string, unknown>; label: unknown }[];
}

/** The endpoint's newest labelled rows (at most `limit`), or a UserError saying why there are none. */
export async function labelledTraffic(db: AnyDb, endpointId: string, limit = MAX_TRAFFIC_ROWS): Promise<LabelledTraffic> {
  const { endpoints, predictionFeedback, predictionLog } = db.t;
  const endpoint = first(await db.select().from(endpoints).where(eq(endpoints.id, endpointId)).limit(1));
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`);
  const version = await livePrimaryVersion(db, endpointId);
  const target = version?.signature.target;
  if (!version || !target) throw new UserError(`Endpoint "${endpoint.name}" has no live version that names its target, so its traffic cannot be labelled`);
  // Rows logged in one millisecond keep the order they were logged in (SQLite's rowid, Postgres's seq).
  const logged = sql`${predictionLog}.${sql.raw(db.dialect === 'sqlite' ? 'rowid' : 'seq')}`;
  const rows = await db
    .select({ inputs: predictionLog.inputs, label: predictionFeedback.label })
    .from(predictionLog)
    .innerJoin(predictionFeedback, eq(predictionFeedback.predictionId, predictionLog.id))
    // Answered rows only: a shadow's copy of a row would count it twice.
    .where(and(eq(predictionLog.endpointId, endpointId), isNull(predictionLog.shadowOf)))
    .orderBy(desc(predictionLog.createdAt), desc(logged))
    .limit(limit);
  rows.reverse();
  if (rows.length === 0) throw new UserError(`Endpoint "${endpoint.name}" has no logged predictions with feedback yet; post labels to /endpoints/${endpoint.name}/feedback`);
  return { endpoint, version, target, rows };
}

/** Saves the endpoint's labelled traffic as the next version of dataset `datasetName`. */
export async function saveLabelledTraffic(db: AnyDb, dataDir: string, endpointId: string, datasetName: string, userId: string | null): Promise<RecordedVersion> {
  const parsed = datasetNameSchema.safeParse(datasetName);
  if (!parsed.success) throw new UserError(`Dataset name "${datasetName}": ${parsed.error.issues[0]?.message ?? 'not a valid name'}`, { field: 'trafficDataset' });
  const name = parsed.data;
  const { endpoint, version, target, rows } = await labelledTraffic(db, endpointId);
  const columns = trafficColumns(dataDir, version, target, rows);
  const infos = columns.map((c) => c.info);
  const encoded = encodeValue({ kind: 'table', table: tableFromColumns(columns), columns: infos });
  const { id, size } = await writeArtifactBytes(dataDir, encoded.bytes);
  return recordDatasetVersion(db, {
    name,
    filename: `labelled traffic of ${endpoint.name}`,
    userId,
    table: { artifactId: id, artifactSize: size, rows: rows.length, columns: infos, format: 'run', sourceSize: size, options: { endpointId, labelledRows: rows.length } },
  });
}

/** The live version's input columns (their types as its signature says), the columns it left out (empty), and its target. */
function trafficColumns(dataDir: string, version: LabelledTraffic['version'], target: string, rows: LabelledTraffic['rows']): ColumnData[] {
  // Each column keeps its role as the model met it (an id stays an id), so the retrained model accepts the same rows.
  const inputs: ColumnData[] = version.signature.inputs.map((info) => ({ info: { ...info }, values: rows.map((r) => cell(info, r.inputs[info.name])) }));
  // Columns the model left out of its features (an id, a time) are kept in the table, empty: the
  // log holds only what the model reads, and a model trained without them would refuse the rows
  // clients send today (serving accepts a left-out column, never an unknown one).
  const known = new Set([...version.signature.inputs.map((c) => c.name), target]);
  for (const c of leftOutColumns(dataDir, version.artifactId)) {
    if (!known.has(c.name)) inputs.push({ info: { name: c.name, type: c.role === 'time' ? 'datetime' : 'text', role: c.role }, values: rows.map(() => (c.role === 'time' ? Number.NaN : null)) });
  }
  const targetInfo: ColumnInfo = { name: target, type: version.signature.task === 'regression' ? 'numeric' : 'categorical', role: 'target' };
  return [...inputs, { info: targetInfo, values: rows.map((r) => cell(targetInfo, r.label)) }];
}

function leftOutColumns(dataDir: string, artifactId: string): { name: string; role: ColumnRole }[] {
  try {
    const value = decodeValue('model', readArtifactBytesSync(dataDir, artifactId));
    const leftOut = value.kind === 'model' ? value.model.training.leftOut : undefined;
    if (!Array.isArray(leftOut)) return [];
    return leftOut.flatMap((c) => {
      const entry = c as { name?: unknown; role?: unknown } | null;
      return entry && typeof entry.name === 'string' && typeof entry.role === 'string' ? [{ name: entry.name, role: entry.role as ColumnRole }] : [];
    });
  } catch {
    // An imported (ONNX) version has no Pipeworks training record: nothing was left out that we know of.
    return [];
  }
}

/** A logged value in its column's type; anything that does not fit is missing (serving validated it already). */
function cell(info: ColumnInfo, value: unknown): CellValue {
  if (value === null || value === undefined) return info.type === 'numeric' ? Number.NaN : null;
  switch (info.type) {
    case 'numeric':
    case 'datetime':
      return typeof value === 'number' ? value : typeof value === 'string' && info.type === 'datetime' ? Date.parse(value) : Number.NaN;
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : null;
    case 'categorical':
    case 'text':
      return String(value);
  }
}
