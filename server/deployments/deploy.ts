// Deploying a version to an endpoint: gates first (thresholds and "beats the champion"), then, where
// the project's registry settings guard production, a request a manager approves; otherwise the
// rollout itself. Every change is one transaction (withTransaction) with its audit event and revision bump.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Gate } from '../../nodes/evaluate/gates';
import { checkGates } from '../../nodes/evaluate/gates';
import { evaluateDeployGates, failedGatesMessage, type ChampionRule, type DeployGateResult } from '../../nodes/deploy/deploy-gates';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { loadRegistrySettings } from '../registry/registry-settings';
import { endpointRow, versionRow, type VersionRow } from './endpoint-row';
import { applyRollout, liveDeployments, type ChangeSource, type RolloutMode, type RolloutOutcome } from './rollout';

export interface DeployInput {
  endpointId: string;
  versionId: string;
  mode: RolloutMode;
  canaryPercent?: number;
  gates?: readonly Gate[];
  champion?: ChampionRule | null;
  comment?: string;
  source: ChangeSource;
}

export type DeployOutcome =
  | (RolloutOutcome & { gates: DeployGateResult[] })
  | { state: 'pending'; requestId: string; version: number; gates: DeployGateResult[] };

/** One transaction; given a transaction handle (a deploy step's, a challenge's) it joins that one. */
export async function deployVersion(db: AnyDb, input: DeployInput): Promise<DeployOutcome> {
  return withTransaction(db, async (tx) => {
    const endpoint = await endpointRow(tx, input.endpointId);
    const version = await versionRow(tx, input.versionId);
    if (version.modelId !== endpoint.modelId) throw new UserError(`Endpoint "${endpoint.name}" serves model ${await modelName(tx, endpoint.modelId)}, not ${version.modelName}`, { field: 'version' });
    const gates = await judgeGates(tx, endpoint.id, endpoint.undeployedAt === null, version, input);
    const detail = { endpoint: endpoint.name, model: version.modelName, version: version.version, mode: input.mode, canaryPercent: input.canaryPercent ?? null, gates, runId: input.source.runId ?? null, stepId: input.source.stepId ?? null };
    if (input.mode !== 'shadow' && (await loadRegistrySettings(tx, endpoint.projectId)).productionApproval) {
      const requestId = await askApproval(tx, endpoint.id, version.id, input.mode, input.canaryPercent ?? 0, gates, input);
      await audit(tx, { userId: input.source.userId, action: 'deployment.request', targetType: 'deploy_request', targetId: requestId, detail });
      return { state: 'pending' as const, requestId, version: version.version, gates };
    }
    const outcome = await applyRollout(tx, endpoint, { versionId: version.id, mode: input.mode, canaryPercent: input.canaryPercent }, input.source);
    if (outcome.state === 'deployed') await audit(tx, { userId: input.source.userId, action: 'deployment.deploy', targetType: 'endpoint', targetId: endpoint.id, detail });
    return { ...outcome, gates };
  });
}

/** Throws naming every failed gate; returns the results (kept on the request and in the audit event). */
async function judgeGates(tx: AnyDb, endpointId: string, live: boolean, version: VersionRow, input: DeployInput): Promise<DeployGateResult[]> {
  const gates = input.gates ?? [];
  const task = version.signature.task;
  if (task) checkGates(gates, task);
  else if (gates.length) throw new UserError(`Version ${version.version} records no task, so metric gates cannot be checked against it`, { field: 'gates' });
  const primary = live ? (await liveDeployments(tx, endpointId)).find((d) => d.role === 'primary') : undefined;
  const { modelVersions } = tx.t;
  const champion = primary ? first(await tx.select({ version: modelVersions.version, metrics: modelVersions.metrics }).from(modelVersions).where(eq(modelVersions.id, primary.versionId)).limit(1)) : null;
  const results = evaluateDeployGates(gates, input.champion ?? null, version.metrics, champion);
  const failed = failedGatesMessage(results);
  if (failed) throw new UserError(`${failed} (version ${version.version} was not deployed)`, { field: 'gates' });
  return results;
}

/** Inside the caller's transaction. */
export async function askApproval(tx: AnyDb, endpointId: string, versionId: string, mode: 'replace' | 'canary' | 'promote', percent: number, gates: DeployGateResult[], input: Pick<DeployInput, 'comment' | 'source'>): Promise<string> {
  const { deployRequests } = tx.t;
  // A newer request for the same endpoint replaces a pending one: approvers see one question.
  await tx
    .update(deployRequests)
    .set({ state: 'superseded', decidedBy: input.source.userId, decidedAt: Date.now() })
    .where(and(eq(deployRequests.endpointId, endpointId), eq(deployRequests.state, 'pending')));
  const id = randomUUID();
  await tx.insert(deployRequests).values({
    id,
    endpointId,
    versionId,
    mode,
    trafficPercent: mode === 'canary' ? percent : 0,
    state: 'pending',
    gates: gates as unknown as Record<string, unknown>[],
    runId: input.source.runId ?? null,
    stepId: input.source.stepId ?? null,
    requestedBy: input.source.userId,
    requestedAt: Date.now(),
    comment: input.comment?.trim() ?? '',
  });
  return id;
}

async function modelName(tx: AnyDb, modelId: string): Promise<string> {
  const { registeredModels } = tx.t;
  return first(await tx.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, modelId)).limit(1))?.name ?? modelId;
}
