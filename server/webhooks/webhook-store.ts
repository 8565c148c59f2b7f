// Project webhooks and the admin's allow-list of origins they may reach. A webhook's secret is
// returned once, when it is made; lists never carry it.
import { randomBytes, randomUUID } from 'node:crypto';
import { asc, desc, eq, getTableColumns } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import { isMetadataHostname } from './address-class';
import { originOf } from './target-guard';

function parseHttpUrl(text: string, field: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError(`"${text}" is not a URL; write it like https://hooks.example.com/path`, { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`${url.protocol} is not allowed; use http or https`, { field });
  if (url.username || url.password) throw new UserError('Credentials in the URL are not allowed; put them in the path or ask the receiver for a token', { field });
  if (isMetadataHostname(url.hostname)) throw new UserError(`${url.hostname} is a cloud metadata service and can never be a webhook target`, { field });
  return url;
}

export async function listAllowlist(db: AnyDb) {
  return db.select().from(db.t.webhookAllowlist).orderBy(asc(db.t.webhookAllowlist.origin));
}

/** Adds an origin (scheme://host[:port]); a path, query or fragment is refused rather than dropped. */
export async function addAllowEntry(db: AnyDb, input: { origin: string; allowPrivate: boolean }, userId: string, now = Date.now()) {
  const { webhookAllowlist } = db.t;
  const url = parseHttpUrl(input.origin, 'origin');
  if (url.pathname !== '/' || url.search || url.hash) throw new UserError(`An allow-list entry is an origin only (${originOf(url)}), without a path, query or fragment`, { field: 'origin' });
  const origin = originOf(url);
  if (first(await db.select({ id: webhookAllowlist.id }).from(webhookAllowlist).where(eq(webhookAllowlist.origin, origin)).limit(1))) throw new UserError(`${origin} is already on the allow-list`, { field: 'origin' });
  const row = { id: randomUUID(), origin, allowPrivate: input.allowPrivate, createdBy: userId, createdAt: now };
  await db.insert(webhookAllowlist).values(row);
  return row;
}

export async function removeAllowEntry(db: AnyDb, id: string) {
  const { webhookAllowlist } = db.t;
  const row = first(await db.select().from(webhookAllowlist).where(eq(webhookAllowlist.id, id)).limit(1));
  if (!row) throw new UserError(`Allow-list entry ${id} was not found`, { field: 'id' });
  await db.delete(webhookAllowlist).where(eq(webhookAllowlist.id, id));
  return row;
}

const publicColumns = (webhooks: AnyDb['t']['webhooks']) => ({ id: webhooks.id, projectId: webhooks.projectId, name: webhooks.name, url: webhooks.url, createdBy: webhooks.createdBy, createdAt: webhooks.createdAt });

export async function listWebhooks(db: AnyDb, projectId: string) {
  const { webhooks } = db.t;
  return db.select(publicColumns(webhooks)).from(webhooks).where(eq(webhooks.projectId, projectId)).orderBy(asc(webhooks.createdAt), asc(webhooks.id));
}

/** Makes a webhook whose origin an admin allow-listed; the secret is in this answer only. */
export async function createWebhook(db: AnyDb, input: { projectId: string; name: string; url: string }, userId: string, now = Date.now()) {
  const { projects, webhookAllowlist, webhooks } = db.t;
  if (!first(await db.select({ id: projects.id }).from(projects).where(eq(projects.id, input.projectId)).limit(1))) throw new UserError(`Project ${input.projectId} was not found`, { field: 'projectId' });
  const url = parseHttpUrl(input.url, 'url');
  const origin = originOf(url);
  if (!first(await db.select({ id: webhookAllowlist.id }).from(webhookAllowlist).where(eq(webhookAllowlist.origin, origin)).limit(1))) {
    throw new UserError(`${origin} is not on the webhook allow-list; an admin can add it under Admin → Webhooks`, { field: 'url' });
  }
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const row = { id: randomUUID(), projectId: input.projectId, name: input.name, url: url.href, secret, createdBy: userId, createdAt: now };
  await db.insert(webhooks).values(row);
  const { secret: shownOnce, ...rest } = row;
  return { webhook: rest, secret: shownOnce };
}

export async function deleteWebhook(db: AnyDb, id: string) {
  const { webhooks } = db.t;
  const row = first(await db.select(publicColumns(webhooks)).from(webhooks).where(eq(webhooks.id, id)).limit(1));
  if (!row) throw new UserError(`Webhook ${id} was not found`, { field: 'id' });
  await db.delete(webhooks).where(eq(webhooks.id, id));
  return row;
}

/** A webhook's deliveries, newest first, with their state and attempts (the bodies stay in the table). */
export async function listDeliveries(db: AnyDb, webhookId: string, limit: number) {
  const { webhookDeliveries } = db.t;
  const { payload: _body, ...columns } = getTableColumns(webhookDeliveries);
  return db.select(columns).from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.at), desc(webhookDeliveries.id)).limit(limit);
}
