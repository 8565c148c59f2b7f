// A code node in real runs: the server runner (worker threads) hands it the server sandbox, its
// code's sha256 keys the step and is recorded on the step run, an edit re-runs it and what reads
// it (the plan preview says "code changed"), and code that fails shows a clear error on the node.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../engine/hash';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { closeDb, getDb } from '../../server/db/client';
import { resetEnvForTests } from '../../server/env';
import { previewRun } from '../../server/pipelines/plan-preview';
import { testCode } from '../../server/pipelines/test-code';
import { seedSampleProject } from '../../server/pipelines/seed';
import { startRun } from '../../server/pipelines/start-run';
import { latestVersionNumber, saveVersion } from '../../server/pipelines/versions';
import { readRun } from '../../server/runners/read-run';
import { closeRunManager, getRunManager } from '../../server/runtime';
import { readArtifactBytes } from '../../server/store/artifact-files';
import { decodeValue } from '../../nodes/codec';
import { stepResults } from '../../nodes/result-metrics';
import { readColumn } from '../../nodes/table/read-column';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const ID = 'code-node-flow';
const LOG1P = `(cols) => { console.log('rows', cols.mean_radius.length); return { ...cols, radius_log: cols.mean_radius.map(Math.log1p) } }`;

function pipeline(code: string): PipelineDoc {
  const parsed = parseDocument({
    schemaVersion: 1,
    id: ID,
    name: 'Code node flow',
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
      { id: 'code', type: 'code/transform', version: 1, params: { code }, position: { x: 200, y: 0 } },
      { id: 'after', type: 'explore/column-stats', version: 1, params: {}, position: { x: 400, y: 0 } },
      { id: 'beside', type: 'explore/column-stats', version: 1, params: {}, position: { x: 200, y: 200 } },
    ],
    edges: [
      { id: 'e1', source: 'ingest', sourceHandle: 'table', target: 'code', targetHandle: 'table' },
      { id: 'e2', source: 'code', sourceHandle: 'table', target: 'after', targetHandle: 'table' },
      { id: 'e3', source: 'ingest', sourceHandle: 'table', target: 'beside', targetHandle: 'table' },
    ],
    settings: { placement: 'server' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

async function save(code: string): Promise<number> {
  return (await saveVersion(getDb().anyDb, 'sample', pipeline(code), null, { baseVersion: await latestVersionNumber(getDb().anyDb, ID) })).version;
}

async function runToEnd(version: number) {
  const { runId } = await startRun(getDb().anyDb, { pipelineId: ID, version, trigger: 'api', userId: null });
  await getRunManager().whenDone(runId);
  return (await readRun(getDb().anyDb, runId))!;
}

const statuses = (run: NonNullable<Awaited<ReturnType<typeof readRun>>>) => Object.fromEntries(run.steps.map((s) => [s.stepId, s.status]));

beforeAll(async () => {
  process.env.PIPEWORKS_DATA_DIR = dataDir;
  resetEnvForTests();
  await seedSampleProject(getDb().anyDb);
});

afterAll(async () => {
  await closeRunManager();
  closeDb();
});

describe('code/transform in the server runner', () => {
  let firstRunId = '';

  it('runs the code in the sandbox: the new column is in the output, console output in the step logs, the code hash on the step', async () => {
    const run = await runToEnd(await save(LOG1P));
    expect(run.status, JSON.stringify(run.steps.map((s) => s.errorMessage))).toBe('succeeded');
    firstRunId = run.id;
    const code = run.steps.find((s) => s.stepId === 'code')!;
    expect(code.codeHash).toBe(`sha256:${sha256Hex(LOG1P)}`);
    const table = decodeValue('table', await readArtifactBytes(dataDir, code.outputs!.table.id));
    if (table.kind !== 'table') throw new Error('not a table');
    expect(table.columns.at(-1)).toEqual({ name: 'radius_log', type: 'numeric', role: 'feature' });
    const radius = readColumn(table.table, 'mean_radius') as number[];
    const logged = readColumn(table.table, 'radius_log') as number[];
    expect(logged[0]).toBeCloseTo(Math.log1p(radius[0]), 12);
    expect(table.columns.find((c) => c.name === 'diagnosis')).toMatchObject({ role: 'target' });
    const { stepLogs } = getDb().anyDb.t;
    const logs = (await getDb().anyDb.select().from(stepLogs).where(eq(stepLogs.runId, run.id))).filter((l) => l.stepId === 'code').map((l) => l.message);
    expect(logs).toContain('rows 569');
  });

  it('an edit of the code re-runs that step and what reads it, and the preview says "code changed"', async () => {
    const version = await save(LOG1P.replace('Math.log1p', 'Math.sqrt'));
    const preview = await previewRun(getDb().anyDb, dataDir, { pipelineId: ID, version });
    expect(Object.fromEntries(preview.steps.map((s) => [s.stepId, [s.decision, ...s.reasons]]))).toEqual({
      ingest: ['cached'],
      code: ['run', 'code changed'],
      after: ['run', 'upstream data changed'],
      beside: ['cached'],
    });
    const run = await runToEnd(version);
    expect(statuses(run)).toEqual({ ingest: 'cached', code: 'succeeded', after: 'succeeded', beside: 'cached' });
    expect(run.steps.find((s) => s.stepId === 'beside')!.cachedFromRunId).toBe(firstRunId);
  });

  it('code that escapes nothing but fails shows a clear error on its node, and the runner carries on', async () => {
    const cases: [string, RegExp][] = [
      [`() => this.constructor.constructor('return process')()`, /^The code threw an error: .*process is not defined/],
      [`() => { while (true) {} }`, /^The code (took too long|used too much CPU time): .*limit of 500 ms/],
      [`(cols) => ({ ...cols, bad: cols.mean_radius.length })`, /Returned column "bad" is a number/],
      [`(cols) => ({ a: new Float64Array(3), b: ['x'] })`, /Returned column "b" has 1 rows, but "a" has 3/],
      [`() => { throw { [Symbol.toPrimitive]() { return 'x' } } }`, /not an Error/],
    ];
    for (const [code, message] of cases) {
      const doc = pipeline(code);
      doc.nodes.find((n) => n.id === 'code')!.params.timeLimitSeconds = 0.5;
      const version = (await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, ID) })).version;
      const run = await runToEnd(version);
      const step = run.steps.find((s) => s.stepId === 'code')!;
      expect(step.status).toBe('failed');
      expect(step.errorCode).toBe('invalid_input');
      expect(step.errorMessage).toMatch(message);
      expect(step.errorMessage).not.toMatch(/\n\s+at /);
      expect(statuses(run).after).toBe('cancelled');
    }
    expect(statuses(await runToEnd(await save(LOG1P)))).toMatchObject({ code: 'cached', after: 'cached' });
  });

  it('code/filter-rows keeps the rows its code marks true', async () => {
    const doc = pipeline('(cols) => cols');
    const node = doc.nodes.find((n) => n.id === 'code')!;
    node.type = 'code/filter-rows';
    node.params = { code: '(cols) => Array.from(cols.mean_radius, (r) => r > 15)' };
    const run = await runToEnd((await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, ID) })).version);
    expect(run.status).toBe('succeeded');
    const table = decodeValue('table', await readArtifactBytes(dataDir, run.steps.find((s) => s.stepId === 'code')!.outputs!.table.id));
    if (table.kind !== 'table') throw new Error('not a table');
    const radius = readColumn(table.table, 'mean_radius') as number[];
    expect(radius.length).toBeGreaterThan(50);
    expect(radius.length).toBeLessThan(300);
    expect(radius.every((r) => r > 15)).toBe(true);
  });

  it('"test on preview rows" runs unsaved code in the sandbox on the first rows the last run left, and says what comes out', async () => {
    const edited = pipeline(`(cols) => { console.log('testing', cols.mean_radius.length); return { id_text: Array.from(cols.mean_radius, (r) => r > 15 ? 'big' : 'small'), mean_radius: cols.mean_radius } }`);
    const result = await testCode(getDb().anyDb, dataDir, 'nobody', { doc: edited, nodeId: 'code', rows: 50 });
    expect(result).toMatchObject({ ok: true, inputRows: 50, outputRows: 50, error: null });
    expect(result.columns).toEqual([
      { name: 'id_text', type: 'categorical', role: 'feature' },
      { name: 'mean_radius', type: 'numeric', role: 'feature' },
    ]);
    expect(result.preview).toHaveLength(20);
    expect(['big', 'small']).toContain(result.preview[0].id_text);
    expect(result.logs.map((l) => l.message)).toContain('testing 50');

    const failing = await testCode(getDb().anyDb, dataDir, 'nobody', { doc: pipeline('(cols) => { throw new Error("nope") }'), nodeId: 'code', rows: 5 });
    expect(failing).toMatchObject({ ok: false, error: expect.stringMatching(/^The code threw an error: Error: nope \(line 1/) });

    const fresh = pipeline('(cols) => cols');
    fresh.id = 'never-run';
    fresh.nodes[0].params = { dataset: 'iris' };
    await expect(testCode(getDb().anyDb, dataDir, 'nobody', { doc: fresh, nodeId: 'code', rows: 5 })).rejects.toThrow(/no rows to test on yet: run the pipeline up to "ingest" first/);
    await expect(testCode(getDb().anyDb, dataDir, 'nobody', { doc: fresh, nodeId: 'after', rows: 5 })).rejects.toThrow(/carries no code/);
  });

  it('code/metric turns the returned numbers into the run\'s metrics', async () => {
    const doc = pipeline('(cols) => cols');
    const node = doc.nodes.find((n) => n.id === 'code')!;
    node.type = 'code/metric';
    node.params = { code: '(cols) => ({ malignant_share: cols.diagnosis.filter((d) => d === "malignant").length / cols.diagnosis.length })' };
    doc.nodes = doc.nodes.filter((n) => n.id !== 'after');
    doc.edges = doc.edges.filter((e) => e.target !== 'after');
    const run = await runToEnd((await saveVersion(getDb().anyDb, 'sample', doc, null, { baseVersion: await latestVersionNumber(getDb().anyDb, ID) })).version);
    expect(run.status, JSON.stringify(run.steps.map((s) => s.errorMessage))).toBe('succeeded');
    const metrics = decodeValue('metrics', await readArtifactBytes(dataDir, run.steps.find((s) => s.stepId === 'code')!.outputs!.metrics.id));
    if (metrics.kind !== 'metrics') throw new Error('not metrics');
    expect(stepResults(metrics).metrics.malignant_share).toBeGreaterThan(0.3);
    expect(stepResults(metrics).metrics.malignant_share).toBeLessThan(0.4);
  });
});
