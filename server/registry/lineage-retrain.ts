// The continuous-training chain around one model version, as a graph: what fired its run (an
// alert, a schedule or a new dataset version, through a trigger and its fire), the dataset
// versions the run read, the run, the version, the challenge it met (and the champion it faced),
// the approval a manager was asked for (if any), and the deployments that followed. Read from the
// tables, so it is true after the fact; each node carries what its page link needs.
import { and, asc, eq, gte } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';

/** One side of a challenge as challenge.ts records it in `figures`. */
interface ChallengeSide {
  version: number;
  metrics: Record<string, number>;
  costPer1000: number | null;
}

export type RetrainLineageNode =
  | { id: string; kind: 'alert'; alertId: string; message: string; state: string; openedAt: number; ruleName: string; endpointName: string }
  | { id: string; kind: 'trigger'; triggerId: string; triggerKind: string; cron: string | null; endpointId: string | null }
  | { id: string; kind: 'fire'; fireId: string; dedupeKey: string; firedAt: number; error: string | null }
  | { id: string; kind: 'dataset'; datasetVersionId: string; name: string; version: number; rows: number }
  | { id: string; kind: 'run'; runId: string; status: string; trigger: string; createdAt: number }
  | { id: string; kind: 'model'; versionId: string; modelId: string; modelName: string; version: number; focus?: boolean }
  | {
      id: string;
      kind: 'challenge';
      challengeId: string;
      decision: string;
      createdAt: number;
      endpointName: string;
      /** The metric the gates judged first, and each side's value of it and cost per 1,000 on the holdout. */
      primaryMetric: string | null;
      challenger: { version: number; value: number | null; costPer1000: number | null } | null;
      champion: { version: number; value: number | null; costPer1000: number | null } | null;
      reason: string | null;
    }
  | { id: string; kind: 'approval'; requestId: string; state: string; requestedAt: number; decidedAt: number | null; decidedBy: string | null; comment: string | null }
  | { id: string; kind: 'deployment'; deploymentId: string; endpointId: string; endpoint: string; role: string; reason: string; createdAt: number };

export interface RetrainLineage {
  nodes: RetrainLineageNode[];
  edges: { id: string; source: string; target: string; label?: string }[];
}

