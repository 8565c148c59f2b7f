// The runs table's SQL (sort, filter, page, columns) on SQLite and on Postgres: the same answers
// from the same queries, including NULL placement and text order, which the two databases differ on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyDb } from '../../server/db/any-db';
import { FilterError, queryRunTable, runColumns, type RunTableQuery } from '../../server/runs/run-table';
import { describeEachDatabase } from './helpers/each-database';

const plan = { pipelineId: 'p1', docHash: 'h', steps: [], warnings: [] };

async function seed(db: AnyDb) {
  const { pipelines, pipelineVersions, projects, runMetrics, runParams, runs } = db.t;
  await db.insert(projects).values([{ id: 'pr', name: 'P', createdAt: 1 }, { id: 'other', name: 'O', createdAt: 1 }]);
  await db.insert(pipelines).values([
    { id: 'p1', projectId: 'pr', name: 'One', createdAt: 1, updatedAt: 1 },
    { id: 'p2', projectId: 'pr', name: 'Two', createdAt: 1, updatedAt: 1 },
    { id: 'p3', projectId: 'other', name: 'Three', createdAt: 1, updatedAt: 1 },
  ]);
  await db.insert(pipelineVersions).values([
    { id: 'v1', pipelineId: 'p1', version: 1, doc: {}, contentHash: 'a', createdAt: 1 },
    { id: 'v2', pipelineId: 'p1', version: 2, doc: {}, contentHash: 'b', createdAt: 2 },
  ]);
  // r0..r9 in p1: lr alternates 0.1 / 0.01, auc rises with i; r9 has no auc.
  for (let i = 0; i < 10; i++) {
    const id = `r${i}`;
    await db.insert(runs).values({ id, pipelineId: 'p1', pipelineVersionId: i < 5 ? 'v1' : 'v2', status: i === 3 ? 'failed' : 'succeeded', plan, trigger: 'manual', createdAt: 100 + i, startedAt: 100 + i, finishedAt: 200 + i * 2 });
    await db.insert(runParams).values({ runId: id, stepId: 'train', key: 'train.lr', value: i % 2 ? '0.01' : '0.1', num: i % 2 ? 0.01 : 0.1 });
    await db.insert(runParams).values({ runId: id, stepId: 'train', key: 'train.kind', value: i < 5 ? 'gini' : 'entropy', num: null });
    if (i !== 9) await db.insert(runMetrics).values({ runId: id, stepId: 'evaluate', key: 'evaluate.auc', value: 0.5 + i / 20 });
  }
  await db.insert(runs).values({ id: 'q', pipelineId: 'p2', status: 'succeeded', plan, trigger: 'api', createdAt: 50 });
  await db.insert(runs).values({ id: 'z', pipelineId: 'p3', status: 'succeeded', plan, trigger: 'api', createdAt: 50 });
  await db.insert(runs).values({ id: 'child', pipelineId: 'p1', status: 'succeeded', plan, trigger: 'api', createdAt: 300, parentRunId: 'r1', parentStepId: 'search', name: 'Trial 1' });
  await db.insert(runMetrics).values({ runId: 'child', stepId: 'search', key: 'search.auc', value: 0.7 });
}

const query = (over: Partial<RunTableQuery>): RunTableQuery => ({
  scope: { pipelineId: 'p1' },
  metrics: ['evaluate.auc'],
  params: ['train.lr'],
  sort: { field: { kind: 'created' }, dir: 'desc' },
  filters: [],
  offset: 0,
  limit: 50,
  ...over,
});

