// Training triggers as a person manages them: add (each kind with exactly its own fields, every id
// checked to exist in the pipeline's project), list with their recent fires, enable, delete.
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { ruleText } from '../alerts/rule-text';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import type { TrainingTrigger } from '../db/schema';
import { datasetNameSchema } from '../datasets/dataset-name';
import { nextCronTime, parseCron } from './cron';

interface TriggerBase {
  pipelineId: string;
  endpointId?: string | null;
  /** Save the endpoint's labelled traffic as the next version of this dataset before each fire. */
  trafficDataset?: string | null;
}

export type TriggerInput =
  | (TriggerBase & { kind: 'cron'; cron: string })
  | (TriggerBase & { kind: 'dataset'; datasetId: string })
  | (TriggerBase & { kind: 'alert'; alertRuleId?: string | null });

/** The next scheduled time of a cron expression, or a UserError saying why it has none. */
export function firstFireAt(cron: string, now: number): number {
  const next = nextCronTime(parseCron(cron), now);
  if (next === null) throw new UserError(`The cron expression "${cron}" never fires (no such date within 30 years)`, { field: 'cron' });
  return next;
}

export async function createTrigger(db: AnyDb, input: TriggerInput, userId: string | null, now = Date.now()): Promise<TrainingTrigger> {
  const { alertRules, datasets, endpoints, pipelines, trainingTriggers } = db.t;
  const pipeline = first(await db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, input.pipelineId)).limit(1));
  if (!pipeline) throw new UserError(`Pipeline "${input.pipelineId}" was not found`, { field: 'pipelineId' });
  const endpointId = input.endpointId ?? (input.kind === 'alert' && input.alertRuleId ? await ruleEndpoint(db, input.alertRuleId) : null);
  if (endpointId) {
    const endpoint = first(await db.select({ projectId: endpoints.projectId }).from(endpoints).where(eq(endpoints.id, endpointId)).limit(1));
    if (!endpoint) throw new UserError(`Endpoint "${endpointId}" was not found`, { field: 'endpointId' });
    if (endpoint.projectId !== pipeline.projectId) throw new UserError('The endpoint belongs to another project than the pipeline', { field: 'endpointId' });
  }
  const row: TrainingTrigger = {
    id: randomUUID(),
    projectId: pipeline.projectId,
    pipelineId: input.pipelineId,
    endpointId,
    kind: input.kind,
    cron: null,
    datasetId: null,
    alertRuleId: null,
    trafficDataset: trafficDataset(input.trafficDataset, endpointId),
    enabled: true,
    nextFireAt: null,
    lastFiredAt: null,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  };
  switch (input.kind) {
    case 'cron':
      row.cron = parseCron(input.cron).expression;
      row.nextFireAt = firstFireAt(row.cron, now);
      break;
    case 'dataset':
      if (!first(await db.select({ id: datasets.id }).from(datasets).where(eq(datasets.id, input.datasetId)).limit(1))) throw new UserError(`Dataset "${input.datasetId}" was not found`, { field: 'datasetId' });
      row.datasetId = input.datasetId;
      break;
    case 'alert':
      if (!input.alertRuleId && !endpointId) throw new UserError('An alert trigger needs an alert rule, or an endpoint whose rules it follows', { field: 'alertRuleId' });
      if (input.alertRuleId) {
        const rule = first(await db.select({ endpointId: alertRules.endpointId }).from(alertRules).where(eq(alertRules.id, input.alertRuleId)).limit(1));
        if (!rule) throw new UserError(`Alert rule "${input.alertRuleId}" was not found`, { field: 'alertRuleId' });
        if (endpointId && rule.endpointId !== endpointId) throw new UserError('The alert rule watches another endpoint than the one this trigger retrains', { field: 'alertRuleId' });
      }
      row.alertRuleId = input.alertRuleId ?? null;
      break;
  }
  await db.insert(trainingTriggers).values(row);
  await audit(db, { userId, action: 'trigger.create', targetType: 'training_trigger', targetId: row.id, detail: describe(row) });
  return row;
}

function trafficDataset(name: string | null | undefined, endpointId: string | null): string | null {
  if (!name) return null;
  if (!endpointId) throw new UserError('Saving labelled traffic needs the endpoint whose traffic it is', { field: 'trafficDataset' });
  const parsed = datasetNameSchema.safeParse(name);
  if (!parsed.success) throw new UserError(`Dataset name "${name}": ${parsed.error.issues[0]?.message ?? 'not a valid name'}`, { field: 'trafficDataset' });
  return parsed.data;
}

async function ruleEndpoint(db: AnyDb, ruleId: string): Promise<string | null> {
  const { alertRules } = db.t;
  return first(await db.select({ endpointId: alertRules.endpointId }).from(alertRules).where(eq(alertRules.id, ruleId)).limit(1))?.endpointId ?? null;
}

