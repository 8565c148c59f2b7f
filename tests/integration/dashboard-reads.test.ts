// The managers' dashboards' reads on both databases: the portfolio's grouped queries (live
// endpoints, kept day aggregates, latest checks, open alerts, pending requests, last challenges),
// the approvals inbox, one model's KPI page and its settings, answered the same on SQLite and Postgres.
import { expect, it } from 'vitest';
import type { AnyDb } from '../../server/db/any-db';
import { approvalsInbox } from '../../server/dashboard/approvals';
import { dayOf } from '../../server/dashboard/kpi-counting';
import { readDays, sumDays } from '../../server/dashboard/kpi-read';
import { getKpiSettings, saveKpiSettings } from '../../server/dashboard/kpi-settings';
import { modelKpis } from '../../server/dashboard/model-kpis';
import { portfolio } from '../../server/dashboard/portfolio';
import { emptyLatency } from '../../server/dashboard/latency-buckets';
import { emptyBins } from '../../server/dashboard/score-bins';
import { seedBase, seedModel } from './helpers/dashboard-models';
import { describeEachDatabase } from './helpers/each-database';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);
const TODAY = dayOf(NOW);

async function seedDay(db: AnyDb, endpointId: string, versionId: string, day: number, predictions: number, { labelled = 0, latencyBucket = 3, pos = [] as number[], neg = [] as number[] } = {}) {
  const latencyHist = emptyLatency();
  latencyHist[latencyBucket] = predictions;
  const posHist = emptyBins();
  const negHist = emptyBins();
  for (const b of pos) posHist[b] += 1;
  for (const b of neg) negHist[b] += 1;
  await db.insert(db.t.kpiDaily).values({ endpointId, versionId, day, predictions, labelled, unusable: 0, latencyHist, posHist, negHist, posValue: emptyBins(), negValue: emptyBins() });
}

async function seedCheck(db: AnyDb, endpointId: string, at: number, figures: { feature: string; metric: string; value: number; flagged?: boolean }[]) {
  const id = `chk-${endpointId}-${at}`;
  const status = figures.some((f) => f.flagged && f.feature !== '') ? 'drift' : 'ok';
  await db.insert(db.t.monitorChecks).values({ id, endpointId, trigger: 'schedule', status, rows: 1000, labelledRows: 0, detail: {}, startedAt: at, finishedAt: at });
  await db.insert(db.t.monitorFigures).values(figures.map((f) => ({ checkId: id, endpointId, at, feature: f.feature, metric: f.metric, value: f.value, flagged: f.flagged ?? false })));
}

