// The rollout invariants, applied inside the caller's transaction: live rows (retiredAt null) are
// exactly one primary, at most one canary (1..99 % of traffic, the primary the rest) and at most one
// shadow; every change bumps endpoints.revision, which the serving process follows. A change of
// primary also moves the model's `production` alias there: production is what answers clients.
// Every function here runs on the caller's transaction (`withTransaction`): it awaits only its queries.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import type { Deployment, DeploymentReason, DeploymentRole, Endpoint } from '../db/schema';
import { pointAlias } from '../registry/aliases';
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

/** The endpoint's live rows in insertion order (`seq`). */
export async function liveDeployments(tx: AnyDb, endpointId: string): Promise<Deployment[]> {
  const { deployments } = tx.t;
  return tx.select().from(deployments).where(and(eq(deployments.endpointId, endpointId), isNull(deployments.retiredAt))).orderBy(asc(deployments.seq));
}

/** Every change to an endpoint, its deployments or keys goes through here: serving re-reads on a new revision. */
export async function bumpRevision(tx: AnyDb, endpointId: string, now: number, extra: Partial<Endpoint> = {}): Promise<number> {
  const { endpoints } = tx.t;
  const row = first(
    await tx
      .update(endpoints)
      .set({ ...extra, revision: sql`${endpoints.revision} + 1`, updatedAt: now })
      .where(eq(endpoints.id, endpointId))
      .returning({ revision: endpoints.revision }),
  );
  if (!row) throw new UserError(`Endpoint ${endpointId} was not found`);
  return row.revision;
}

