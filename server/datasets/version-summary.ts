// A dataset version as clients see it: the hash is the version's identity.
import type { DatasetVersion } from '../db/schema';

export function versionSummary(v: DatasetVersion) {
  return {
    id: v.id,
    version: v.version,
    hash: v.artifactId,
    rows: v.rows,
    columns: v.columns,
    format: v.format,
    sourceFilename: v.sourceFilename,
    sourceSize: v.sourceSize,
    createdAt: v.createdAt,
  };
}

export type VersionSummary = ReturnType<typeof versionSummary>;
