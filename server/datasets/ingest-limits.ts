// The import limits from the environment, the same for an upload and for `pipeworks ingest`.
import { DEFAULT_LIMITS, type CsvLimits } from '../../nodes/ingest/csv/csv-options';
import type { Env } from '../env';

type LimitVariables = 'PIPEWORKS_MAX_UPLOAD_MB' | 'PIPEWORKS_MAX_LINE_KB' | 'PIPEWORKS_MAX_ROWS' | 'PIPEWORKS_MAX_CELLS' | 'PIPEWORKS_MAX_DECODED_MB';

export function ingestLimits(env: Pick<Env, LimitVariables>): CsvLimits & { maxBytes: number } {
  return {
    ...DEFAULT_LIMITS,
    maxBytes: Math.floor(env.PIPEWORKS_MAX_UPLOAD_MB * 1024 * 1024),
    maxLineBytes: Math.floor(env.PIPEWORKS_MAX_LINE_KB * 1024),
    maxRows: env.PIPEWORKS_MAX_ROWS,
    maxCells: env.PIPEWORKS_MAX_CELLS,
    maxDecodedBytes: Math.floor(env.PIPEWORKS_MAX_DECODED_MB * 1024 * 1024),
  };
}
