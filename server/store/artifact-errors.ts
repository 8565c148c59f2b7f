// Typed failures of the artifact store; the codes come from engine/errors.ts.
import { UserError, type ErrorCode } from '../../engine/errors';

/** A string that is not a sha256 hex id reached the store; rejected before any disk access. */
export class InvalidArtifactIdError extends UserError {
  constructor(readonly value: string) {
    super(`Not an artifact id: ${JSON.stringify(value.slice(0, 80))}`);
    this.name = 'InvalidArtifactIdError';
  }
}

export class ArtifactMissingError extends Error {
  readonly code: ErrorCode = 'artifact_missing';
  constructor(readonly artifactId: string) {
    super(`Artifact ${artifactId} is not in the store`);
    this.name = 'ArtifactMissingError';
  }
}

export class ArtifactCorruptError extends Error {
  readonly code: ErrorCode = 'artifact_corrupt';
  constructor(
    readonly artifactId: string,
    readonly actualHash: string,
  ) {
    super(`Artifact ${artifactId} is corrupt: its bytes hash to ${actualHash}`);
    this.name = 'ArtifactCorruptError';
  }
}

/** The data disk has no room (ENOSPC, EDQUOT) for an artifact; said plainly, as the step's error. */
export class StoreFullError extends Error {
  readonly code: ErrorCode = 'node_failed';
  constructor(bytes: number | undefined, cause: unknown) {
    super(`The disk is full: the server has no room to store ${bytes === undefined ? 'an output' : `a ${bytes}-byte output`}. Free space on the data disk, then run again.`, { cause });
    this.name = 'StoreFullError';
  }
}

/** True for a full disk or quota, however it surfaced: the errno itself or the store's own error. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof StoreFullError) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
