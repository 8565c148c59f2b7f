// Per-project registry rules. Today one: whether moving `production` waits for an approval.
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit';
import type { Db } from '../db/client';
import { registrySettings } from '../db/schema';

export interface RegistrySettings {
  productionApproval: boolean;
}

const DEFAULTS: RegistrySettings = { productionApproval: false };

export function readRegistrySettings(db: Db, projectId: string): RegistrySettings {
  const row = db.select({ productionApproval: registrySettings.productionApproval }).from(registrySettings).where(eq(registrySettings.projectId, projectId)).get();
  return row ?? DEFAULTS;
}

export function writeRegistrySettings(db: Db, projectId: string, settings: RegistrySettings, userId: string): void {
  db.transaction((tx) => {
    const before = readRegistrySettings(tx, projectId);
    const now = Date.now();
    tx.insert(registrySettings)
      .values({ projectId, ...settings, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: registrySettings.projectId, set: { ...settings, updatedBy: userId, updatedAt: now } })
      .run();
    audit(tx, { userId, action: 'registry.settings', targetType: 'project', targetId: projectId, detail: { from: { ...before }, to: { ...settings } } });
  });
}
