// Moving aliases. A move of `production` in a project that asks for approval becomes a request
// that a viewer (manager) or an admin other than the requester approves or rejects. Every move,
// request and decision is an audit event: who, when, from which version to which, and the comment.
import { randomUUID } from 'node:crypto';
import { and, eq, type SQL } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import { can, type Role } from '../auth/roles';
import { first, type AnyDb } from '../db/any-db';
import type { AliasRequest } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { aliasSchema, GUARDED_ALIAS } from './alias-names';
import { loadRegistrySettings } from './registry-settings';

export interface Actor {
  id: string;
  role: Role;
}

export interface AliasChange {
  modelId: string;
  alias: string;
  /** The version number to point at; null removes the alias. */
  version: number | null;
  comment?: string;
  /** id null: `pipeworks promote`, which acts for no user (CI); the audit event says so by its null. */
  actor: { id: string | null };
}

export type AliasOutcome =
  | { state: 'moved'; alias: string; from: number | null; to: number | null }
  | { state: 'unchanged'; alias: string; to: number | null }
  | { state: 'pending'; alias: string; requestId: string; from: number | null; to: number | null };

type Tx = AnyDb;

export async function changeAlias(db: AnyDb, change: AliasChange): Promise<AliasOutcome> {
  const alias = parseAlias(change.alias);
  const comment = change.comment?.trim() ?? '';
  return withTransaction(db, async (tx) => {
    const { aliasRequests, modelVersions } = tx.t;
    const model = await modelRow(tx, change.modelId);
    const target = change.version === null ? null : await liveVersion(tx, model.id, eq(modelVersions.version, change.version));
    const current = await currentTarget(tx, model.id, alias);
    if ((current?.id ?? null) === (target?.id ?? null)) return { state: 'unchanged' as const, alias, to: target?.version ?? null };
    const detail = { model: model.name, modelId: model.id, alias, from: current?.version ?? null, to: target?.version ?? null, comment };
    if (alias === GUARDED_ALIAS && (await loadRegistrySettings(tx, model.projectId)).productionApproval) {
      await supersedePending(tx, model.id, alias, change.actor.id);
      const requestId = randomUUID();
      await tx
        .insert(aliasRequests)
        .values({
          id: requestId,
          modelId: model.id,
          alias,
          versionId: target?.id ?? null,
          fromVersionId: current?.id ?? null,
          state: 'pending',
          requestedBy: change.actor.id,
          requestedAt: Date.now(),
          comment,
        });
      await audit(tx, { userId: change.actor.id, action: 'model.alias.request', targetType: 'alias_request', targetId: requestId, detail });
      return { state: 'pending' as const, alias, requestId, from: detail.from, to: detail.to };
    }
    await pointAlias(tx, model.id, alias, target?.id ?? null, change.actor.id);
    await audit(tx, { userId: change.actor.id, action: 'model.alias.move', targetType: 'model', targetId: model.id, detail });
    return { state: 'moved' as const, alias, from: detail.from, to: detail.to };
  });
}

export interface AliasDecision {
  requestId: string;
  approve: boolean;
  comment?: string;
  actor: Actor;
}

export async function decideAliasRequest(db: AnyDb, decision: AliasDecision): Promise<AliasOutcome> {
  const comment = decision.comment?.trim() ?? '';
  if (!can(decision.actor.role, 'model.approve')) {
    throw new UserError(`Your role (${decision.actor.role}) may not approve promotions; a viewer (manager) or an admin decides`);
  }
  if (!decision.approve && !comment) throw new UserError('Say why the move is rejected', { field: 'comment' });
  return withTransaction(db, async (tx) => {
    const { aliasRequests, modelVersions } = tx.t;
    const request = await pendingRequest(tx, decision.requestId);
    if (request.requestedBy === decision.actor.id) {
      throw new UserError('You asked for this move; someone else with approval rights must decide it');
    }
    const model = await modelRow(tx, request.modelId);
    const target = request.versionId === null ? null : await liveVersion(tx, model.id, eq(modelVersions.id, request.versionId));
    const current = await currentTarget(tx, model.id, request.alias);
    const now = Date.now();
    await tx
      .update(aliasRequests)
      .set({ state: decision.approve ? 'approved' : 'rejected', decidedBy: decision.actor.id, decidedAt: now, decisionComment: comment })
      .where(eq(aliasRequests.id, request.id));
    const detail = {
      model: model.name,
      modelId: model.id,
      alias: request.alias,
      from: current?.version ?? null,
      to: target?.version ?? null,
      comment,
      requestId: request.id,
      requestedBy: request.requestedBy,
      requestComment: request.comment,
    };
    if (!decision.approve) {
      await audit(tx, { userId: decision.actor.id, action: 'model.alias.reject', targetType: 'alias_request', targetId: request.id, detail });
      return { state: 'unchanged' as const, alias: request.alias, to: current?.version ?? null };
    }
    await audit(tx, { userId: decision.actor.id, action: 'model.alias.approve', targetType: 'alias_request', targetId: request.id, detail });
    await pointAlias(tx, model.id, request.alias, target?.id ?? null, decision.actor.id);
    await audit(tx, { userId: decision.actor.id, action: 'model.alias.move', targetType: 'model', targetId: model.id, detail: { ...detail, approvedBy: decision.actor.id } });
    return { state: 'moved' as const, alias: request.alias, from: detail.from, to: detail.to };
  });
}

