import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../db/test-db';
import { seedRegistryFixtures } from '../../registry/test-kit';
import type { PublicUser } from '../../auth/users';
import { testContext } from '../test-context';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { trainingRouter } from './training';

const callerFor = createCallerFactory(createTRPCRouter({ training: trainingRouter }));

let t: TestDb;
let scientist: PublicUser;
beforeEach(async () => {
  t = openTestDb();
  const people = await seedRegistryFixtures(t.anyDb);
  scientist = { ...people.scientist, email: 's@example.com', name: 's', disabledAt: null, createdAt: 1 } as unknown as PublicUser;
  await t.anyDb.insert(t.anyDb.t.pipelines).values({ id: 'pl', projectId: 'p1', name: 'Retrain', createdAt: 1, updatedAt: 1 });
});
afterEach(() => t.cleanup());

const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: TRPCError) => `${e.code}: ${e.message}`);

describe('training triggers', () => {
  it('adds a cron trigger with its next UTC time, lists, disables and deletes it, auditing each', async () => {
    const caller = callerFor(testContext(t, scientist));
    const created = await caller.training.createTrigger({ kind: 'cron', pipelineId: 'pl', cron: ' 0  3 * * * ' });
    expect(created).toMatchObject({ kind: 'cron', cron: '0 3 * * *', enabled: true, projectId: 'p1' });
    expect(new Date(created.nextFireAt!).toISOString()).toMatch(/T03:00:00\.000Z$/);
    expect(await caller.training.listTriggers({ pipelineId: 'pl' })).toMatchObject([{ id: created.id, pipelineName: 'Retrain', fires: [] }]);
    expect((await caller.training.setTriggerEnabled({ id: created.id, enabled: false })).enabled).toBe(false);
    await caller.training.deleteTrigger({ id: created.id });
    expect(await caller.training.listTriggers({ pipelineId: 'pl' })).toEqual([]);
    const { auditEvents } = t.anyDb.t;
    expect((await t.anyDb.select({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.id)).map((e) => e.action)).toEqual(['trigger.create', 'trigger.disable', 'trigger.delete']);
  });

  it('refuses a bad cron, an unknown field, a missing pipeline or dataset in words', async () => {
    const caller = callerFor(testContext(t, scientist));
    expect(await refusal(caller.training.createTrigger({ kind: 'cron', pipelineId: 'pl', cron: '0 25 * * *' }))).toBe('BAD_REQUEST: Cron hour field "25": 25 is outside 0–23');
    expect(await refusal(caller.training.createTrigger({ kind: 'cron', pipelineId: 'pl', cron: '0 0 30 2 *' }))).toBe('BAD_REQUEST: The cron expression "0 0 30 2 *" never fires (no such date within 30 years)');
    expect(await refusal(caller.training.createTrigger({ kind: 'cron', pipelineId: 'pl', cron: '* * * * *', datasetId: 'x' } as never))).toMatch(/^BAD_REQUEST: [\s\S]*Unrecognized key: .*datasetId/);
    expect(await refusal(caller.training.createTrigger({ kind: 'dataset', pipelineId: 'nope', datasetId: 'd' }))).toBe('BAD_REQUEST: Pipeline "nope" was not found');
    expect(await refusal(caller.training.createTrigger({ kind: 'dataset', pipelineId: 'pl', datasetId: 'd' }))).toBe('BAD_REQUEST: Dataset "d" was not found');
    expect(await refusal(caller.training.createTrigger({ kind: 'alert', pipelineId: 'pl' }))).toBe('BAD_REQUEST: An alert trigger needs an alert rule, or an endpoint whose rules it follows');
  });

  it('follows one chosen alert rule, names it in the list, refuses another endpoint\'s rule, and goes with the rule', async () => {
    const { alertRules, endpoints, registeredModels, trainingTriggers } = t.anyDb.t;
    await t.anyDb.insert(registeredModels).values({ id: 'm', projectId: 'p1', name: 'fraud', createdAt: 1, updatedAt: 1 });
    await t.anyDb.insert(endpoints).values([{ id: 'ep', projectId: 'p1', name: 'fraud-live', modelId: 'm', createdAt: 1, updatedAt: 1 }, { id: 'ep2', projectId: 'p1', name: 'fraud-b', modelId: 'm', createdAt: 1, updatedAt: 1 }]);
    const rule = (id: string, endpointId: string, enabled: boolean) => ({ id, endpointId, name: `rule ${id}`, metric: 'psi', feature: 'amount', operator: '>' as const, threshold: 0.2, forWindows: 2, enabled, createdAt: 1, updatedAt: 1 });
    await t.anyDb.insert(alertRules).values([rule('r1', 'ep', true), rule('r2', 'ep2', false)]);
    const caller = callerFor(testContext(t, scientist));
    const chosen = await caller.training.createTrigger({ kind: 'alert', pipelineId: 'pl', endpointId: 'ep', alertRuleId: 'r1' });
    expect(chosen).toMatchObject({ kind: 'alert', endpointId: 'ep', alertRuleId: 'r1' });
    const any = await caller.training.createTrigger({ kind: 'alert', pipelineId: 'pl', endpointId: 'ep', alertRuleId: null });
    const listed = await caller.training.listTriggers({ endpointId: 'ep' });
    expect(listed).toHaveLength(2);
    expect(listed.find((l) => l.id === any.id)).toMatchObject({ alertRuleId: null, alertRule: null });
    expect(listed.find((l) => l.id === chosen.id)).toMatchObject({ alertRule: { name: 'rule r1', text: 'psi(amount) > 0.2 for 2 windows', enabled: true } });
    // A rule alone says which endpoint the retrain challenges.
    expect(await caller.training.createTrigger({ kind: 'alert', pipelineId: 'pl', alertRuleId: 'r2' })).toMatchObject({ endpointId: 'ep2', alertRuleId: 'r2' });
    expect(await refusal(caller.training.createTrigger({ kind: 'alert', pipelineId: 'pl', endpointId: 'ep', alertRuleId: 'r2' }))).toBe('BAD_REQUEST: The alert rule watches another endpoint than the one this trigger retrains');
    expect(await refusal(caller.training.createTrigger({ kind: 'alert', pipelineId: 'pl', endpointId: 'ep', alertRuleId: 'gone' }))).toBe('BAD_REQUEST: Alert rule "gone" was not found');
    // Deleting the rule deletes the triggers that follow it, never widening them to "any alert".
    await t.anyDb.delete(alertRules).where(eq(alertRules.id, 'r1'));
    expect(await t.anyDb.select({ id: trainingTriggers.id }).from(trainingTriggers).where(eq(trainingTriggers.endpointId, 'ep'))).toEqual([{ id: any.id }]);
  });

  it('answers an unknown version\'s lineage with not found, and an endpoint without challenges with none', async () => {
    const caller = callerFor(testContext(t, scientist));
    expect(await refusal(caller.training.lineage({ versionId: 'nope' }))).toBe('NOT_FOUND: Model version nope was not found');
    expect(await caller.training.challenges({ endpointId: 'ep' })).toEqual([]);
  });

  it('lets a viewer read but not add', async () => {
    const viewer = { ...scientist, id: 'u-view', role: 'viewer' } as PublicUser;
    const caller = callerFor(testContext(t, viewer));
    expect(await caller.training.listTriggers({ pipelineId: 'pl' })).toEqual([]);
    expect(await refusal(caller.training.createTrigger({ kind: 'cron', pipelineId: 'pl', cron: '* * * * *' }))).toBe('FORBIDDEN: Your role (viewer) may not pipeline write');
  });
});
