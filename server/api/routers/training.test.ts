import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, pipelines } from '../../db/schema';
import { openTestDb, type TestDb } from '../../db/test-db';
import { seedRegistryFixtures } from '../../registry/test-kit';
import type { PublicUser } from '../../auth/users';
import { testContext } from '../test-context';
import { createCallerFactory, createTRPCRouter } from '../trpc';
import { trainingRouter } from './training';

const callerFor = createCallerFactory(createTRPCRouter({ training: trainingRouter }));

let t: TestDb;
let scientist: PublicUser;
beforeEach(() => {
  t = openTestDb();
  const people = seedRegistryFixtures(t.db);
  scientist = { ...people.scientist, email: 's@example.com', name: 's', disabledAt: null, createdAt: 1 } as unknown as PublicUser;
  t.db.insert(pipelines).values({ id: 'pl', projectId: 'p1', name: 'Retrain', createdAt: 1, updatedAt: 1 }).run();
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
    expect(t.db.select({ action: auditEvents.action }).from(auditEvents).all().map((e) => e.action)).toEqual(['trigger.create', 'trigger.disable', 'trigger.delete']);
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
