// Creating an endpoint and changing its settings. Names are unique across the installation
// because they appear in serving URLs.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { endpointNameSchema } from '../../nodes/deploy/endpoint-name';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import { UNSEEN_CATEGORY_POLICIES, type Endpoint, type UnseenCategoryPolicy } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { endpointByName, endpointRow } from './endpoint-row';
import { bumpRevision } from './rollout';

export interface NewEndpoint {
  name: string;
  modelId: string;
  description?: string;
  userId: string | null;
}

export function parseEndpointName(name: string): string {
  const parsed = endpointNameSchema.safeParse(name);
  if (!parsed.success) throw new UserError(parsed.error.issues[0].message, { field: 'name' });
  return parsed.data;
}

/** Inside the caller's transaction, so a deploy step can create its endpoint and deploy in one. */
export async function insertEndpoint(tx: AnyDb, input: NewEndpoint): Promise<Endpoint> {
  const { endpoints, registeredModels } = tx.t;
  const name = parseEndpointName(input.name);
  const model = first(await tx.select({ id: registeredModels.id, projectId: registeredModels.projectId }).from(registeredModels).where(eq(registeredModels.id, input.modelId)).limit(1));
  if (!model) throw new UserError(`Model ${input.modelId} was not found`, { field: 'modelId' });
  if (await endpointByName(tx, name)) throw new UserError(`An endpoint named "${name}" already exists; endpoint names are unique because they appear in URLs`, { field: 'name' });
  const now = Date.now();
  const id = randomUUID();
  await tx
    .insert(endpoints)
    .values({ id, projectId: model.projectId, name, modelId: model.id, description: input.description?.trim() ?? '', createdBy: input.userId, createdAt: now, updatedAt: now });
  await audit(tx, { userId: input.userId, action: 'endpoint.create', targetType: 'endpoint', targetId: id, detail: { name, modelId: model.id } });
  return endpointRow(tx, id);
}

export async function createEndpoint(db: AnyDb, input: NewEndpoint): Promise<Endpoint> {
  return withTransaction(db, (tx) => insertEndpoint(tx, input));
}

export interface EndpointSettings {
  description?: string;
  /** Fraction of requests written to the prediction log, 0..1. */
  logSampleRate?: number;
  maxBodyBytes?: number;
  rateLimitPerMinute?: number;
  /** 'refuse' (default): an unseen categorical value is a 400; 'accept': it is scored in the unseen bucket. */
  unseenCategories?: UnseenCategoryPolicy;
}

export const SETTINGS_LIMITS = {
  maxBodyBytes: { min: 1024, max: 64 * 1024 * 1024 },
  rateLimitPerMinute: { min: 1, max: 1_000_000 },
} as const;

export async function updateEndpointSettings(db: AnyDb, endpointId: string, settings: EndpointSettings, userId: string): Promise<Endpoint> {
  const { logSampleRate, maxBodyBytes, rateLimitPerMinute, unseenCategories } = settings;
  if (unseenCategories !== undefined && !UNSEEN_CATEGORY_POLICIES.includes(unseenCategories)) {
    throw new UserError(`Unseen categories are ${UNSEEN_CATEGORY_POLICIES.map((p) => `"${p}"`).join(' or ')}, not "${String(unseenCategories)}"`, { field: 'unseenCategories' });
  }
  if (logSampleRate !== undefined && !(logSampleRate >= 0 && logSampleRate <= 1)) throw new UserError('The log sample rate is a fraction from 0 to 1', { field: 'logSampleRate' });
  for (const [field, value] of Object.entries({ maxBodyBytes, rateLimitPerMinute })) {
    const { min, max } = SETTINGS_LIMITS[field as keyof typeof SETTINGS_LIMITS];
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) throw new UserError(`${field} is a whole number from ${min} to ${max}`, { field });
  }
  return withTransaction(db, async (tx) => {
    const before = await endpointRow(tx, endpointId);
    const change = Object.fromEntries(Object.entries({ ...settings, description: settings.description?.trim() }).filter(([, v]) => v !== undefined));
    await bumpRevision(tx, endpointId, Date.now(), change);
    const from = Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof Endpoint]]));
    await audit(tx, { userId, action: 'endpoint.settings', targetType: 'endpoint', targetId: endpointId, detail: { endpoint: before.name, from, to: change } });
    return endpointRow(tx, endpointId);
  });
}
