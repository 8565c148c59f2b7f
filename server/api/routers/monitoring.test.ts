import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { referenceProfile } from '../../../nodes/monitor/drift/reference-profile';
import { createUser, type PublicUser } from '../../auth/users';
import { deployments, endpoints, modelVersionReferences, predictionLog } from '../../db/schema';
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
beforeEach(async () => {
  t = openTestDb();
  await seedRegistryFixtures(t.anyDb);
  viewer = await createUser(t.anyDb, { email: 'v@example.com', name: 'v', role: 'viewer', password: 'long enough password' });
  const reference = {
    dataArtifactId: 'b'.repeat(64),
    profile: referenceProfile([{ name: 'x', type: 'numeric', values: Array.from({ length: 200 }, (_, i) => i / 200) }], null, 200),
  };
  const v = await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'm', draft: draft({ reference }), userId: null, via: 'manual' });
  t.db.insert(endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: v.modelId, createdAt: NOW, updatedAt: NOW }).run();
  t.db.insert(deployments).values({ id: 'd', endpointId: 'ep', versionId: v.versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: NOW }).run();
  for (let i = 0; i < 100; i++) {
    t.db.insert(predictionLog).values({ id: `p${i}`, endpointId: 'ep', versionId: v.versionId, role: 'primary', createdAt: NOW - 1000 + i, latencyMs: 1, inputs: { x: 2 + i / 100 }, outputs: { prediction: 'yes' } }).run();
  }
});
afterEach(() => t.cleanup());

describe('monitoring.drift', () => {
  it('checks the last N predictions of the live version against its stored reference', async () => {
    const report = await callerFor(testContext(t, viewer)).monitoring.drift({ endpointId: 'ep', lastN: 50 });
    expect(report).toMatchObject({ endpoint: 'm-live', model: 'm', version: 1, rows: 50, drifted: true, driftedFeatures: ['x'] });
    expect(report.predictionNote).toBe('The training data had no target column to compare predictions with');
    expect(t.db.select().from(modelVersionReferences).all()).toHaveLength(1);
  });

  it('takes thresholds per feature, and answers a bad request in words', async () => {
    const caller = callerFor(testContext(t, viewer));
    const off = { psi: null, ksPValue: null, missingRateIncrease: null };
    expect((await caller.monitoring.drift({ endpointId: 'ep', lastHours: 1, features: { x: off } })).drifted).toBe(false);
    const refused = await caller.monitoring.drift({ endpointId: 'nope', lastN: 5 }).catch((e: TRPCError) => `${e.code}: ${e.message}`);
    expect(refused).toBe('BAD_REQUEST: Endpoint nope was not found');
    const plain = await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'm', draft: draft({ artifactId: 'd'.repeat(64) }), userId: null, via: 'manual' });
    t.db.update(deployments).set({ versionId: plain.versionId }).run();
    expect(await caller.monitoring.drift({ endpointId: 'ep', lastN: 5 }).catch((e: TRPCError) => e.message)).toBe(
      'm v2 has no reference statistics: it was not registered from a run, so there is no training table to describe',
    );
    const unknown = await caller.monitoring.drift({ endpointId: 'ep', lastN: 5, thresholds: { psii: 1 } } as never).catch((e: TRPCError) => e.code);
    expect(unknown).toBe('BAD_REQUEST');
  });
});
