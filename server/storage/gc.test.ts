import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { artifacts } from '../db/schema';
import { markReleased } from './release';
import { planGc } from './gc';

const HOUR = 3_600_000;
const id = (c: string) => c.repeat(64);
let t: TestDb;

beforeEach(() => {
  t = openTestDb();
  const now = Date.now();
  t.sqlite.exec(`
    insert into projects (id, name, description, created_at) values ('p', 'P', '', ${now});
    insert into pipelines (id, project_id, name, current_version, created_at, updated_at) values ('pl', 'p', 'PL', 1, ${now}, ${now});
    insert into runs (id, pipeline_id, status, plan, trigger, created_at) values ('r1', 'pl', 'succeeded', '{}', 'api', ${now});
    insert into step_runs (id, run_id, step_id, node_type, node_version, status, outputs)
      values ('s1', 'r1', 'split', 'split/random', 1, 'succeeded', '{"train":{"id":"${id('a')}","kind":"table","size":10}}');`);
  for (const [c, size, age] of [['a', 10, 48], ['b', 20, 48], ['c', 40, 0]] as const) {
    t.db.insert(artifacts).values({ id: id(c), kind: 'table', mediaType: 'x', size, meta: {}, createdAt: now - age * HOUR }).run();
  }
});

afterEach(() => t.cleanup());

describe('planGc', () => {
  it('keeps what a run references, waits out the grace period, and frees the rest', async () => {
    await markReleased(t.anyDb, [id('b')], 'run r0 deleted', Date.now() - 2 * HOUR);
    const plan = await planGc(t.anyDb, { graceMs: HOUR });
    expect(plan.kept).toEqual({ count: 1, bytes: 10 });
    expect(plan.free).toEqual({ count: 1, bytes: 20 });
    expect(plan.waiting).toEqual({ count: 1, bytes: 40 }); // written just now, never referenced yet
    expect(plan.candidates).toEqual([expect.objectContaining({ id: id('b'), releasedBy: 'run r0 deleted' })]);
  });

  it('counts the grace period from the release, not from when the bytes were written', async () => {
    await markReleased(t.anyDb, [id('b')], 'run r0 deleted');
    expect((await planGc(t.anyDb, { graceMs: HOUR })).free.count).toBe(0);
    expect((await planGc(t.anyDb, { graceMs: 0 })).free.count).toBe(2);
  });

  it('keeps an artifact a live model version needs, and lets it go once the version is deleted', async () => {
    const now = Date.now();
    t.sqlite.exec(`
      insert into registered_models (id, project_id, name, last_version, created_at, updated_at) values ('m', 'p', 'm', 1, ${now}, ${now});
      insert into model_versions (id, model_id, version, source, format, artifact_id, signature, metrics, lineage, created_at)
        values ('mv', 'm', 1, 'run', 'f', '${id('b')}', '{}', '{}', '{}', ${now});`);
    expect((await planGc(t.anyDb, { graceMs: 0 })).candidates.map((c) => c.id)).toEqual([id('c')]);
    t.sqlite.exec(`update model_versions set deleted_at = ${now}`);
    expect((await planGc(t.anyDb, { graceMs: 0 })).candidates.map((c) => c.id).sort()).toEqual([id('b'), id('c')]);
  });
});
