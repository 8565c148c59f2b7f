// The rollout invariants, applied inside the caller's transaction: live rows (retiredAt null) are
// exactly one primary, at most one canary (1..99 % of traffic, the primary the rest) and at most one
// shadow; every change bumps endpoints.revision, which the serving process follows. A change of
// primary also moves the model's `production` alias there: production is what answers clients.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { deployments, endpoints, modelAliases, modelVersions, type Deployment, type DeploymentReason, type DeploymentRole, type Endpoint } from '../db/schema';
import { moveAlias } from '../registry/aliases';
import { GUARDED_ALIAS } from '../registry/alias-names';

export const ROLLOUT_MODES = ['replace', 'canary', 'shadow'] as const;
export type RolloutMode = (typeof ROLLOUT_MODES)[number];

export interface Rollout {
  versionId: string;
  mode: RolloutMode;
  /** The canary's share of requests, 1..99; ignored for other modes. */
  canaryPercent?: number;
}

/** Who did it: a person on the deployment page, or a run's deploy step (its creator, its ids). */
export interface ChangeSource {
  userId: string | null;
  runId?: string | null;
  stepId?: string | null;
}

export type RolloutOutcome = { state: 'deployed' | 'unchanged'; role: DeploymentRole; version: number; revision: number };

export function liveDeployments(tx: Db, endpointId: string): Deployment[] {
  return tx.select().from(deployments).where(and(eq(deployments.endpointId, endpointId), isNull(deployments.retiredAt))).orderBy(asc(sql`rowid`)).all();
}

/** Every change to an endpoint, its deployments or keys goes through here: serving re-reads on a new revision. */
export function bumpRevision(tx: Db, endpointId: string, now: number, extra: Partial<Endpoint> = {}): number {
  const row = tx
    .update(endpoints)
    .set({ ...extra, revision: sql`${endpoints.revision} + 1`, updatedAt: now })
    .where(eq(endpoints.id, endpointId))
    .returning({ revision: endpoints.revision })
    .get();
  if (!row) throw new UserError(`Endpoint ${endpointId} was not found`);
  return row.revision;
}

