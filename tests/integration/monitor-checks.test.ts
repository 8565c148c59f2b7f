// Recorded monitoring checks on real traffic: the real serving process answers and logs requests,
// feedback labels arrive through its feedback route, and runMonitorCheck writes one check with its
// figures (drift, decay, latency, throughput, and the serving process's memory from its /stats).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import { openTestDbIn } from '../../server/db/test-db';
import { figureSeries } from '../../server/monitoring/check-queries';
import type { CheckDetail } from '../../server/monitoring/check-figures';
import { saveMonitorSettings } from '../../server/monitoring/monitor-settings';
import { runMonitorCheck } from '../../server/monitoring/run-check';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { addKey, createEndpoint, deploy, fraudModel, registerModel } from '../../server/serving/test-kit';
import { waitForLogged } from './helpers/prediction-log';
import { newDataDir } from './helpers/server-process';
import { startServing, stopServing, type ServingHandle } from './helpers/serving-process';

const PORT = 4513;
let serving: ServingHandle;
let opened: ReturnType<typeof openTestDbIn>;
let dataDir: string;
let endpointId: string;
let key: string;
let modelId: string;
const sent = rows(300, false);

function rows(n: number, drift: boolean) {
  return Array.from({ length: n }, (_, i) => ({
    amount: 20 + ((i * 0.618034) % 1) * 160 + (drift ? 150 : 0),
    city: drift && i % 3 === 0 ? 'Marseille' : i % 2 ? 'Lyon' : 'Paris',
    member: i % 3 === 0,
  }));
}
const truth = (r: ReturnType<typeof rows>[number]) => (2 * ((r.amount - 100) / 50) + (r.city === 'Lyon' ? 0.5 : -0.5) + (r.member ? -0.3 : 0.3) > 0 ? 'yes' : 'no');

beforeAll(async () => {
  dataDir = newDataDir();
  // The serving process's database: the SQLite file in dataDir, or the test file's Postgres database.
  opened = openTestDbIn(dataDir);
  const db = opened.anyDb;
  const training = rows(2000, false);
  const profile = referenceProfile(
    [
      { name: 'amount', type: 'numeric', values: training.map((r) => r.amount) },
      { name: 'city', type: 'categorical', values: training.map((r) => r.city) },
      { name: 'member', type: 'boolean', values: training.map((r) => r.member) },
    ],
    { name: 'fraud', type: 'categorical', values: training.map(truth) },
    training.length,
  );
  const v1 = await registerModel(db, dataDir, fraudModel(0), 'fraud', undefined, { reference: { dataArtifactId: 'c'.repeat(64), profile } });
  modelId = v1.modelId;
  endpointId = await createEndpoint(db, 'fraud-checks', v1.modelId, { unseenCategories: 'accept' });
  await deploy(db, endpointId, v1.versionId);
  key = (await addKey(db, endpointId)).key;
  serving = await startServing({ dataDir, port: PORT });
}, 90_000);

afterAll(async () => {
  if (serving) await stopServing(serving);
  opened?.close();
});

