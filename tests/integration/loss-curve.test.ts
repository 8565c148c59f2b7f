// A training step's loss curve through the real runner, worker threads and SQLite file: every
// epoch's loss lands in the step's progress series, which run.get returns and run.watch streams
// while the step is still training.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../engine/document';
import type { Context } from '../../server/api/context';
import { runRouter } from '../../server/api/routers/run';
import { createCallerFactory } from '../../server/api/trpc';
import { createUser } from '../../server/auth/users';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const EPOCHS = 120;

// Early stopping off, so the epoch count is known; a validation side, so there is a validation loss.
const doc = {
  schemaVersion: 1,
  id: 'mlp-loss-curve',
  name: 'MLP loss curve',
  nodes: [
    { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
    { id: 'split', type: 'split/random', version: 1, params: { train: 0.6, validation: 0.2, test: 0.2, seed: 0, stratifyBy: 'diagnosis' }, position: { x: 1, y: 0 } },
    {
      id: 'mlp',
      type: 'train/mlp',
      version: 1,
      params: { target: 'diagnosis', epochs: EPOCHS, earlyStopping: false, batchSize: 64, seed: 0 },
      position: { x: 2, y: 0 },
    },
  ],
  edges: [
    { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' },
    { id: 'e2', source: 'split', sourceHandle: 'train', target: 'mlp', targetHandle: 'train' },
    { id: 'e3', source: 'split', sourceHandle: 'validation', target: 'mlp', targetHandle: 'validation' },
  ],
  settings: { placement: 'server' },
};

const callerFor = createCallerFactory(runRouter);
let caller: ReturnType<typeof callerFor>;

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  const { anyDb } = getDb();
  await seedSampleProject(getDb().anyDb);
  const parsed = parseDocument(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  await saveVersion(getDb().anyDb, 'sample', parsed.value, null, { baseVersion: await latestVersionNumber(getDb().anyDb, parsed.value.id) });
  const viewer = await createUser(anyDb, { email: 'viewer@example.com', name: 'Viewer', role: 'viewer', password: 'long enough password' });
  const ctx: Context = {
    anyDb,
    req: new Request('http://127.0.0.1/api/trpc'),
    resHeaders: new Headers(),
    user: { id: viewer.id, email: viewer.email, name: viewer.name, role: viewer.role, via: 'session' },
  };
  caller = callerFor(ctx);
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

type Snapshot = Awaited<ReturnType<typeof caller.get>>;
const mlpOf = (run: Snapshot) => run.steps.find((s) => s.stepId === 'mlp')!;

describe('training loss curve', () => {
  it('streams the loss per epoch while training and keeps the whole curve on the finished step', async () => {
    const { runId } = await startRun(getDb().anyDb, { pipelineId: doc.id, trigger: 'api', userId: null });

    // Follow the run as the studio does, counting snapshots that caught the MLP mid-training.
    const live: number[] = [];
    for await (const snapshot of await caller.watch({ id: runId })) {
      const mlp = mlpOf(snapshot);
      if (mlp.status === 'running' && mlp.progressSeries?.length) live.push(mlp.progressSeries.length);
    }
    await getRunManager().whenDone(runId);
    expect(live.length, 'no snapshot showed the curve while the MLP was training').toBeGreaterThan(0);
    expect(Math.min(...live)).toBeLessThan(EPOCHS);

    const run = await caller.get({ id: runId });
    expect(run.status).toBe('succeeded');
    const series = mlpOf(run).progressSeries!;
    expect(series.map((p) => p.data.epoch)).toEqual(Array.from({ length: EPOCHS }, (_, i) => i + 1));
    for (const p of series) {
      expect(p.data.loss).toBeGreaterThan(0);
      expect(p.data.valLoss).toBeGreaterThan(0);
      expect(p.fraction).toBeCloseTo(p.data.epoch / EPOCHS, 6);
    }
    expect(series.every((p, i) => i === 0 || p.t >= series[i - 1].t)).toBe(true);

    // Decreasing on the whole, if not at every epoch: compare the first and last tenths.
    const mean = (ps: typeof series, key: string) => ps.reduce((sum, p) => sum + p.data[key], 0) / ps.length;
    const tenth = EPOCHS / 10;
    expect(mean(series.slice(-tenth), 'loss')).toBeLessThan(mean(series.slice(0, tenth), 'loss') * 0.5);
    // The validation loss falls too, though it may rise again late (overfitting: what the curve shows).
    expect(Math.min(...series.map((p) => p.data.valLoss))).toBeLessThan(series[0].data.valLoss * 0.5);

    // Steps that report no numbers have no series.
    expect(run.steps.find((s) => s.stepId === 'split')!.progressSeries).toBeNull();
  });
});
