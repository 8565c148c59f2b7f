// The continuous-training chain around one model version, as a graph: what fired its run (an
// alert, a schedule or a new dataset version, through a trigger and its fire), the dataset
// versions the run read, the run, the version, the challenge it met (and the champion it faced),
// and the deployments that followed. Read from the tables, so it is true after the fact.
import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/client';
import { alerts, challenges, datasets, datasetVersions, deployments, endpoints, modelVersions, registeredModels, runDatasets, runs, trainingTriggers, triggerFires } from '../db/schema';

export type RetrainLineageNode =
  | { id: string; kind: 'alert'; alertId: string; message: string; state: string; openedAt: number }
  | { id: string; kind: 'trigger'; triggerId: string; triggerKind: string; cron: string | null }
  | { id: string; kind: 'fire'; fireId: string; dedupeKey: string; firedAt: number; error: string | null }
  | { id: string; kind: 'dataset'; datasetVersionId: string; name: string; version: number; rows: number }
  | { id: string; kind: 'run'; runId: string; status: string; trigger: string; createdAt: number }
  | { id: string; kind: 'model'; versionId: string; modelName: string; version: number; focus?: boolean }
  | { id: string; kind: 'challenge'; challengeId: string; decision: string; createdAt: number }
  | { id: string; kind: 'deployment'; deploymentId: string; endpoint: string; role: string; reason: string; createdAt: number };

export interface RetrainLineage {
  nodes: RetrainLineageNode[];
  edges: { id: string; source: string; target: string; label?: string }[];
}

export function retrainLineageGraph(db: Db, versionId: string): RetrainLineage | null {
  const version = versionNode(db, versionId, true);
  if (!version) return null;
  const graph: RetrainLineage = { nodes: [version], edges: [] };
  const add = (node: RetrainLineageNode) => graph.nodes.some((n) => n.id === node.id) || graph.nodes.push(node);
  const link = (source: string, target: string, label?: string) => graph.edges.push({ id: `${source}->${target}`, source, target, ...(label && { label }) });
  const row = db.select({ runId: modelVersions.runId }).from(modelVersions).where(eq(modelVersions.id, versionId)).get();
  const run = row?.runId ? db.select().from(runs).where(eq(runs.id, row.runId)).get() : undefined;
  if (run) {
    add({ id: `run:${run.id}`, kind: 'run', runId: run.id, status: run.status, trigger: run.trigger, createdAt: run.createdAt });
    link(`run:${run.id}`, version.id, `v${version.version}`);
    for (const read of db.select({ id: datasetVersions.id, name: datasets.name, version: datasetVersions.version, rows: datasetVersions.rows }).from(runDatasets).innerJoin(datasetVersions, eq(datasetVersions.id, runDatasets.datasetVersionId)).innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId)).where(eq(runDatasets.runId, run.id)).all()) {
      add({ id: `dataset:${read.id}`, kind: 'dataset', datasetVersionId: read.id, name: read.name, version: read.version, rows: read.rows });
      link(`dataset:${read.id}`, `run:${run.id}`, 'read');
    }
    const fire = db.select({ fire: triggerFires, trigger: trainingTriggers }).from(triggerFires).innerJoin(trainingTriggers, eq(trainingTriggers.id, triggerFires.triggerId)).where(eq(triggerFires.runId, run.id)).get();
    if (fire) {
      const fireId = `fire:${fire.fire.id}`;
      add({ id: `trigger:${fire.trigger.id}`, kind: 'trigger', triggerId: fire.trigger.id, triggerKind: fire.trigger.kind, cron: fire.trigger.cron });
      add({ id: fireId, kind: 'fire', fireId: fire.fire.id, dedupeKey: fire.fire.dedupeKey, firedAt: fire.fire.firedAt, error: fire.fire.error });
      link(`trigger:${fire.trigger.id}`, fireId, 'fired');
      link(fireId, `run:${run.id}`, 'started');
      const alert = fire.trigger.kind === 'alert' ? db.select().from(alerts).where(eq(alerts.id, fire.fire.dedupeKey)).get() : undefined;
      if (alert) {
        add({ id: `alert:${alert.id}`, kind: 'alert', alertId: alert.id, message: alert.message, state: alert.state, openedAt: alert.openedAt });
        link(`alert:${alert.id}`, fireId, 'opened');
      }
    }
  }
  for (const c of db.select().from(challenges).where(eq(challenges.challengerVersionId, versionId)).orderBy(asc(challenges.createdAt)).all()) {
    const id = `challenge:${c.id}`;
    add({ id, kind: 'challenge', challengeId: c.id, decision: c.decision, createdAt: c.createdAt });
    link(version.id, id, 'challenger');
    const champion = c.championVersionId ? versionNode(db, c.championVersionId, false) : null;
    if (champion) {
      add(champion);
      link(champion.id, id, 'champion');
    }
    const followed = db
      .select({ id: deployments.id, role: deployments.role, reason: deployments.reason, createdAt: deployments.createdAt, endpoint: endpoints.name })
      .from(deployments)
      .innerJoin(endpoints, eq(endpoints.id, deployments.endpointId))
      .where(and(eq(deployments.endpointId, c.endpointId), eq(deployments.versionId, versionId), gte(deployments.createdAt, c.createdAt - 60_000)))
      .orderBy(asc(deployments.createdAt))
      .all();
    for (const d of followed) {
      add({ id: `deployment:${d.id}`, kind: 'deployment', deploymentId: d.id, endpoint: d.endpoint, role: d.role, reason: d.reason, createdAt: d.createdAt });
      link(id, `deployment:${d.id}`, c.decision);
    }
  }
  return graph;
}

function versionNode(db: Db, versionId: string, focus: boolean): Extract<RetrainLineageNode, { kind: 'model' }> | null {
  const row = db.select({ version: modelVersions.version, name: registeredModels.name }).from(modelVersions).innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId)).where(eq(modelVersions.id, versionId)).get();
  return row ? { id: `model:${versionId}`, kind: 'model', versionId, modelName: row.name, version: row.version, ...(focus && { focus: true }) } : null;
}
