// What a person does to a live endpoint from its page: promote a canary or shadow, roll back in
// one step, undeploy, and decide deploy requests. Each is one transaction (withTransaction), audited.
import { and, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { can, type Role } from '../auth/roles';
import { first, type AnyDb } from '../db/any-db';
import type { DeployRequest, Endpoint } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { loadRegistrySettings } from '../registry/registry-settings';
import { askApproval } from './deploy';
import { endpointRow, versionRow } from './endpoint-row';
import { applyRollout, promote, rollback, undeploy, type RolloutOutcome } from './rollout';

export interface Actor {
  id: string;
  role: Role;
}

export type PromoteOutcome = RolloutOutcome | { state: 'pending'; requestId: string; version: number };

/** Promoting changes what answers clients, so a project that guards production asks first. */
export async function promoteDeployment(db: AnyDb, endpointId: string, role: 'canary' | 'shadow', actor: Actor, comment = ''): Promise<PromoteOutcome> {
  return withTransaction(db, async (tx) => {
    const { deployments } = tx.t;
    const endpoint = await endpointRow(tx, endpointId);
    const challenger = first(
      await tx
        .select()
        .from(deployments)
        .where(and(eq(deployments.endpointId, endpoint.id), eq(deployments.role, role), isNull(deployments.retiredAt)))
        .limit(1),
    );
    if (!challenger) throw new UserError(`Endpoint "${endpoint.name}" has no live ${role} to promote`, { field: 'role' });
    const version = await versionRow(tx, challenger.versionId);
    const detail = { endpoint: endpoint.name, model: version.modelName, version: version.version, from: role };
    if ((await loadRegistrySettings(tx, endpoint.projectId)).productionApproval) {
      const requestId = await askApproval(tx, endpoint.id, version.id, 'promote', 0, [], { comment, source: { userId: actor.id } });
      await audit(tx, { userId: actor.id, action: 'deployment.request', targetType: 'deploy_request', targetId: requestId, detail: { ...detail, mode: 'promote' } });
      return { state: 'pending' as const, requestId, version: version.version };
    }
    const outcome = await promote(tx, endpoint, role, { userId: actor.id });
    await audit(tx, { userId: actor.id, action: 'deployment.promote', targetType: 'endpoint', targetId: endpoint.id, detail });
    return outcome;
  });
}

/**
 * One click back to the previous primary. It needs no approval: the version it returns to already
 * served as primary, and in an incident waiting for a manager is the wrong default.
 */
export async function rollbackEndpoint(db: AnyDb, endpointId: string, actor: Actor): Promise<RolloutOutcome & { from: number }> {
  return withTransaction(db, async (tx) => {
    const endpoint = await endpointRow(tx, endpointId);
    const outcome = await rollback(tx, endpoint, { userId: actor.id });
    await audit(tx, { userId: actor.id, action: 'deployment.rollback', targetType: 'endpoint', targetId: endpoint.id, detail: { endpoint: endpoint.name, from: outcome.from, to: outcome.version } });
    return outcome;
  });
}

export async function undeployEndpoint(db: AnyDb, endpointId: string, actor: Actor): Promise<{ revision: number }> {
  return withTransaction(db, async (tx) => {
    const { deployRequests } = tx.t;
    const endpoint = await endpointRow(tx, endpointId);
    const outcome = await undeploy(tx, endpoint, { userId: actor.id });
    // Requests waiting for approval would otherwise bring it back the moment someone approves.
    await tx
      .update(deployRequests)
      .set({ state: 'withdrawn', decidedBy: actor.id, decidedAt: Date.now() })
      .where(and(eq(deployRequests.endpointId, endpoint.id), eq(deployRequests.state, 'pending')));
    await audit(tx, { userId: actor.id, action: 'deployment.undeploy', targetType: 'endpoint', targetId: endpoint.id, detail: { endpoint: endpoint.name } });
    return outcome;
  });
}

/** The alias-request rules (aliases.ts): a viewer (manager) or an admin other than the requester decides. */
export async function decideDeployRequest(db: AnyDb, requestId: string, approve: boolean, actor: Actor, comment = ''): Promise<{ state: 'deployed' | 'unchanged' | 'rejected'; version: number }> {
  const reason = comment.trim();
  if (!can(actor.role, 'model.approve')) throw new UserError(`Your role (${actor.role}) may not approve deploys; a viewer (manager) or an admin decides`);
  if (!approve && !reason) throw new UserError('Say why the deploy is rejected', { field: 'comment' });
  return withTransaction(db, async (tx) => {
    const { deployRequests } = tx.t;
    const request = await pendingRequest(tx, requestId);
    if (request.requestedBy === actor.id) throw new UserError('You asked for this deploy; someone else with approval rights must decide it');
    const endpoint = await endpointRow(tx, request.endpointId);
    const version = await versionRow(tx, request.versionId);
    await tx
      .update(deployRequests)
      .set({ state: approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: Date.now(), decisionComment: reason })
      .where(eq(deployRequests.id, request.id));
    const detail = { endpoint: endpoint.name, model: version.modelName, version: version.version, mode: request.mode, requestId: request.id, requestedBy: request.requestedBy, comment: reason };
    await settleChallenge(tx, request.id, approve, actor.id);
    if (!approve) {
      await audit(tx, { userId: actor.id, action: 'deployment.reject', targetType: 'deploy_request', targetId: request.id, detail });
      return { state: 'rejected' as const, version: version.version };
    }
    const source = { userId: actor.id, runId: request.runId, stepId: request.stepId };
    const outcome =
      request.mode === 'promote'
        ? await promoteRequested(tx, endpoint, request, source)
        : await applyRollout(tx, endpoint, { versionId: version.id, mode: request.mode, canaryPercent: request.trafficPercent }, source);
    await audit(tx, { userId: actor.id, action: 'deployment.approve', targetType: 'deploy_request', targetId: request.id, detail });
    await audit(tx, { userId: actor.id, action: request.mode === 'promote' ? 'deployment.promote' : 'deployment.deploy', targetType: 'endpoint', targetId: endpoint.id, detail: { ...detail, approvedBy: actor.id } });
    return { state: outcome.state, version: version.version };
  });
}

export async function withdrawDeployRequest(db: AnyDb, requestId: string, actor: Actor): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { deployRequests } = tx.t;
    const request = await pendingRequest(tx, requestId);
    if (request.requestedBy !== actor.id && actor.role !== 'admin') throw new UserError('Only the person who asked (or an admin) can withdraw this request');
    await tx.update(deployRequests).set({ state: 'withdrawn', decidedBy: actor.id, decidedAt: Date.now() }).where(eq(deployRequests.id, requestId));
    await audit(tx, { userId: actor.id, action: 'deployment.withdraw', targetType: 'deploy_request', targetId: requestId, detail: { endpointId: request.endpointId } });
  });
}

