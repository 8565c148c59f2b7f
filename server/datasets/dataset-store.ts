// Dataset rows: a name, and numbered versions that each point at one stored Arrow table.
import { randomUUID } from 'node:crypto';
import { count, desc, eq } from 'drizzle-orm';
import { ARROW_FILE_MEDIA_TYPE } from '../../nodes/codec';
import { first, type AnyDb } from '../db/any-db';
import type { Dataset, DatasetVersion } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { recordArtifact } from '../store/artifacts';
import type { IngestedTable } from './ingest-file';

export interface RecordVersionInput {
  name: string;
  filename: string;
  userId: string | null;
  table: IngestedTable;
}

export interface RecordedVersion {
  dataset: Dataset;
  version: DatasetVersion;
  /** False when the latest version already held exactly this table: nothing new was added. */
  created: boolean;
}

/** Creates the dataset on first use; a re-upload of the latest version's exact table adds nothing. */
export async function recordDatasetVersion(db: AnyDb, input: RecordVersionInput): Promise<RecordedVersion> {
  return withTransaction(db, async (tx) => {
    await recordArtifact(tx, tableArtifact(input.table));
    const { datasets, datasetVersions } = tx.t;
    let dataset = first(await tx.select().from(datasets).where(eq(datasets.name, input.name)).limit(1));
    if (!dataset) {
      dataset = newDataset(input);
      await tx.insert(datasets).values(dataset);
    }
    const latest = await latestVersion(tx, dataset.id);
    if (latest?.artifactId === input.table.artifactId) return { dataset, version: latest, created: false };
    const version = nextVersion(dataset.id, latest, input);
    await tx.insert(datasetVersions).values(version);
    return { dataset, version, created: true };
  });
}

function tableArtifact(table: IngestedTable) {
  return {
    id: table.artifactId,
    kind: 'table',
    mediaType: ARROW_FILE_MEDIA_TYPE,
    size: table.artifactSize,
    meta: { rows: table.rows, columns: table.columns.map((c) => ({ ...c })) },
  };
}

function newDataset(input: RecordVersionInput): Dataset {
  return { id: randomUUID(), name: input.name, createdBy: input.userId, createdAt: Date.now() };
}

function nextVersion(datasetId: string, latest: DatasetVersion | null, input: RecordVersionInput): DatasetVersion {
  const { table } = input;
  return {
    id: randomUUID(),
    datasetId,
    version: (latest?.version ?? 0) + 1,
    artifactId: table.artifactId,
    rows: table.rows,
    columns: table.columns,
    format: table.format,
    sourceFilename: input.filename,
    sourceSize: table.sourceSize,
    options: table.options,
    createdBy: input.userId,
    createdAt: Date.now(),
  };
}

export async function latestVersion(db: AnyDb, datasetId: string): Promise<DatasetVersion | null> {
  const { datasetVersions } = db.t;
  return first(await db.select().from(datasetVersions).where(eq(datasetVersions.datasetId, datasetId)).orderBy(desc(datasetVersions.version)).limit(1));
}

export async function findDataset(db: AnyDb, name: string): Promise<Dataset | null> {
  const { datasets } = db.t;
  return first(await db.select().from(datasets).where(eq(datasets.name, name)).limit(1));
}

/** Every version of a dataset, newest first. */
export async function versionsOf(db: AnyDb, datasetId: string): Promise<DatasetVersion[]> {
  const { datasetVersions } = db.t;
  return db.select().from(datasetVersions).where(eq(datasetVersions.datasetId, datasetId)).orderBy(desc(datasetVersions.version));
}

/** The latest version's hash of a named dataset; undefined when there is no such dataset or version. */
export async function latestHashByName(db: AnyDb, name: string): Promise<string | undefined> {
  const dataset = await findDataset(db, name);
  return dataset ? (await latestVersion(db, dataset.id))?.artifactId : undefined;
}

export async function versionCounts(db: AnyDb): Promise<Map<string, number>> {
  const { datasetVersions } = db.t;
  const rows = await db.select({ datasetId: datasetVersions.datasetId, count: count() }).from(datasetVersions).groupBy(datasetVersions.datasetId);
  return new Map(rows.map((r) => [r.datasetId, r.count]));
}
