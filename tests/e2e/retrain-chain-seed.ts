// A retrain chain written behind the UI as the scheduler and challenge.ts write it (those writers
// are tested in tests/integration/closed-loop.test.ts and training-challenge.test.ts): an alert of
// a second endpoint fired its alert trigger, the fire's run registered v2, v2 beat v1 on the
// holdout and was promoted. The studio's scheduler is off in the spec, so nothing moves it on.
import { eq } from 'drizzle-orm';
import { first, type AnyDb } from '../../server/db/any-db';
import { createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';

export async function seedRetrainChain(db: AnyDb, dataDir: string, champion: { modelId: string; versionId: string }) {
  const { alertRules, alerts, challenges, deployments, modelVersions, monitorChecks, pipelines, runs, trainingTriggers, triggerFires } = db.t;
  const now = Date.now();
  const hour = 3_600_000;
  const endpointId = await createEndpoint(db, 'fraud-retrain', champion.modelId, { projectId: 'sample' });
  const firstDeployment = await deploy(db, endpointId, champion.versionId);
  const pipelineId = first(await db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, 'card-fraud')).limit(1))!.id;
  await db.insert(alertRules).values({ id: 'rule-moved', endpointId, name: 'Amounts moved', metric: 'psi', feature: 'amount', operator: '>', threshold: 0.2, forWindows: 2, createdAt: now - 5 * hour, updatedAt: now - 5 * hour });
  await db.insert(monitorChecks).values({ id: 'check-drift', endpointId, versionId: champion.versionId, trigger: 'schedule', status: 'drift', rows: 200, detail: {}, startedAt: now - 3 * hour, finishedAt: now - 3 * hour });
  await db.insert(alerts).values({ id: 'alert-moved', ruleId: 'rule-moved', endpointId, state: 'resolved', severity: 'warning', message: 'psi(amount) = 0.41 > 0.2 for 2 windows', value: 0.41, checkId: 'check-drift', lastCheckId: 'check-drift', openedAt: now - 3 * hour, resolvedAt: now - hour, resolution: 'recovered' });
  await db.insert(trainingTriggers).values({ id: 'trigger-moved', projectId: 'sample', pipelineId, endpointId, kind: 'alert', alertRuleId: 'rule-moved', enabled: true, createdAt: now - 4 * hour, updatedAt: now - 4 * hour });
  const runId = 'run-retrain-moved';
  await db.insert(runs).values({ id: runId, pipelineId, status: 'succeeded', plan: { pipelineId, docHash: 'seeded', steps: [], warnings: [] }, trigger: 'alert', createdAt: now - 3 * hour + 60_000, startedAt: now - 3 * hour + 60_000, finishedAt: now - 2 * hour });
  await db.insert(triggerFires).values({ id: 'fire-moved', triggerId: 'trigger-moved', dedupeKey: 'alert-moved', firedAt: now - 3 * hour + 60_000, runId });
  const challenger = await registerModel(db, dataDir, fraudModel(1), 'fraud', 'sample');
  await db.update(modelVersions).set({ runId }).where(eq(modelVersions.id, challenger.versionId));
  const figures = { primaryMetric: 'roc_auc', challenger: { version: 2, metrics: { roc_auc: 0.91 }, costPer1000: 12.5 }, champion: { version: 1, metrics: { roc_auc: 0.84 }, costPer1000: 19.1 } };
  await db.insert(challenges).values({ id: 'challenge-moved', endpointId, runId, triggerFireId: 'fire-moved', championVersionId: champion.versionId, challengerVersionId: challenger.versionId, figures, gates: [], decision: 'promoted', createdAt: now - 2 * hour, decidedAt: now - 2 * hour });
  await db.update(deployments).set({ retiredAt: now - 2 * hour }).where(eq(deployments.id, firstDeployment));
  await deploy(db, endpointId, challenger.versionId);
  return { endpointId, runId, modelId: champion.modelId, challengerVersionId: challenger.versionId };
}
