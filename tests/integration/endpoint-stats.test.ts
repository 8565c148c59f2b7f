// When the serving process does not answer, an endpoint's request rate and latency are estimated
// from the prediction log alike on both databases: the last 15 minutes, shadows left out, entries
// divided by the sample rate, nearest-rank quantiles.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { makeTempDir } from '../../server/db/test-db';
import { statsFromLog } from '../../server/deployments/endpoint-stats';
import { createEndpoint, fraudModel, registerModel } from '../../server/serving/test-kit';
import { describeEachDatabase } from './helpers/each-database';

describeEachDatabase('endpoint stats from the prediction log', (under) => {
  it('counts the window\'s answered entries by the sample rate and takes their latency quantiles', async () => {
    const { db } = under;
    const version = await registerModel(db, makeTempDir('pw-stats-'), fraudModel(0));
    const endpointId = await createEndpoint(db, 'stats', version.modelId, { logSampleRate: 0.5 });
    const now = 1_800_000_000_000;
    const entry = (latencyMs: number, ageS: number, role: 'primary' | 'canary' | 'shadow' = 'primary') => ({
      id: randomUUID(),
      endpointId,
      versionId: version.versionId,
      role,
      createdAt: now - ageS * 1000,
      latencyMs,
      inputs: { amount: 1 },
      outputs: { prediction: 'no' },
    });
    await db.insert(db.t.predictionLog).values([
      ...Array.from({ length: 10 }, (_, i) => entry(i + 1, 60 + i)),
      entry(0.5, 120, 'canary'),
      entry(500, 30, 'shadow'),
      entry(900, 16 * 60),
    ]);
    const stats = await statsFromLog(db, { id: endpointId, logSampleRate: 0.5 }, now);
    expect(stats).toEqual({
      source: 'prediction-log',
      windowSeconds: 900,
      requests: 22,
      requestsPerSecond: 22 / 900,
      errors: null,
      latencyMs: { p50: 5, p95: 10, p99: 10 },
      sampleRate: 0.5,
      logged: 11,
    });
    const none = await statsFromLog(db, { id: 'no-such-endpoint', logSampleRate: 1 }, now);
    expect(none).toMatchObject({ requests: 0, logged: 0, latencyMs: { p50: null, p95: null, p99: null } });
  });
});
