// The workers the server has heard from: each heartbeat replaces the worker's row. A worker is
// "connected" while its last heartbeat is recent; rows of long-gone workers are pruned.
import { desc, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { AnyDb } from '../db/any-db';
import type { QueueWorker } from '../db/schema';

/** Workers beat every HEARTBEAT_MS; three missed beats and the worker is shown as gone. */
export const HEARTBEAT_MS = 5_000;
export const CONNECTED_WITHIN_MS = 3 * HEARTBEAT_MS;
const PRUNE_AFTER_MS = 24 * 3_600_000;

export const heartbeatSchema = z.strictObject({
  workerId: z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, 'a worker id is 1 to 200 letters, digits, and . _ : -'),
  hostname: z.string().min(1).max(255),
  capabilities: z.record(z.string().max(64), z.union([z.boolean(), z.number(), z.string().max(200)])),
  concurrency: z.number().int().min(1).max(1024),
  active: z.number().int().min(0).max(1_000_000),
  loadAverage: z.number().min(0).max(1_000_000),
  startedAt: z.number().int().min(0),
});
export type Heartbeat = z.infer<typeof heartbeatSchema>;

export async function recordHeartbeat(db: AnyDb, tokenId: string, beat: Heartbeat, now = Date.now()): Promise<void> {
  const queueWorkers = db.t.queueWorkers;
  const row = { ...beat, id: beat.workerId, tokenId, lastHeartbeatAt: now };
  const { workerId: _id, ...values } = row;
  await db
    .insert(queueWorkers)
    .values(values)
    .onConflictDoUpdate({ target: queueWorkers.id, set: { ...values } });
  await db.delete(queueWorkers).where(lt(queueWorkers.lastHeartbeatAt, now - PRUNE_AFTER_MS));
}

/** Workers heard from recently, newest heartbeat first. */
export async function connectedWorkers(db: AnyDb, now = Date.now()): Promise<QueueWorker[]> {
  const queueWorkers = db.t.queueWorkers;
  return await db.select().from(queueWorkers).where(gte(queueWorkers.lastHeartbeatAt, now - CONNECTED_WITHIN_MS)).orderBy(desc(queueWorkers.lastHeartbeatAt));
}
