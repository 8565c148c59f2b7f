// The monitoring, alert, notification and webhook stores on both databases: settings and the
// scheduler's claim, recorded checks and their figures, rules judged on them (opened after N
// windows, one unresolved per rule, resolved on recovery, readers notified), people acting on
// alerts, the monitoring pages' reads, and webhooks delivered and retried to a local receiver.
// Seeded and run through the handle alone (no store here takes the sync one), so nothing can
// quietly run on SQLite while the suite says Postgres.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acknowledgeAlert, listAlerts, resolveAlert } from '../../server/alerts/alert-actions';
import { postAlertWebhooks } from '../../server/alerts/alert-webhooks';
import { createRule, deleteRule, listRules, setRuleEnabled } from '../../server/alerts/alert-rules';
import { evaluateAlertRules } from '../../server/alerts/evaluate-rules';
import { listNotifications, markRead, unreadCount } from '../../server/alerts/notifications';
import { ruleFigures } from '../../server/alerts/rule-figures';
import { checkRuleNames } from '../../server/alerts/rule-vocabulary';
import { first, type AnyDb } from '../../server/db/any-db';
import type { MonitorCheck } from '../../server/db/schema';
import { figureSeries, getCheck, listChecks } from '../../server/monitoring/check-queries';
import { claimDueChecks } from '../../server/monitoring/check-scheduler';
import { readMonitorSettings, saveMonitorSettings } from '../../server/monitoring/monitor-settings';
import { monitorOverview } from '../../server/monitoring/page/overview';
import { retrainingHistory } from '../../server/monitoring/page/retraining';
import { runnerHealth } from '../../server/monitoring/page/runner-health';
import { endpointForPage, monitorTrends } from '../../server/monitoring/page/trends';
import { deliverWebhook, RETRY_DELAYS_MS, retryDueDeliveries } from '../../server/webhooks/deliver';
import { addAllowEntry, createWebhook, listAllowlist, listDeliveries, listWebhooks, removeAllowEntry } from '../../server/webhooks/webhook-store';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import { describeEachDatabase } from './helpers/each-database';

const T0 = 1_800_000_000_000; // past 2^31 ms, as every stored time is
const HOUR = 3_600_000;

async function seed(db: AnyDb): Promise<void> {
  const t = db.t;
  await db.insert(t.projects).values({ id: 'p1', name: 'Project one', createdAt: 1 });
  await db.insert(t.users).values([
    { id: 'u-admin', email: 'a@example.com', name: 'Ada', role: 'admin', passwordHash: 'x', createdAt: 1 },
    { id: 'u-view', email: 'v@example.com', name: 'Vic', role: 'viewer', passwordHash: 'x', createdAt: 1 },
    { id: 'u-gone', email: 'g@example.com', name: 'Gus', role: 'analyst', passwordHash: 'x', createdAt: 1, disabledAt: 5 },
  ]);
  await db.insert(t.registeredModels).values({ id: 'm', projectId: 'p1', name: 'fraud', createdAt: 1, updatedAt: 1 });
  const lineage = { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null };
  const signature = { inputs: [{ name: 'x', type: 'numeric' as const, role: 'feature' as const }], target: 'y', task: 'binary' as const, labels: ['no', 'yes'] };
  await db.insert(t.modelVersions).values([
    { id: 'v1', modelId: 'm', version: 1, source: 'run', format: 'pipeworks/logistic', artifactId: 'a'.repeat(64), signature, metrics: {}, lineage, createdAt: 1 },
    { id: 'v2', modelId: 'm', version: 2, source: 'run', format: 'pipeworks/logistic', artifactId: 'a'.repeat(64), signature, metrics: {}, lineage, createdAt: 2 },
  ]);
  await db.insert(t.endpoints).values({ id: 'ep', projectId: 'p1', name: 'm-live', modelId: 'm', createdAt: 1, updatedAt: 1 });
  await db.insert(t.deployments).values({ id: 'd', endpointId: 'ep', versionId: 'v1', role: 'primary', trafficPercent: 100, reason: 'deploy', createdAt: 1 });
}

