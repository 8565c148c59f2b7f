// Alert rules judged on recorded checks, against a real database: a rule opens an alert only when
// its last N checks all broke it, keeps one unresolved alert while the breach lasts, resolves it
// when a check recovers, and tells every person who can see the project. People acknowledge and
// resolve alerts, audited; rules are written as text and refused in words when they name unknowns.
import { TRPCError } from '@trpc/server';
import { eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentAuditEvents } from '../../server/auth/audit';
import { createUser, type PublicUser } from '../../server/auth/users';
import { testContext } from '../../server/api/test-context';
import { createCallerFactory, createTRPCRouter } from '../../server/api/trpc';
import { alertsRouter } from '../../server/api/routers/alerts';
import { notificationsRouter } from '../../server/api/routers/notifications';
import { saveMonitorSettings } from '../../server/monitoring/monitor-settings';
import { runMonitorCheck } from '../../server/monitoring/run-check';
import { logPredictions, noServing, seedMonitoredEndpoint } from '../../server/monitoring/test-kit';
import { driftSettingsSchema } from '../../nodes/monitor/drift/drift-thresholds';
import { openFreshTestDb, type FreshTestDb } from './helpers/fresh-test-db';

const callerFor = createCallerFactory(createTRPCRouter({ alerts: alertsRouter, notifications: notificationsRouter }));
const T0 = 1_800_000_000_000;
const HOUR = 3_600_000;

let t: FreshTestDb;
let versionId: string;
let scientist: PublicUser;
let viewer: PublicUser;
beforeEach(async () => {
  t = await openFreshTestDb();
  process.env.PIPEWORKS_DATA_DIR = t.dir;
  versionId = (await seedMonitoredEndpoint(t.anyDb, T0)).versionId;
  scientist = await createUser(t.anyDb, { email: 's@example.com', name: 's', role: 'scientist', password: 'long enough password' });
  viewer = await createUser(t.anyDb, { email: 'v@example.com', name: 'v', role: 'viewer', password: 'long enough password' });
  const gone = await createUser(t.anyDb, { email: 'g@example.com', name: 'g', role: 'analyst', password: 'long enough password' });
  await t.anyDb.update(t.anyDb.t.users).set({ disabledAt: 1 }).where(eq(t.anyDb.t.users.id, gone.id));
  await saveMonitorSettings(t.anyDb, { endpointId: 'ep', windowKind: 'predictions', windowSize: 50, checkIntervalMinutes: null, thresholds: driftSettingsSchema.parse({}) }, null, T0);
});
afterEach(() => t.cleanup());

let hour = 0;
/** Logs 50 predictions (drifted: x shifted by 2) and checks them, an hour after the previous check. */
async function checkWindow(drifted: boolean) {
  hour++;
  await logPredictions(t.anyDb, versionId, 50, drifted ? 2 : 0, T0 + hour * HOUR);
  return runMonitorCheck(t.anyDb, 'ep', { trigger: 'schedule', userId: null, dataDir: t.dir, now: T0 + hour * HOUR, fetchStats: noServing });
}

