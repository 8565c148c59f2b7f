// Settings of the whole installation, changed by admins. Today one: whether cache keys leave the
// node code out, so results computed before an upgrade stay reusable (off by default).
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';

export interface InstanceSettings {
  /** "Treat upgrades as cache-compatible": built-in steps are keyed by node type and version only. */
  upgradesCacheCompatible: boolean;
}

const DEFAULTS: InstanceSettings = { upgradesCacheCompatible: false };
/** The table holds at most this one row. */
const ROW_ID = 1;

export async function readInstanceSettings(db: AnyDb): Promise<InstanceSettings> {
  const { instanceSettings } = db.t;
  const row = first(
    await db.select({ upgradesCacheCompatible: instanceSettings.upgradesCacheCompatible }).from(instanceSettings).where(eq(instanceSettings.id, ROW_ID)).limit(1),
  );
  return row ?? DEFAULTS;
}

export async function writeInstanceSettings(db: AnyDb, settings: InstanceSettings, userId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const before = await readInstanceSettings(tx);
    const now = Date.now();
    await tx
      .insert(tx.t.instanceSettings)
      .values({ id: ROW_ID, ...settings, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: tx.t.instanceSettings.id, set: { ...settings, updatedBy: userId, updatedAt: now } });
    await audit(tx, { userId, action: 'settings.cache', targetType: 'instance', targetId: null, detail: { from: { ...before }, to: { ...settings } } });
  });
}
