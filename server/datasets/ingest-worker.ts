// Runs one import inside a worker thread, so parsing a large file never blocks the web server.
// Bad data comes back as a result (message, line, column); only real faults are thrown.
import { UserError } from '../../engine/errors';
import { isDiskFull } from '../store/artifact-errors';
import { ingestFile, type IngestRequest } from './ingest-file';
import { rejection, type IngestResult } from './ingest-result';

export default async function runIngest(request: IngestRequest): Promise<IngestResult> {
  try {
    return { ok: true, table: await ingestFile(request) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: rejection(error) };
    // A class thrown here reaches the server as a plain Error; a full disk must stay recognisable.
    if (isDiskFull(error)) return { ok: false, error: { message: (error as Error).message }, diskFull: true };
    throw error;
  }
}
