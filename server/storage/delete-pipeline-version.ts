// Deleting a pipeline version: its runs go with it (their results belong to it), their artifacts
// are marked released, and the version row is removed. The current version stays: the editor opens
// it and the next save numbers from it, so version numbers are never given out twice.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { removeRuns, type DeletedRuns } from './delete-run';
import { audit } from '../auth/audit';

export function deletePipelineVersion(db: AnyDb, input: { pipelineId: string; version: number; userId: string | null }): Promise<DeletedRuns & { version: number }> {
  return withTransaction(db, async (tx) => {
    // pg: pipelines (pipelines, pipeline_versions and runs are pg-pipelines' and pg-runs'); read and deleted here on the handle.
    const { pipelines, pipelineVersions, runs } = tx.t;
    const pipeline = first(await tx.select().from(pipelines).where(eq(pipelines.id, input.pipelineId)).limit(1));
    if (!pipeline) throw new UserError(`Pipeline "${input.pipelineId}" does not exist`, { field: 'pipelineId' });
    const row = first(
      await tx
        .select({ id: pipelineVersions.id })
        .from(pipelineVersions)
        .where(and(eq(pipelineVersions.pipelineId, pipeline.id), eq(pipelineVersions.version, input.version)))
        .limit(1),
    );
    if (!row) throw new UserError(`"${pipeline.name}" has no version ${input.version}`, { field: 'version' });
    if (input.version === pipeline.currentVersion) {
      throw new UserError(`v${input.version} is the current version of "${pipeline.name}"; only older versions can be deleted`, { field: 'version' });
    }
    const owned = (await tx.select({ id: runs.id }).from(runs).where(eq(runs.pipelineVersionId, row.id))).map((r) => r.id);
    const result = await removeRuns(tx, owned, `${pipeline.id} v${input.version} deleted`);
    await tx.delete(pipelineVersions).where(eq(pipelineVersions.id, row.id));
    await audit(tx, {
      userId: input.userId,
      action: 'pipeline.version.delete',
      targetType: 'pipeline',
      targetId: pipeline.id,
      detail: { version: input.version, runs: result.runs, artifacts: result.released },
    });
    return { version: input.version, ...result };
  });
}
