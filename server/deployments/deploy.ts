// Deploying a version to an endpoint: gates first (thresholds and "beats the champion"), then, where
// the project's registry settings guard production, a request a manager approves; otherwise the
// rollout itself. Every change is one IMMEDIATE transaction with its audit event and revision bump.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Gate } from '../../nodes/evaluate/gates';
import { checkGates } from '../../nodes/evaluate/gates';
import { evaluateDeployGates, failedGatesMessage, type ChampionRule, type DeployGateResult } from '../../nodes/deploy/deploy-gates';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { deployRequests, modelVersions, registeredModels } from '../db/schema';
import { readRegistrySettings } from '../registry/registry-settings';
import { endpointRow, versionRow } from './endpoint-row';
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

export function deployVersion(db: Db, input: DeployInput): DeployOutcome {
  return db.transaction(
    (tx) => {
      const endpoint = endpointRow(tx, input.endpointId);
      const version = versionRow(tx, input.versionId);
      if (version.modelId !== endpoint.modelId) throw new UserError(`Endpoint "${endpoint.name}" serves model ${modelName(tx, endpoint.modelId)}, not ${version.modelName}`, { field: 'version' });
      const gates = judgeGates(tx, endpoint.id, endpoint.undeployedAt === null, version, input);
      const detail = { endpoint: endpoint.name, model: version.modelName, version: version.version, mode: input.mode, canaryPercent: input.canaryPercent ?? null, gates, runId: input.source.runId ?? null, stepId: input.source.stepId ?? null };
      if (input.mode !== 'shadow' && readRegistrySettings(tx, endpoint.projectId).productionApproval) {
        const requestId = askApproval(tx, endpoint.id, version.id, input.mode, input.canaryPercent ?? 0, gates, input);
        audit(tx, { userId: input.source.userId, action: 'deployment.request', targetType: 'deploy_request', targetId: requestId, detail });
        return { state: 'pending' as const, requestId, version: version.version, gates };
      }
      const outcome = applyRollout(tx, endpoint, { versionId: version.id, mode: input.mode, canaryPercent: input.canaryPercent }, input.source);
      if (outcome.state === 'deployed') audit(tx, { userId: input.source.userId, action: 'deployment.deploy', targetType: 'endpoint', targetId: endpoint.id, detail });
      return { ...outcome, gates };
    },
    { behavior: 'immediate' },
  );
}

/** Throws naming every failed gate; returns the results (kept on the request and in the audit event). */
function judgeGates(tx: Db, endpointId: string, live: boolean, version: ReturnType<typeof versionRow>, input: DeployInput): DeployGateResult[] {
  const gates = input.gates ?? [];
  const task = version.signature.task;
  if (task) checkGates(gates, task);
  else if (gates.length) throw new UserError(`Version ${version.version} records no task, so metric gates cannot be checked against it`, { field: 'gates' });
  const primary = live ? liveDeployments(tx, endpointId).find((d) => d.role === 'primary') : undefined;
  const champion = primary ? tx.select({ version: modelVersions.version, metrics: modelVersions.metrics }).from(modelVersions).where(eq(modelVersions.id, primary.versionId)).get() ?? null : null;
  const results = evaluateDeployGates(gates, input.champion ?? null, version.metrics, champion);
  const failed = failedGatesMessage(results);
  if (failed) throw new UserError(`${failed} (version ${version.version} was not deployed)`, { field: 'gates' });
  return results;
}

export function askApproval(tx: Db, endpointId: string, versionId: string, mode: 'replace' | 'canary' | 'promote', percent: number, gates: DeployGateResult[], input: Pick<DeployInput, 'comment' | 'source'>): string {
  // A newer request for the same endpoint replaces a pending one: approvers see one question.
  tx.update(deployRequests)
    .set({ state: 'superseded', decidedBy: input.source.userId, decidedAt: Date.now() })
    .where(and(eq(deployRequests.endpointId, endpointId), eq(deployRequests.state, 'pending')))
    .run();
  const id = randomUUID();
  tx.insert(deployRequests)
    .values({
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
    })
    .run();
  return id;
}


function modelName(tx: Db, modelId: string): string {
  return tx.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, modelId)).get()?.name ?? modelId;
}