async function post(path: string, body: unknown) {
  const res = await fetch(`${serving.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return (await res.json()) as { prediction_ids?: string[] };
}

const logged = (rows: number) => waitForLogged(opened.anyDb, endpointId, rows);

const fetchStats = async (name: string) => (await fetch(`${serving.url}/stats/${name}`)).json();
const check = () => runMonitorCheck(opened.anyDb, endpointId, { trigger: 'manual', userId: null, dataDir, fetchStats });
const figure = (figures: { feature: string; metric: string; value: number; flagged: boolean }[], feature: string, metric: string) =>
  figures.find((f) => f.feature === feature && f.metric === metric);

describe('recorded monitoring checks', () => {
  it('records an empty window as an error that says why', async () => {
    const { check: c, figures } = await check();
    expect(c).toMatchObject({ status: 'error', rows: 0, error: 'No predictions of fraud v1 were logged in the last 10000 predictions, so there is nothing to check' });
    expect(figures).toEqual([]);
  });

  it('writes drift, decay and health figures, and the histograms of the window', async () => {
    // Three requests apart in time: a window of one instant has no throughput.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(...(await post('/endpoints/fraud-checks/invocations', { dataframe_records: sent.slice(i * 100, i * 100 + 100) })).prediction_ids!);
      await new Promise((r) => setTimeout(r, 50));
    }
    await logged(300);
    // Labels for the first 100: the truth for 90 of them, the wrong class for 10.
    await post('/endpoints/fraud-checks/feedback', ids.slice(0, 100).map((id, i) => ({ prediction_id: id, label: i < 90 ? truth(sent[i]) : truth(sent[i]) === 'yes' ? 'no' : 'yes' })));
    const { check: c, figures } = await check();
    expect(c).toMatchObject({ status: 'ok', rows: 300, labelledRows: 100, error: null });
    const amountPsi = figure(figures, 'amount', 'psi')!;
    expect(amountPsi.value).toBeLessThan(0.2);
    expect(amountPsi.flagged).toBe(false);
    for (const m of ['ks', 'ks_p_value', 'wasserstein', 'missing_rate']) expect(figure(figures, 'amount', m), m).toBeDefined();
    for (const m of ['chi2', 'chi2_p_value', 'psi', 'unseen_rate', 'missing_rate']) expect(figure(figures, 'city', m), m).toBeDefined();
    expect(figure(figures, '__prediction__', 'psi')).toBeDefined();
    // 90 of 100 labels agree with a model that answers by the same rule.
    expect(figure(figures, '', 'accuracy')!.value).toBeCloseTo(0.9, 10);
    expect(figure(figures, '', 'roc_auc')).toBeDefined();
    expect(figure(figures, '', 'cost_per_1000')).toBeUndefined();
    for (const m of ['latency_p50', 'latency_p95', 'latency_p99', 'throughput_rps', 'error_rate', 'rss_mb', 'model_mb']) expect(figure(figures, '', m), m).toBeDefined();
    expect(figure(figures, '', 'rss_mb')!.value).toBeGreaterThan(10);
    const detail = c.detail as CheckDetail;
    const amount = detail.features.amount;
    expect(amount.kind).toBe('numeric');
    expect(amount.reference.length).toBe(amount.current.length);
    expect(amount.current.reduce((a, b) => a + b, 0)).toBe(300);
    expect(detail.features.city).toMatchObject({ kind: 'categorical' });
    expect(detail.prediction).toBeDefined();
    expect(detail.notes).toContain("Decay: Neither business KPI settings nor an evaluate step price this model's decisions, so cost_per_1000 is not computed");
    const { monitorFigures } = opened.anyDb.t;
    const stored = await opened.anyDb.select().from(monitorFigures).where(eq(monitorFigures.checkId, c.id));
    expect(stored).toHaveLength(figures.length);
  });

  it('flags drifted features and keeps a series per figure', async () => {
    await saveMonitorSettings(opened.anyDb, { endpointId, windowKind: 'predictions', windowSize: 300, checkIntervalMinutes: null, thresholds: driftSettingsSchema.parse({}) }, null);
    await post('/endpoints/fraud-checks/invocations', { dataframe_records: rows(300, true) });
    await logged(600);
    const { check: c, figures } = await check();
    expect(c).toMatchObject({ status: 'drift', rows: 300, labelledRows: 0 });
    expect(figure(figures, 'amount', 'psi')!.flagged).toBe(true);
    expect(figure(figures, 'city', 'unseen_rate')).toMatchObject({ value: 100 / 300, flagged: true });
    expect(figure(figures, '', 'accuracy')).toBeUndefined();
    const series = await figureSeries(opened.anyDb, { endpointId, metric: 'psi', feature: 'amount', limit: 10 });
    expect(series.map((p) => p.flagged)).toEqual([false, true]);
  });

  it("prices labelled decisions with the model's business KPI settings", async () => {
    await opened.anyDb.insert(opened.anyDb.t.businessKpiSettings).values({ modelId, positiveLabel: 'yes', tpValue: 0, fpCost: 1, fnCost: 20, threshold: 0.5, currency: 'EUR', updatedAt: Date.now() });
    await saveMonitorSettings(opened.anyDb, { endpointId, windowKind: 'predictions', windowSize: 600, checkIntervalMinutes: null, thresholds: driftSettingsSchema.parse({}) }, null);
    const { check: c, figures } = await check();
    expect(c.labelledRows).toBe(100);
    // The ten wrong labels: a "yes" the model flagged is now a false positive, a "no" a false negative.
    const flipped = sent.slice(90, 100);
    const fp = flipped.filter((r) => truth(r) === 'yes').length;
    const fn = flipped.length - fp;
    expect(figure(figures, '', 'cost_per_1000')!.value).toBeCloseTo((1000 * (fp * 1 + fn * 20)) / 100, 9);
  });
});
