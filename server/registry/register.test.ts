import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, modelVersionMetrics, modelVersionParams, modelVersions } from '../db/schema';
import { openTestDb, type TestDb } from '../db/test-db';
import { registerModelVersion } from './register';
import { draft, seedRegistryFixtures, type RegistryPeople } from './test-kit';

let t: TestDb;
let people: RegistryPeople;

beforeEach(async () => {
  t = openTestDb();
  people = await seedRegistryFixtures(t.anyDb);
});
afterEach(() => t.cleanup());

const register = (overrides: Partial<Parameters<typeof registerModelVersion>[1]> = {}) =>
  registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'churn', draft: draft(), userId: people.scientist.id, via: 'manual', ...overrides });

describe('registerModelVersion', () => {
  it('creates the model on first use and numbers its versions 1, 2, 3', async () => {
    const versions = [await register(), await register(), await register()];
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(new Set(versions.map((v) => v.modelId)).size).toBe(1);
    expect(versions.every((v) => v.created)).toBe(true);
  });

  it('keeps numbering per model and per project', async () => {
    await register();
    expect((await register({ modelName: 'fraud' })).version).toBe(1);
    expect((await register({ projectId: 'p2' })).version).toBe(1);
    expect((await register()).version).toBe(2);
  });

  it('never hands out a number twice, even after a version row is gone', async () => {
    const first = await register();
    t.db.delete(modelVersions).where(eq(modelVersions.id, first.versionId)).run();
    expect((await register()).version).toBe(2);
  });

  it('stores metrics and flattened params in their own rows, and audits who registered what', async () => {
    const v = await register({ draft: draft({ metrics: { roc_auc: 0.93, log_loss: 0.2 }, params: { seed: '7', 'space.depth': '[2,4]' } }) });
    expect(t.db.select().from(modelVersionMetrics).where(eq(modelVersionMetrics.versionId, v.versionId)).orderBy(asc(modelVersionMetrics.name)).all()).toEqual([
      { versionId: v.versionId, name: 'log_loss', value: 0.2 },
      { versionId: v.versionId, name: 'roc_auc', value: 0.93 },
    ]);
    expect(t.db.select({ key: modelVersionParams.key }).from(modelVersionParams).where(eq(modelVersionParams.versionId, v.versionId)).all()).toHaveLength(2);
    const event = t.db.select().from(auditEvents).where(eq(auditEvents.action, 'model.register')).get()!;
    expect(event).toMatchObject({ userId: people.scientist.id, targetType: 'model_version', targetId: v.versionId });
    expect(event.detail).toMatchObject({ model: 'churn', version: 1, via: 'manual' });
  });

  it("registers nothing new for the register option when the newest version holds the same model", async () => {
    const first = await register({ via: 'auto' });
    const again = await register({ via: 'auto' });
    expect(again).toMatchObject({ created: false, version: 1, versionId: first.versionId });
    expect(await register({ via: 'auto', draft: draft({ artifactId: 'b'.repeat(64) }) })).toMatchObject({ created: true, version: 2 });
    // A person asking explicitly always gets a new version.
    expect((await register({ via: 'manual', draft: draft({ artifactId: 'b'.repeat(64) }) })).version).toBe(3);
  });

  it('refuses a bad name or an unknown project with a message that says so', async () => {
    await expect(register({ modelName: 'churn model!' })).rejects.toThrow(/letters, digits/);
    await expect(register({ projectId: 'nope' })).rejects.toThrow(/Project "nope" was not found/);
    expect(t.db.select().from(modelVersions).all()).toEqual([]);
  });
});
