// What a person does to a live endpoint from its page: promote a canary or shadow, roll back in
// one step, undeploy, and decide deploy requests. Each is one IMMEDIATE transaction, audited.
import { and, eq, isNull } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { can, type Role } from '../auth/roles';
import type { Db } from '../db/client';
import { challenges, deployments, deployRequests, type DeployRequest } from '../db/schema';
import { readRegistrySettings } from '../registry/registry-settings';
import { askApproval } from './deploy';
import { endpointRow, versionRow } from './endpoint-row';
import { applyRollout, promote, rollback, undeploy, type RolloutOutcome } from './rollout';

export interface Actor {
  id: string;
  role: Role;
}

export type PromoteOutcome = RolloutOutcome | { state: 'pending'; requestId: string; version: number };

/** Promoting changes what answers clients, so a project that guards production asks first. */
export function promoteDeployment(db: Db, endpointId: string, role: 'canary' | 'shadow', actor: Actor, comment = ''): PromoteOutcome {
  return db.transaction(
    (tx) => {
      const endpoint = endpointRow(tx, endpointId);
      const challenger = tx
        .select()
        .from(deployments)
        .where(and(eq(deployments.endpointId, endpoint.id), eq(deployments.role, role), isNull(deployments.retiredAt)))
        .get();
      if (!challenger) throw new UserError(`Endpoint "${endpoint.name}" has no live ${role} to promote`, { field: 'role' });
      const version = versionRow(tx, challenger.versionId);
      const detail = { endpoint: endpoint.name, model: version.modelName, version: version.version, from: role };
      if (readRegistrySettings(tx, endpoint.projectId).productionApproval) {
        const requestId = askApproval(tx, endpoint.id, version.id, 'promote', 0, [], { comment, source: { userId: actor.id } });
        audit(tx, { userId: actor.id, action: 'deployment.request', targetType: 'deploy_request', targetId: requestId, detail: { ...detail, mode: 'promote' } });
        return { state: 'pending' as const, requestId, version: version.version };
      }
      const outcome = promote(tx, endpoint, role, { userId: actor.id });
      audit(tx, { userId: actor.id, action: 'deployment.promote', targetType: 'endpoint', targetId: endpoint.id, detail });
      return outcome;
    },
    { behavior: 'immediate' },
  );
}

/**
 * One click back to the previous primary. It needs no approval: the version it returns to already
 * served as primary, and in an incident waiting for a manager is the wrong default.
 */
export function rollbackEndpoint(db: Db, endpointId: string, actor: Actor) {
  return db.transaction(
    (tx) => {
      const endpoint = endpointRow(tx, endpointId);
      const outcome = rollback(tx, endpoint, { userId: actor.id });
      audit(tx, { userId: actor.id, action: 'deployment.rollback', targetType: 'endpoint', targetId: endpoint.id, detail: { endpoint: endpoint.name, from: outcome.from, to: outcome.version } });
      return outcome;
    },
    { behavior: 'immediate' },
  );
}

export function undeployEndpoint(db: Db, endpointId: string, actor: Actor): { revision: number } {
  return db.transaction(
    (tx) => {
      const endpoint = endpointRow(tx, endpointId);
      const outcome = undeploy(tx, endpoint, { userId: actor.id });
      // Requests waiting for approval would otherwise bring it back the moment someone approves.
      tx.update(deployRequests)
        .set({ state: 'withdrawn', decidedBy: actor.id, decidedAt: Date.now() })
        .where(and(eq(deployRequests.endpointId, endpoint.id), eq(deployRequests.state, 'pending')))
        .run();
      audit(tx, { userId: actor.id, action: 'deployment.undeploy', targetType: 'endpoint', targetId: endpoint.id, detail: { endpoint: endpoint.name } });
      return outcome;
    },
    { behavior: 'immediate' },
  );
}

