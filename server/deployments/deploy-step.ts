// The server half of a deploy step: once the node has checked its inputs, the runner calls this in
// its main thread (it has the database). A train step's model is registered first, through the
// one registration door; then the endpoint is created if new and the version deployed, gates and
// approval included. A UserError fails the step with its message; what happened goes to the log.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { PlanStep } from '../../engine/plan';
import type { DeployParams } from '../../nodes/deploy/deploy.node.ts';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { registerModelVersion } from '../registry/register';
import { draftFromRunStep } from '../registry/run-version-draft';
import { deployVersion, type DeployOutcome } from './deploy';
import { endpointByName } from './endpoint-row';
import { insertEndpoint } from './endpoints';

export const DEPLOY_STEP_TYPE = 'deploy/endpoint';

type StepLog = (message: string, level?: 'info' | 'warn') => void;

export async function applyDeployStep(db: AnyDb, dataDir: string, runId: string, step: PlanStep, log: StepLog): Promise<DeployOutcome> {
  const p = step.params as DeployParams;
  const { pipelines, runs } = db.t;
  const run = first(await db.select({ createdBy: runs.createdBy, projectId: pipelines.projectId }).from(runs).innerJoin(pipelines, eq(pipelines.id, runs.pipelineId)).where(eq(runs.id, runId)).limit(1));
  if (!run) throw new UserError(`Run ${runId} or its pipeline no longer exists`);
  const version = p.model === '' ? null : step.inputs.model ? await registerFromStep(db, dataDir, runId, step, run, p.model, log) : await registeredVersion(db, run.projectId, p.model, p.version);
  if (!version) throw new UserError('Connect a train step\'s model, or name a registered model to deploy a version of', { nodeId: step.id, field: 'model' });
  const source = { userId: run.createdBy, runId, stepId: step.id };
  const outcome = await withTransaction(db, async (tx) => {
    const existing = await endpointByName(tx, p.endpoint);
    if (existing && existing.projectId !== run.projectId) throw new UserError(`Endpoint "${p.endpoint}" belongs to another project; choose another name`, { nodeId: step.id, field: 'endpoint' });
    if (existing && existing.modelId !== version.modelId) throw new UserError(`Endpoint "${p.endpoint}" serves another model; deploy "${p.model}" to an endpoint of its own`, { nodeId: step.id, field: 'endpoint' });
    const endpoint = existing ?? (await insertEndpoint(tx, { name: p.endpoint, modelId: version.modelId, userId: run.createdBy }));
    const champion = p.championMetric === 'none' ? null : { metric: p.championMetric, margin: p.championMargin };
    return deployVersion(tx, { endpointId: endpoint.id, versionId: version.versionId, mode: p.mode, canaryPercent: p.canaryPercent, gates: p.gates, champion, source });
  });
  for (const gate of outcome.gates) log(`Gate ${gate.gate}: passed (${gate.detail})`);
  const label = `${p.model} v${outcome.version}`;
  if (outcome.state === 'pending') log(`${label} waits for a manager's approval before it serves "${p.endpoint}" (this project guards production); it goes live when approved`, 'warn');
  else if (outcome.state === 'unchanged') log(`${label} already serves "${p.endpoint}" as ${outcome.role}; nothing changed`);
  else log(`Deployed ${label} to "${p.endpoint}" as ${outcome.role}${outcome.role === 'primary' ? '; production now points at it' : ''}`);
  return outcome;
}

async function registerFromStep(db: AnyDb, dataDir: string, runId: string, step: PlanStep, run: { createdBy: string | null; projectId: string }, name: string, log: StepLog) {
  const input = step.inputs.model!;
  const { projectId, draft } = await draftFromRunStep(db, dataDir, { runId, stepId: input.fromStep, output: input.output });
  const registered = await registerModelVersion(db, { projectId, modelName: name, draft, userId: run.createdBy, via: 'auto' });
  log(registered.created ? `Registered the model as ${registered.modelName} v${registered.version}` : `The model is already ${registered.modelName} v${registered.version}; no new version`);
  return registered;
}

async function registeredVersion(db: AnyDb, projectId: string, name: string, which: string): Promise<{ modelId: string; versionId: string }> {
  const { modelAliases, modelVersions, registeredModels } = db.t;
  const model = first(await db.select({ id: registeredModels.id }).from(registeredModels).where(and(eq(registeredModels.projectId, projectId), eq(registeredModels.name, name))).limit(1));
  if (!model) throw new UserError(`This project has no registered model "${name}"`, { field: 'model' });
  const live = and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt));
  const rows =
    which === 'latest'
      ? await db.select({ id: modelVersions.id }).from(modelVersions).where(live).orderBy(desc(modelVersions.version)).limit(1)
      : /^\d+$/.test(which)
        ? await db.select({ id: modelVersions.id }).from(modelVersions).where(and(live, eq(modelVersions.version, Number(which)))).limit(1)
        : await db
            .select({ id: modelVersions.id })
            .from(modelAliases)
            .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
            .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, which), live))
            .limit(1);
  const row = first(rows);
  if (!row) throw new UserError(`Model "${name}" has no ${which === 'latest' ? 'versions' : /^\d+$/.test(which) ? `version ${which}` : `alias "${which}"`}`, { field: 'version' });
  return { modelId: model.id, versionId: row.id };
}
