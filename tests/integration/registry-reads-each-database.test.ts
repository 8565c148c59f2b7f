// The registry's reads on SQLite and on Postgres: lists paged, sorted and filtered in SQL, facets,
// one model and one version with everything their pages show, pending requests, and the lineage
// graph forward from a dataset version. The same rows go in on each; the same answers come out.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { datasetLineageGraph } from '../../server/registry/lineage-graph';
import { withProvenance } from '../../server/registry/lineage-provenance';
import { listModels, listVersions, versionFacets } from '../../server/registry/registry-list';
import { namesOfUsers, pendingRequests, readModel, readVersion } from '../../server/registry/registry-read';
import { loadRegistrySettings } from '../../server/registry/registry-settings';
import { describeEachDatabase } from './helpers/each-database';
import { EMPTY_LINEAGE, PEOPLE, seedModel, seedProjectsAndPeople, seedVersion } from './helpers/registry-seed';

const T0 = 1_765_000_000_000; // epoch ms past 2^31: bigint on Postgres

describeEachDatabase('registry reads', (under) => {
  it('seeds: churn v1..v6 in p1 (v4 has no AUC), fraud_model v1 in p2 with production, a pending request, settings', async () => {
    const { db } = under;
    await seedProjectsAndPeople(db);
    await seedModel(db, { id: 'm-churn', projectId: 'p1', name: 'churn', createdBy: PEOPLE.scientist.id, at: T0 });
    await seedModel(db, { id: 'm-fraud', projectId: 'p2', name: 'fraud_model', at: T0 + 10 });
    for (let i = 0; i < 6; i++) {
      await seedVersion(db, {
        id: `churn-v${i + 1}`,
        modelId: 'm-churn',
        version: i + 1,
        metrics: i === 3 ? {} : { roc_auc: 0.8 + i / 100, log_loss: 0.5 - i / 100 },
        params: { learningRate: i % 2 ? '0.1' : '0.01', seed: String(i) },
        createdAt: T0 + i * 1000,
        createdBy: PEOPLE.scientist.id,
      });
    }
    await seedVersion(db, { id: 'fraud-v1', modelId: 'm-fraud', version: 1, format: 'tfjs/mlp', metrics: { roc_auc: 0.7 }, createdAt: T0 + 500 });
    await db.insert(db.t.modelAliases).values({ modelId: 'm-fraud', alias: 'production', versionId: 'fraud-v1', setBy: PEOPLE.admin.id, setAt: T0 });
    await db.insert(db.t.modelAliases).values({ modelId: 'm-churn', alias: 'challenger', versionId: 'churn-v5', setBy: PEOPLE.analyst.id, setAt: T0 });
    await db.insert(db.t.aliasRequests).values({
      id: 'req-1',
      modelId: 'm-churn',
      alias: 'production',
      versionId: 'churn-v6',
      fromVersionId: 'churn-v5',
      state: 'pending',
      requestedBy: PEOPLE.analyst.id,
      requestedAt: T0 + 7000,
      comment: 'better AUC',
    });
    await db.insert(db.t.registrySettings).values({ projectId: 'p1', productionApproval: true, updatedBy: PEOPLE.admin.id, updatedAt: T0 });
  });

  const page = { offset: 0, limit: 50 } as const;
  const versions = (q: Partial<Parameters<typeof listVersions>[1]>) => listVersions(under.db, { ...page, sort: 'created', direction: 'desc', ...q });

  it('sorts versions by a metric, best first, versions without it last, in either direction', async () => {
    const best = await versions({ projectId: 'p1', sort: 'metric', metric: 'roc_auc', columns: ['roc_auc', 'log_loss'] });
    expect(best.total).toBe(6);
    expect(best.rows.map((r) => r.version)).toEqual([6, 5, 3, 2, 1, 4]);
    expect(best.rows[0]).toMatchObject({ modelName: 'churn', projectId: 'p1', task: 'binary', format: 'pipeworks/logistic', createdAt: T0 + 5000, aliases: [] });
    expect(best.rows[0].metrics.roc_auc).toBeCloseTo(0.85, 12);
    expect(best.rows[0].metrics.log_loss).toBeCloseTo(0.45, 12);
    expect(best.rows[1].aliases).toEqual(['challenger']);
    expect(best.rows[5].metrics).toEqual({});
    expect((await versions({ projectId: 'p1', sort: 'metric', metric: 'roc_auc', direction: 'asc' })).rows.map((r) => r.version)).toEqual([1, 2, 3, 5, 6, 4]);
  });

  it('filters versions by a param, an alias and a format, and pages with the total of the filtered set', async () => {
    const first = await versions({ param: { key: 'learningRate', value: '0.1' }, sort: 'metric', metric: 'roc_auc', limit: 2 });
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.version)).toEqual([6, 2]);
    expect((await versions({ param: { key: 'learningRate', value: '0.1' }, sort: 'metric', metric: 'roc_auc', limit: 2, offset: 2 })).rows.map((r) => r.version)).toEqual([4]);
    expect((await versions({ alias: 'production' })).rows.map((r) => [r.modelName, r.version, r.aliases])).toEqual([['fraud_model', 1, ['production']]]);
    expect((await versions({ format: 'tfjs/mlp' })).total).toBe(1);
    expect((await versions({ sort: 'version', direction: 'asc', limit: 3 })).rows.map((r) => [r.modelName, r.version])).toEqual([['churn', 1], ['churn', 2], ['churn', 3]]);
    expect((await versions({ modelId: 'm-churn', sort: 'created', direction: 'desc', limit: 1 })).rows[0].version).toBe(6);
  });

  it('lists models with live version counts, latest version and aliases, and searches names case-insensitively and literally', async () => {
    const all = await listModels(under.db, page);
    expect(all.total).toBe(2);
    // Newest updated first.
    expect(all.rows.map((m) => m.name)).toEqual(['fraud_model', 'churn']);
    expect(all.rows[1]).toMatchObject({ versions: 6, latestVersion: 6, projectName: 'Project one', aliases: [{ alias: 'challenger', version: 5 }] });
    expect(all.rows[0]).toMatchObject({ versions: 1, latestVersion: 1, projectName: 'Project two', aliases: [{ alias: 'production', version: 1 }] });
    expect(typeof all.rows[0].versions).toBe('number');
    expect(typeof all.rows[0].latestVersion).toBe('number');
    expect((await listModels(under.db, { ...page, search: 'CHU' })).rows.map((m) => m.name)).toEqual(['churn']);
    expect((await listModels(under.db, { ...page, search: 'd_m' })).rows.map((m) => m.name)).toEqual(['fraud_model']);
    expect((await listModels(under.db, { ...page, search: 'n_r' })).total).toBe(0);
    expect((await listModels(under.db, { ...page, search: '%' })).total).toBe(0);
    expect((await listModels(under.db, { ...page, projectId: 'p2' })).rows.map((m) => m.name)).toEqual(['fraud_model']);
  });

  it('names the metrics, params and formats in scope', async () => {
    expect(await versionFacets(under.db, { projectId: 'p1' })).toEqual({ metricNames: ['log_loss', 'roc_auc'], paramKeys: ['learningRate', 'seed'], formats: ['pipeworks/logistic'] });
    expect(await versionFacets(under.db, { modelId: 'm-fraud' })).toEqual({ metricNames: ['roc_auc'], paramKeys: [], formats: ['tfjs/mlp'] });
  });

  it('reads one model with its aliases, who set them, pending requests and settings', async () => {
    const model = (await readModel(under.db, 'm-churn'))!;
    expect(model).toMatchObject({ name: 'churn', projectName: 'Project one', lastVersion: 6, createdAt: T0, createdByName: 'Sam', settings: { productionApproval: true } });
    expect(model.aliases).toEqual([{ alias: 'challenger', versionId: 'churn-v5', version: 5, setBy: PEOPLE.analyst.id, setAt: T0, setByName: 'Ana' }]);
    expect(model.pendingRequests).toEqual([
      expect.objectContaining({ id: 'req-1', modelName: 'churn', alias: 'production', from: 5, to: 6, requestedByName: 'Ana', requestedAt: T0 + 7000, comment: 'better AUC' }),
    ]);
    expect((await readModel(under.db, 'm-fraud'))!.settings).toEqual({ productionApproval: false });
    expect(await readModel(under.db, 'nope')).toBeNull();
    expect(await loadRegistrySettings(under.db, 'p1')).toEqual({ productionApproval: true });
    expect((await pendingRequests(under.db, { projectId: 'p2' })).length).toBe(0);
    expect((await pendingRequests(under.db, { projectId: 'p1' })).map((r) => r.id)).toEqual(['req-1']);
    expect([...(await namesOfUsers(under.db, [PEOPLE.admin.id, null, PEOPLE.admin.id, 'ghost']))]).toEqual([[PEOPLE.admin.id, 'Ada']]);
  });

  it('reads one version with its params, aliases, history and JSON columns as they went in', async () => {
    const v = (await readVersion(under.db, 'm-churn', 5))!;
    expect(v).toMatchObject({ id: 'churn-v5', modelName: 'churn', projectId: 'p1', version: 5, aliases: ['challenger'], run: null, pipelineVersion: null, createdByName: 'Sam' });
    expect(v.params).toEqual([{ key: 'learningRate', value: '0.01' }, { key: 'seed', value: '4' }]);
    expect(v.versions).toEqual([6, 5, 4, 3, 2, 1]);
    expect(v.signature).toEqual({ inputs: [{ name: 'x', type: 'numeric', role: 'feature' }], target: 'y', task: 'binary', labels: ['no', 'yes'] });
    expect(v.metrics.roc_auc).toBeCloseTo(0.84, 12);
    expect(v.lineage).toEqual(EMPTY_LINEAGE);
    expect(await readVersion(under.db, 'm-churn', 99)).toBeNull();
  });

  it('leaves deleted versions out of lists, counts and facets', async () => {
    const { db } = under;
    await db.update(db.t.modelVersions).set({ deletedAt: T0 + 9000, deletedBy: PEOPLE.admin.id }).where(eq(db.t.modelVersions.id, 'fraud-v1'));
    expect((await versions({ format: 'tfjs/mlp' })).total).toBe(0);
    expect((await versions({ format: 'tfjs/mlp', includeDeleted: true })).rows.map((r) => r.deletedAt)).toEqual([T0 + 9000]);
    expect((await listModels(db, { ...page, projectId: 'p2' })).rows[0]).toMatchObject({ versions: 0, latestVersion: null });
    expect((await versionFacets(db, { projectId: 'p2' })).formats).toEqual([]);
  });

  it('draws a dataset version forward to the runs that read it and the versions from them, and names who ran each step', async () => {
    const { db } = under;
    const bytes = 'd'.repeat(64);
    await db.insert(db.t.artifacts).values({ id: bytes, kind: 'table', mediaType: 'application/octet-stream', size: 10, meta: {}, createdAt: T0 });
    await db.insert(db.t.datasets).values({ id: 'ds', name: 'cancer', createdAt: T0 });
    await db.insert(db.t.datasetVersions).values({ id: 'dsv1', datasetId: 'ds', version: 1, artifactId: bytes, rows: 569, columns: [], format: 'csv', sourceFilename: 'cancer.csv', sourceSize: 10, options: {}, createdAt: T0 });
    await db.insert(db.t.pipelines).values({ id: 'pipe', projectId: 'p1', name: 'Cancer screen', createdAt: T0, updatedAt: T0 });
    await db.insert(db.t.pipelineVersions).values({ id: 'pv1', pipelineId: 'pipe', version: 1, doc: {}, contentHash: 'h', createdAt: T0 });
    for (const [id, at] of [['run-a', T0 + 1], ['run-b', T0 + 2]] as const) {
      await db.insert(db.t.runs).values({ id, pipelineId: 'pipe', pipelineVersionId: 'pv1', status: 'succeeded', plan: { steps: [] } as never, trigger: 'api', createdAt: at });
      await db.insert(db.t.runDatasets).values({ runId: id, stepId: 'ingest', nodeType: 'data/dataset', sourceKey: 'k', datasetVersionId: 'dsv1' });
    }
    await seedModel(db, { id: 'm-cancer', projectId: 'p1', name: 'cancer', at: T0 });
    await seedVersion(db, { id: 'cancer-v1', modelId: 'm-cancer', version: 1, runId: 'run-a', pipelineVersionId: 'pv1', createdAt: T0 });
    // v2's run is gone: its frozen lineage still names the bytes.
    const lineage = { ...EMPTY_LINEAGE, sources: [{ kind: 'dataset', stepId: 'ingest', datasetId: 'ds', datasetVersionId: 'dsv1', name: 'cancer', version: 1, artifactId: bytes }] } as never;
    await seedVersion(db, { id: 'cancer-v2', modelId: 'm-cancer', version: 2, createdAt: T0 + 1, lineage });
    await seedVersion(db, { id: 'cancer-v3', modelId: 'm-cancer', version: 3, createdAt: T0 + 2 });
    await db.insert(db.t.modelAliases).values({ modelId: 'm-cancer', alias: 'production', versionId: 'cancer-v1', setBy: null, setAt: T0 });

    const graph = (await datasetLineageGraph(db, 'dsv1'))!;
    expect(graph.nodes.filter((n) => n.kind === 'run').map((n) => n.kind === 'run' && n.runId)).toEqual(['run-b', 'run-a']);
    expect(graph.nodes.find((n) => n.kind === 'pipeline')).toMatchObject({ name: 'Cancer screen', version: 1, runs: 2 });
    expect(graph.nodes.filter((n) => n.kind === 'model').map((n) => n.kind === 'model' && [n.version, n.aliases])).toEqual([[1, ['production']], [2, []]]);
    expect(graph.edges.find((e) => e.target === 'model:cancer-v1')?.source).toBe('run:run-a');
    expect(graph.edges.find((e) => e.target === 'model:cancer-v2')?.source).toBe('dataset:dsv1');
    expect(await datasetLineageGraph(db, 'no-such-version')).toBeNull();

    await db.insert(db.t.stepRuns).values({ id: 'sr-train', runId: 'run-a', stepId: 'train', nodeType: 'train/logistic', nodeVersion: 1, status: 'succeeded', runner: 'browser', ranBy: PEOPLE.scientist.id });
    const stepNode = { id: 'step:train', kind: 'step' as const, stepId: 'train', type: 'train/logistic', nodeVersion: 1, label: null, codeHash: 'c', implementationHash: null, pipeworksVersion: null, upgradesCacheCompatible: false, cacheKey: null, params: {}, status: 'succeeded', cachedFromRunId: null, outputs: [] };
    const frozen = { ...EMPTY_LINEAGE, run: { id: 'run-a' }, steps: [{ id: 'train', ranBy: PEOPLE.admin.id }] } as never;
    const withWho = await withProvenance(db, { nodes: [stepNode], edges: [], moreRuns: 0 }, frozen);
    expect(withWho.nodes[0]).toMatchObject({ runner: 'browser', ranByName: 'Sam', placement: null });

    // run-b's plan put its training in a browser and a queue worker's headless browser ran it: the
    // lineage says so from the plan; a step the plan does not list has no placement.
    await db.update(db.t.runs).set({ plan: { steps: [{ id: 'train', placement: 'browser' }] } as never }).where(eq(db.t.runs.id, 'run-b'));
    await db.insert(db.t.stepRuns).values({ id: 'sr-train-b', runId: 'run-b', stepId: 'train', nodeType: 'train/mlp', nodeVersion: 1, status: 'succeeded', runner: 'queue:host:1:ab', backend: 'wasm' });
    await db.insert(db.t.stepRuns).values({ id: 'sr-other-b', runId: 'run-b', stepId: 'other', nodeType: 'train/mlp', nodeVersion: 1, status: 'succeeded', runner: 'queue:host:1:ab' });
    const inBrowser = await withProvenance(db, { nodes: [stepNode, { ...stepNode, id: 'step:other', stepId: 'other' }], edges: [], moreRuns: 0 }, { ...EMPTY_LINEAGE, run: { id: 'run-b' }, steps: [{ id: 'train' }, { id: 'other' }] } as never);
    expect(inBrowser.nodes.map((n) => n.kind === 'step' && [n.runner, n.backend, n.placement])).toEqual([
      ['queue:host:1:ab', 'wasm', 'browser'],
      ['queue:host:1:ab', null, null],
    ]);
  });
});