describeEachDatabase('dashboard reads', (under) => {
  it('answers the portfolio, the approvals inbox and one model page from the kept aggregates', async () => {
    const { db } = under;
    await seedBase(db);
    const calm = await seedModel(db, 'churn', { at: NOW - 50 * DAY });
    const hot = await seedModel(db, 'fraud', { at: NOW - 50 * DAY, auc: 0.88, versions: 2 });
    // churn: 2 today, 1 three days ago, 1 ten days ago, 5 forty days ago (outside 30 days).
    await seedDay(db, calm.endpointId, calm.versionId, TODAY, 2);
    await seedDay(db, calm.endpointId, calm.versionId, TODAY - 3, 1);
    await seedDay(db, calm.endpointId, calm.versionId, TODAY - 10, 1);
    await seedDay(db, calm.endpointId, calm.versionId, TODAY - 40, 5);
    // fraud: labelled rows whose scores separate the classes perfectly today.
    await seedDay(db, hot.endpointId, hot.versionId, TODAY, 40, { labelled: 40, pos: Array(20).fill(90), neg: Array(20).fill(10) });
    // An older check of fraud flagged country; only the latest (amount) counts.
    await seedCheck(db, hot.endpointId, NOW - 2 * DAY, [{ feature: 'country', metric: 'psi', value: 0.5, flagged: true }]);
    await seedCheck(db, hot.endpointId, NOW - 3_600_000, [
      { feature: 'amount', metric: 'psi', value: 0.42, flagged: true },
      { feature: 'country', metric: 'psi', value: 0.01 },
      { feature: '', metric: 'error_rate', value: 0.002 },
      { feature: '', metric: 'rss_mb', value: 180 },
    ]);
    await seedCheck(db, calm.endpointId, NOW - 3_600_000, [{ feature: 'amount', metric: 'psi', value: 0.01 }]);
    await db.insert(db.t.alertRules).values({ id: 'r1', endpointId: hot.endpointId, name: 'drift', metric: 'psi', feature: 'amount', operator: '>', threshold: 0.2, createdAt: NOW, updatedAt: NOW });
    await db.insert(db.t.alerts).values([
      { id: 'a1', ruleId: 'r1', endpointId: hot.endpointId, state: 'open', severity: 'critical', message: 'psi(amount) = 0.42 > 0.2 for 2 windows', value: 0.42, openedAt: NOW - 3_000_000 },
      { id: 'a0', ruleId: 'r1', endpointId: hot.endpointId, state: 'resolved', severity: 'critical', message: 'an old one', value: 0.3, openedAt: NOW - 9 * DAY },
    ]);
    await db.insert(db.t.deployRequests).values({ id: 'req-fraud', endpointId: hot.endpointId, versionId: 'v-fraud-2', mode: 'replace', trafficPercent: 0, state: 'pending', gates: [], requestedBy: 'seeder', requestedAt: NOW - 1000, comment: 'Retrained on last month' });
    await db.insert(db.t.aliasRequests).values({ id: 'ar-1', modelId: hot.modelId, alias: 'prod', versionId: 'v-fraud-2', fromVersionId: 'v-fraud-1', state: 'pending', requestedBy: 'seeder', requestedAt: NOW - 500 });
    const figures = { champion: { roc_auc: 0.84 }, challenger: { roc_auc: 0.91 } };
    await db.insert(db.t.challenges).values([
      { id: 'c-old', endpointId: hot.endpointId, figures: {}, gates: [], decision: 'kept_champion', createdAt: NOW - 5 * DAY },
      { id: 'c-new', endpointId: hot.endpointId, championVersionId: 'v-fraud-1', challengerVersionId: 'v-fraud-2', figures, gates: [], decision: 'awaiting_approval', deployRequestId: 'req-fraud', createdAt: NOW - 2000 },
    ]);

    const cards = await portfolio(db, NOW);
    expect(cards.map((c) => c.modelName)).toEqual(['churn', 'fraud']);
    expect(cards[0]).toMatchObject({ health: 'green', reasons: [], predictions: { today: 2, days7: 3, days30: 4 }, champion: { version: 1, since: NOW - 50 * DAY }, pendingApprovals: 0, projectName: 'Dashboard models' });
    expect(cards[0].lastRetrain).toEqual({ version: 1, at: NOW - 50 * DAY, challenge: null });
    expect(cards[1].health).toBe('red');
    expect(cards[1].reasons.map((r) => r.text)).toEqual(['Input drift in feature: amount', 'Open critical alert: psi(amount) = 0.42 > 0.2 for 2 windows']);
    expect(cards[1]).toMatchObject({ pendingApprovals: 2, lastCheckAt: NOW - 3_600_000, predictions: { today: 40, days7: 40, days30: 40 } });
    expect(cards[1].lastRetrain).toEqual({ version: 2, at: NOW - 49 * DAY, challenge: { at: NOW - 2000, decision: 'awaiting_approval' } });

    const items = await approvalsInbox(db);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      kind: 'deploy',
      summary: 'Serve v2 as the primary of fraud',
      champion: { version: 1, metrics: { roc_auc: 0.88 } },
      challenger: { version: 2, metrics: { roc_auc: 0.95 } },
      holdout: figures,
      drift: { status: 'drift', flagged: ['amount'], at: NOW - 3_600_000 },
      requestedBy: 'Seeder',
      requestedById: 'seeder',
    });
    expect(items[1]).toMatchObject({ kind: 'alias', summary: 'Point "prod" of fraud at v2', champion: { version: 1 }, challenger: { version: 2 }, holdout: null, drift: null });

    const days = await readDays(db, hot.endpointId, TODAY - 6, TODAY);
    expect(days.map((d) => d.predictions)).toEqual([0, 0, 0, 0, 0, 0, 40]);
    expect(sumDays(days).posHist[90]).toBe(20);

    const settings = await saveKpiSettings(db, { modelId: hot.modelId, positiveLabel: '1', tpValue: 10, tpWeighted: false, fpCost: 1, fpWeighted: false, fnCost: 5, fnWeighted: false, valueColumn: null, threshold: 0.5, currency: 'EUR' }, 'seeder');
    expect(settings.recount).toBe(false);
    const saved = await getKpiSettings(db, hot.modelId);
    expect(saved).toMatchObject({ tpValue: 10, tpWeighted: false, currency: 'EUR', updatedBy: 'seeder' });
    const page = await modelKpis(db, hot.endpointId, 7, saved, NOW);
    expect(page.card.endpointId).toBe(hot.endpointId);
    expect(page.positiveLabel).toBe('1');
    expect(page.series.at(-1)).toMatchObject({ predictions: 40, labelled: 40, auc: 1, valueDelivered: 200, costOfErrors: 0 });
    expect(page.checks).toEqual([
      { at: NOW - 2 * DAY, driftScore: 0.5, rssMb: null },
      { at: NOW - 3_600_000, driftScore: 0.42, rssMb: 180 },
    ]);
    await expect(modelKpis(db, 'e-none', 7, null, NOW)).rejects.toThrow('No deployed model answers at endpoint e-none');
  });
});
