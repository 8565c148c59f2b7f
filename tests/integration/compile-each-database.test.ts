// Compile on SQLite and on Postgres: what a document names (datasets, latest or pinned, and
// registered models by version or alias) is read from the database before the synchronous
// compiler runs, and an unknown name still gives the issue naming it, tied to the node and field.
import { beforeAll, expect, it } from 'vitest';
import type { PipelineDoc } from '../../engine/document';
import type { ColumnInfo } from '../../nodes/values';
import { recordDatasetVersion } from '../../server/datasets/dataset-store';
import type { AnyDb } from '../../server/db/any-db';
import { compileDoc, compileWithColumns, docColumns, parseAndCompile } from '../../server/pipelines/compile-doc';
import { startRun } from '../../server/pipelines/start-run';
import { validateDocument } from '../../server/pipelines/validate-doc';
import { saveVersion } from '../../server/pipelines/versions';
import { writeInstanceSettings } from '../../server/settings/instance-settings';
import { describeEachDatabase } from './helpers/each-database';
import { PEOPLE, seedModel, seedProjectsAndPeople, seedVersion } from './helpers/registry-seed';

const AT = 1_765_000_000_000;
const hash = (c: string) => c.repeat(64);
const V1 = [
  { name: 'amount', type: 'numeric' as const, role: 'feature' as const },
  { name: 'label', type: 'categorical' as const, role: 'target' as const },
];
const V2 = [...V1, { name: 'region', type: 'categorical' as const, role: 'feature' as const }];

async function seed(db: AnyDb) {
  await seedProjectsAndPeople(db);
  await db.insert(db.t.pipelines).values({ id: 'scoring', projectId: 'p1', name: 'Scoring', createdAt: AT, updatedAt: AT });
  const table = (id: string, rows: number, columns: ColumnInfo[]) => ({ artifactId: id, artifactSize: rows * 10, rows, columns, format: 'csv' as const, sourceSize: 1, options: {} });
  await recordDatasetVersion(db, { name: 'sales', filename: 'a.csv', userId: null, table: table(hash('a'), 4, V1) });
  await recordDatasetVersion(db, { name: 'sales', filename: 'b.csv', userId: null, table: table(hash('b'), 6, V2) });
  // "churn" in the pipeline's project, with v1 aliased production and v2 the latest; another "churn" in p2.
  await seedModel(db, { id: 'm1', projectId: 'p1', name: 'churn' });
  await seedVersion(db, { id: 'm1v1', modelId: 'm1', version: 1, artifactId: hash('1'), createdAt: AT });
  await seedVersion(db, { id: 'm1v2', modelId: 'm1', version: 2, artifactId: hash('2'), createdAt: AT + 1 });
  await db.insert(db.t.modelAliases).values({ modelId: 'm1', alias: 'production', versionId: 'm1v1', setBy: null, setAt: AT });
  await seedModel(db, { id: 'm2', projectId: 'p2', name: 'churn' });
  await seedVersion(db, { id: 'm2v1', modelId: 'm2', version: 1, artifactId: hash('3'), createdAt: AT });
}

type Node = PipelineDoc['nodes'][number];
const node = (id: string, type: string, params: Record<string, unknown>, x = 0): Node => ({ id, type, version: 1, params, position: { x, y: 0 } });
const scoringDoc = (id: string, nodes: Node[], edges: PipelineDoc['edges'] = []): PipelineDoc => ({ schemaVersion: 1, id, name: id, nodes, edges });

/** Two dataset nodes (latest, and pinned to v1) each scored with a registered model named by alias and by number. */
const fullDoc = (id = 'scoring') =>
  scoringDoc(
    id,
    [
      node('latest', 'ingest/dataset', { name: 'sales' }),
      node('pinned', 'ingest/dataset', { name: 'sales', version: hash('a') }),
      node('prod', 'deploy/batch-score', { model: 'churn', version: 'production' }, 300),
      node('v2', 'deploy/batch-score', { model: 'churn', version: '2' }, 300),
    ],
    [
      { id: 'e1', source: 'latest', sourceHandle: 'table', target: 'prod', targetHandle: 'table' },
      { id: 'e2', source: 'pinned', sourceHandle: 'table', target: 'v2', targetHandle: 'table' },
    ],
  );

const sourceKeys = (plan: { steps: { id: string; fingerprint?: { sourceKey?: string | null } }[] }) => Object.fromEntries(plan.steps.map((s) => [s.id, s.fingerprint?.sourceKey]));
const issuesOf = (compiled: Awaited<ReturnType<typeof compileDoc>>) => (compiled.ok ? compiled.value.plan.warnings : compiled.error).map((i) => [i.nodeId, i.field, i.message]);

