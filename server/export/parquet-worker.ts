// One Parquet export inside a worker thread: read the table artifact (hash-checked), write the file.
import { decodeValue } from '../../nodes/codec';
import { readArtifactBytes } from '../store/artifact-files';
import { writeTableParquet } from './table-parquet';

export interface ParquetExportRequest {
  dataDir: string;
  id: string;
  /** A temp path the server chose. */
  file: string;
}

export default async function exportParquet({ dataDir, id, file }: ParquetExportRequest): Promise<void> {
  const value = decodeValue('table', await readArtifactBytes(dataDir, id));
  if (value.kind !== 'table') throw new Error(`Artifact ${id} did not decode as a table`);
  await writeTableParquet(value.table, value.columns, file);
}
