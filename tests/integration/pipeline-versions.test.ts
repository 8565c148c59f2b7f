// Pipeline versions on SQLite and on Postgres: saves from an older base merge or are refused, a
// restore is a new version, stored code comes back as saved, and saves racing from one base never
// lose an update (server/pipelines/versions.ts).
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import { linearDoc } from '../../engine/test-doc';
import type { AnyDb } from '../../server/db/any-db';
import { seedSampleProject } from '../../server/pipelines/seed';
import { SaveConflictError } from '../../server/pipelines/save-conflict';
import { getVersion, latestVersionNumber, restoreVersion, saveVersion, versionStamps } from '../../server/pipelines/versions';
import { describeEachDatabase } from './helpers/each-database';

const ANA = 'u-ana';
const SAM = 'u-sam';

async function setUp(db: AnyDb): Promise<void> {
  await db.insert(db.t.projects).values({ id: 'pr', name: 'P', createdAt: 0 });
  await db.insert(db.t.users).values([
    { id: ANA, email: 'ana@example.com', name: 'Ana Analyst', role: 'analyst', passwordHash: 'x', createdAt: 0 },
    { id: SAM, email: 'sam@example.com', name: 'Sam Scientist', role: 'scientist', passwordHash: 'x', createdAt: 0 },
  ]);
}

/** linearDoc under its own id: every test of a suite shares one database. */
const docWithId = (id: string): PipelineDoc => ({ ...linearDoc(), id, name: id });
const withParam = (doc: PipelineDoc, nodeId: string, param: string, value: unknown): PipelineDoc => ({
  ...doc,
  nodes: doc.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [param]: value } } : n)),
});
const paramOf = (doc: unknown, nodeId: string, param: string) => (doc as PipelineDoc).nodes.find((n) => n.id === nodeId)?.params[param];

