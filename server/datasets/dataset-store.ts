// Dataset rows: a name, and numbered versions that each point at one stored Arrow table.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { ARROW_FILE_MEDIA_TYPE } from '../../nodes/codec';
import type { Db } from '../db/client';
import { datasets, datasetVersions, type Dataset, type DatasetVersion } from '../db/schema';
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
export function recordDatasetVersion(db: Db, input: RecordVersionInput): RecordedVersion {
  return db.transaction((tx) => {
    const { table } = input;
    recordArtifactSync(tx, {
      id: table.artifactId,
      kind: 'table',
      mediaType: ARROW_FILE_MEDIA_TYPE,
      size: table.artifactSize,
      meta: { rows: table.rows, columns: table.columns.map((c) => ({ ...c })) },
    });
    let dataset = tx.select().from(datasets).where(eq(datasets.name, input.name)).get();
    if (!dataset) {
      dataset = { id: randomUUID(), name: input.name, createdBy: input.userId, createdAt: Date.now() };
      tx.insert(datasets).values(dataset).run();
    }
    const latest = latestVersion(tx, dataset.id);
    if (latest?.artifactId === table.artifactId) return { dataset, version: latest, created: false };
    const version: DatasetVersion = {
      id: randomUUID(),
      datasetId: dataset.id,
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
    tx.insert(datasetVersions).values(version).run();
    return { dataset, version, created: true };
  }, { behavior: 'immediate' });
}

export function latestVersion(db: Db, datasetId: string): DatasetVersion | undefined {
  return db.select().from(datasetVersions).where(eq(datasetVersions.datasetId, datasetId)).orderBy(desc(datasetVersions.version)).limit(1).get();
}

export function findDataset(db: Db, name: string): Dataset | undefined {
  return db.select().from(datasets).where(eq(datasets.name, name)).get();
}

/** The latest version's hash of each named dataset, for compile's source keys. */
export function latestHashByName(db: Db, name: string): string | undefined {
  const dataset = findDataset(db, name);
  return dataset ? latestVersion(db, dataset.id)?.artifactId : undefined;
}

export function isVersionOf(db: Db, name: string, hash: string): boolean {
  const row = db
    .select({ id: datasetVersions.id })
    .from(datasetVersions)
    .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
    .where(and(eq(datasets.name, name), eq(datasetVersions.artifactId, hash)))
    .get();
  return row !== undefined;
}

export function versionCounts(db: Db): Map<string, number> {
  const rows = db
    .select({ datasetId: datasetVersions.datasetId, count: sql<number>`count(*)` })
    .from(datasetVersions)
    .groupBy(datasetVersions.datasetId)
    .all();
  return new Map(rows.map((r) => [r.datasetId, r.count]));
}
