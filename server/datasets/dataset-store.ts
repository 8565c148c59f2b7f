// Dataset rows: a name, and numbered versions that each point at one stored Arrow table.
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq } from 'drizzle-orm';
import { ARROW_FILE_MEDIA_TYPE } from '../../nodes/codec';
import { first, isAnyDb, type AnyDb } from '../db/any-db';
import type { Db } from '../db/client';
import { datasets as sqliteDatasets, datasetVersions as sqliteDatasetVersions, type Dataset, type DatasetVersion } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { recordArtifact } from '../store/artifacts';
import { recordArtifactSync } from '../store/artifacts-sync';
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
export function recordDatasetVersion(db: AnyDb, input: RecordVersionInput): Promise<RecordedVersion>;
/** pg: runs, training. The same on the legacy sync Db, for the run store's event handler and labelled traffic. */
export function recordDatasetVersion(db: Db, input: RecordVersionInput): RecordedVersion;
export function recordDatasetVersion(db: AnyDb | Db, input: RecordVersionInput): Promise<RecordedVersion> | RecordedVersion {
  return isAnyDb(db) ? recordOn(db, input) : recordSync(db, input);
}

async function recordOn(db: AnyDb, input: RecordVersionInput): Promise<RecordedVersion> {
  return withTransaction(db, async (tx) => {
    await recordArtifact(tx, tableArtifact(input.table));
    const { datasets, datasetVersions } = tx.t;
    let dataset = first(await tx.select().from(datasets).where(eq(datasets.name, input.name)).limit(1));
    if (!dataset) {
      dataset = newDataset(input);
      await tx.insert(datasets).values(dataset);
    }
    const latest = first(await tx.select().from(datasetVersions).where(eq(datasetVersions.datasetId, dataset.id)).orderBy(desc(datasetVersions.version)).limit(1));
    if (latest?.artifactId === input.table.artifactId) return { dataset, version: latest, created: false };
    const version = nextVersion(dataset.id, latest, input);
    await tx.insert(datasetVersions).values(version);
    return { dataset, version, created: true };
  });
}

function recordSync(db: Db, input: RecordVersionInput): RecordedVersion {
  return db.transaction(
    (tx) => {
      recordArtifactSync(tx, tableArtifact(input.table));
      let dataset = tx.select().from(sqliteDatasets).where(eq(sqliteDatasets.name, input.name)).get();
      if (!dataset) {
        dataset = newDataset(input);
        tx.insert(sqliteDatasets).values(dataset).run();
      }
      const latest = tx
        .select()
        .from(sqliteDatasetVersions)
        .where(eq(sqliteDatasetVersions.datasetId, dataset.id))
        .orderBy(desc(sqliteDatasetVersions.version))
        .limit(1)
        .get();
      if (latest?.artifactId === input.table.artifactId) return { dataset, version: latest, created: false };
      const version = nextVersion(dataset.id, latest, input);
      tx.insert(sqliteDatasetVersions).values(version).run();
      return { dataset, version, created: true };
    },
    { behavior: 'immediate' },
  );
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

function nextVersion(datasetId: string, latest: DatasetVersion | null | undefined, input: RecordVersionInput): DatasetVersion {
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

// pg: compile. The reads below move to the AnyDb with compile's prefetch (they answer its sync env today).
export function latestVersion(db: Db, datasetId: string): DatasetVersion | undefined {
  return db.select().from(sqliteDatasetVersions).where(eq(sqliteDatasetVersions.datasetId, datasetId)).orderBy(desc(sqliteDatasetVersions.version)).limit(1).get();
}

export function findDataset(db: Db, name: string): Dataset | undefined {
  return db.select().from(sqliteDatasets).where(eq(sqliteDatasets.name, name)).get();
}

/** The latest version's hash of each named dataset, for compile's source keys. */
export function latestHashByName(db: Db, name: string): string | undefined {
  const dataset = findDataset(db, name);
  return dataset ? latestVersion(db, dataset.id)?.artifactId : undefined;
}

export function isVersionOf(db: Db, name: string, hash: string): boolean {
  const row = db
    .select({ id: sqliteDatasetVersions.id })
    .from(sqliteDatasetVersions)
    .innerJoin(sqliteDatasets, eq(sqliteDatasets.id, sqliteDatasetVersions.datasetId))
    .where(and(eq(sqliteDatasets.name, name), eq(sqliteDatasetVersions.artifactId, hash)))
    .get();
  return row !== undefined;
}

export function versionCounts(db: Db): Map<string, number> {
  const rows = db.select({ datasetId: sqliteDatasetVersions.datasetId, count: count() }).from(sqliteDatasetVersions).groupBy(sqliteDatasetVersions.datasetId).all();
  return new Map(rows.map((r) => [r.datasetId, r.count]));
}
