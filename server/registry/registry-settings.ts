// Per-project registry rules. Today one: whether moving `production` waits for an approval.
import { eq } from 'drizzle-orm';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';

export interface RegistrySettings {
  productionApproval: boolean;
}

const DEFAULTS: RegistrySettings = { productionApproval: false };

export async function loadRegistrySettings(db: AnyDb, projectId: string): Promise<RegistrySettings> {
  const { registrySettings } = db.t;
  const row = first(await db.select({ productionApproval: registrySettings.productionApproval }).from(registrySettings).where(eq(registrySettings.projectId, projectId)).limit(1));
  return row ?? DEFAULTS;
}

export async function writeRegistrySettings(db: AnyDb, projectId: string, settings: RegistrySettings, userId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const before = await loadRegistrySettings(tx, projectId);
    const now = Date.now();
    await tx
      .insert(tx.t.registrySettings)
      .values({ projectId, ...settings, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({ target: tx.t.registrySettings.projectId, set: { ...settings, updatedBy: userId, updatedAt: now } });
    await audit(tx, { userId, action: 'registry.settings', targetType: 'project', targetId: projectId, detail: { from: { ...before }, to: { ...settings } } });
  });
}
