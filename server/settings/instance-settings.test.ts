import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentAuditEvents } from '../auth/audit';
import { createUser } from '../auth/users';
import { openTestDb, type TestDb } from '../db/test-db';
import { readInstanceSettings, writeInstanceSettings } from './instance-settings';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
});
afterEach(() => t.cleanup());

describe('instance settings', () => {
  it('keep cached results strict by default, and record who changed them and from what', async () => {
    expect(await readInstanceSettings(t.anyDb)).toEqual({ upgradesCacheCompatible: false });
    const admin = await createUser(t.anyDb, { email: 'a@example.com', name: 'Ada', role: 'admin', password: 'long enough password' });
    await writeInstanceSettings(t.anyDb, { upgradesCacheCompatible: true }, admin.id);
    expect(await readInstanceSettings(t.anyDb)).toEqual({ upgradesCacheCompatible: true });
    await writeInstanceSettings(t.anyDb, { upgradesCacheCompatible: false }, admin.id);
    expect(await readInstanceSettings(t.anyDb)).toEqual({ upgradesCacheCompatible: false });
    const events = (await recentAuditEvents(t.anyDb)).filter((e) => e.action === 'settings.cache');
    expect(events.map((e) => e.detail)).toEqual([
      { from: { upgradesCacheCompatible: true }, to: { upgradesCacheCompatible: false } },
      { from: { upgradesCacheCompatible: false }, to: { upgradesCacheCompatible: true } },
    ]);
    expect(events[0].userId).toBe(admin.id);
  });
});
