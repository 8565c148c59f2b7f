// Settings of the whole installation, changed by admins. Today one: whether cache keys leave the
// node code out, so results computed before an upgrade stay reusable (off by default).
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit';
import { first, isAnyDb, type AnyDb } from '../db/any-db';
import type { Db } from '../db/client';
import { instanceSettings as sqliteInstanceSettings } from '../db/schema';
import { withTransaction } from '../db/transaction';

export interface InstanceSettings {
  /** "Treat upgrades as cache-compatible": built-in steps are keyed by node type and version only. */
  upgradesCacheCompatible: boolean;
}

const DEFAULTS: InstanceSettings = { upgradesCacheCompatible: false };
/** The table holds at most this one row. */
const ROW_ID = 1;

export function readInstanceSettings(db: AnyDb): Promise<InstanceSettings>;
/** pg: pipelines. The synchronous read for the not-yet-converted plan compiler (compile-doc.ts). */
export function readInstanceSettings(db: Db): InstanceSettings;
export function readInstanceSettings(db: AnyDb | Db): Promise<InstanceSettings> | InstanceSettings {
  if (isAnyDb(db)) return readOn(db);
  const row = db
    .select({ upgradesCacheCompatible: sqliteInstanceSettings.upgradesCacheCompatible })
    .from(sqliteInstanceSettings)
    .where(eq(sqliteInstanceSettings.id, ROW_ID))
    .get();
  return row ?? DEFAULTS;
}

async function readOn(db: AnyDb): Promise<InstanceSettings> {
  const { instanceSettings } = db.t;
  const row = first(
    await db.select({ upgradesCacheCompatible: instanceSettings.upgradesCacheCompatible }).from(instanceSettings).where(eq(instanceSettings.id, ROW_ID)).limit(1),
  );
  return row ?? DEFAULTS;
}

export async function writeInstanceSettings(db: AnyDb, settings: InstanceSettings, userId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const before = await readOn(tx);
    const now = Date.now();
    await tx
      .insert(tx.t.instanceSettings)
      .values({ id: ROW_ID, ...settings, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: tx.t.instanceSettings.id, set: { ...settings, updatedBy: userId, updatedAt: now } });
    await audit(tx, { userId, action: 'settings.cache', targetType: 'instance', targetId: null, detail: { from: { ...before }, to: { ...settings } } });
  });
}