/** The requester takes a pending request back. */
export async function withdrawAliasRequest(db: AnyDb, requestId: string, actor: Actor): Promise<void> {
  await withTransaction(db, async (tx) => {
    const { aliasRequests } = tx.t;
    const request = await pendingRequest(tx, requestId);
    if (request.requestedBy !== actor.id && actor.role !== 'admin') throw new UserError('Only the person who asked (or an admin) can withdraw this request');
    await tx.update(aliasRequests).set({ state: 'withdrawn', decidedBy: actor.id, decidedAt: Date.now() }).where(eq(aliasRequests.id, requestId));
    await audit(tx, { userId: actor.id, action: 'model.alias.withdraw', targetType: 'alias_request', targetId: requestId, detail: { modelId: request.modelId, alias: request.alias } });
  });
}

function parseAlias(value: string): string {
  const parsed = aliasSchema.safeParse(value);
  if (!parsed.success) throw new UserError(parsed.error.issues[0].message, { field: 'alias' });
  return parsed.data;
}

async function modelRow(tx: Tx, modelId: string) {
  const { registeredModels } = tx.t;
  const model = first(await tx.select().from(registeredModels).where(eq(registeredModels.id, modelId)).limit(1));
  if (!model) throw new UserError(`Model ${modelId} was not found`);
  return model;
}

async function liveVersion(tx: Tx, modelId: string, which: SQL) {
  const { modelVersions } = tx.t;
  const version = first(
    await tx
      .select({ id: modelVersions.id, version: modelVersions.version, deletedAt: modelVersions.deletedAt })
      .from(modelVersions)
      .where(and(which, eq(modelVersions.modelId, modelId)))
      .limit(1),
  );
  if (!version) throw new UserError('This model has no such version', { field: 'version' });
  if (version.deletedAt !== null) throw new UserError(`Version ${version.version} was deleted; an alias cannot point at it`, { field: 'version' });
  return version;
}

async function currentTarget(tx: Tx, modelId: string, alias: string) {
  const { modelAliases, modelVersions } = tx.t;
  return first(
    await tx
      .select({ id: modelVersions.id, version: modelVersions.version })
      .from(modelAliases)
      .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
      .where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, alias)))
      .limit(1),
  );
}

/** Points an alias at a version inside the caller's transaction, with no approval check: callers decide that. */
export async function pointAlias(tx: Tx, modelId: string, alias: string, versionId: string | null, userId: string | null): Promise<void> {
  const { modelAliases } = tx.t;
  if (versionId === null) {
    await tx.delete(modelAliases).where(and(eq(modelAliases.modelId, modelId), eq(modelAliases.alias, alias)));
    return;
  }
  const now = Date.now();
  await tx
    .insert(modelAliases)
    .values({ modelId, alias, versionId, setBy: userId, setAt: now })
    .onConflictDoUpdate({ target: [modelAliases.modelId, modelAliases.alias], set: { versionId, setBy: userId, setAt: now } });
}

async function pendingRequest(tx: Tx, requestId: string): Promise<AliasRequest> {
  const { aliasRequests } = tx.t;
  const request = first(await tx.select().from(aliasRequests).where(eq(aliasRequests.id, requestId)).limit(1));
  if (!request) throw new UserError(`Request ${requestId} was not found`);
  if (request.state !== 'pending') throw new UserError(`This request was already ${request.state}`);
  return request;
}

/** A newer request for the same alias replaces an older pending one: approvers see one question. */
async function supersedePending(tx: Tx, modelId: string, alias: string, userId: string | null): Promise<void> {
  const { aliasRequests } = tx.t;
  await tx
    .update(aliasRequests)
    .set({ state: 'superseded', decidedBy: userId, decidedAt: Date.now() })
    .where(and(eq(aliasRequests.modelId, modelId), eq(aliasRequests.alias, alias), eq(aliasRequests.state, 'pending')));
}
