// The import limits from the environment, the same for an upload and for `pipeworks ingest`.
import { DEFAULT_LIMITS, type CsvLimits } from '../../nodes/ingest/csv/csv-options';
import type { Env } from '../env';

export function ingestLimits(env: Pick<Env, 'PIPEWORKS_MAX_UPLOAD_MB' | 'PIPEWORKS_MAX_LINE_KB'>): CsvLimits & { maxBytes: number } {
  return {
    ...DEFAULT_LIMITS,
    maxBytes: Math.floor(env.PIPEWORKS_MAX_UPLOAD_MB * 1024 * 1024),
    maxLineBytes: Math.floor(env.PIPEWORKS_MAX_LINE_KB * 1024),
  };
}