describe('alert rules on checks', () => {
  it('opens after N breaking windows, follows the breach, resolves on recovery, and notifies readers', async () => {
    const editor = callerFor(testContext(t, scientist));
    const rule = await editor.alerts.rules.create({ endpointId: 'ep', name: 'x shifted', severity: 'critical', rule: { text: 'psi(x) > 0.2 for 2 windows' } });
    expect(rule).toMatchObject({ metric: 'psi', feature: 'x', operator: '>', threshold: 0.2, forWindows: 2, text: 'psi(x) > 0.2 for 2 windows' });

    expect((await checkWindow(true)).alerts.opened).toEqual([]);
    expect((await checkWindow(false)).alerts.opened).toEqual([]);
    expect((await checkWindow(true)).alerts.opened).toEqual([]);
    const second = await checkWindow(true);
    expect(second.alerts.opened).toHaveLength(1);
    const opened = second.alerts.opened[0];
    expect(opened).toMatchObject({ state: 'open', severity: 'critical', checkId: second.check.id });
    expect(opened.message).toMatch(/^psi\(x\) = [\d.]+ > 0\.2 for 2 windows$/);

    const third = await checkWindow(true);
    expect(third.alerts).toEqual({ opened: [], resolved: [] });
    expect(await t.anyDb.select().from(t.anyDb.t.alerts)).toMatchObject([{ id: opened.id, lastCheckId: third.check.id, state: 'open' }]);

    // Every active reader is told once (the fixtures' users too), the disabled analyst not.
    const { notifications, users } = t.anyDb.t;
    const told = await t.anyDb.select().from(notifications);
    const active = await t.anyDb.select({ id: users.id }).from(users).where(isNull(users.disabledAt));
    expect(told.map((n) => n.userId).sort()).toEqual(active.map((u) => u.id).sort());
    expect(active.map((u) => u.id)).toEqual(expect.arrayContaining([scientist.id, viewer.id]));
    expect(told[0]).toMatchObject({ kind: 'alert', title: 'Critical: x shifted on m-live', link: '/monitoring/m-live#alerts', readAt: null });
    const bell = callerFor(testContext(t, viewer));
    expect(await bell.notifications.unreadCount()).toBe(1);
    const [note] = await bell.notifications.list({});
    expect(await bell.notifications.markRead({ ids: [note.id] })).toEqual({ marked: 1 });
    expect(await bell.notifications.unreadCount()).toBe(0);
    expect(await callerFor(testContext(t, scientist)).notifications.unreadCount()).toBe(1);

    const recovered = await checkWindow(false);
    expect(recovered.alerts.resolved).toMatchObject([{ id: opened.id, state: 'resolved', resolution: 'recovered' }]);
    expect((await bell.alerts.list({ endpointId: 'ep' }))[0]).toMatchObject({ state: 'resolved', ruleName: 'x shifted', endpointName: 'm-live' });
  });

  it('lets editors acknowledge and resolve, audited, and keeps one unresolved alert per rule', async () => {
    const editor = callerFor(testContext(t, scientist));
    await editor.alerts.rules.create({ endpointId: 'ep', name: 'x', rule: { metric: 'psi', feature: 'x', operator: '>', threshold: 0.2 } });
    const [alert] = (await checkWindow(true)).alerts.opened;
    expect(await callerFor(testContext(t, viewer)).alerts.acknowledge({ id: alert.id }).catch((e: TRPCError) => e.code)).toBe('FORBIDDEN');
    expect(await editor.alerts.acknowledge({ id: alert.id })).toMatchObject({ state: 'acknowledged', acknowledgedBy: scientist.id });
    // Still breaking while acknowledged: no second alert.
    expect((await checkWindow(true)).alerts.opened).toEqual([]);
    expect(await editor.alerts.resolve({ id: alert.id, comment: 'retrained' })).toMatchObject({ state: 'resolved', resolvedBy: scientist.id, resolution: 'retrained' });
    expect(await editor.alerts.resolve({ id: alert.id, comment: 'again' }).catch((e: TRPCError) => e.message)).toBe(`Alert ${alert.id} is already resolved (retrained)`);
    // Resolved by a person while the breach goes on: the next breaking check opens a new one.
    expect((await checkWindow(true)).alerts.opened).toHaveLength(1);
    const actions = (await recentAuditEvents(t.anyDb)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['alert.rule.create', 'alert.acknowledge', 'alert.resolve']));
  });

  it('offers the figures a rule may watch with their latest values, and turns a rule off and on without restating it', async () => {
    const editor = callerFor(testContext(t, scientist));
    const before = await editor.alerts.rules.figures({ endpointId: 'ep' });
    expect(before.note).toBeNull();
    expect(before.latestCheckAt).toBeNull();
    const names = before.figures.map((f) => `${f.group} ${f.feature === '' ? f.metric : `${f.metric}(${f.feature})`}`);
    expect(names).toEqual(expect.arrayContaining(['feature psi(x)', 'feature ks_p_value(x)', 'feature wasserstein(x)', 'decay roc_auc', 'decay cost_per_1000', 'health latency_p99', 'health rss_mb']));
    expect(names).not.toContain('feature chi2(x)');
    expect(names).not.toContain('decay baseline_saving_pct');
    // Every figure offered is one a rule may name.
    for (const f of before.figures) await editor.alerts.rules.parse({ endpointId: 'ep', text: `${f.feature === '' ? f.metric : `${f.metric}(${f.feature})`} > 1` });

    const rule = await editor.alerts.rules.create({ endpointId: 'ep', name: 'x moved', rule: { metric: 'psi', feature: 'x', operator: '>', threshold: 0.2 } });
    const checked = await checkWindow(true);
    expect(checked.alerts.opened).toHaveLength(1);
    const after = await editor.alerts.rules.figures({ endpointId: 'ep' });
    expect(after.latestCheckAt).toBe(checked.check.startedAt);
    expect(after.figures.find((f) => f.metric === 'psi' && f.feature === 'x')?.latest).toBeGreaterThan(0.2);

    await editor.alerts.resolve({ id: checked.alerts.opened[0].id, comment: 'looked' });
    expect(await callerFor(testContext(t, viewer)).alerts.rules.setEnabled({ id: rule.id, enabled: false }).catch((e: TRPCError) => e.code)).toBe('FORBIDDEN');
    expect(await editor.alerts.rules.setEnabled({ id: rule.id, enabled: false })).toMatchObject({ enabled: false, text: 'psi(x) > 0.2' });
    expect((await checkWindow(true)).alerts.opened).toEqual([]);
    expect(await editor.alerts.rules.setEnabled({ id: rule.id, enabled: true })).toMatchObject({ enabled: true });
    expect((await checkWindow(true)).alerts.opened).toHaveLength(1);
    const updated = await editor.alerts.rules.update({ id: rule.id, name: 'x moved a lot', severity: 'critical', rule: { metric: 'psi', feature: 'x', operator: '>', threshold: 50, forWindows: 2 } });
    expect(updated).toMatchObject({ text: 'psi(x) > 50 for 2 windows', severity: 'critical', enabled: true });
    const actions = (await recentAuditEvents(t.anyDb)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['alert.rule.disable', 'alert.rule.enable', 'alert.rule.update']));
    // A refusal names the field it is about, for the form to show it there.
    const refused = await editor.alerts.rules.update({ id: rule.id, name: 'r', rule: { metric: 'psi', feature: 'xx', operator: '>', threshold: 1 } }).then(() => null, (e: TRPCError) => e.cause as { details?: { field?: string } });
    expect(refused?.details?.field).toBe('feature');
    await editor.alerts.rules.delete({ id: rule.id });
    expect(await editor.alerts.rules.list({ endpointId: 'ep' })).toEqual([]);
    expect(await t.anyDb.select().from(t.anyDb.t.alerts)).toEqual([]);
  });

  it('refuses rules that name unknown metrics or features, with "did you mean"', async () => {
    const editor = callerFor(testContext(t, scientist));
    const refusal = (text: string) => editor.alerts.rules.create({ endpointId: 'ep', name: 'r', rule: { text } }).catch((e: TRPCError) => `${e.code}: ${e.message}`);
    expect(await refusal('pis(x) > 0.2')).toMatch(/^BAD_REQUEST: Unknown metric "pis". Did you mean "psi"\? Per feature: /);
    expect(await refusal('psi(xx) > 0.2')).toBe('BAD_REQUEST: Unknown feature "xx". Did you mean "x"? The live version\'s features: x');
    expect(await refusal('chi2(x) > 3')).toBe('BAD_REQUEST: chi2 does not apply to "x", a numeric feature; its figures are psi, ks, ks_p_value, wasserstein, missing_rate');
    expect(await refusal('roc_auc(x) < 0.8')).toBe('BAD_REQUEST: roc_auc is a figure of the whole model; write it without a feature: "roc_auc < 0.8"');
    expect(await refusal('rmse > 3')).toBe('BAD_REQUEST: rmse is not a binary metric; the live version\'s are: accuracy, precision, recall, f1, roc_auc, pr_auc, log_loss, brier, cost_per_1000');
    expect(await refusal('psi > 3')).toBe('BAD_REQUEST: psi is a figure of one feature; name it: "psi(<feature>) > 3"');
    expect(await editor.alerts.rules.parse({ endpointId: 'ep', text: 'roc_auc < 0.8' })).toEqual({ metric: 'roc_auc', feature: '', operator: '<', threshold: 0.8, forWindows: 1 });
    expect(await editor.alerts.rules.list({ endpointId: 'ep' })).toEqual([]);
  });
});
