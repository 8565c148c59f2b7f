import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Metadata } from 'next';
import { PipelineView } from '../../../../components/pipeline/PipelineView';
import { serverCaller } from '../../../../server/api/server-caller';
import { can } from '../../../../server/auth/roles';
import { getDb } from '../../../../server/db/client';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Pipeline' };

/** Names of the people who saved versions of this pipeline, for its version history. */
async function versionAuthors(pipelineId: string): Promise<Record<string, string>> {
  const db = getDb().anyDb;
  const { pipelineVersions, users } = db.t;
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(pipelineVersions)
    .innerJoin(users, eq(users.id, pipelineVersions.authorId))
    .where(eq(pipelineVersions.pipelineId, pipelineId));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/**
 * The pipeline and the node types, sent with the page so the canvas draws without another round
 * trip after hydration. Null when either fails: the page then asks again and shows the error.
 */
async function firstData(id: string) {
  try {
    const caller = await serverCaller();
    const [{ plan: _plan, ...pipeline }, nodeTypes] = await Promise.all([caller.pipeline.get({ id }), caller.pipeline.nodeTypes()]);
    return { renderId: randomUUID(), pipeline, nodeTypes };
  } catch {
    return null;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PipelinePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { id } = await params;
  const { run } = await searchParams;
  return (
    <PipelineView
      pipelineId={id}
      canRun={can(user.role, 'run.start')}
      canCancel={can(user.role, 'run.cancel')}
      canWrite={can(user.role, 'pipeline.write')}
      canDelete={can(user.role, 'history.delete')}
      role={user.role}
      userId={user.id}
      authors={await versionAuthors(id)}
      initial={await firstData(id)}
      initialRunId={typeof run === 'string' && UUID.test(run) ? run : null}
    />
  );
}
