// A new pipeline in a project, from a template or blank: a unique id from its name, version 1, audited.
import { eq } from 'drizzle-orm';
import { CURRENT_SCHEMA_VERSION, type PipelineDoc } from '../../../engine/document';
import { UserError } from '../../../engine/errors';
import { first, type AnyDb } from '../../db/any-db';
import { likePrefix } from '../../db/like';
import { withTransaction } from '../../db/transaction';
import { saveVersion } from '../versions';
import { findTemplate } from './catalogue';
import { slugFromName, uniquePipelineId } from './pipeline-id';
import { audit } from '../../auth/audit';

export interface CreatePipelineInput {
  projectId: string;
  name: string;
  /** A template id; absent for a blank pipeline. */
  template?: string;
  userId: string | null;
}

/** A document with no nodes yet: valid, and the canvas explains how to add the first one. */
export function blankDoc(id: string, name: string): PipelineDoc {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, id, name, nodes: [], edges: [] };
}

/** Throws a UserError naming the field when the project or template does not exist. */
export async function createPipeline(db: AnyDb, input: CreatePipelineInput): Promise<{ pipelineId: string; version: number }> {
  const { pipelines, projects } = db.t;
  const project = first(await db.select({ name: projects.name, archivedAt: projects.archivedAt }).from(projects).where(eq(projects.id, input.projectId)).limit(1));
  if (!project) throw new UserError(`Project "${input.projectId}" does not exist`, { field: 'projectId' });
  if (project.archivedAt !== null) {
    throw new UserError(`Project "${project.name}" is archived; unarchive it to add pipelines`, { field: 'projectId' });
  }
  const template = input.template === undefined ? undefined : findTemplate(input.template);
  if (input.template !== undefined && !template) {
    throw new UserError(`There is no template "${input.template}"`, { field: 'template' });
  }
  // One transaction: choosing the id, saving and auditing cannot interleave with another create.
  return withTransaction(db, async (tx) => {
    // Every id uniquePipelineId may pick starts with the name's slug: read those once, then choose.
    const similar = await tx.select({ id: pipelines.id }).from(pipelines).where(likePrefix(pipelines.id, slugFromName(input.name)));
    const takenIds = new Set(similar.map((p) => p.id));
    const id = uniquePipelineId(input.name, (candidate) => takenIds.has(candidate));
    const doc = template ? template.build(id, input.name) : blankDoc(id, input.name);
    const message = template ? `Created from the "${template.title}" template` : 'Created blank';
    const saved = await saveVersion(tx, input.projectId, doc, input.userId, { baseVersion: 0, message });
    await audit(tx, {
      userId: input.userId,
      action: 'pipeline.create',
      targetType: 'pipeline',
      targetId: saved.pipelineId,
      detail: { projectId: input.projectId, template: template?.id ?? null, version: saved.version },
    });
    return { pipelineId: saved.pipelineId, version: saved.version };
  });
}