let checks = 0;
/** A check as run-check writes it: its row and its figures (latency_p99 and psi(x)). */
async function recordCheck(db: AnyDb, at: number, p99: number, psi: number, status: MonitorCheck['status'] = 'ok'): Promise<MonitorCheck> {
  const check: MonitorCheck = {
    id: `c${++checks}`,
    endpointId: 'ep',
    versionId: 'v1',
    trigger: 'schedule',
    status,
    windowFrom: at - HOUR,
    windowTo: at,
    rows: 50,
    labelledRows: 0,
    detail: { features: {} },
    error: null,
    startedAt: at,
    finishedAt: at + 10,
    createdBy: null,
  };
  await db.insert(db.t.monitorChecks).values(check);
  await db.insert(db.t.monitorFigures).values([
    { checkId: check.id, endpointId: 'ep', at, feature: '', metric: 'latency_p99', value: p99, flagged: false },
    { checkId: check.id, endpointId: 'ep', at, feature: 'x', metric: 'psi', value: psi, flagged: psi > 0.2 },
  ]);
  return check;
}

describeEachDatabase('monitoring, alerts, notifications and webhooks', (under) => {
  let server: Server;
  let origin = '';
  const received: { url: string; event: string; attempt: string; body: string }[] = [];
  let flaky = 503;

  beforeAll(async () => {
    checks = 0;
    await seed(under.db);
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ url: req.url ?? '', event: String(req.headers['x-pipeworks-event']), attempt: String(req.headers['x-pipeworks-attempt']), body });
        res.writeHead(req.url === '/flaky' ? flaky : 200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('keeps monitoring settings, and hands each due scheduled check to one claimant', async () => {
    const { db } = under;
    expect(await readMonitorSettings(db, 'ep')).toMatchObject({ stored: false, windowKind: 'predictions', windowSize: 10_000, nextCheckAt: null });
    await expect(readMonitorSettings(db, 'nope')).rejects.toThrow('Endpoint nope was not found');
    const thresholds = driftSettingsSchema.parse({});
    const saved = await saveMonitorSettings(db, { endpointId: 'ep', windowKind: 'hours', windowSize: 2, checkIntervalMinutes: 60, thresholds }, 'u-admin', T0);
    expect(saved).toMatchObject({ stored: true, windowKind: 'hours', windowSize: 2, nextCheckAt: T0 + HOUR, promotionMode: 'approval', updatedBy: 'u-admin', updatedAt: T0 });
    expect(saved.thresholds).toEqual(thresholds);
    await expect(saveMonitorSettings(db, { endpointId: 'ep', windowKind: 'hours', windowSize: 2, checkIntervalMinutes: 60, thresholds, retrainPipelineId: 'nope' }, null, T0)).rejects.toThrow('Pipeline nope was not found');

    expect(await claimDueChecks(db, T0 + HOUR - 1)).toEqual([]);
    const [a, b] = await Promise.all([claimDueChecks(db, T0 + HOUR), claimDueChecks(db, T0 + HOUR)]);
    expect([...a, ...b]).toEqual([{ endpointId: 'ep', dueAt: T0 + HOUR }]);
    expect((await readMonitorSettings(db, 'ep')).nextCheckAt).toBe(T0 + 2 * HOUR);
    // On demand only from here on.
    await saveMonitorSettings(db, { endpointId: 'ep', windowKind: 'predictions', windowSize: 50, checkIntervalMinutes: null, thresholds }, null, T0);
    expect(await claimDueChecks(db, T0 + 100 * HOUR)).toEqual([]);
  });

  it('opens an alert after N breaking checks, keeps one while it lasts, resolves it on recovery, and tells active readers', async () => {
    const { db } = under;
    const rule = await createRule(db, '/unused', 'ep', { metric: 'latency_p99', feature: '', operator: '>', threshold: 100, forWindows: 2, name: 'slow', severity: 'critical', webhookId: null, enabled: true }, 'u-admin', T0);
    expect(rule.text).toBe('latency_p99 > 100 for 2 windows');
    await expect(createRule(db, '/unused', 'ep', { metric: 'latency_p99', feature: 'x', operator: '>', threshold: 1, forWindows: 1, name: 'bad', severity: 'warning', webhookId: null, enabled: true }, null)).rejects.toThrow(
      'latency_p99 is a figure of the whole model',
    );
    expect((await listRules(db, 'ep')).map((r) => r.id)).toEqual([rule.id]);

    const judge = async (hour: number, p99: number, status: MonitorCheck['status'] = 'ok') => {
      const check = await recordCheck(db, T0 + hour * HOUR, p99, 0.05 * hour, status);
      return { check, outcome: await evaluateAlertRules(db, check, T0 + hour * HOUR + 10) };
    };
    expect((await judge(1, 150)).outcome.opened).toEqual([]);
    expect((await judge(2, 50)).outcome.opened).toEqual([]);
    expect((await judge(3, 150)).outcome.opened).toEqual([]);
    expect((await judge(4, 500, 'error')).outcome).toEqual({ opened: [], resolved: [] });
    const second = await judge(5, 150);
    expect(second.outcome.opened).toHaveLength(1);
    const opened = second.outcome.opened[0];
    expect(opened).toMatchObject({ state: 'open', severity: 'critical', checkId: second.check.id, message: 'latency_p99 = 150 > 100 for 2 windows', value: 150 });
    const third = await judge(6, 170);
    expect(third.outcome).toEqual({ opened: [], resolved: [] });
    expect(await listAlerts(db, { endpointId: 'ep', limit: 10 })).toMatchObject([{ id: opened.id, lastCheckId: third.check.id, state: 'open', ruleName: 'slow', endpointName: 'm-live', projectId: 'p1' }]);

    // Readers told once; the disabled analyst not.
    expect(await unreadCount(db, 'u-admin')).toBe(1);
    expect(await unreadCount(db, 'u-gone')).toBe(0);
    const [note] = await listNotifications(db, 'u-view', 10);
    expect(note).toMatchObject({ kind: 'alert', title: 'Critical: slow on m-live', link: '/monitoring/m-live#alerts', readAt: null, createdAt: T0 + 5 * HOUR + 10 });
    expect(await markRead(db, 'u-view', [note.id], T0 + 7 * HOUR)).toBe(1);
    expect(await markRead(db, 'u-view', undefined, T0 + 7 * HOUR)).toBe(0);
    expect(await unreadCount(db, 'u-view')).toBe(0);
    expect(await listNotifications(db, 'u-view', 10, { at: note.createdAt, id: note.id })).toEqual([]);

    const recovered = await judge(7, 20);
    expect(recovered.outcome.resolved).toMatchObject([{ id: opened.id, state: 'resolved', resolution: 'recovered', resolvedBy: null, lastCheckId: recovered.check.id }]);
    expect(await listAlerts(db, { states: ['open', 'acknowledged'], limit: 10 })).toEqual([]);

    // People: acknowledge an open alert, resolve it with a comment; refused in words otherwise.
    await judge(8, 150);
    const [again] = (await judge(9, 150)).outcome.opened;
    expect(await acknowledgeAlert(db, again.id, 'u-admin', T0 + 10 * HOUR)).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'u-admin', acknowledgedAt: T0 + 10 * HOUR });
    await expect(acknowledgeAlert(db, again.id, 'u-admin')).rejects.toThrow('only an open alert can be acknowledged');
    expect(await resolveAlert(db, again.id, 'u-admin', 'scaled up', T0 + 11 * HOUR)).toMatchObject({ state: 'resolved', resolvedBy: 'u-admin', resolution: 'scaled up' });
    await expect(resolveAlert(db, again.id, 'u-admin', 'twice')).rejects.toThrow('is already resolved (scaled up)');
    await expect(acknowledgeAlert(db, 'nope', 'u-admin')).rejects.toThrow('Alert nope was not found');

    // A disabled rule judges nothing; turning a health rule on again needs no reference statistics.
    expect((await setRuleEnabled(db, '/unused', rule.id, false)).enabled).toBe(false);
    expect((await judge(10, 900)).outcome).toEqual({ opened: [], resolved: [] });
    expect((await setRuleEnabled(db, '/unused', rule.id, true)).enabled).toBe(true);
  });

  it('reads checks, figure series and the monitoring pages back', async () => {
    const { db } = under;
    const listed = await listChecks(db, 'ep', 3);
    expect(listed.map((c) => c.id)).toEqual(['c10', 'c9', 'c8']);
    expect((await listChecks(db, 'ep', 50, { at: T0 + 2 * HOUR, id: 'c2' })).map((c) => c.id)).toEqual(['c1']);
    const one = await getCheck(db, 'c9');
    expect(one).toMatchObject({ id: 'c9', status: 'ok', detail: { features: {} }, figures: [{ feature: '', metric: 'latency_p99', value: 150, flagged: false }, { feature: 'x', metric: 'psi', flagged: true }] });
    expect(await getCheck(db, 'nope')).toBeNull();
    const series = await figureSeries(db, { endpointId: 'ep', metric: 'latency_p99', feature: '', from: T0 + 2 * HOUR, to: T0 + 6 * HOUR, limit: 3 });
    expect(series.map((p) => [p.at, p.value, p.checkId])).toEqual([
      [T0 + 4 * HOUR, 500, 'c4'],
      [T0 + 5 * HOUR, 150, 'c5'],
      [T0 + 6 * HOUR, 170, 'c6'],
    ]);

    const trends = await monitorTrends(db, 'ep', 2);
    expect(trends.checks.map((c) => [c.id, c.flaggedFeatures])).toEqual([
      ['c9', ['x']],
      ['c10', ['x']],
    ]);
    expect(trends.figures).toHaveLength(4);
    expect(trends.thresholds.thresholds.psi).toBe(0.2);
    const [row] = await monitorOverview(db);
    expect(row).toMatchObject({ endpointId: 'ep', name: 'm-live', modelName: 'fraud', projectName: 'Project one', undeployed: false, latestCheck: { id: 'c10', status: 'ok' }, flaggedFeatures: ['x'], unresolvedAlerts: 0 });
    expect(await endpointForPage(db, 'm-live')).toMatchObject({ id: 'ep', modelName: 'fraud', projectId: 'p1', pipelines: [] });
    await expect(endpointForPage(db, 'm-lvie')).rejects.toThrow('There is no endpoint "m-lvie"; did you mean "m-live"?');

    // The rule picker without a reference: health figures with their latest values.
    await db.update(db.t.deployments).set({ retiredAt: T0 }).where(eq(db.t.deployments.id, 'd'));
    const picker = await ruleFigures(db, '/unused', 'ep');
    expect(picker.latestCheckAt).toBe(T0 + 10 * HOUR);
    expect(picker.figures.find((f) => f.metric === 'latency_p99')).toEqual({ group: 'health', metric: 'latency_p99', feature: '', latest: 900 });
    expect(picker.note).toMatch(/no live deployment/);
    await db.update(db.t.deployments).set({ retiredAt: null }).where(eq(db.t.deployments.id, 'd'));
  });

  it('reads retraining history and runner health', async () => {
    const { db } = under;
    const t = db.t;
    await db.insert(t.pipelines).values({ id: 'pl', projectId: 'p1', name: 'retrain', createdAt: T0, updatedAt: T0 } as typeof t.pipelines.$inferInsert);
    await db.insert(t.runs).values({ id: 'run1', pipelineId: 'pl', status: 'running', plan: { steps: [] } as never, trigger: 'alert', createdAt: T0 } as typeof t.runs.$inferInsert);
    await db.insert(t.trainingTriggers).values({ id: 'tr', projectId: 'p1', pipelineId: 'pl', endpointId: 'ep', kind: 'alert', createdAt: T0, updatedAt: T0 });
    await db.insert(t.triggerFires).values({ id: 'f1', triggerId: 'tr', dedupeKey: 'a', firedAt: T0, runId: 'run1' });
    await db.insert(t.challenges).values({ id: 'c1', endpointId: 'ep', runId: 'run1', triggerFireId: 'f1', championVersionId: 'v1', challengerVersionId: 'v2', figures: {}, gates: [], decision: 'kept_champion', createdAt: T0 });
    const history = await retrainingHistory(db, 'ep');
    expect(history.fires).toMatchObject([{ id: 'f1', kind: 'alert', runId: 'run1', pipelineId: 'pl' }]);
    expect(history.challenges).toEqual([
      expect.objectContaining({ id: 'c1', decision: 'kept_champion', championModelId: 'm', championVersion: 1, challengerModelId: 'm', challengerVersion: 2 }),
    ]);
    const step = (id: string, status: 'succeeded' | 'queued', ms: number, peak: number | null) =>
      db.insert(t.stepRuns).values({ id, runId: 'run1', stepId: id, nodeType: 'train/logistic', nodeVersion: 1, status, startedAt: T0, finishedAt: status === 'queued' ? null : T0 + ms, peakMemoryBytes: peak } as typeof t.stepRuns.$inferInsert);
    await step('s1', 'succeeded', 100, 10);
    await step('s2', 'succeeded', 300, 50);
    await step('s3', 'queued', 0, null);
    expect(await runnerHealth(db)).toEqual({ sampled: 2, queued: 1, running: 0, types: [{ nodeType: 'train/logistic', steps: 2, medianMs: 100, p95Ms: 300, maxMs: 300, peakMemoryBytes: 50 }] });
  });

  it('delivers webhooks through the allow-list, retries what a retry may cure, and posts alert changes', async () => {
    const { db } = under;
    await expect(createWebhook(db, { projectId: 'p1', name: 'ops', url: `${origin}/hook` }, 'u-admin')).rejects.toThrow('is not on the webhook allow-list');
    const entry = await addAllowEntry(db, { origin, allowPrivate: true }, 'u-admin', T0);
    await expect(addAllowEntry(db, { origin, allowPrivate: false }, 'u-admin')).rejects.toThrow('is already on the allow-list');
    expect(await listAllowlist(db)).toEqual([{ ...entry }]);
    const made = await createWebhook(db, { projectId: 'p1', name: 'ops', url: `${origin}/hook` }, 'u-admin', T0);
    expect(made.secret).toMatch(/^whsec_/);
    expect(await listWebhooks(db, 'p1')).toEqual([made.webhook]);
    const flakyHook = (await createWebhook(db, { projectId: 'p1', name: 'flaky', url: `${origin}/flaky` }, 'u-admin', T0 + 1)).webhook;

    const T = T0 + 20 * HOUR;
    const pending = await deliverWebhook(db, flakyHook.id, 'ping', { n: 1 }, null, { now: () => T });
    expect(pending).toMatchObject({ state: 'pending', attempts: 1, status: 503, nextAttemptAt: T + RETRY_DELAYS_MS[0] });
    expect(await retryDueDeliveries(db, { now: () => T + RETRY_DELAYS_MS[0] - 1 })).toEqual([]);
    flaky = 204;
    const [a, b] = await Promise.all([retryDueDeliveries(db, { now: () => T + RETRY_DELAYS_MS[0] }), retryDueDeliveries(db, { now: () => T + RETRY_DELAYS_MS[0] })]);
    expect([...a, ...b]).toMatchObject([{ id: pending.id, state: 'delivered', attempts: 2, status: 204, nextAttemptAt: null }]);
    expect(received.filter((r) => r.url === '/flaky').map((r) => r.attempt)).toEqual(['1', '2']);
    expect(await listDeliveries(db, flakyHook.id, 10)).toEqual([expect.objectContaining({ id: pending.id, state: 'delivered', attempts: 2, createdAt: T })]);

    // An alert of a rule that posts to the webhook: its change is delivered, with the person's name.
    const rule = await createRule(db, '/unused', 'ep', { metric: 'error_rate', feature: '', operator: '>', threshold: 0.1, forWindows: 1, name: 'errors', severity: 'warning', webhookId: made.webhook.id, enabled: true }, null, T);
    await db.insert(db.t.monitorChecks).values({ id: 'cw', endpointId: 'ep', versionId: 'v1', trigger: 'manual', status: 'ok', rows: 1, labelledRows: 0, detail: { features: {} }, startedAt: T, finishedAt: T, createdBy: null });
    await db.insert(db.t.monitorFigures).values({ checkId: 'cw', endpointId: 'ep', at: T, feature: '', metric: 'error_rate', value: 0.5, flagged: false });
    const check = first(await db.select().from(db.t.monitorChecks).where(eq(db.t.monitorChecks.id, 'cw')).limit(1))!;
    const [alert] = (await evaluateAlertRules(db, check, T)).opened;
    const acked = await acknowledgeAlert(db, alert.id, 'u-admin', T + 1);
    const [delivery] = await postAlertWebhooks(db, [acked], 'alert.acknowledged');
    expect(delivery).toMatchObject({ alertId: alert.id, event: 'alert.acknowledged', state: 'delivered', status: 200 });
    const posted = JSON.parse(received.at(-1)!.body) as { alert: Record<string, unknown>; rule: Record<string, unknown>; endpoint: Record<string, unknown> };
    expect(posted.alert).toMatchObject({ id: alert.id, state: 'acknowledged', acknowledgedBy: 'Ada', resolvedBy: null });
    expect(posted.rule).toEqual({ id: rule.id, name: 'errors', text: 'error_rate > 0.1' });
    expect(posted.endpoint).toEqual({ id: 'ep', name: 'm-live', projectId: 'p1' });

    // Off the allow-list: the next attempt is refused and nothing is sent; deleting a rule takes its alerts.
    await removeAllowEntry(db, entry.id);
    expect(await deliverWebhook(db, made.webhook.id, 'ping', {}, null, { maxAttempts: 1 })).toMatchObject({ state: 'failed', status: null, error: expect.stringContaining('is not on the webhook allow-list') });
    await deleteRule(db, rule.id);
    expect(await listAlerts(db, { endpointId: 'ep', states: ['acknowledged'], limit: 10 })).toEqual([]);
  });

  it('checks rules against the stored reference statistics of the live version', async () => {
    const { db } = under;
    const rule = { metric: 'psi', feature: 'x', operator: '>' as const, threshold: 0.2, forWindows: 1 };
    // No stored reference, and none can be computed for a version with no run: refused in words.
    await expect(checkRuleNames(db, '/unused', 'ep', rule)).rejects.toThrow('v1 has no reference statistics (it was not registered from a run');
    const profile = referenceProfile([{ name: 'x', type: 'numeric', values: Array.from({ length: 200 }, (_, i) => i / 200) }], { name: 'y', type: 'categorical', values: Array.from({ length: 200 }, (_, i) => (i % 2 ? 'yes' : 'no')) }, 200);
    await db.insert(db.t.modelVersionReferences).values({ versionId: 'v1', dataArtifactId: 'b'.repeat(64), profile, createdAt: T0 });
    await checkRuleNames(db, '/unused', 'ep', rule);
    await checkRuleNames(db, '/unused', 'ep', { ...rule, metric: 'chi2_p_value', feature: '__prediction__', operator: '<', threshold: 0.01 });
    await expect(checkRuleNames(db, '/unused', 'ep', { ...rule, feature: 'xx' })).rejects.toThrow('Unknown feature "xx". Did you mean "x"?');
    await expect(checkRuleNames(db, '/unused', 'ep', { ...rule, metric: 'chi2' })).rejects.toThrow('chi2 does not apply to "x", a numeric feature');
    await expect(checkRuleNames(db, '/unused', 'ep', { ...rule, metric: 'recall', feature: '' })).resolves.toBeUndefined();
    const picker = await ruleFigures(db, '/unused', 'ep');
    expect(picker.note).toBeNull();
    // The latest check (the webhook test's) has only error_rate.
    expect(picker.figures.find((f) => f.metric === 'psi' && f.feature === 'x')).toEqual({ group: 'feature', metric: 'psi', feature: 'x', latest: null });
    expect(picker.figures.find((f) => f.metric === 'error_rate')).toEqual({ group: 'health', metric: 'error_rate', feature: '', latest: 0.5 });
    expect(picker.figures.filter((f) => f.group === 'prediction').map((f) => f.metric)).toContain('chi2_p_value');
    expect(picker.figures.filter((f) => f.group === 'decay').map((f) => f.metric)).toContain('roc_auc');
  });
});
