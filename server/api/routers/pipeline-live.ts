// pipeline.presence (who else has the pipeline open and its latest version, live over SSE, as
// run.watch streams runs) and pipeline.restore (an old version as a new one, based on the latest).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { can } from '../../auth/roles';
import { first } from '../../db/any-db';
import { pipelineEvents } from '../../pipelines/pipeline-events';
import { joinPipeline, viewersOf } from '../../pipelines/presence';
import { getVersion, latestVersionNumber, restoreVersion, versionStamps } from '../../pipelines/versions';
import type { PipelineDoc } from '../../../engine/document';
import { notFound } from '../errors';
import { permitted } from '../trpc';
import { audit } from '../../auth/audit';

const pipelineId = z.string().min(1).max(64);
// Versions saved by another process (the CLI) arrive without an in-process notice.
const POLL_MS = 2000;

export const pipelineLiveProcedures = {
  presence: permitted('pipeline.read')
    .input(z.object({ id: pipelineId }))
    .subscription(async function* ({ ctx, input, signal }) {
      const db = ctx.anyDb;
      if (!first(await db.select({ id: db.t.pipelines.id }).from(db.t.pipelines).where(eq(db.t.pipelines.id, input.id)).limit(1))) throw notFound(`Pipeline "${input.id}"`);
      const leave = joinPipeline(input.id, { userId: ctx.user.id, name: ctx.user.name });
      try {
        let last = '';
        while (!signal?.aborted) {
          const latestNumber = await latestVersionNumber(db, input.id);
          const snapshot = {
            viewers: viewersOf(input.id).map((v) => ({ userId: v.userId, name: v.name, since: v.since })),
            latest: (await versionStamps(db, input.id, latestNumber - 1))[0] ?? null,
          };
          const text = JSON.stringify(snapshot);
          if (text !== last) {
            last = text;
            yield snapshot;
          }
          await nextChange(input.id, POLL_MS, signal);
        }
      } finally {
        leave();
      }
    }),

  restore: permitted('pipeline.write')
    .input(z.object({ id: pipelineId, version: z.number().int().positive(), baseVersion: z.number().int().min(0) }))
    .mutation(async ({ ctx, input }) => {
      const saved = await restoreVersion(ctx.anyDb, input.id, input.version, ctx.user.id, input.baseVersion, can(ctx.user.role, 'code.write'));
      if (saved.created) {
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'pipeline.restore', targetType: 'pipeline', targetId: saved.pipelineId, detail: { from: input.version, version: saved.version } });
      }
      // The stored document, so the editor shows exactly what became the latest version.
      return { ...saved, doc: (await getVersion(ctx.anyDb, saved.pipelineId, saved.version))!.doc as PipelineDoc };
    }),
};

function nextChange(id: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pipelineEvents.off(id, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    pipelineEvents.on(id, done);
    signal?.addEventListener('abort', done, { once: true });
  });
}