export async function retrainLineageGraph(db: AnyDb, versionId: string): Promise<RetrainLineage | null> {
  const { alertRules, alerts, challenges, datasets, datasetVersions, deployRequests, deployments, endpoints, modelVersions, runDatasets, runs, trainingTriggers, triggerFires, users } = db.t;
  const version = await versionNode(db, versionId, true);
  if (!version) return null;
  const graph: RetrainLineage = { nodes: [version], edges: [] };
  const add = (node: RetrainLineageNode) => graph.nodes.some((n) => n.id === node.id) || graph.nodes.push(node);
  const link = (source: string, target: string, label?: string) => graph.edges.push({ id: `${source}->${target}`, source, target, ...(label && { label }) });
  const row = first(await db.select({ runId: modelVersions.runId }).from(modelVersions).where(eq(modelVersions.id, versionId)).limit(1));
  const run = row?.runId ? first(await db.select().from(runs).where(eq(runs.id, row.runId)).limit(1)) : null;
  if (run) {
    add({ id: `run:${run.id}`, kind: 'run', runId: run.id, status: run.status, trigger: run.trigger, createdAt: run.createdAt });
    link(`run:${run.id}`, version.id, `v${version.version}`);
    const reads = await db
      .select({ id: datasetVersions.id, name: datasets.name, version: datasetVersions.version, rows: datasetVersions.rows })
      .from(runDatasets)
      .innerJoin(datasetVersions, eq(datasetVersions.id, runDatasets.datasetVersionId))
      .innerJoin(datasets, eq(datasets.id, datasetVersions.datasetId))
      .where(eq(runDatasets.runId, run.id))
      .orderBy(asc(datasets.name), asc(datasetVersions.version));
    for (const read of reads) {
      add({ id: `dataset:${read.id}`, kind: 'dataset', datasetVersionId: read.id, name: read.name, version: read.version, rows: read.rows });
      link(`dataset:${read.id}`, `run:${run.id}`, 'read');
    }
    const fire = first(
      await db.select({ fire: triggerFires, trigger: trainingTriggers }).from(triggerFires).innerJoin(trainingTriggers, eq(trainingTriggers.id, triggerFires.triggerId)).where(eq(triggerFires.runId, run.id)).limit(1),
    );
    if (fire) {
      const fireId = `fire:${fire.fire.id}`;
      add({ id: `trigger:${fire.trigger.id}`, kind: 'trigger', triggerId: fire.trigger.id, triggerKind: fire.trigger.kind, cron: fire.trigger.cron, endpointId: fire.trigger.endpointId });
      add({ id: fireId, kind: 'fire', fireId: fire.fire.id, dedupeKey: fire.fire.dedupeKey, firedAt: fire.fire.firedAt, error: fire.fire.error });
      link(`trigger:${fire.trigger.id}`, fireId, 'fired');
      link(fireId, `run:${run.id}`, 'started');
      const alert =
        fire.trigger.kind === 'alert'
          ? first(
              await db
                .select({ alert: alerts, ruleName: alertRules.name, endpointName: endpoints.name })
                .from(alerts)
                .innerJoin(alertRules, eq(alertRules.id, alerts.ruleId))
                .innerJoin(endpoints, eq(endpoints.id, alerts.endpointId))
                .where(eq(alerts.id, fire.fire.dedupeKey))
                .limit(1),
            )
          : null;
      if (alert) {
        const { alert: a, ruleName, endpointName } = alert;
        add({ id: `alert:${a.id}`, kind: 'alert', alertId: a.id, message: a.message, state: a.state, openedAt: a.openedAt, ruleName, endpointName });
        link(`alert:${a.id}`, fireId, 'opened');
      }
    }
  }
  for (const c of await db.select().from(challenges).where(eq(challenges.challengerVersionId, versionId)).orderBy(asc(challenges.createdAt), asc(challenges.id))) {
    const id = `challenge:${c.id}`;
    const f = (c.figures ?? {}) as { primaryMetric?: string; challenger?: ChallengeSide; champion?: ChallengeSide | null; reason?: string };
    const metric = f.primaryMetric ?? null;
    const side = (x: ChallengeSide | null | undefined) => (x ? { version: x.version, value: metric === null ? null : (x.metrics[metric] ?? null), costPer1000: x.costPer1000 } : null);
    const endpointName = first(await db.select({ name: endpoints.name }).from(endpoints).where(eq(endpoints.id, c.endpointId)).limit(1))?.name ?? c.endpointId;
    add({ id, kind: 'challenge', challengeId: c.id, decision: c.decision, createdAt: c.createdAt, endpointName, primaryMetric: metric, challenger: side(f.challenger), champion: side(f.champion), reason: f.reason ?? null });
    link(version.id, id, 'challenger');
    // Approval mode: the challenge asked a manager, and the deployments follow the request.
    const request = c.deployRequestId
      ? first(
          await db
            .select({ id: deployRequests.id, state: deployRequests.state, requestedAt: deployRequests.requestedAt, decidedAt: deployRequests.decidedAt, decidedBy: users.name, comment: deployRequests.decisionComment })
            .from(deployRequests)
            .leftJoin(users, eq(users.id, deployRequests.decidedBy))
            .where(eq(deployRequests.id, c.deployRequestId))
            .limit(1),
        )
      : null;
    const before = request ? `approval:${request.id}` : id;
    if (request) {
      add({ id: before, kind: 'approval', requestId: request.id, state: request.state, requestedAt: request.requestedAt, decidedAt: request.decidedAt, decidedBy: request.decidedBy, comment: request.comment });
      link(id, before, 'asked');
    }
    const champion = c.championVersionId ? await versionNode(db, c.championVersionId, false) : null;
    if (champion) {
      add(champion);
      link(champion.id, id, 'champion');
    }
    const followed = await db
      .select({ id: deployments.id, role: deployments.role, reason: deployments.reason, createdAt: deployments.createdAt, endpointId: endpoints.id, endpoint: endpoints.name })
      .from(deployments)
      .innerJoin(endpoints, eq(endpoints.id, deployments.endpointId))
      .where(and(eq(deployments.endpointId, c.endpointId), eq(deployments.versionId, versionId), gte(deployments.createdAt, c.createdAt - 60_000)))
      .orderBy(asc(deployments.createdAt), asc(deployments.id));
    for (const d of followed) {
      add({ id: `deployment:${d.id}`, kind: 'deployment', deploymentId: d.id, endpointId: d.endpointId, endpoint: d.endpoint, role: d.role, reason: d.reason, createdAt: d.createdAt });
      link(before, `deployment:${d.id}`, request ? request.state : c.decision);
    }
  }
  return graph;
}

async function versionNode(db: AnyDb, versionId: string, focus: boolean): Promise<Extract<RetrainLineageNode, { kind: 'model' }> | null> {
  const { modelVersions, registeredModels } = db.t;
  const row = first(
    await db
      .select({ version: modelVersions.version, modelId: modelVersions.modelId, name: registeredModels.name })
      .from(modelVersions)
      .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
      .where(eq(modelVersions.id, versionId))
      .limit(1),
  );
  return row ? { id: `model:${versionId}`, kind: 'model', versionId, modelId: row.modelId, modelName: row.name, version: row.version, ...(focus && { focus: true }) } : null;
}