describeEachDatabase('pipeline versions', (under) => {
  beforeAll(() => setUp(under.db));

  it('merges a save from an older base with the one made meanwhile, naming both authors', async () => {
    const { db } = under;
    const base = docWithId('merge');
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    await saveVersion(db, 'pr', withParam(base, 'load', 'dataset', 'wine'), ANA, { baseVersion: 1 });
    const merged = await saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 3), SAM, { baseVersion: 1, message: 'Changed factor' });
    expect(merged).toMatchObject({ version: 3, created: true, merged: { versions: [{ version: 2, author: 'Ana Analyst', authorId: ANA }] } });
    const stored = (await getVersion(db, base.id))!;
    expect(paramOf(stored.doc, 'load', 'dataset')).toBe('wine');
    expect(paramOf(stored.doc, 'scale', 'factor')).toBe(3);
    expect(stored).toMatchObject({ authorId: SAM, mergedAuthorIds: [ANA], baseVersion: 1, message: 'Changed factor (merged with v2 by Ana Analyst)' });
    expect(await latestVersionNumber(db, base.id)).toBe(3);
    expect((await versionStamps(db, base.id, 1)).map((s) => [s.version, s.author])).toEqual([
      [2, 'Ana Analyst'],
      [3, 'Sam Scientist'],
    ]);
  });

  it('refuses a clash with who saved which version and when, and overwrites nothing', async () => {
    const { db } = under;
    const base = docWithId('clash');
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    await saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 5), ANA, { baseVersion: 1 });
    const thrown = await saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 7), SAM, { baseVersion: 1 }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(SaveConflictError);
    const conflict = (thrown as SaveConflictError).conflict;
    expect(conflict).toMatchObject({ baseVersion: 1, since: [{ version: 2, author: 'Ana Analyst' }], conflicts: [{ kind: 'param', nodeId: 'scale', param: 'factor', theirs: 5, ours: 7 }] });
    expect((thrown as Error).message).toMatch(/Ana Analyst saved v2 at \d{4}-\d\d-\d\d \d\d:\d\d UTC.*param "factor" of node "scale"/);
    expect(await getVersion(db, base.id)).toMatchObject({ version: 2 });
    expect(paramOf((await getVersion(db, base.id))!.doc, 'scale', 'factor')).toBe(5);
  });

  it('refuses a base the pipeline does not have, a "new" pipeline whose id exists, and an id of another project', async () => {
    const { db } = under;
    const base = docWithId('bases');
    await expect(saveVersion(db, 'pr', base, ANA, { baseVersion: 3 })).rejects.toThrow(/no versions yet/);
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    await expect(saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 1), ANA, { baseVersion: 0 })).rejects.toThrow(/is at v1/);
    await expect(saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 1), ANA, { baseVersion: 2 })).rejects.toThrow(/not v2/);
    await db.insert(db.t.projects).values({ id: 'other', name: 'Other', createdAt: 0 });
    await expect(saveVersion(db, 'other', base, ANA, { baseVersion: 1 })).rejects.toThrow(/already belongs to another project/);
    expect(await latestVersionNumber(db, base.id)).toBe(1);
  });

  it('stores nothing new when a stale save changes nothing the latest lacks', async () => {
    const { db } = under;
    const base = docWithId('stale');
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    await saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 5), ANA, { baseVersion: 1 });
    expect(await saveVersion(db, 'pr', base, SAM, { baseVersion: 1 })).toMatchObject({ version: 2, created: false });
  });

  it('restores an old version as a new one based on the latest', async () => {
    const { db } = under;
    const base = docWithId('restore');
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    await saveVersion(db, 'pr', withParam(base, 'scale', 'factor', 5), ANA, { baseVersion: 1 });
    expect(await restoreVersion(db, base.id, 1, SAM, 2)).toMatchObject({ version: 3, created: true });
    expect(await getVersion(db, base.id)).toMatchObject({ message: 'Restored v1', authorId: SAM, baseVersion: 2 });
    expect(paramOf((await getVersion(db, base.id))!.doc, 'scale', 'factor')).toBe(2);
    await expect(restoreVersion(db, base.id, 9, SAM, 3)).rejects.toThrow(/no version 9/);
  });

  it("stores each version's code, language included, and gives it back as it was saved", async () => {
    const { db } = under;
    const base = docWithId('code');
    const withCode = (code: string, language: string): PipelineDoc => ({
      ...base,
      nodes: [...base.nodes, { id: 'code', type: 'code/transform', version: 1, params: { code, language }, position: { x: 0, y: 0 } }],
    });
    await saveVersion(db, 'pr', withCode('(cols) => cols', 'javascript'), SAM, { baseVersion: 0 });
    await saveVersion(db, 'pr', withCode('(cols: Record<string, Float64Array>) => ({ ...cols })', 'typescript'), SAM, { baseVersion: 1 });
    expect(paramOf((await getVersion(db, base.id, 1))!.doc, 'code', 'code')).toBe('(cols) => cols');
    expect(paramOf((await getVersion(db, base.id, 2))!.doc, 'code', 'code')).toBe('(cols: Record<string, Float64Array>) => ({ ...cols })');
    expect(paramOf((await getVersion(db, base.id, 2))!.doc, 'code', 'language')).toBe('typescript');
  });

  it('loses no update when six people save disjoint edits from the same base at once', async () => {
    const { db } = under;
    const base = docWithId('race-merge');
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    const edits = ['load', 'scale', 'report'].flatMap((node) => ['a', 'b'].map((param) => ({ node, param, value: `${node}-${param}` })));
    const saves = await Promise.all(
      edits.map((e, i) => saveVersion(db, 'pr', withParam(base, e.node, e.param, e.value), i % 2 ? SAM : ANA, { baseVersion: 1 })),
    );
    // Each save became its own version, one after the other; each after the first merged in the ones before.
    expect(saves.map((s) => s.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(saves.every((s) => s.created)).toBe(true);
    for (const s of saves) expect(s.merged?.versions.map((v) => v.version) ?? []).toEqual(Array.from({ length: s.version - 2 }, (_, k) => k + 2));
    const latest = (await getVersion(db, base.id))!;
    expect(latest.version).toBe(7);
    for (const e of edits) expect(paramOf(latest.doc, e.node, e.param)).toBe(e.value);
    const [pipeline] = await db.select().from(db.t.pipelines).where(eq(db.t.pipelines.id, base.id));
    expect(pipeline.currentVersion).toBe(7);
  });

  it('lets exactly one of six clashing saves from the same base win, and refuses the others', async () => {
    const { db } = under;
    const base = docWithId('race-clash');
    await saveVersion(db, 'pr', base, ANA, { baseVersion: 0 });
    const outcomes = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((value) => saveVersion(db, 'pr', withParam(base, 'scale', 'factor', value * 10), SAM, { baseVersion: 1 }).then((saved) => ({ value, saved }), (error: unknown) => ({ value, error }))),
    );
    const won = outcomes.filter((o) => 'saved' in o);
    const refused = outcomes.filter((o) => 'error' in o);
    expect(won).toHaveLength(1);
    expect(refused.every((o) => 'error' in o && o.error instanceof SaveConflictError)).toBe(true);
    const latest = (await getVersion(db, base.id))!;
    expect(latest.version).toBe(2);
    expect(paramOf(latest.doc, 'scale', 'factor')).toBe(won[0].value * 10);
  });

  it('seeds the sample project once, with Pipeworks as the author of every version', async () => {
    const { db } = under;
    await seedSampleProject(db);
    await seedSampleProject(db);
    const versions = await db
      .select({ authorId: db.t.pipelineVersions.authorId, authorSystem: db.t.pipelineVersions.authorSystem })
      .from(db.t.pipelineVersions)
      .innerJoin(db.t.pipelines, eq(db.t.pipelines.id, db.t.pipelineVersions.pipelineId))
      .where(eq(db.t.pipelines.projectId, 'sample'));
    expect(versions).toHaveLength(3);
    expect(versions.every((v) => v.authorId === null && v.authorSystem === 'seed')).toBe(true);
  });
});