export function applyRollout(tx: Db, endpoint: Endpoint, rollout: Rollout, source: ChangeSource): RolloutOutcome {
  const version = servableVersion(tx, endpoint, rollout.versionId);
  const live = liveDeployments(tx, endpoint.id);
  const primary = live.find((d) => d.role === 'primary');
  const canary = live.find((d) => d.role === 'canary');
  const now = Date.now();
  switch (rollout.mode) {
    case 'replace': {
      if (primary?.versionId === version.id && endpoint.undeployedAt === null) {
        return { state: 'unchanged', role: 'primary', version: version.version, revision: endpoint.revision };
      }
      if (primary) retire(tx, primary.id, now, source.userId);
      // The new version takes over from a canary or shadow of the same version: one row per version.
      for (const d of live) if (d.role !== 'primary' && d.versionId === version.id) retire(tx, d.id, now, source.userId);
      const share = canary && canary.versionId !== version.id ? canary.trafficPercent : 0;
      insert(tx, endpoint.id, version.id, 'primary', 100 - share, 'deploy', now, source);
      moveProduction(tx, endpoint, version, source.userId);
      return done(tx, endpoint, 'primary', version.version, now, { undeployedAt: null, undeployedBy: null });
    }
    case 'canary': {
      const percent = rollout.canaryPercent;
      if (percent === undefined || !Number.isInteger(percent) || percent < 1 || percent > 99) {
        throw new UserError('A canary takes a whole percentage of traffic from 1 to 99', { field: 'canaryPercent' });
      }
      if (!primary || endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" has no live primary to split traffic with; deploy with mode replace first`, { field: 'mode' });
      if (primary.versionId === version.id) throw new UserError(`Version ${version.version} already answers as the primary; a canary must be another version`, { field: 'version' });
      if (canary?.versionId === version.id && canary.trafficPercent === percent) {
        return { state: 'unchanged', role: 'canary', version: version.version, revision: endpoint.revision };
      }
      if (canary) retire(tx, canary.id, now, source.userId);
      insert(tx, endpoint.id, version.id, 'canary', percent, 'canary', now, source);
      tx.update(deployments).set({ trafficPercent: 100 - percent }).where(eq(deployments.id, primary.id)).run();
      return done(tx, endpoint, 'canary', version.version, now);
    }
    case 'shadow': {
      if (!primary || endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" has no live primary for a shadow to follow; deploy with mode replace first`, { field: 'mode' });
      if (primary.versionId === version.id) throw new UserError(`Version ${version.version} already answers as the primary; a shadow must be another version`, { field: 'version' });
      const shadow = live.find((d) => d.role === 'shadow');
      if (shadow?.versionId === version.id) return { state: 'unchanged', role: 'shadow', version: version.version, revision: endpoint.revision };
      if (shadow) retire(tx, shadow.id, now, source.userId);
      insert(tx, endpoint.id, version.id, 'shadow', 0, 'shadow', now, source);
      return done(tx, endpoint, 'shadow', version.version, now);
    }
  }
}

/** The live canary or shadow becomes the primary; the old primary is retired (rollback brings it back). */
export function promote(tx: Db, endpoint: Endpoint, role: 'canary' | 'shadow', source: ChangeSource): RolloutOutcome {
  const live = liveDeployments(tx, endpoint.id);
  const challenger = live.find((d) => d.role === role);
  if (!challenger) throw new UserError(`Endpoint "${endpoint.name}" has no live ${role} to promote`, { field: 'role' });
  const primary = live.find((d) => d.role === 'primary')!;
  const version = servableVersion(tx, endpoint, challenger.versionId);
  const now = Date.now();
  retire(tx, primary.id, now, source.userId);
  retire(tx, challenger.id, now, source.userId);
  const canary = live.find((d) => d.role === 'canary');
  const share = role === 'shadow' && canary ? canary.trafficPercent : 0;
  insert(tx, endpoint.id, version.id, 'primary', 100 - share, 'promote', now, source);
  moveProduction(tx, endpoint, version, source.userId);
  return done(tx, endpoint, 'primary', version.version, now);
}

/**
 * Back to the version that served as primary before the live one. Primaries form a stack: a deploy
 * or promote pushes, a rollback pops, so rolling back twice goes two versions back, not back and forth.
 */
export function rollback(tx: Db, endpoint: Endpoint, source: ChangeSource): RolloutOutcome & { from: number } {
  if (endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" is undeployed; deploy a version to serve it again`);
  const stack: string[] = [];
  const primaries = tx
    .select({ versionId: deployments.versionId, reason: deployments.reason })
    .from(deployments)
    .where(and(eq(deployments.endpointId, endpoint.id), eq(deployments.role, 'primary')))
    .orderBy(asc(sql`rowid`))
    .all();
  for (const row of primaries) {
    if (row.reason === 'rollback') stack.pop();
    else if (stack.at(-1) !== row.versionId) stack.push(row.versionId);
  }
  const live = liveDeployments(tx, endpoint.id);
  const primary = live.find((d) => d.role === 'primary');
  const previousId = stack.at(-2);
  if (!primary || previousId === undefined) throw new UserError(`Endpoint "${endpoint.name}" has no earlier primary version to roll back to`);
  const from = servableVersion(tx, endpoint, primary.versionId, true);
  const version = servableVersion(tx, endpoint, previousId);
  const now = Date.now();
  retire(tx, primary.id, now, source.userId);
  for (const d of live) if (d.role !== 'primary' && d.versionId === version.id) retire(tx, d.id, now, source.userId);
  const canary = live.find((d) => d.role === 'canary' && d.versionId !== version.id);
  insert(tx, endpoint.id, version.id, 'primary', 100 - (canary?.trafficPercent ?? 0), 'rollback', now, source);
  moveProduction(tx, endpoint, version, source.userId);
  return { ...done(tx, endpoint, 'primary', version.version, now), from: from.version };
}

/** Retires every live deployment; the endpoint answers 404 until a version is deployed again. */
export function undeploy(tx: Db, endpoint: Endpoint, source: ChangeSource): { revision: number } {
  if (endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" is already undeployed`);
  const now = Date.now();
  for (const d of liveDeployments(tx, endpoint.id)) retire(tx, d.id, now, source.userId);
  return { revision: bumpRevision(tx, endpoint.id, now, { undeployedAt: now, undeployedBy: source.userId }) };
}

function servableVersion(tx: Db, endpoint: Endpoint, versionId: string, allowDeleted = false) {
  const version = tx
    .select({ id: modelVersions.id, version: modelVersions.version, modelId: modelVersions.modelId, deletedAt: modelVersions.deletedAt })
    .from(modelVersions)
    .where(eq(modelVersions.id, versionId))
    .get();
  if (!version || version.modelId !== endpoint.modelId) throw new UserError(`Endpoint "${endpoint.name}" serves another model; that version is not one of its versions`, { field: 'version' });
  if (version.deletedAt !== null && !allowDeleted) throw new UserError(`Version ${version.version} was deleted; it cannot serve`, { field: 'version' });
  return version;
}

function retire(tx: Db, id: string, now: number, userId: string | null): void {
  tx.update(deployments).set({ retiredAt: now, retiredBy: userId }).where(eq(deployments.id, id)).run();
}

function insert(tx: Db, endpointId: string, versionId: string, role: DeploymentRole, trafficPercent: number, reason: DeploymentReason, now: number, source: ChangeSource): void {
  tx.insert(deployments)
    .values({ id: randomUUID(), endpointId, versionId, role, trafficPercent, reason, runId: source.runId ?? null, stepId: source.stepId ?? null, createdBy: source.userId, createdAt: now })
    .run();
}

function done(tx: Db, endpoint: Endpoint, role: DeploymentRole, version: number, now: number, extra: Partial<Endpoint> = {}): RolloutOutcome {
  return { state: 'deployed', role, version, revision: bumpRevision(tx, endpoint.id, now, extra) };
}

function moveProduction(tx: Db, endpoint: Endpoint, version: { id: string; version: number }, userId: string | null): void {
  const current = tx
    .select({ id: modelVersions.id, version: modelVersions.version })
    .from(modelAliases)
    .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
    .where(and(eq(modelAliases.modelId, endpoint.modelId), eq(modelAliases.alias, GUARDED_ALIAS)))
    .get();
  if (current?.id === version.id) return;
  moveAlias(tx, endpoint.modelId, GUARDED_ALIAS, version.id, userId);
  audit(tx, {
    userId,
    action: 'model.alias.move',
    targetType: 'model',
    targetId: endpoint.modelId,
    detail: { modelId: endpoint.modelId, alias: GUARDED_ALIAS, from: current?.version ?? null, to: version.version, comment: '', via: 'deployment', endpoint: endpoint.name },
  });
}