describeEachDatabase('compile with what the document names read first', (under) => {
  beforeAll(() => seed(under.db));

  it('keys each source by the dataset version and model version it reads, and infers the stored columns', async () => {
    const { db } = under;
    const { compiled, columns } = await compileWithColumns(db, fullDoc());
    expect(issuesOf(compiled)).toEqual([]);
    expect(compiled.ok && sourceKeys(compiled.value.plan)).toEqual({ latest: hash('b'), pinned: hash('a'), prod: hash('1'), v2: hash('2') });
    expect(columns.latest.outputs.table).toEqual(V2);
    expect(columns.pinned.outputs.table).toEqual(V1);
    expect(columns.prod.inputs.table).toEqual(V2);
    expect(await docColumns(db, fullDoc())).toEqual(columns);
  });

  it('names an unknown dataset, version, model and alias in an issue on its node and field', async () => {
    const { db } = under;
    const doc = scoringDoc('scoring', [
      node('gone', 'ingest/dataset', { name: 'nope' }),
      node('typo', 'ingest/dataset', { name: 'sale' }),
      node('foreign', 'ingest/dataset', { name: 'sales', version: hash('f') }),
      node('nomodel', 'deploy/batch-score', { model: 'chrun' }, 300),
      node('noalias', 'deploy/batch-score', { model: 'churn', version: 'staging' }, 300),
      node('noversion', 'deploy/batch-score', { model: 'churn', version: '9' }, 300),
    ]);
    const compiled = await compileDoc(db, doc);
    expect(compiled.ok).toBe(false);
    const issues = issuesOf(compiled);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['gone', 'params.name', 'Node "gone" (Dataset): there is no dataset named "nope". Upload it on the Datasets page.'],
        ['typo', 'params.name', 'Node "typo" (Dataset): there is no dataset named "sale". Did you mean "sales"?'],
        ['foreign', 'params.version', `Node "foreign" (Dataset): version ${hash('f').slice(0, 12)}… is not a version of dataset "sales"`],
        ['nomodel', 'params.model', 'Node "nomodel" (Batch score): there is no registered model "chrun" in this project. Did you mean "churn"?'],
        ['noalias', 'params.version', 'Node "noalias" (Batch score): model "churn" has no alias "staging"'],
        ['noversion', 'params.version', 'Node "noversion" (Batch score): model "churn" has no version 9'],
      ]),
    );
    // parseAndCompile and validateDocument answer the same from untrusted JSON.
    const parsed = await parseAndCompile(db, JSON.parse(JSON.stringify(doc)));
    expect(issuesOf(parsed)).toEqual(issues);
    const validation = await validateDocument(db, doc);
    expect(validation.valid).toBe(false);
    expect(validation.issues.map((i) => i.message)).toEqual(expect.arrayContaining([issues[0][2]]));
  });

  it("suggests only a model the pipeline could use: none of another project's, nor one two projects share for a pipeline not saved yet", async () => {
    const { db } = under;
    await seedModel(db, { id: 'm4', projectId: 'p2', name: 'lapse' });
    await seedVersion(db, { id: 'm4v1', modelId: 'm4', version: 1, artifactId: hash('5'), createdAt: AT });
    // "lapse" is p2's: the saved pipeline of p1 naming "lapses" hears of no model near it.
    const modelIssue = async (id: string, model: string) => issuesOf(await compileDoc(db, scoringDoc(id, [node('s', 'deploy/batch-score', { model }, 300)]))).filter(([, field]) => field === 'params.model');
    expect(await modelIssue('scoring', 'lapses')).toEqual([['s', 'params.model', 'Node "s" (Batch score): there is no registered model "lapses" in this project.']]);
    // Its own project's "churn" it is offered.
    expect(await modelIssue('scoring', 'chrun')).toEqual([['s', 'params.model', 'Node "s" (Batch score): there is no registered model "chrun" in this project. Did you mean "churn"?']]);
    // Not saved yet: a name one project has would be found ("lapse"), one two projects share would not ("churn").
    expect(await modelIssue('draft-near', 'lapses')).toEqual([['s', 'params.model', 'Node "s" (Batch score): there is no registered model "lapses" in this project. Did you mean "lapse"?']]);
    expect(await modelIssue('draft-near', 'chrun')).toEqual([['s', 'params.model', 'Node "s" (Batch score): there is no registered model "chrun" in this project.']]);
  });

  it('finds a model name in every project for a pipeline not saved yet, unless two projects have it', async () => {
    const { db } = under;
    const unsaved = (model: string) => compileDoc(db, scoringDoc('draft', [node('d', 'ingest/dataset', { name: 'sales' }), node('s', 'deploy/batch-score', { model }, 300)], [{ id: 'e', source: 'd', sourceHandle: 'table', target: 's', targetHandle: 'table' }]));
    // (The message does not yet say why the name is not found: two projects have it.)
    expect(issuesOf(await unsaved('churn'))).toEqual([['s', 'params.model', expect.stringMatching(/^Node "s" \(Batch score\): there is no registered model "churn" in this project\./)]]);
    await seedModel(db, { id: 'm3', projectId: 'p2', name: 'fraud' });
    await seedVersion(db, { id: 'm3v1', modelId: 'm3', version: 1, artifactId: hash('4'), createdAt: AT });
    const fraud = await unsaved('fraud');
    expect(fraud.ok && sourceKeys(fraud.value.plan).s).toBe(hash('4'));
  });

  it('keys built-in steps without their code once upgrades are cache-compatible (the instance setting)', async () => {
    const { db } = under;
    const before = await compileDoc(db, fullDoc());
    await writeInstanceSettings(db, { upgradesCacheCompatible: true }, PEOPLE.admin.id);
    const after = await compileDoc(db, fullDoc());
    await writeInstanceSettings(db, { upgradesCacheCompatible: false }, PEOPLE.admin.id);
    expect(before.ok && before.value.plan.build?.upgradesCacheCompatible).toBeFalsy();
    expect(after.ok && after.value.plan.build?.upgradesCacheCompatible).toBe(true);
  });

  it('refuses to start a run of a saved version naming a dataset that does not exist, saying which', async () => {
    const { db } = under;
    const doc = scoringDoc('broken', [node('gone', 'ingest/dataset', { name: 'nope' })]);
    await saveVersion(db, 'p1', doc, null, { baseVersion: 0 });
    await expect(startRun(db, { pipelineId: 'broken', trigger: 'api', userId: null })).rejects.toMatchObject({
      message: 'The pipeline has 1 problem; fix them before running',
      issues: [expect.objectContaining({ nodeId: 'gone', message: expect.stringContaining('no dataset named "nope"') })],
    });
    expect(await db.select().from(db.t.runs)).toEqual([]);
  });
});