function describe(t: TrainingTrigger): Record<string, unknown> {
  return { kind: t.kind, pipelineId: t.pipelineId, endpointId: t.endpointId, cron: t.cron, datasetId: t.datasetId, alertRuleId: t.alertRuleId, trafficDataset: t.trafficDataset };
}

export async function setTriggerEnabled(db: AnyDb, id: string, enabled: boolean, userId: string | null, now = Date.now()): Promise<TrainingTrigger> {
  const { trainingTriggers } = db.t;
  const trigger = await triggerRow(db, id);
  // Re-enabling a schedule starts from now: the times it was off are not "missed".
  const nextFireAt = trigger.kind === 'cron' && enabled && !trigger.enabled ? firstFireAt(trigger.cron ?? '', now) : trigger.nextFireAt;
  await db.update(trainingTriggers).set({ enabled, nextFireAt, updatedAt: now }).where(eq(trainingTriggers.id, id));
  await audit(db, { userId, action: enabled ? 'trigger.enable' : 'trigger.disable', targetType: 'training_trigger', targetId: id, detail: describe(trigger) });
  return { ...trigger, enabled, nextFireAt, updatedAt: now };
}

export async function deleteTrigger(db: AnyDb, id: string, userId: string | null): Promise<void> {
  const { trainingTriggers } = db.t;
  const trigger = await triggerRow(db, id);
  await db.delete(trainingTriggers).where(eq(trainingTriggers.id, id));
  await audit(db, { userId, action: 'trigger.delete', targetType: 'training_trigger', targetId: id, detail: describe(trigger) });
}

export async function triggerRow(db: AnyDb, id: string): Promise<TrainingTrigger> {
  const { trainingTriggers } = db.t;
  const row = first(await db.select().from(trainingTriggers).where(eq(trainingTriggers.id, id)).limit(1));
  if (!row) throw new UserError(`Training trigger ${id} was not found`);
  return row;
}

/**
 * A pipeline's or an endpoint's triggers, newest first, each with its last 10 fires and their runs'
 * states, and the name and text of the alert rule an alert trigger follows (null: any rule).
 */
export async function listTriggers(db: AnyDb, where: { pipelineId?: string; endpointId?: string }) {
  const { alertRules, pipelines, trainingTriggers } = db.t;
  const filter = where.pipelineId ? eq(trainingTriggers.pipelineId, where.pipelineId) : eq(trainingTriggers.endpointId, where.endpointId ?? '');
  const rows = await db
    .select({ trigger: trainingTriggers, pipelineName: pipelines.name, rule: alertRules })
    .from(trainingTriggers)
    .innerJoin(pipelines, eq(pipelines.id, trainingTriggers.pipelineId))
    .leftJoin(alertRules, eq(alertRules.id, trainingTriggers.alertRuleId))
    .where(filter)
    .orderBy(desc(trainingTriggers.createdAt), desc(trainingTriggers.id));
  const listed = [];
  for (const { trigger, pipelineName, rule } of rows) {
    listed.push({
      ...trigger,
      pipelineName,
      alertRule: rule ? { name: rule.name, text: ruleText(rule), enabled: rule.enabled } : null,
      fires: await recentFires(db, trigger.id),
    });
  }
  return listed;
}

async function recentFires(db: AnyDb, triggerId: string) {
  const { runs, triggerFires } = db.t;
  return db
    .select({ id: triggerFires.id, dedupeKey: triggerFires.dedupeKey, firedAt: triggerFires.firedAt, runId: triggerFires.runId, error: triggerFires.error, runStatus: runs.status })
    .from(triggerFires)
    .leftJoin(runs, eq(runs.id, triggerFires.runId))
    .where(eq(triggerFires.triggerId, triggerId))
    .orderBy(desc(triggerFires.firedAt), desc(triggerFires.id))
    .limit(10);
}

/** An endpoint's retraining history: each challenge with its run, sides and decision, newest first. */
export async function listChallenges(db: AnyDb, endpointId: string, limit = 20) {
  const { challenges, runs } = db.t;
  return db
    .select({
      id: challenges.id,
      runId: challenges.runId,
      runStatus: runs.status,
      triggerFireId: challenges.triggerFireId,
      challengerVersionId: challenges.challengerVersionId,
      championVersionId: challenges.championVersionId,
      figures: challenges.figures,
      gates: challenges.gates,
      decision: challenges.decision,
      deployRequestId: challenges.deployRequestId,
      createdAt: challenges.createdAt,
      decidedAt: challenges.decidedAt,
    })
    .from(challenges)
    .leftJoin(runs, eq(runs.id, challenges.runId))
    .where(eq(challenges.endpointId, endpointId))
    .orderBy(desc(challenges.createdAt), desc(challenges.id))
    .limit(limit);
}
