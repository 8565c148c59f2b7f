// Templates end to end on the real production server: each one is created through the API, runs
// on the server runner as it is, and its evaluation clears a sensible bar on the bundled data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

let server: ServerHandle;
let admin: HttpClient;

/** The bar a template's headline metric must clear on its test side. */
const BARS: Record<string, { metric: 'roc_auc' | 'r2'; above: number }> = {
  'fraud-detection': { metric: 'roc_auc', above: 0.75 },
  'customer-churn': { metric: 'roc_auc', above: 0.75 },
  'price-regression': { metric: 'r2', above: 0.5 },
  'demand-forecast': { metric: 'r2', above: 0.5 },
};

beforeAll(async () => {
  server = await startServer();
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Tess', email: 'tess@example.com', password: 'correct horse battery' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

async function finished(runId: string) {
  for (let i = 0; i < 600; i++) {
    const run = HttpClient.data(await admin.query('run.get', { id: runId }));
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Run ${runId} did not finish in 2 minutes`);
}

async function artifactJson(id: string) {
  const res = await fetch(`${server.url}/api/artifacts/${id}`, { headers: { cookie: admin.cookie } });
  expect(res.status).toBe(200);
  return res.json();
}

describe('the template gallery', () => {
  it('lists fraud, churn, price and demand templates, each with its dataset, model and run time', async () => {
    const templates = HttpClient.data(await admin.query('pipeline.templates'));
    expect(templates.map((t: any) => t.id)).toEqual(Object.keys(BARS));
    for (const t of templates) {
      expect(t).toMatchObject({ title: expect.any(String), description: expect.any(String), trains: expect.any(String), estimatedSeconds: expect.any(Number) });
      expect(t.dataset.rows).toBeGreaterThan(0);
      expect(t.headlineMetric).toBe(BARS[t.id].metric);
    }
  });

  it.each(Object.entries(BARS))('creates %s in one call and it runs to success on the bundled data', async (template, bar) => {
    const started = Date.now();
    const created = HttpClient.data(await admin.mutate('pipeline.create', { projectId: 'sample', name: `My ${template}`, template }));
    expect(created).toEqual({ pipelineId: `my-${template}`, version: 1 });
    const pipeline = HttpClient.data(await admin.query('pipeline.get', { id: created.pipelineId }));
    expect(pipeline.issues.filter((i: any) => i.severity === 'error')).toEqual([]);

    const { runId } = HttpClient.data(await admin.mutate('run.start', { pipelineId: created.pipelineId }));
    const run = await finished(runId);
    const failures = run.steps.filter((s: any) => s.status !== 'succeeded').map((s: any) => `${s.stepId}: ${s.status} ${s.errorMessage ?? ''}`);
    expect(failures).toEqual([]);
    expect(run.status).toBe('succeeded');

    const evaluate = run.steps.find((s: any) => s.nodeType === 'evaluate/model');
    const report = await artifactJson(evaluate.outputs.metrics.id);
    expect(report.metrics[bar.metric]).toBeGreaterThan(bar.above);
    expect(report.gates.length).toBeGreaterThan(0);
    expect(report.gates.every((g: any) => g.passed)).toBe(true);
    console.log(`${template}: ${bar.metric} ${report.metrics[bar.metric].toFixed(3)}, created and run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('creates a blank pipeline: version 1, no nodes, and the one issue says to add some', async () => {
    const created = HttpClient.data(await admin.mutate('pipeline.create', { projectId: 'sample', name: 'Scratch pad' }));
    expect(created).toEqual({ pipelineId: 'scratch-pad', version: 1 });
    const pipeline = HttpClient.data(await admin.query('pipeline.get', { id: 'scratch-pad' }));
    expect(pipeline.doc).toMatchObject({ name: 'Scratch pad', nodes: [], edges: [] });
    // Running an empty pipeline would "succeed" doing nothing, so compile says what to do instead.
    expect(pipeline.issues.map((i: any) => i.code)).toEqual(['empty_pipeline']);
    const project = HttpClient.data(await admin.query('project.get', { id: 'sample' }));
    expect(project.pipelines.map((p: any) => p.id)).toEqual(expect.arrayContaining(['scratch-pad', 'my-customer-churn']));
  });

  it('names the field of a bad request, and lets viewers see the gallery but not create', async () => {
    const noName = await admin.mutate('pipeline.create', { projectId: 'sample', name: '' });
    expect(noName.status).toBe(400);
    // Worded "field: problem" (issue 14): the field is named, no validation dump.
    expect(HttpClient.error(noName).message).toMatch(/\bname: Give the pipeline a name/);
    const badTemplate = await admin.mutate('pipeline.create', { projectId: 'sample', name: 'X', template: 'titanic' });
    expect(badTemplate.status).toBe(400);
    expect(HttpClient.error(badTemplate).message).toMatch(/\btemplate: /);

    HttpClient.data(await admin.mutate('user.add', { email: 'vera@example.com', name: 'Vera', role: 'viewer', password: 'viewer password 3' }));
    const viewer = new HttpClient(server.url);
    HttpClient.data(await viewer.mutate('auth.login', { email: 'vera@example.com', password: 'viewer password 3' }));
    expect((await viewer.query('pipeline.templates')).status).toBe(200);
    const denied = await viewer.mutate('pipeline.create', { projectId: 'sample', name: 'Mine', template: 'customer-churn' });
    expect(denied.status).toBe(403);
  });
});