export async function applyRollout(tx: AnyDb, endpoint: Endpoint, rollout: Rollout, source: ChangeSource): Promise<RolloutOutcome> {
  const version = await servableVersion(tx, endpoint, rollout.versionId);
  const live = await liveDeployments(tx, endpoint.id);
  const primary = live.find((d) => d.role === 'primary');
  const canary = live.find((d) => d.role === 'canary');
  const now = Date.now();
  switch (rollout.mode) {
    case 'replace': {
      if (primary?.versionId === version.id && endpoint.undeployedAt === null) {
        return { state: 'unchanged', role: 'primary', version: version.version, revision: endpoint.revision };
      }
      if (primary) await retire(tx, primary.id, now, source.userId);
      // The new version takes over from a canary or shadow of the same version: one row per version.
      for (const d of live) if (d.role !== 'primary' && d.versionId === version.id) await retire(tx, d.id, now, source.userId);
      const share = canary && canary.versionId !== version.id ? canary.trafficPercent : 0;
      await insert(tx, endpoint.id, version.id, 'primary', 100 - share, 'deploy', now, source);
      await moveProduction(tx, endpoint, version, source.userId);
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
      if (canary) await retire(tx, canary.id, now, source.userId);
      await insert(tx, endpoint.id, version.id, 'canary', percent, 'canary', now, source);
      await tx.update(tx.t.deployments).set({ trafficPercent: 100 - percent }).where(eq(tx.t.deployments.id, primary.id));
      return done(tx, endpoint, 'canary', version.version, now);
    }
    case 'shadow': {
      if (!primary || endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" has no live primary for a shadow to follow; deploy with mode replace first`, { field: 'mode' });
      if (primary.versionId === version.id) throw new UserError(`Version ${version.version} already answers as the primary; a shadow must be another version`, { field: 'version' });
      const shadow = live.find((d) => d.role === 'shadow');
      if (shadow?.versionId === version.id) return { state: 'unchanged', role: 'shadow', version: version.version, revision: endpoint.revision };
      if (shadow) await retire(tx, shadow.id, now, source.userId);
      await insert(tx, endpoint.id, version.id, 'shadow', 0, 'shadow', now, source);
      return done(tx, endpoint, 'shadow', version.version, now);
    }
  }
}

/** The live canary or shadow becomes the primary; the old primary is retired (rollback brings it back). */
export async function promote(tx: AnyDb, endpoint: Endpoint, role: 'canary' | 'shadow', source: ChangeSource): Promise<RolloutOutcome> {
  const live = await liveDeployments(tx, endpoint.id);
  const challenger = live.find((d) => d.role === role);
  if (!challenger) throw new UserError(`Endpoint "${endpoint.name}" has no live ${role} to promote`, { field: 'role' });
  const primary = live.find((d) => d.role === 'primary')!;
  const version = await servableVersion(tx, endpoint, challenger.versionId);
  const now = Date.now();
  await retire(tx, primary.id, now, source.userId);
  await retire(tx, challenger.id, now, source.userId);
  const canary = live.find((d) => d.role === 'canary');
  const share = role === 'shadow' && canary ? canary.trafficPercent : 0;
  await insert(tx, endpoint.id, version.id, 'primary', 100 - share, 'promote', now, source);
  await moveProduction(tx, endpoint, version, source.userId);
  return done(tx, endpoint, 'primary', version.version, now);
}

/**
 * Back to the version that served as primary before the live one. Primaries form a stack: a deploy
 * or promote pushes, a rollback pops, so rolling back twice goes two versions back, not back and forth.
 */
export async function rollback(tx: AnyDb, endpoint: Endpoint, source: ChangeSource): Promise<RolloutOutcome & { from: number }> {
  if (endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" is undeployed; deploy a version to serve it again`);
  const { deployments } = tx.t;
  const stack: string[] = [];
  const primaries = await tx
    .select({ versionId: deployments.versionId, reason: deployments.reason })
    .from(deployments)
    .where(and(eq(deployments.endpointId, endpoint.id), eq(deployments.role, 'primary')))
    .orderBy(asc(deployments.seq));
  for (const row of primaries) {
    if (row.reason === 'rollback') stack.pop();
    else if (stack.at(-1) !== row.versionId) stack.push(row.versionId);
  }
  const live = await liveDeployments(tx, endpoint.id);
  const primary = live.find((d) => d.role === 'primary');
  const previousId = stack.at(-2);
  if (!primary || previousId === undefined) throw new UserError(`Endpoint "${endpoint.name}" has no earlier primary version to roll back to`);
  const from = await servableVersion(tx, endpoint, primary.versionId, true);
  const version = await servableVersion(tx, endpoint, previousId);
  const now = Date.now();
  await retire(tx, primary.id, now, source.userId);
  for (const d of live) if (d.role !== 'primary' && d.versionId === version.id) await retire(tx, d.id, now, source.userId);
  const canary = live.find((d) => d.role === 'canary' && d.versionId !== version.id);
  await insert(tx, endpoint.id, version.id, 'primary', 100 - (canary?.trafficPercent ?? 0), 'rollback', now, source);
  await moveProduction(tx, endpoint, version, source.userId);
  return { ...(await done(tx, endpoint, 'primary', version.version, now)), from: from.version };
}

/** Retires every live deployment; the endpoint answers 404 until a version is deployed again. */
export async function undeploy(tx: AnyDb, endpoint: Endpoint, source: ChangeSource): Promise<{ revision: number }> {
  if (endpoint.undeployedAt !== null) throw new UserError(`Endpoint "${endpoint.name}" is already undeployed`);
  const now = Date.now();
  for (const d of await liveDeployments(tx, endpoint.id)) await retire(tx, d.id, now, source.userId);
  return { revision: await bumpRevision(tx, endpoint.id, now, { undeployedAt: now, undeployedBy: source.userId }) };
}

async function servableVersion(tx: AnyDb, endpoint: Endpoint, versionId: string, allowDeleted = false) {
  const { modelVersions } = tx.t;
  const version = first(
    await tx
      .select({ id: modelVersions.id, version: modelVersions.version, modelId: modelVersions.modelId, deletedAt: modelVersions.deletedAt })
      .from(modelVersions)
      .where(eq(modelVersions.id, versionId))
      .limit(1),
  );
  if (!version || version.modelId !== endpoint.modelId) throw new UserError(`Endpoint "${endpoint.name}" serves another model; that version is not one of its versions`, { field: 'version' });
  if (version.deletedAt !== null && !allowDeleted) throw new UserError(`Version ${version.version} was deleted; it cannot serve`, { field: 'version' });
  return version;
}

async function retire(tx: AnyDb, id: string, now: number, userId: string | null): Promise<void> {
  const { deployments } = tx.t;
  await tx.update(deployments).set({ retiredAt: now, retiredBy: userId }).where(eq(deployments.id, id));
}

/** `seq` is left to the insert (schema.ts), which numbers the row after every earlier one. */
async function insert(tx: AnyDb, endpointId: string, versionId: string, role: DeploymentRole, trafficPercent: number, reason: DeploymentReason, now: number, source: ChangeSource): Promise<void> {
  await tx
    .insert(tx.t.deployments)
    .values({ id: randomUUID(), endpointId, versionId, role, trafficPercent, reason, runId: source.runId ?? null, stepId: source.stepId ?? null, createdBy: source.userId, createdAt: now });
}

async function done(tx: AnyDb, endpoint: Endpoint, role: DeploymentRole, version: number, now: number, extra: Partial<Endpoint> = {}): Promise<RolloutOutcome> {
  return { state: 'deployed', role, version, revision: await bumpRevision(tx, endpoint.id, now, extra) };
}

async function moveProduction(tx: AnyDb, endpoint: Endpoint, version: { id: string; version: number }, userId: string | null): Promise<void> {
  const { modelAliases, modelVersions } = tx.t;
  const current = first(
    await tx
      .select({ id: modelVersions.id, version: modelVersions.version })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(and(eq(modelAliases.modelId, endpoint.modelId), eq(modelAliases.alias, GUARDED_ALIAS)))
      .limit(1),
  );
  if (current?.id === version.id) return;
  await pointAlias(tx, endpoint.modelId, GUARDED_ALIAS, version.id, userId);
  await audit(tx, {
    userId,
    action: 'model.alias.move',
    targetType: 'model',
    targetId: endpoint.modelId,
    detail: { modelId: endpoint.modelId, alias: GUARDED_ALIAS, from: current?.version ?? null, to: version.version, comment: '', via: 'deployment', endpoint: endpoint.name },
  });
}
