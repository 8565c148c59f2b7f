// Per-project registry rules. Today one: whether moving `production` waits for an approval.
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import type { Db } from '../db/client';
import { registrySettings } from '../db/schema';

export interface RegistrySettings {
  productionApproval: boolean;
}

const DEFAULTS: RegistrySettings = { productionApproval: false };

export async function loadRegistrySettings(db: AnyDb, projectId: string): Promise<RegistrySettings> {
  const { registrySettings } = db.t;
  const row = first(await db.select({ productionApproval: registrySettings.productionApproval }).from(registrySettings).where(eq(registrySettings.projectId, projectId)).limit(1));
  return row ?? DEFAULTS;
}

// pg: settings (pg-auth) converts the writer; this sync reader stays for server/deployments' sync callers until they convert.
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