/** The alias-request rules (aliases.ts): a viewer (manager) or an admin other than the requester decides. */
export function decideDeployRequest(db: Db, requestId: string, approve: boolean, actor: Actor, comment = ''): { state: 'deployed' | 'unchanged' | 'rejected'; version: number } {
  const reason = comment.trim();
  if (!can(actor.role, 'model.approve')) throw new UserError(`Your role (${actor.role}) may not approve deploys; a viewer (manager) or an admin decides`);
  if (!approve && !reason) throw new UserError('Say why the deploy is rejected', { field: 'comment' });
  return db.transaction(
    (tx) => {
      const request = pendingRequest(tx, requestId);
      if (request.requestedBy === actor.id) throw new UserError('You asked for this deploy; someone else with approval rights must decide it');
      const endpoint = endpointRow(tx, request.endpointId);
      const version = versionRow(tx, request.versionId);
      tx.update(deployRequests)
        .set({ state: approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: Date.now(), decisionComment: reason })
        .where(eq(deployRequests.id, request.id))
        .run();
      const detail = { endpoint: endpoint.name, model: version.modelName, version: version.version, mode: request.mode, requestId: request.id, requestedBy: request.requestedBy, comment: reason };
      settleChallenge(tx, request.id, approve, actor.id);
      if (!approve) {
        audit(tx, { userId: actor.id, action: 'deployment.reject', targetType: 'deploy_request', targetId: request.id, detail });
        return { state: 'rejected' as const, version: version.version };
      }
      const source = { userId: actor.id, runId: request.runId, stepId: request.stepId };
      const outcome = request.mode === 'promote' ? promoteRequested(tx, endpoint, request, source) : applyRollout(tx, endpoint, { versionId: version.id, mode: request.mode, canaryPercent: request.trafficPercent }, source);
      audit(tx, { userId: actor.id, action: 'deployment.approve', targetType: 'deploy_request', targetId: request.id, detail });
      audit(tx, { userId: actor.id, action: request.mode === 'promote' ? 'deployment.promote' : 'deployment.deploy', targetType: 'endpoint', targetId: endpoint.id, detail: { ...detail, approvedBy: actor.id } });
      return { state: outcome.state, version: version.version };
    },
    { behavior: 'immediate' },
  );
}

export function withdrawDeployRequest(db: Db, requestId: string, actor: Actor): void {
  db.transaction((tx) => {
    const request = pendingRequest(tx, requestId);
    if (request.requestedBy !== actor.id && actor.role !== 'admin') throw new UserError('Only the person who asked (or an admin) can withdraw this request');
    tx.update(deployRequests).set({ state: 'withdrawn', decidedBy: actor.id, decidedAt: Date.now() }).where(eq(deployRequests.id, requestId)).run();
    audit(tx, { userId: actor.id, action: 'deployment.withdraw', targetType: 'deploy_request', targetId: requestId, detail: { endpointId: request.endpointId } });
  });
}

function promoteRequested(tx: Db, endpoint: ReturnType<typeof endpointRow>, request: DeployRequest, source: { userId: string }) {
  const live = tx.select().from(deployments).where(and(eq(deployments.endpointId, endpoint.id), eq(deployments.versionId, request.versionId), isNull(deployments.retiredAt))).get();
  if (!live || live.role === 'primary') throw new UserError('That version is no longer a live canary or shadow of this endpoint; ask again for what serves now');
  return promote(tx, endpoint, live.role, source);
}

/** A retrain's challenger waited on this request: its challenge now reads approved or rejected. */
function settleChallenge(tx: Db, requestId: string, approve: boolean, userId: string): void {
  const decided = tx
    .update(challenges)
    .set({ decision: approve ? 'approved' : 'rejected', decidedAt: Date.now() })
    .where(and(eq(challenges.deployRequestId, requestId), eq(challenges.decision, 'awaiting_approval')))
    .returning({ id: challenges.id })
    .all();
  for (const c of decided) audit(tx, { userId, action: approve ? 'challenge.approve' : 'challenge.reject', targetType: 'challenge', targetId: c.id, detail: { requestId } });
}

function pendingRequest(tx: Db, requestId: string): DeployRequest {
  const request = tx.select().from(deployRequests).where(eq(deployRequests.id, requestId)).get();
  if (!request) throw new UserError(`Deploy request ${requestId} was not found`);
  if (request.state !== 'pending') throw new UserError(`This request was already ${request.state}`);
  return request;
}
