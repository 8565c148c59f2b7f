// Imports a CSV as the next version of a dataset in-process, as `pipeworks ingest` does.
import path from 'node:path';
import type { AnyDb } from '../../../server/db/any-db';
import { recordDatasetVersion } from '../../../server/datasets/dataset-store';
import { ingestFile } from '../../../server/datasets/ingest-file';
import { csvOptions, DEFAULT_LIMITS } from '../../../nodes/ingest/csv/csv-options';

export async function importCsv(db: AnyDb, dataDir: string, file: string, name: string) {
  const table = await ingestFile({ file, filename: path.basename(file), options: csvOptions(), limits: DEFAULT_LIMITS, dataDir });
  return recordDatasetVersion(db, { name, filename: path.basename(file), userId: null, table });
}
