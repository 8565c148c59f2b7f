// Issue 17, the editor's part: a scientist edits a code node's JavaScript in CodeMirror (with
// `cols.` completion of the input's columns), tests the unsaved code on preview rows and sees the
// new column; an analyst sees the code read only, and a save forced past the UI is refused (403).
// Its own server and data directory.
import { expect, test } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { savePipeline, trpcMutate, trpcPost, trpcQuery } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const SCIENTIST = { name: 'Sam Scientist', email: 'sam@example.com', password: 'correct horse battery' };
const ANALYST = { name: 'Ann Analyst', email: 'ann@example.com', password: 'correct horse battery' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a scientist edits and tests code; an analyst reads it and cannot save an edit', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await createAdmin(page, server.url, ADMIN);
  await trpcMutate(page.request, server.url, 'user.add', { email: SCIENTIST.email, name: SCIENTIST.name, role: 'scientist', password: SCIENTIST.password });
  await trpcMutate(page.request, server.url, 'user.add', { email: ANALYST.email, name: ANALYST.name, role: 'analyst', password: ANALYST.password });
  const { doc } = await trpcQuery(page.request, server.url, 'pipeline.get', { id: 'breast-cancer-explore' });
  doc.nodes.push({ id: 'code', type: 'code/transform', version: 1, params: {}, position: { x: 700, y: 300 } });
  doc.edges.push({ id: 'ingest-code', source: 'ingest', sourceHandle: 'table', target: 'code', targetHandle: 'table' });
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });
  // A run leaves the ingest step's table for "Test on preview rows" to read.
  const { runId } = await trpcMutate(page.request, server.url, 'run.start', { pipelineId: 'breast-cancer-explore' });
  await expect.poll(async () => (await trpcQuery(page.request, server.url, 'run.get', { id: runId })).status, { timeout: 90_000 }).toBe('succeeded');

  const scientistContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const scientist = await scientistContext.newPage();
  await signIn(scientist, SCIENTIST, server.url);
  await scientist.goto(`${server.url}/pipelines/breast-cancer-explore`);
  await scientist.getByTestId('node-code').click();
  await scientist.getByTestId('node-tab-params').click();
  const editor = scientist.getByTestId('param-code').locator('.cm-content');
  await expect(editor).toHaveAttribute('contenteditable', 'true');
  await editor.click();
  await scientist.keyboard.press('Control+a');
  await scientist.keyboard.insertText('(cols) => ({ ...cols, radius_x2: cols.mean_r');
  // Completion offers the input's columns after `cols.`.
  await scientist.keyboard.press('Control+Space');
  await expect(scientist.locator('.cm-tooltip-autocomplete')).toContainText('mean_radius');
  await scientist.screenshot({ path: 'test-results/code-editor-01-completion.png' });
  // Taken with a click: CodeMirror ignores Enter for a list's first 75 ms (interactionDelay, against
  // accidental picks), so an Enter pressed as soon as the list shows can type a newline instead.
  await scientist.locator('.cm-tooltip-autocomplete .cm-completionLabel', { hasText: /^mean_radius$/ }).click();
  await scientist.keyboard.insertText('.map((v) => v * 2) })');
  await expect(editor).toContainText('cols.mean_radius.map((v) => v * 2) })');
  await scientist.getByTestId('code-test-button').click();
  await expect(scientist.getByTestId('code-test-column-radius_x2')).toContainText('numeric');
  await expect(scientist.getByTestId('code-test-table')).toContainText('35.98');
  await scientist.getByTestId('code-test-result').scrollIntoViewIfNeeded();
  await scientist.screenshot({ path: 'test-results/code-editor-02-tested.png' });
  // The tested columns become the node's declared output columns, saved with the pipeline.
  await scientist.getByTestId('code-test-declare').click();
  await expect(scientist.getByTestId('code-test-result')).toBeVisible();
  await expect
    .poll(async () => {
      const saved = await trpcQuery(scientist.request, server.url, 'pipeline.get', { id: 'breast-cancer-explore' });
      const node = saved.doc.nodes.find((n: { id: string }) => n.id === 'code');
      return { code: node.params.code, last: node.params.outputColumns?.at(-1) };
    }, { timeout: 15_000 })
    .toEqual({ code: '(cols) => ({ ...cols, radius_x2: cols.mean_radius.map((v) => v * 2) })', last: { name: 'radius_x2', type: 'numeric', role: 'feature' } });
  await scientist.getByTestId('param-outputColumns').scrollIntoViewIfNeeded();
  await scientist.screenshot({ path: 'test-results/code-editor-03-declared.png' });
  // A syntax error is marked inline while typing.
  await editor.click();
  await scientist.keyboard.press('Control+End');
  await scientist.keyboard.insertText(' +');
  await expect(scientist.locator('.cm-lintRange-error').first()).toBeVisible({ timeout: 10_000 });
  await scientistContext.close();

  const analystContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const analyst = await analystContext.newPage();
  await signIn(analyst, ANALYST, server.url);
  await analyst.goto(`${server.url}/pipelines/breast-cancer-explore`);
  await analyst.getByTestId('node-code').click();
  await analyst.getByTestId('node-tab-params').click();
  await expect(analyst.getByTestId('param-code').locator('.cm-content')).toHaveAttribute('contenteditable', 'false');
  await expect(analyst.getByTestId('param-code-read-only')).toContainText('Only scientists and admins edit code');
  await expect(analyst.getByTestId('code-test-button')).toHaveCount(0);
  await analyst.screenshot({ path: 'test-results/code-editor-04-analyst.png' });
  // Forced past the UI, the server refuses the edit.
  const latest = await trpcQuery(analyst.request, server.url, 'pipeline.get', { id: 'breast-cancer-explore' });
  latest.doc.nodes.find((n: { id: string }) => n.id === 'code').params.code = '(cols) => ({})';
  const refused = await trpcPost(analyst.request, server.url, 'pipeline.save', { projectId: 'sample', doc: latest.doc, baseVersion: latest.version });
  expect(refused.status).toBe(403);
  expect(JSON.stringify(refused.body)).toContain('Only scientists and admins may add or change code');
  await analystContext.close();
});
