// Deleting a pipeline version: its runs go with it (their results belong to it), their artifacts
// are marked released, and the version row is removed. The current version stays: the editor opens
// it and the next save numbers from it, so version numbers are never given out twice.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { pipelines, pipelineVersions, runs } from '../db/schema';
import { removeRuns } from './delete-run';

export function deletePipelineVersion(db: Db, input: { pipelineId: string; version: number; userId: string | null }) {
  return db.transaction((tx) => {
    const pipeline = tx.select().from(pipelines).where(eq(pipelines.id, input.pipelineId)).get();
    if (!pipeline) throw new UserError(`Pipeline "${input.pipelineId}" does not exist`, { field: 'pipelineId' });
    const row = tx
      .select({ id: pipelineVersions.id })
      .from(pipelineVersions)
      .where(and(eq(pipelineVersions.pipelineId, pipeline.id), eq(pipelineVersions.version, input.version)))
      .get();
    if (!row) throw new UserError(`"${pipeline.name}" has no version ${input.version}`, { field: 'version' });
    if (input.version === pipeline.currentVersion) {
      throw new UserError(`v${input.version} is the current version of "${pipeline.name}"; only older versions can be deleted`, { field: 'version' });
    }
    const owned = tx.select({ id: runs.id }).from(runs).where(eq(runs.pipelineVersionId, row.id)).all().map((r) => r.id);
    const result = removeRuns(tx, owned, `${pipeline.id} v${input.version} deleted`);
    tx.delete(pipelineVersions).where(eq(pipelineVersions.id, row.id)).run();
    audit(tx, {
      userId: input.userId,
      action: 'pipeline.version.delete',
      targetType: 'pipeline',
      targetId: pipeline.id,
      detail: { version: input.version, runs: result.runs, artifacts: result.released },
    });
    return { version: input.version, ...result };
  });
}
