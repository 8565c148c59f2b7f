// Training triggers as a person manages them: add (each kind with exactly its own fields, every id
// checked to exist in the pipeline's project), list with their recent fires, enable, delete.
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { ruleText } from '../alerts/rule-text';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { alertRules, challenges, datasets, endpoints, pipelines, runs, trainingTriggers, triggerFires, type TrainingTrigger } from '../db/schema';
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

export function createTrigger(db: Db, input: TriggerInput, userId: string | null, now = Date.now()): TrainingTrigger {
  const pipeline = db.select({ projectId: pipelines.projectId }).from(pipelines).where(eq(pipelines.id, input.pipelineId)).get();
  if (!pipeline) throw new UserError(`Pipeline "${input.pipelineId}" was not found`, { field: 'pipelineId' });
  const endpointId = input.endpointId ?? (input.kind === 'alert' && input.alertRuleId ? ruleEndpoint(db, input.alertRuleId) : null);
  if (endpointId) {
    const endpoint = db.select({ projectId: endpoints.projectId }).from(endpoints).where(eq(endpoints.id, endpointId)).get();
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
      if (!db.select({ id: datasets.id }).from(datasets).where(eq(datasets.id, input.datasetId)).get()) throw new UserError(`Dataset "${input.datasetId}" was not found`, { field: 'datasetId' });
      row.datasetId = input.datasetId;
      break;
    case 'alert':
      if (!input.alertRuleId && !endpointId) throw new UserError('An alert trigger needs an alert rule, or an endpoint whose rules it follows', { field: 'alertRuleId' });
      if (input.alertRuleId) {
        const rule = db.select({ endpointId: alertRules.endpointId }).from(alertRules).where(eq(alertRules.id, input.alertRuleId)).get();
        if (!rule) throw new UserError(`Alert rule "${input.alertRuleId}" was not found`, { field: 'alertRuleId' });
        if (endpointId && rule.endpointId !== endpointId) throw new UserError('The alert rule watches another endpoint than the one this trigger retrains', { field: 'alertRuleId' });
      }
      row.alertRuleId = input.alertRuleId ?? null;
      break;
  }
  db.insert(trainingTriggers).values(row).run();
  audit(db, { userId, action: 'trigger.create', targetType: 'training_trigger', targetId: row.id, detail: describe(row) });
  return row;
}

function trafficDataset(name: string | null | undefined, endpointId: string | null): string | null {
  if (!name) return null;
  if (!endpointId) throw new UserError('Saving labelled traffic needs the endpoint whose traffic it is', { field: 'trafficDataset' });
  const parsed = datasetNameSchema.safeParse(name);
  if (!parsed.success) throw new UserError(`Dataset name "${name}": ${parsed.error.issues[0]?.message ?? 'not a valid name'}`, { field: 'trafficDataset' });
  return parsed.data;
}

function ruleEndpoint(db: Db, ruleId: string): string | null {
  return db.select({ endpointId: alertRules.endpointId }).from(alertRules).where(eq(alertRules.id, ruleId)).get()?.endpointId ?? null;
}

function describe(t: TrainingTrigger): Record<string, unknown> {
  return { kind: t.kind, pipelineId: t.pipelineId, endpointId: t.endpointId, cron: t.cron, datasetId: t.datasetId, alertRuleId: t.alertRuleId, trafficDataset: t.trafficDataset };
}

export function setTriggerEnabled(db: Db, id: string, enabled: boolean, userId: string | null, now = Date.now()): TrainingTrigger {
  const trigger = triggerRow(db, id);
  // Re-enabling a schedule starts from now: the times it was off are not "missed".
  const nextFireAt = trigger.kind === 'cron' && enabled && !trigger.enabled ? firstFireAt(trigger.cron ?? '', now) : trigger.nextFireAt;
  db.update(trainingTriggers).set({ enabled, nextFireAt, updatedAt: now }).where(eq(trainingTriggers.id, id)).run();
  audit(db, { userId, action: enabled ? 'trigger.enable' : 'trigger.disable', targetType: 'training_trigger', targetId: id, detail: describe(trigger) });
  return { ...trigger, enabled, nextFireAt, updatedAt: now };
}

export function deleteTrigger(db: Db, id: string, userId: string | null): void {
  const trigger = triggerRow(db, id);
  db.delete(trainingTriggers).where(eq(trainingTriggers.id, id)).run();
  audit(db, { userId, action: 'trigger.delete', targetType: 'training_trigger', targetId: id, detail: describe(trigger) });
}

export function triggerRow(db: Db, id: string): TrainingTrigger {
  const row = db.select().from(trainingTriggers).where(eq(trainingTriggers.id, id)).get();
  if (!row) throw new UserError(`Training trigger ${id} was not found`);
  return row;
}

/**
 * A pipeline's or an endpoint's triggers, newest first, each with its last 10 fires and their runs'
 * states, and the name and text of the alert rule an alert trigger follows (null: any rule).
 */
export function listTriggers(db: Db, where: { pipelineId?: string; endpointId?: string }) {
  const filter = where.pipelineId ? eq(trainingTriggers.pipelineId, where.pipelineId) : eq(trainingTriggers.endpointId, where.endpointId ?? '');
  const rows = db
    .select({ trigger: trainingTriggers, pipelineName: pipelines.name, rule: alertRules })
    .from(trainingTriggers)
    .innerJoin(pipelines, eq(pipelines.id, trainingTriggers.pipelineId))
    .leftJoin(alertRules, eq(alertRules.id, trainingTriggers.alertRuleId))
    .where(filter)
    .orderBy(desc(trainingTriggers.createdAt))
    .all();
  return rows.map(({ trigger, pipelineName, rule }) => ({
    ...trigger,
    pipelineName,
    alertRule: rule ? { name: rule.name, text: ruleText(rule), enabled: rule.enabled } : null,
    fires: recentFires(db, trigger.id),
  }));
}

function recentFires(db: Db, triggerId: string) {
  return db
    .select({ id: triggerFires.id, dedupeKey: triggerFires.dedupeKey, firedAt: triggerFires.firedAt, runId: triggerFires.runId, error: triggerFires.error, runStatus: runs.status })
    .from(triggerFires)
    .leftJoin(runs, eq(runs.id, triggerFires.runId))
    .where(eq(triggerFires.triggerId, triggerId))
    .orderBy(desc(triggerFires.firedAt))
    .limit(10)
    .all();
}


/** An endpoint's retraining history: each challenge with its run, sides and decision, newest first. */
export function listChallenges(db: Db, endpointId: string, limit = 20) {
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
    .orderBy(desc(challenges.createdAt))
    .limit(limit)
    .all();
}
