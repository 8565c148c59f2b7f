import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { changeAlias } from './aliases';
import { registerModelVersion } from './register';
import { listModels, listVersions, versionFacets } from './registry-list';
import { draft, seedRegistryFixtures } from './test-kit';

let t: TestDb;

beforeAll(async () => {
  t = openTestDb();
  const people = await seedRegistryFixtures(t.anyDb);
  // churn v1..v6 with AUC 0.80..0.85 (v4 has none) and two learning rates; fraud_model v1 in p2.
  for (let i = 0; i < 6; i++) {
    const metrics: Record<string, number> = i === 3 ? {} : { roc_auc: 0.8 + i / 100 };
    await registerModelVersion(t.anyDb, { projectId: 'p1', modelName: 'churn', draft: draft({ metrics, params: { learningRate: i % 2 ? '0.1' : '0.01' } }), userId: null, via: 'manual' });
  }
  const fraud = await registerModelVersion(t.anyDb, { projectId: 'p2', modelName: 'fraud_model', draft: draft({ format: 'tfjs/mlp' }), userId: null, via: 'manual' });
  await changeAlias(t.anyDb, { modelId: fraud.modelId, alias: 'production', version: fraud.version, actor: people.admin });
});
afterAll(() => t.cleanup());

const versions = (q: Partial<Parameters<typeof listVersions>[1]>) => listVersions(t.anyDb, { offset: 0, limit: 50, sort: 'created', direction: 'desc', ...q });

describe('listVersions', () => {
  it('sorts by a metric, best first, versions without it last', async () => {
    const page = await versions({ projectId: 'p1', sort: 'metric', metric: 'roc_auc' });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.version)).toEqual([6, 5, 3, 2, 1, 4]);
    expect(page.rows[0].metrics.roc_auc).toBeCloseTo(0.85, 12);
    expect((await versions({ projectId: 'p1', sort: 'metric', metric: 'roc_auc', direction: 'asc' })).rows.map((r) => r.version)).toEqual([1, 2, 3, 5, 6, 4]);
  });

  it('filters by a param and pages with the total of the filtered set', async () => {
    const first = await versions({ param: { key: 'learningRate', value: '0.1' }, sort: 'metric', metric: 'roc_auc', limit: 2 });
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.version)).toEqual([6, 2]);
    expect((await versions({ param: { key: 'learningRate', value: '0.1' }, sort: 'metric', metric: 'roc_auc', limit: 2, offset: 2 })).rows.map((r) => r.version)).toEqual([4]);
  });

  it('filters by alias and format across projects, and carries aliases on each row', async () => {
    const prod = await versions({ alias: 'production' });
    expect(prod.rows.map((r) => [r.modelName, r.version, r.aliases])).toEqual([['fraud_model', 1, ['production']]]);
    expect((await versions({ format: 'tfjs/mlp' })).total).toBe(1);
    expect((await versions({ sort: 'version', direction: 'asc', projectId: 'p1', limit: 3 })).rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });
});

describe('listModels and facets', () => {
  it('lists models with their live version counts, latest version and aliases, and searches by name', async () => {
    const all = await listModels(t.anyDb, { offset: 0, limit: 50 });
    expect(all.total).toBe(2);
    const fraud = all.rows.find((m) => m.name === 'fraud_model')!;
    expect(fraud).toMatchObject({ versions: 1, latestVersion: 1, projectName: 'Project two', aliases: [{ alias: 'production', version: 1 }] });
    expect((await listModels(t.anyDb, { offset: 0, limit: 50, search: 'CHU' })).rows.map((m) => m.name)).toEqual(['churn']);
    // "_" is a literal underscore in a search, not a LIKE wildcard.
    expect((await listModels(t.anyDb, { offset: 0, limit: 50, search: 'd_m' })).rows.map((m) => m.name)).toEqual(['fraud_model']);
    expect((await listModels(t.anyDb, { offset: 0, limit: 50, search: 'n_r' })).total).toBe(0);
  });

  it('names the metrics, params and formats in scope', async () => {
    expect(await versionFacets(t.anyDb, { projectId: 'p1' })).toEqual({ metricNames: ['roc_auc'], paramKeys: ['learningRate'], formats: ['pipeworks/logistic'] });
  });
});
