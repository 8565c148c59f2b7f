// A monitored endpoint for tests: model m (binary, one numeric input x, reference x uniform on
// [0, 1)), endpoint 'ep' in project p1 with its live primary, and logged predictions; on either database.
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import type { AnyDb } from '../db/any-db';
import { registerModelVersion } from '../registry/register';
import { draft, seedRegistryFixtures } from '../registry/test-kit';

export async function seedMonitoredEndpoint(db: AnyDb, now = Date.now()): Promise<{ endpointId: string; versionId: string }> {
  await seedRegistryFixtures(db);
  const reference = { dataArtifactId: 'b'.repeat(64), profile: referenceProfile([{ name: 'x', type: 'numeric', values: Array.from({ length: 200 }, (_, i) => i / 200) }], null, 200) };
  const v = await registerModelVersion(db, { projectId: 'p1', modelName: 'm', draft: draft({ reference }), userId: null, via: 'manual' });
  await db.insert(db.t.endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: v.modelId, createdAt: now, updatedAt: now });
  await db.insert(db.t.deployments).values({ id: 'd', endpointId: 'ep', versionId: v.versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: now });
  return { endpointId: 'ep', versionId: v.versionId };
}

let logged = 0;

/** Logs `n` predictions of x = shift + i/n, a second apart, ending at `at` (in one insert, in that order). */
export async function logPredictions(db: AnyDb, versionId: string, n: number, shift: number, at: number): Promise<void> {
  if (n === 0) return;
  await db.insert(db.t.predictionLog).values(
    Array.from({ length: n }, (_, i) => ({ id: `p${logged++}`, endpointId: 'ep', versionId, role: 'primary' as const, createdAt: at - (n - i) * 1000, latencyMs: 1 + i, inputs: { x: shift + i / n }, outputs: { prediction: 'yes' } })),
  );
}

export const noServing = async (): Promise<unknown> => {
  throw new Error('no serving process in this test');
};
