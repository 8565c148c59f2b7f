// The columns of stored dataset versions, for column inference before running (ColumnsEnv): read
// from the version rows' `columns`, which ingest writes from the same ColumnInfo as the Arrow schema.
import { and, eq } from 'drizzle-orm';
import type { ColumnShape, ColumnsEnv } from '../../engine/columns';
import type { Db } from '../db/client';
import { datasetVersions } from '../db/schema';
import { findDataset, latestVersion } from './dataset-store';

/** A version's columns (the latest when no hash is given), or undefined when there is no such version. */
export function datasetColumns(db: Db, name: string, hash?: string): ColumnShape[] | undefined {
  const dataset = findDataset(db, name);
  if (!dataset) return undefined;
  if (hash === undefined) return latestVersion(db, dataset.id)?.columns;
  return db
    .select({ columns: datasetVersions.columns })
    .from(datasetVersions)
    .where(and(eq(datasetVersions.datasetId, dataset.id), eq(datasetVersions.artifactId, hash)))
    .get()?.columns;
}

/** Asks the database at most once per name and version while one document is inferred. */
export function datasetColumnsEnv(db: Db): ColumnsEnv {
  const seen = new Map<string, ColumnShape[] | undefined>();
  return {
    datasetColumns(name, hash) {
      const key = JSON.stringify([name, hash ?? null]);
      if (!seen.has(key)) seen.set(key, datasetColumns(db, name, hash));
      return seen.get(key);
    },
  };
}
