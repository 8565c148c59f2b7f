import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referenceProfile } from '../../../nodes/monitor/drift/reference-profile';
import { recentAuditEvents } from '../../auth/audit';
import { createUser, type PublicUser } from '../../auth/users';
import { deployments, endpoints, predictionLog } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { registerModelVersion } from '../../registry/register';
import { draft, seedRegistryFixtures } from '../../registry/test-kit';
import { testContext } from '../test-context';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { monitoringRouter } from './monitoring';

const callerFor = createCallerFactory(createTRPCRouter({ monitoring: monitoringRouter }));
const NOW = Date.now();

let t: TestDb;
let viewer: PublicUser;
let scientist: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  await seedRegistryFixtures(t.anyDb);
  viewer = await createUser(t.anyDb, { email: 'v@example.com', name: 'v', role: 'viewer', password: 'long enough password' });
  scientist = await createUser(t.anyDb, { email: 's@example.com', name: 's', role: 'scientist', password: 'long enough password' });
  const reference = { dataArtifactId: 'b'.repeat(64), profile: referenceProfile([{ name: 'x', type: 'numeric', values: Array.from({ length: 200 }, (_, i) => i / 200) }], null, 200) };
  const v = await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'm', draft: draft({ reference }), userId: null, via: 'manual' });
  t.db.insert(endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: v.modelId, createdAt: NOW, updatedAt: NOW }).run();
  t.db.insert(deployments).values({ id: 'd', endpointId: 'ep', versionId: v.versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: NOW }).run();
  for (let i = 0; i < 100; i++) {
    t.db.insert(predictionLog).values({ id: `p${i}`, endpointId: 'ep', versionId: v.versionId, role: 'primary', createdAt: NOW - 100_000 + i * 1000, latencyMs: 1 + i, inputs: { x: 2 + i / 100 }, outputs: { prediction: 'yes' } }).run();
  }
});
afterEach(() => t.cleanup());

const settings = { endpointId: 'ep', windowKind: 'predictions' as const, windowSize: 50, checkIntervalMinutes: 60, thresholds: { thresholds: { psi: 0.5 }, features: {} } };

describe('monitoring checks and settings', () => {
  it('runs a check for editors only, records it and audits it', async () => {
    const denied = await callerFor(testContext(t, viewer)).monitoring.check({ endpointId: 'ep' }).catch((e: TRPCError) => e.code);
    expect(denied).toBe('FORBIDDEN');
    const caller = callerFor(testContext(t, scientist));
    const check = await caller.monitoring.check({ endpointId: 'ep' });
    expect(check).toMatchObject({ status: 'drift', rows: 100, trigger: 'manual', createdBy: scientist.id });
    expect(check.figures.find((f) => f.metric === 'latency_p50')?.value).toBe(50);
    const listed = await callerFor(testContext(t, viewer)).monitoring.checks({ endpointId: 'ep' });
    expect(listed.map((c) => c.id)).toEqual([check.id]);
    const full = await callerFor(testContext(t, viewer)).monitoring.checkGet({ id: check.id });
    expect(full.figures.find((f) => f.feature === 'x' && f.metric === 'psi')?.flagged).toBe(true);
    expect((await recentAuditEvents(t.anyDb)).find((e) => e.action === 'monitor.check')).toMatchObject({ userId: scientist.id, targetId: 'ep' });
  });

  it('saves settings with a schedule, refuses unknown keys and missing endpoints', async () => {
    const caller = callerFor(testContext(t, scientist));
    expect(await caller.monitoring.settings.get({ endpointId: 'ep' })).toMatchObject({ stored: false, windowSize: 10_000, checkIntervalMinutes: null });
    const saved = await caller.monitoring.settings.save(settings);
    expect(saved).toMatchObject({ stored: true, windowSize: 50, checkIntervalMinutes: 60, promotionMode: 'approval' });
    expect(saved.nextCheckAt).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(saved.thresholds.thresholds).toMatchObject({ psi: 0.5, ksPValue: 0.01 });
    const check = await caller.monitoring.check({ endpointId: 'ep' });
    expect(check.rows).toBe(50);
    const unknown = await caller.monitoring.settings.save({ ...settings, windowSise: 5 } as never).catch((e: TRPCError) => `${e.code}: ${e.message}`);
    expect(unknown).toMatch(/^BAD_REQUEST: [^]*windowSise/);
    const missing = await caller.monitoring.settings.save({ ...settings, endpointId: 'nope' }).catch((e: TRPCError) => `${e.code}: ${e.message}`);
    expect(missing).toBe('BAD_REQUEST: Endpoint nope was not found');
    expect(await callerFor(testContext(t, viewer)).monitoring.settings.save(settings).catch((e: TRPCError) => e.code)).toBe('FORBIDDEN');
    expect((await recentAuditEvents(t.anyDb)).filter((e) => e.action === 'monitor.settings.save')).toHaveLength(1);
  });

  it('returns a series of one figure over a period', async () => {
    const caller = callerFor(testContext(t, scientist));
    await caller.monitoring.check({ endpointId: 'ep' });
    await caller.monitoring.settings.save(settings);
    await caller.monitoring.check({ endpointId: 'ep' });
    const series = await caller.monitoring.series({ endpointId: 'ep', metric: 'latency_p50' });
    expect(series.map((p) => p.value)).toEqual([50, 75]);
  });
});
