import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertRules, alerts, challenges, pipelines, runs, stepRuns, trainingTriggers, triggerFires } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { runMonitorCheck } from '../run-check';
import { logPredictions, noServing, seedMonitoredEndpoint } from '../test-kit';
import { monitorOverview } from './overview';
import { retrainingHistory } from './retraining';
import { rank, runnerHealth } from './runner-health';
import { endpointForPage, monitorTrends } from './trends';

const NOW = Date.now();
let t: TestDb;
let versionId: string;
beforeEach(async () => {
  t = openTestDb();
  ({ versionId } = await seedMonitoredEndpoint(t.anyDb, NOW));
});
afterEach(() => t.cleanup());

const check = () => runMonitorCheck(t.anyDb, 'ep', { trigger: 'manual', userId: null, dataDir: t.dir, fetchStats: noServing });

describe('monitoring page reads', () => {
  it('lists endpoints with the latest check, its flagged features and unresolved alerts', async () => {
    expect(await monitorOverview(t.anyDb)).toMatchObject([{ name: 'm-live', latestCheck: null, flaggedFeatures: [], unresolvedAlerts: 0 }]);
    await logPredictions(t.anyDb, versionId, 100, 0, NOW - 5000);
    await check();
    await logPredictions(t.anyDb, versionId, 100, 3, NOW);
    const drifted = await check();
    t.db.insert(alertRules).values({ id: 'r', endpointId: 'ep', name: 'psi', metric: 'psi', feature: 'x', operator: '>', threshold: 0.2, createdAt: NOW, updatedAt: NOW }).run();
    t.db.insert(alerts).values({ id: 'a', ruleId: 'r', endpointId: 'ep', state: 'acknowledged', severity: 'warning', message: 'psi(x) > 0.2', value: 3, openedAt: NOW }).run();
    const [row] = await monitorOverview(t.anyDb);
    expect(row).toMatchObject({ latestCheck: { id: drifted.check.id, status: 'drift' }, flaggedFeatures: ['x'], unresolvedAlerts: 1 });
  });

  it('gives the trends of the last checks oldest first, with every figure and the thresholds', async () => {
    await logPredictions(t.anyDb, versionId, 100, 0, NOW - 5000);
    const first = await check();
    await logPredictions(t.anyDb, versionId, 100, 3, NOW);
    await check();
    const trends = await monitorTrends(t.anyDb, 'ep', 60);
    expect(trends.checks.map((c) => c.id)[0]).toBe(first.check.id);
    expect(trends.checks.map((c) => c.flaggedFeatures)).toEqual([[], ['x']]);
    expect(trends.figures.filter((f) => f.feature === 'x' && f.metric === 'psi').map((f) => f.flagged)).toHaveLength(2);
    expect(trends.thresholds.thresholds.psi).toBe(0.2);
    expect((await monitorTrends(t.anyDb, 'ep', 1)).checks).toHaveLength(1);
  });

  it('finds the endpoint by name, with did-you-mean when it is misspelt', async () => {
    expect(await endpointForPage(t.anyDb, 'm-live')).toMatchObject({ id: 'ep', modelName: 'm' });
    await expect(endpointForPage(t.anyDb, 'm-lvie')).rejects.toThrow('There is no endpoint "m-lvie"; did you mean "m-live"?');
  });

  it('lists trigger fires and challenges aimed at the endpoint', async () => {
    t.db.insert(pipelines).values({ id: 'pl', projectId: 'p1', name: 'retrain', createdAt: NOW, updatedAt: NOW } as typeof pipelines.$inferInsert).run();
    t.db.insert(runs).values({ id: 'run1', pipelineId: 'pl', status: 'succeeded', plan: { steps: [] } as never, trigger: 'alert', createdAt: NOW } as typeof runs.$inferInsert).run();
    t.db.insert(trainingTriggers).values({ id: 'tr', projectId: 'p1', pipelineId: 'pl', endpointId: 'ep', kind: 'alert', createdAt: NOW, updatedAt: NOW }).run();
    t.db.insert(triggerFires).values({ id: 'f1', triggerId: 'tr', dedupeKey: 'a', firedAt: NOW, runId: 'run1' }).run();
    t.db.insert(challenges).values({ id: 'c1', endpointId: 'ep', runId: 'run1', triggerFireId: 'f1', championVersionId: versionId, challengerVersionId: null, figures: {}, gates: [], decision: 'kept_champion', createdAt: NOW }).run();
    const history = await retrainingHistory(t.anyDb, 'ep');
    expect(history.fires).toMatchObject([{ id: 'f1', kind: 'alert', runId: 'run1' }]);
    expect(history.challenges).toMatchObject([{ id: 'c1', decision: 'kept_champion', championVersion: 1, challengerVersion: null }]);
  });

  it('sums step durations and peak memory per node type, and counts the queue', async () => {
    t.db.insert(pipelines).values({ id: 'pl', projectId: 'p1', name: 'p', createdAt: NOW, updatedAt: NOW } as typeof pipelines.$inferInsert).run();
    t.db.insert(runs).values({ id: 'run1', pipelineId: 'pl', status: 'running', plan: { steps: [] } as never, trigger: 'manual', createdAt: NOW } as typeof runs.$inferInsert).run();
    const step = (id: string, status: 'succeeded' | 'queued', ms: number, peak: number | null) =>
      t.db.insert(stepRuns).values({ id, runId: 'run1', stepId: id, nodeType: 'train/logistic', nodeVersion: 1, status, startedAt: NOW, finishedAt: status === 'queued' ? null : NOW + ms, peakMemoryBytes: peak } as typeof stepRuns.$inferInsert).run();
    step('s1', 'succeeded', 100, 10);
    step('s2', 'succeeded', 300, 50);
    step('s3', 'queued', 0, null);
    expect(await runnerHealth(t.anyDb)).toEqual({ sampled: 2, queued: 1, running: 0, types: [{ nodeType: 'train/logistic', steps: 2, medianMs: 100, p95Ms: 300, maxMs: 300, peakMemoryBytes: 50 }] });
    expect(rank([1, 2, 3, 4], 0.5)).toBe(2);
  });
});
