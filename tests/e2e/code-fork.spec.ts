// Issue 17, built-in nodes and code: a scientist reads a clean node's source, forks it as a code
// node, edits the fork, tests it on preview rows and runs the pipeline: only the fork and what
// reads it re-run, everything else comes from the cache. The version diff shows the code edit as
// lines. An analyst cannot fork or edit the code, and the server refuses both when forced.
// Its own server and data directory.
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { savePipeline, trpcMutate, trpcPost, trpcQuery } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const SCIENTIST = { name: 'Sam Scientist', email: 'sam@example.com', password: 'correct horse battery' };
const ANALYST = { name: 'Ann Analyst', email: 'ann@example.com', password: 'correct horse battery' };
const PIPELINE = 'breast-cancer-explore';
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

type Step = { stepId: string; status: string };

async function runToEnd(page: Page, runId: string) {
  await expect.poll(async () => (await trpcQuery(page.request, server.url, 'run.get', { id: runId })).status, { timeout: 120_000 }).toMatch(/succeeded|failed/);
  const run = await trpcQuery(page.request, server.url, 'run.get', { id: runId });
  expect(run.status, JSON.stringify(run.steps.map((s: Step & { errorMessage?: string }) => [s.stepId, s.status, s.errorMessage]))).toBe('succeeded');
  return Object.fromEntries((run.steps as Step[]).map((s) => [s.stepId, s.status]));
}

