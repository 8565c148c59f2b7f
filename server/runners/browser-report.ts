// What a browser tab reports about a run it drives, checked before anything is stored: events
// are untrusted input, and a step's outputs must be artifacts the server itself holds (uploaded
// and re-verified through PUT /api/artifacts/<id>), with the kinds the plan declares.
import { z } from 'zod';
import { ERROR_CODES } from '../../engine/errors';
import { UserError } from '../../engine/errors';
import type { ArtifactRef, Plan } from '../../engine/plan';
import { PORT_KINDS } from '../../engine/port-kinds';
import type { AnyDb } from '../db/any-db';
import { hasArtifactFile } from '../store/artifact-files';
import { getArtifact } from '../store/artifacts';

const stepId = z.string().min(1).max(64);
const at = z.number().finite().nonnegative();
const text = (max: number) => z.string().max(max);
const artifactRef = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), kind: z.enum(PORT_KINDS), size: z.number().int().nonnegative(), meta: z.record(z.string(), z.unknown()).optional() });

export const artifactRefsSchema = z.record(z.string().max(64), artifactRef);

export const browserEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('step_started'), stepId, at }),
  z.object({
    type: z.literal('step_progress'),
    stepId,
    fraction: z.number().min(0).max(1),
    message: text(500).optional(),
    data: z.record(z.string().max(64), z.unknown()).optional(),
  }),
  z.object({ type: z.literal('step_log'), stepId, level: z.enum(['debug', 'info', 'warn', 'error']), message: text(4000), at }),
  z.object({
    type: z.literal('step_finished'),
    stepId,
    status: z.enum(['succeeded', 'failed', 'cancelled', 'cached']),
    startedAt: at,
    finishedAt: at,
    outputs: artifactRefsSchema.optional(),
    cachedFromRunId: z.string().uuid().optional(),
    peakMemoryBytes: z.number().int().nonnegative().optional(),
    backend: text(64).optional(),
    backendNote: text(2000).optional(),
    error: z.object({ code: z.enum(ERROR_CODES), message: text(4000) }).optional(),
  }),
  z.object({ type: z.literal('run_finished'), status: z.enum(['succeeded', 'failed', 'cancelled']), at }),
]);

export const MAX_EVENTS_PER_REPORT = 500;

/**
 * The outputs of a finished step, rebuilt from the server's own artifact rows (kind, size, meta),
 * after checking each is in the store with the kind the plan declares. Throws a UserError naming
 * the step and output otherwise.
 */
export async function checkedOutputs(db: AnyDb, dataDir: string, plan: Plan, stepId: string, given: Record<string, ArtifactRef>): Promise<Record<string, ArtifactRef>> {
  const step = plan.steps.find((s) => s.id === stepId);
  if (!step) throw new UserError(`Step "${stepId}" is not in this run's plan`);
  const checked: Record<string, ArtifactRef> = {};
  for (const name of Object.keys(step.outputs)) checked[name] = await checkedOutput(db, dataDir, plan, stepId, name, given[name]);
  return checked;
}

/** One output of a step (e.g. the input a server-placed step reads), checked as checkedOutputs does. */
export async function checkedOutput(db: AnyDb, dataDir: string, plan: Plan, stepId: string, name: string, ref: ArtifactRef | undefined): Promise<ArtifactRef> {
  const kind = plan.steps.find((s) => s.id === stepId)?.outputs[name];
  if (!kind) throw new UserError(`Step "${stepId}" has no output "${name}" in this run's plan`);
  if (!ref) throw new UserError(`Step "${stepId}" reported no output "${name}"`);
  const row = await getArtifact(db, ref.id);
  if (!row || !(await hasArtifactFile(dataDir, ref.id))) {
    throw new UserError(`Step "${stepId}" output "${name}": artifact ${ref.id.slice(0, 12)}… is not on the server; upload it before reporting the step`);
  }
  if (row.kind !== kind) throw new UserError(`Step "${stepId}" output "${name}" must be a ${kind}, but artifact ${ref.id.slice(0, 12)}… is a ${row.kind}`);
  return { id: row.id, kind, size: row.size, meta: (row.meta ?? {}) as Record<string, unknown> };
}