describeEachDatabase('the runs table', (under) => {
  const table = (over: Partial<RunTableQuery>) => queryRunTable(under.db, query(over));
  beforeAll(() => seed(under.db));

  describe('queryRunTable', () => {
    it('lists a pipeline’s runs newest first, without search trials, with the chosen columns', async () => {
      const { rows, total } = await table({});
      expect(total).toBe(10);
      expect(rows.map((r) => r.id)).toEqual(['r9', 'r8', 'r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0']);
      expect(rows[1]).toMatchObject({ version: 2, pipelineName: 'One', metrics: { 'evaluate.auc': 0.9 }, params: { 'train.lr': '0.1' } });
      expect(rows[0].metrics).toEqual({});
    });

    it('sorts by a metric either way, runs without it last', async () => {
      const up = (await table({ sort: { field: { kind: 'metric', key: 'evaluate.auc' }, dir: 'asc' } })).rows.map((r) => r.id);
      expect(up).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9']);
      const down = (await table({ sort: { field: { kind: 'metric', key: 'evaluate.auc' }, dir: 'desc' } })).rows.map((r) => r.id);
      expect(down).toEqual(['r8', 'r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0', 'r9']);
    });

    it('filters by param value, param range, metric, status and version, and pages', async () => {
      const eq = await table({ filters: [{ field: { kind: 'param', key: 'train.lr' }, op: '=', value: '0.01' }], sort: { field: { kind: 'metric', key: 'evaluate.auc' }, dir: 'desc' }, limit: 2 });
      expect(eq.total).toBe(5);
      expect(eq.rows.map((r) => r.id)).toEqual(['r7', 'r5']);
      const page2 = await table({ filters: [{ field: { kind: 'param', key: 'train.lr' }, op: '=', value: '0.01' }], sort: { field: { kind: 'metric', key: 'evaluate.auc' }, dir: 'desc' }, limit: 2, offset: 2 });
      expect(page2.rows.map((r) => r.id)).toEqual(['r3', 'r1']);
      const range = await table({ filters: [{ field: { kind: 'param', key: 'train.lr' }, op: '>', value: 0.05 }, { field: { kind: 'metric', key: 'evaluate.auc' }, op: '>=', value: 0.8 }] });
      expect(range.rows.map((r) => r.id)).toEqual(['r8', 'r6']);
      const text = await table({ filters: [{ field: { kind: 'param', key: 'train.kind' }, op: 'contains', value: 'ntro' }] });
      expect(text.total).toBe(5);
      const failed = await table({ filters: [{ field: { kind: 'status' }, op: '=', value: 'failed' }] });
      expect(failed.rows.map((r) => r.id)).toEqual(['r3']);
      const v1 = await table({ filters: [{ field: { kind: 'version' }, op: '=', value: 1 }] });
      expect(v1.total).toBe(5);
    });

    it('sorts by a param numerically and by duration', async () => {
      const lr = (await table({ sort: { field: { kind: 'param', key: 'train.lr' }, dir: 'asc' }, limit: 5 })).rows;
      expect(lr.every((r) => r.params['train.lr'] === '0.01')).toBe(true);
      const longest = (await table({ sort: { field: { kind: 'duration' }, dir: 'desc' }, limit: 1 })).rows[0];
      expect(longest.id).toBe('r9');
    });

    it('orders text params by code point and NULLs as SQLite does, and compares bigint fields with fractions', async () => {
      const kind = await table({ sort: { field: { kind: 'param', key: 'train.kind' }, dir: 'asc' } });
      expect(kind.rows.map((r) => r.id)).toEqual(['r9', 'r8', 'r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0']);
      const lr = await table({ sort: { field: { kind: 'param', key: 'train.lr' }, dir: 'desc' } });
      expect(lr.rows.map((r) => r.id)).toEqual(['r8', 'r6', 'r4', 'r2', 'r0', 'r9', 'r7', 'r5', 'r3', 'r1']);
      expect((await table({ filters: [{ field: { kind: 'duration' }, op: '>', value: 104.5 }] })).total).toBe(5);
      expect((await table({ filters: [{ field: { kind: 'created' }, op: '<', value: 101.5 }] })).rows.map((r) => r.id)).toEqual(['r1', 'r0']);
      const first = (await table({ limit: 1 })).rows[0];
      expect(first).toMatchObject({ createdAt: 109, startedAt: 109, finishedAt: 218, version: 2, createdBy: null });
    });

    it('scopes to a project or to a search’s trials', async () => {
      expect((await table({ scope: { projectId: 'pr' } })).total).toBe(11);
      const trials = await table({ scope: { parentRunId: 'r1' }, metrics: ['search.auc'] });
      expect(trials.rows).toEqual([expect.objectContaining({ id: 'child', name: 'Trial 1', metrics: { 'search.auc': 0.7 } })]);
    });

    it('refuses a filter whose value cannot apply', async () => {
      await expect(table({ filters: [{ field: { kind: 'metric', key: 'evaluate.auc' }, op: '>', value: 'high' }] })).rejects.toThrow(FilterError);
      await expect(table({ filters: [{ field: { kind: 'param', key: 'train.lr' }, op: '<', value: 'x' }] })).rejects.toThrow(FilterError);
    });

    it('treats values as data, never as SQL', async () => {
      const odd = await table({ filters: [{ field: { kind: 'param', key: "x' or 1=1 --" }, op: '=', value: "' or ''='" }] });
      expect(odd.total).toBe(0);
    });
  });

  describe('runColumns', () => {
    it('lists the metric and param keys of a scope', async () => {
      expect(await runColumns(under.db, { pipelineId: 'p1' })).toEqual({ metrics: ['evaluate.auc'], params: [{ key: 'train.kind', distinct: 2 }, { key: 'train.lr', distinct: 2 }] });
      expect(await runColumns(under.db, { parentRunId: 'r1' })).toEqual({ metrics: ['search.auc'], params: [] });
    });
  });
});
