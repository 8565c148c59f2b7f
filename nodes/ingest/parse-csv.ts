// CSV bytes already in memory (a bundled sample, a test) → typed columns, through the streaming
// reader in csv/ with its defaults: delimiter and types inferred, UTF-8, the standard NA tokens.
import { readCsv, type ReadCsvRequest, type ReadCsvResult } from './csv/read-csv';

export function readCsvBytes(bytes: Uint8Array, request: ReadCsvRequest = {}): Promise<ReadCsvResult> {
  return readCsv(async function* () {
    yield bytes;
  }, { sizeHint: bytes.length, ...request });
}
