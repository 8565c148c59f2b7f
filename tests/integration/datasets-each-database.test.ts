// Dataset rows on SQLite and on Postgres: versions numbered per name, a re-upload of the latest
// table adding nothing, concurrent uploads to a new name making one dataset with distinct version
// numbers, and a run's `saveAs` table becoming the next version, with what happened in the step log.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Plan } from '../../engine/plan';
import type { AnyDb } from '../../server/db/any-db';
import { recordDatasetVersion } from '../../server/datasets/dataset-store';
import type { IngestedTable } from '../../server/datasets/ingest-file';
import { saveRequestedTables } from '../../server/datasets/save-run-tables';
import { describeEachDatabase } from './helpers/each-database';

const AT = 1_765_000_000_000;
const COLUMNS = [
  { name: 'x', type: 'numeric' as const, role: 'feature' as const },
  { name: 'y', type: 'categorical' as const, role: 'target' as const },
];
const hash = (c: string) => c.repeat(64);
const table = (id: string, rows = 3): IngestedTable => ({ artifactId: id, artifactSize: 100, rows, columns: COLUMNS, format: 'csv', sourceSize: 10, options: { delimiter: ',' } });
const record = (db: AnyDb, name: string, id: string) => recordDatasetVersion(db, { name, filename: `${name}.csv`, userId: null, table: table(id) });

async function seed(db: AnyDb) {
  await db.insert(db.t.projects).values({ id: 'pr', name: 'Project', createdAt: AT });
  await db.insert(db.t.pipelines).values({ id: 'p1', projectId: 'pr', name: 'Pipe', createdAt: AT, updatedAt: AT });
}

const scoreStep = (id: string, saveAs: string) => ({
  id,
  type: 'deploy/batch-score',
  version: 1,
  params: { model: 'm', version: 'latest', saveAs },
  inputs: {},
  cacheKey: null,
  deterministic: true,
  placement: 'server',
});

/** A succeeded run whose steps asked to save their table output; `outputs` maps a step to its table artifact. */
async function runWith(db: AnyDb, steps: ReturnType<typeof scoreStep>[], outputs: Record<string, string>): Promise<string> {
  const id = randomUUID();
  const plan = { pipelineId: 'p1', docHash: 'h', steps, warnings: [] } as unknown as Plan;
  await db.insert(db.t.runs).values({ id, pipelineId: 'p1', status: 'running', plan, trigger: 'manual', createdAt: AT });
  for (const step of steps) {
    const out = outputs[step.id];
    await db.insert(db.t.stepRuns).values({
      id: randomUUID(),
      runId: id,
      stepId: step.id,
      nodeType: step.type,
      nodeVersion: 1,
      status: 'succeeded',
      outputs: out ? { table: { id: out, kind: 'table', size: 100 } } : null,
    });
  }
  return id;
}

const logsOf = async (db: AnyDb, runId: string) =>
  (await db.select({ stepId: db.t.stepLogs.stepId, level: db.t.stepLogs.level, message: db.t.stepLogs.message }).from(db.t.stepLogs).where(eq(db.t.stepLogs.runId, runId)).orderBy(asc(db.t.stepLogs.stepId)));

const versionsOf = async (db: AnyDb, name: string) =>
  (
    await db
      .select({ version: db.t.datasetVersions.version, artifactId: db.t.datasetVersions.artifactId, rows: db.t.datasetVersions.rows, format: db.t.datasetVersions.format })
      .from(db.t.datasetVersions)
      .innerJoin(db.t.datasets, eq(db.t.datasets.id, db.t.datasetVersions.datasetId))
      .where(eq(db.t.datasets.name, name))
      .orderBy(asc(db.t.datasetVersions.version))
  );

describeEachDatabase('dataset rows', (under) => {
  beforeAll(() => seed(under.db));

  it('numbers versions, adds nothing for a re-upload of the latest table, and keeps an older table as a new version', async () => {
    const { db } = under;
    const first = await record(db, 'sales', hash('a'));
    expect(first).toMatchObject({ created: true, dataset: { name: 'sales' }, version: { version: 1, artifactId: hash('a'), rows: 3, columns: COLUMNS, options: { delimiter: ',' } } });
    expect(await record(db, 'sales', hash('a'))).toMatchObject({ created: false, dataset: { id: first.dataset.id }, version: { id: first.version.id, version: 1 } });
    expect(await record(db, 'sales', hash('b'))).toMatchObject({ created: true, version: { version: 2 } });
    expect(await record(db, 'sales', hash('a'))).toMatchObject({ created: true, version: { version: 3 } });
    expect((await versionsOf(db, 'sales')).map((v) => [v.version, v.artifactId[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'a'],
    ]);
    const artifact = await db.select().from(db.t.artifacts).where(eq(db.t.artifacts.id, hash('b')));
    expect(artifact).toEqual([expect.objectContaining({ kind: 'table', size: 100, meta: { rows: 3, columns: COLUMNS } })]);
  });

  it('makes one dataset with distinct version numbers from concurrent uploads to a new name', async () => {
    const { db } = under;
    const ids = ['1', '2', '3', '4', '5', '6'].map(hash);
    const recorded = await Promise.all(ids.map((id) => record(db, 'burst', id)));
    expect(new Set(recorded.map((r) => r.dataset.id)).size).toBe(1);
    expect(recorded.map((r) => r.version.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await db.select().from(db.t.datasets).where(eq(db.t.datasets.name, 'burst'))).length).toBe(1);
  });

  it("saves a run's requested tables as dataset versions, and logs each outcome on its step", async () => {
    const { db } = under;
    await record(db, 'scored', hash('c')); // the table the run's step produced, already recorded as an artifact
    await record(db, 'scored', hash('d'));
    const runId = await runWith(db, [scoreStep('again', 'scored'), scoreStep('bad', 'tab\there'), scoreStep('fresh', 'scored'), scoreStep('none', 'empty')], {
      again: hash('d'),
      bad: hash('c'),
      fresh: hash('c'),
    });
    await saveRequestedTables(db, runId);
    expect(await logsOf(db, runId)).toEqual([
      { stepId: 'again', level: 'info', message: 'Dataset scored v2 already holds this table; no new version' },
      { stepId: 'bad', level: 'warn', message: 'Could not save the table as dataset "tab\there": A dataset name cannot contain control characters' },
      { stepId: 'fresh', level: 'info', message: 'Saved as dataset scored v3' },
      { stepId: 'none', level: 'warn', message: 'Could not save the table as dataset "empty": Step "none" has no table output in this run' },
    ]);
    expect(await versionsOf(db, 'scored')).toEqual([
      { version: 1, artifactId: hash('c'), rows: 3, format: 'csv' },
      { version: 2, artifactId: hash('d'), rows: 3, format: 'csv' },
      { version: 3, artifactId: hash('c'), rows: 3, format: 'run' },
    ]);
    await saveRequestedTables(db, randomUUID()); // no such run: nothing to do
  });
});
