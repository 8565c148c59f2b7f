// The ONNX import on SQLite and on Postgres: the scikit-learn classifier becomes version 1 with
// its artifact row and signature; a second import is version 2; a refused one stores no version.
import { readFileSync, rmSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { makeTempDir } from '../../server/db/test-db';
import { importOnnxVersion, ONNX_MEDIA_TYPE } from '../../server/registry/import-onnx';
import { seedRegistryFixtures } from '../../server/registry/test-kit';
import { getArtifact } from '../../server/store/artifacts';
import { describeEachDatabase } from './helpers/each-database';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/onnx/${name}`, import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('../fixtures/onnx/sklearn-expected.json', import.meta.url), 'utf8'));
const iris = {
  inputs: expected.classifier.features.map((name: string) => ({ name, type: 'numeric' })),
  target: 'species',
  task: 'multiclass',
  labels: expected.classifier.labels,
};

describeEachDatabase('importing ONNX models', (under) => {
  const dataDir = makeTempDir('pipeworks-onnx-each-');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const importIt = (signature: unknown) => importOnnxVersion(under.db, dataDir, { projectId: 'p1', modelName: 'iris', description: ' from sklearn ', bytes: fixture('sklearn-zipmap.onnx'), signature, userId: 'u-sci' });

  it('registers the classifier with its artifact row and signature, then a second version', async () => {
    const { db } = under;
    await seedRegistryFixtures(db);
    const v = await importIt(iris);
    expect(v).toMatchObject({ version: 1, created: true, modelName: 'iris' });
    expect(v.check.scores).toHaveLength(3);
    const [row] = await db.select().from(db.t.modelVersions).where(eq(db.t.modelVersions.id, v.versionId));
    expect(row).toMatchObject({ source: 'import', format: 'onnx', description: 'from sklearn', runId: null, createdBy: 'u-sci' });
    expect(row.signature).toEqual({ ...iris, inputs: iris.inputs.map((c: object) => ({ ...c, role: 'feature' })) });
    expect(await getArtifact(db, row.artifactId)).toMatchObject({ kind: 'onnx', mediaType: ONNX_MEDIA_TYPE, size: fixture('sklearn-zipmap.onnx').byteLength });
    expect((await importIt(iris)).version).toBe(2);
  });

  it('refuses a signature that does not fit, naming the field, and stores no version', async () => {
    const { db } = under;
    await expect(importIt({ ...iris, labels: ['a', 'b', 'c', 'd'] })).rejects.toMatchObject({ details: { field: 'labels' } });
    await expect(importIt({ ...iris, task: 'guess' })).rejects.toMatchObject({ details: { field: 'task' } });
    expect(await db.select({ version: db.t.modelVersions.version }).from(db.t.modelVersions)).toHaveLength(2);
  });
});