test('a scientist forks a clean node as code, edits, tests and runs it; an analyst cannot', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await createAdmin(page, server.url, ADMIN);
  await trpcMutate(page.request, server.url, 'user.add', { email: SCIENTIST.email, name: SCIENTIST.name, role: 'scientist', password: SCIENTIST.password });
  await trpcMutate(page.request, server.url, 'user.add', { email: ANALYST.email, name: ANALYST.name, role: 'analyst', password: ANALYST.password });
  // ingest → filter → after, beside the sample's ingest → split → train-stats / test-stats.
  const { doc } = await trpcQuery(page.request, server.url, 'pipeline.get', { id: PIPELINE });
  doc.nodes.push(
    { id: 'filter', type: 'clean/filter-rows', version: 1, label: 'Large tumours', params: { conditions: [{ column: 'mean_radius', op: 'gt', value: 12 }] }, position: { x: 300, y: 420 } },
    { id: 'after', type: 'explore/column-stats', version: 1, params: {}, position: { x: 600, y: 420 } },
  );
  doc.edges.push(
    { id: 'ingest-filter', source: 'ingest', sourceHandle: 'table', target: 'filter', targetHandle: 'table' },
    { id: 'filter-after', source: 'filter', sourceHandle: 'table', target: 'after', targetHandle: 'table' },
  );
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });
  const first = await trpcMutate(page.request, server.url, 'run.start', { pipelineId: PIPELINE });
  const firstSteps = await runToEnd(page, first.runId);
  expect(Object.values(firstSteps).every((s) => s === 'succeeded')).toBe(true);

  const scientistContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const scientist = await scientistContext.newPage();
  await signIn(scientist, SCIENTIST, server.url);
  await scientist.goto(`${server.url}/pipelines/${PIPELINE}`);
  await scientist.getByTestId('node-filter').click();
  // The built-in's own source, read only.
  await scientist.getByTestId('node-tab-code').click();
  const source = scientist.getByTestId('node-source-text').locator('.cm-content');
  await expect(source).toContainText("type: 'clean/filter-rows'");
  await expect(source).toHaveAttribute('contenteditable', 'false');
  await scientist.getByTestId('node-source-file').selectOption('nodes/clean/filter-condition.ts');
  await expect(source).toContainText('export const FILTER_OPS');
  await scientist.screenshot({ path: 'test-results/code-fork-01-source.png' });

  // Fork: the node becomes a code transform doing the same, in its place.
  await scientist.getByTestId('fork-as-code-button').click();
  const editor = scientist.getByTestId('param-code').locator('.cm-content');
  await expect(editor).toContainText('Forked from "Filter rows"');
  await expect(editor).toContainText('return !isMissing(v) && v > 12;');
  await expect(scientist.getByTestId('node-label-filter')).toHaveText('Large tumours (code)');
  await scientist.screenshot({ path: 'test-results/code-fork-02-forked.png' });
  // The fork is saved like any edit; its code (CodeMirror draws only the lines in view) comes from there.
  const savedNode = async () => (await trpcQuery(scientist.request, server.url, 'pipeline.get', { id: PIPELINE })).doc.nodes.find((n: { id: string }) => n.id === 'filter');
  await expect.poll(async () => (await savedNode()).type, { timeout: 15_000 }).toBe('code/transform');
  const forked = (await savedNode()).params.code as string;
  expect(forked).toContain('v > 12;');

  // Edit: a higher threshold and a log line; test the unsaved code on preview rows.
  await editor.click();
  await scientist.keyboard.press('Control+a');
  await scientist.keyboard.insertText(forked.replace('v > 12;', 'v > 15;').replace('  return takeRows(cols, kept);', "  console.log('kept', kept.length);\n  return takeRows(cols, kept);"));
  await expect(editor).toContainText('v > 15;');
  await scientist.getByTestId('code-test-button').click();
  await expect(scientist.getByTestId('code-test-result')).toContainText(/569 rows in → \d+ rows out/);
  const shown = await scientist.getByTestId('code-test-result').innerText();
  const out = Number(/→ (\d+) rows out/.exec(shown)![1]);
  expect(out).toBeGreaterThan(0);
  expect(out).toBeLessThan(569);
  await expect(scientist.getByTestId('code-test-logs')).toContainText(`kept ${out}`);
  await scientist.getByTestId('code-test-result').scrollIntoViewIfNeeded();
  await scientist.screenshot({ path: 'test-results/code-fork-03-tested.png' });

  // Run: the fork and what reads it run; the rest comes from the cache.
  await scientist.getByTestId('run-button').click();
  const runList = () => trpcQuery(scientist.request, server.url, 'run.list', { pipelineId: PIPELINE }) as Promise<{ id: string }[]>;
  await expect.poll(async () => (await runList()).length, { timeout: 60_000 }).toBe(2);
  const latest = (await runList()).find((r) => r.id !== first.runId)!;
  const steps = await runToEnd(scientist, latest.id);
  await expect(scientist.getByTestId('node-status-after')).toHaveText(/succeeded/, { timeout: 30_000 });
  expect(steps).toEqual({ ingest: 'cached', split: 'cached', 'train-stats': 'cached', 'test-stats': 'cached', filter: 'succeeded', after: 'succeeded' });
  const saved = await trpcQuery(scientist.request, server.url, 'pipeline.get', { id: PIPELINE });
  const node = saved.doc.nodes.find((n: { id: string }) => n.id === 'filter');
  expect(node.type).toBe('code/transform');
  expect(node.params.code).toContain('v > 15;');
  await scientist.screenshot({ path: 'test-results/code-fork-04-ran.png' });

  // The version diff: the version before the fork, against now, shows the code as added lines.
  await scientist.getByTestId('version-menu').getByRole('button', { name: 'History' }).click();
  const before = (await trpcQuery(scientist.request, server.url, 'pipeline.versions', { id: PIPELINE })).find((v: { version: number }) => v.version < saved.version).version;
  await scientist.getByTestId(`version-${before}`).click();
  await scientist.getByTestId('compare-version').click();
  const diff = scientist.getByTestId('version-diff').getByTestId('code-diff');
  await expect(diff).toContainText('v > 15;');
  await expect(diff.locator('[data-diff="added"]').first()).toBeVisible();
  await scientist.screenshot({ path: 'test-results/code-fork-05-version-diff.png' });
  await scientistContext.close();

  // An analyst: reads the code, cannot edit it or fork a built-in; forced, the server refuses.
  const analystContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const analyst = await analystContext.newPage();
  await signIn(analyst, ANALYST, server.url);
  await analyst.goto(`${server.url}/pipelines/${PIPELINE}`);
  await analyst.getByTestId('node-filter').click();
  await analyst.getByTestId('node-tab-params').click();
  await expect(analyst.getByTestId('param-code').locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
  await expect(analyst.getByTestId('param-code-read-only')).toContainText('Only scientists and admins edit code');
  await expect(analyst.getByTestId('code-test-button')).toHaveCount(0);
  await analyst.screenshot({ path: 'test-results/code-fork-06-analyst-code.png' });
  await analyst.getByTestId('node-split').click();
  await analyst.getByTestId('node-tab-code').click();
  await expect(analyst.getByTestId('fork-as-code-button')).toBeDisabled();
  await expect(analyst.getByTestId('fork-as-code-refusal')).toContainText('two outputs');
  await expect(analyst.getByTestId('node-source-text')).toContainText('Splits a table into train, validation and test sides');
  await analyst.screenshot({ path: 'test-results/code-fork-07-analyst-split.png' });
  const current = await trpcQuery(analyst.request, server.url, 'pipeline.get', { id: PIPELINE });
  current.doc.nodes.find((n: { id: string }) => n.id === 'filter').params.code = '(cols) => cols';
  const refused = await trpcPost(analyst.request, server.url, 'pipeline.save', { projectId: 'sample', doc: current.doc, baseVersion: current.version });
  expect(refused.status).toBe(403);
  expect(JSON.stringify(refused.body)).toContain('Only scientists and admins may add or change code');
  expect(JSON.stringify(refused.body)).toContain('\\"filter\\"');
  const forkRefused = await trpcPost(analyst.request, server.url, 'pipeline.forkAsCode', { doc: current.doc, nodeId: 'after' });
  expect(forkRefused.status).toBe(403);
  await analystContext.close();
});
