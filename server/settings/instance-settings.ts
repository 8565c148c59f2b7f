// Settings of the whole installation, changed by admins. Today one: whether cache keys leave the
// node code out, so results computed before an upgrade stay reusable (off by default).
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { instanceSettings } from '../db/schema';

export interface InstanceSettings {
  /** "Treat upgrades as cache-compatible": built-in steps are keyed by node type and version only. */
  upgradesCacheCompatible: boolean;
}

const DEFAULTS: InstanceSettings = { upgradesCacheCompatible: false };
/** The table holds at most this one row. */
const ROW_ID = 1;

export function readInstanceSettings(db: Db): InstanceSettings {
  const row = db
    .select({ upgradesCacheCompatible: instanceSettings.upgradesCacheCompatible })
    .from(instanceSettings)
    .where(eq(instanceSettings.id, ROW_ID))
    .get();
  return row ?? DEFAULTS;
}

export function writeInstanceSettings(db: Db, settings: InstanceSettings, userId: string): void {
  db.transaction((tx) => {
    const before = readInstanceSettings(tx);
    const now = Date.now();
    tx.insert(instanceSettings)
      .values({ id: ROW_ID, ...settings, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: instanceSettings.id, set: { ...settings, updatedBy: userId, updatedAt: now } })
      .run();
    audit(tx, { userId, action: 'settings.cache', targetType: 'instance', targetId: null, detail: { from: { ...before }, to: { ...settings } } });
  });
}