async function promoteRequested(tx: AnyDb, endpoint: Endpoint, request: DeployRequest, source: { userId: string }): Promise<RolloutOutcome> {
  const { deployments } = tx.t;
  const live = first(
    await tx
      .select()
      .from(deployments)
      .where(and(eq(deployments.endpointId, endpoint.id), eq(deployments.versionId, request.versionId), isNull(deployments.retiredAt)))
      .limit(1),
  );
  if (!live || live.role === 'primary') throw new UserError('That version is no longer a live canary or shadow of this endpoint; ask again for what serves now');
  return promote(tx, endpoint, live.role, source);
}

/** A retrain's challenger waited on this request: its challenge now reads approved or rejected. */
async function settleChallenge(tx: AnyDb, requestId: string, approve: boolean, userId: string): Promise<void> {
  const { challenges } = tx.t;
  const decided = await tx
    .update(challenges)
    .set({ decision: approve ? 'approved' : 'rejected', decidedAt: Date.now() })
    .where(and(eq(challenges.deployRequestId, requestId), eq(challenges.decision, 'awaiting_approval')))
    .returning({ id: challenges.id });
  for (const c of decided) await audit(tx, { userId, action: approve ? 'challenge.approve' : 'challenge.reject', targetType: 'challenge', targetId: c.id, detail: { requestId } });
}

async function pendingRequest(tx: AnyDb, requestId: string): Promise<DeployRequest> {
  const { deployRequests } = tx.t;
  const request = first(await tx.select().from(deployRequests).where(eq(deployRequests.id, requestId)).limit(1));
  if (!request) throw new UserError(`Deploy request ${requestId} was not found`);
  if (request.state !== 'pending') throw new UserError(`This request was already ${request.state}`);
  return request;
}
