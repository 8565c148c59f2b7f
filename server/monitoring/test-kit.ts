// A monitored endpoint for tests: model m (binary, one numeric input x, reference x uniform on
// [0, 1)), endpoint 'ep' in project p1 with its live primary, and logged predictions.
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import type { Db } from '../db/client';
import { deployments, endpoints, predictionLog } from '../db/schema';
import { registerModelVersionSync } from '../registry/register-sync'; // pg: drift
import { draft, seedRegistryFixturesSync } from '../registry/test-kit';

export function seedMonitoredEndpoint(db: Db, now = Date.now()): { endpointId: string; versionId: string } {
  seedRegistryFixturesSync(db);
  const reference = { dataArtifactId: 'b'.repeat(64), profile: referenceProfile([{ name: 'x', type: 'numeric', values: Array.from({ length: 200 }, (_, i) => i / 200) }], null, 200) };
  const v = registerModelVersionSync(db, { projectId: 'p1', modelName: 'm', draft: draft({ reference }), userId: null, via: 'manual' });
  db.insert(endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: v.modelId, createdAt: now, updatedAt: now }).run();
  db.insert(deployments).values({ id: 'd', endpointId: 'ep', versionId: v.versionId, role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: now }).run();
  return { endpointId: 'ep', versionId: v.versionId };
}

let logged = 0;

/** Logs `n` predictions of x = shift + i/n, a second apart, ending at `at`. */
export function logPredictions(db: Db, versionId: string, n: number, shift: number, at: number): void {
  for (let i = 0; i < n; i++) {
    db.insert(predictionLog)
      .values({ id: `p${logged++}`, endpointId: 'ep', versionId, role: 'primary', createdAt: at - (n - i) * 1000, latencyMs: 1 + i, inputs: { x: shift + i / n }, outputs: { prediction: 'yes' } })
      .run();
  }
}

export const noServing = async (): Promise<unknown> => {
  throw new Error('no serving process in this test');
};
