import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/client';
import { endpoints, monitorChecks, monitorSettings } from '../db/schema';
import { openTestDb, MIGRATIONS_FOLDER, type TestDb } from '../db/test-db';
import { claimDueChecks, nextCheckTime, runDueChecks } from './check-scheduler';
import { saveMonitorSettings } from './monitor-settings';
import { logPredictions, noServing, seedMonitoredEndpoint } from './test-kit';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';

const T0 = 1_800_000_000_000;
const HOUR = 3_600_000;
let t: TestDb;
let versionId: string;
beforeEach(async () => {
  t = openTestDb();
  versionId = (await seedMonitoredEndpoint(t.anyDb, T0)).versionId;
  await logPredictions(t.anyDb, versionId, 50, 0, T0);
  await saveMonitorSettings(t.anyDb, { endpointId: 'ep', windowKind: 'hours', windowSize: 2, checkIntervalMinutes: 60, thresholds: driftSettingsSchema.parse({}) }, null, T0);
});
afterEach(() => t.cleanup());

const options = (now: number) => ({ dataDir: t.dir, now: () => now, fetchStats: noServing, log: () => {} });
const checks = () => t.db.select().from(monitorChecks).all();

describe('scheduled checks', () => {
  it('runs a check when it is due, and schedules the next one interval on', async () => {
    expect(await runDueChecks(t.anyDb, options(T0 + HOUR - 1))).toEqual([]);
    const [done] = await runDueChecks(t.anyDb, options(T0 + HOUR));
    expect(done.check).toMatchObject({ trigger: 'schedule', status: 'ok', rows: 50, createdBy: null });
    expect(t.db.select().from(monitorSettings).get()?.nextCheckAt).toBe(T0 + 2 * HOUR);
    expect(await runDueChecks(t.anyDb, options(T0 + HOUR + 1000))).toEqual([]);
  });

  it('never lets two processes run the same check', async () => {
    const other: OpenedDatabase = openDatabase(t.dir, MIGRATIONS_FOLDER);
    try {
      const first = await claimDueChecks(t.anyDb, T0 + HOUR);
      const second = await claimDueChecks(other.anyDb, T0 + HOUR);
      expect(first).toEqual([{ endpointId: 'ep', dueAt: T0 + HOUR }]);
      expect(second).toEqual([]);
    } finally {
      other.sqlite.close();
    }
  });

  it('survives a restart: the schedule is in the database, and a gap is not replayed', async () => {
    await runDueChecks(t.anyDb, options(T0 + HOUR));
    // "Restart" after ten hours down: one check, and the next an interval from then.
    const reopened = openDatabase(t.dir, MIGRATIONS_FOLDER);
    try {
      const done = await runDueChecks(reopened.anyDb, { ...options(T0 + 11 * HOUR), dataDir: t.dir });
      expect(done).toHaveLength(1);
      expect(done[0].check).toMatchObject({ status: 'error', error: 'No predictions of m v1 were logged in the last 2 hours, so there is nothing to check' });
      expect(reopened.db.select().from(monitorSettings).get()?.nextCheckAt).toBe(T0 + 12 * HOUR);
    } finally {
      reopened.sqlite.close();
    }
    expect(checks()).toHaveLength(2);
  });

  it('skips endpoints that are undeployed or checked on demand only', async () => {
    t.db.update(endpoints).set({ undeployedAt: T0 }).run();
    expect(await claimDueChecks(t.anyDb, T0 + 100 * HOUR)).toEqual([]);
    t.db.update(endpoints).set({ undeployedAt: null }).run();
    await saveMonitorSettings(t.anyDb, { endpointId: 'ep', windowKind: 'hours', windowSize: 1, checkIntervalMinutes: null, thresholds: driftSettingsSchema.parse({}) }, null, T0);
    expect(await claimDueChecks(t.anyDb, T0 + 100 * HOUR)).toEqual([]);
    expect(nextCheckTime(T0, 60, T0 + 30 * 60_000)).toBe(T0 + HOUR);
    expect(t.db.select().from(monitorChecks).where(eq(monitorChecks.endpointId, 'ep')).all()).toHaveLength(0);
  });
});
