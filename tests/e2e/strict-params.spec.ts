// Issue 15: a saved pipeline whose params carry a misspelt key ("sede" for "seed") opens, shows the
// problem on the node and in its form with the real key suggested, and cannot run until it is fixed.
// Its own server and data directory, so it neither depends on nor disturbs studio.spec.ts.
import { expect, test } from '@playwright/test';
import { createAdmin } from './accounts';
import { savePipeline, trpcQuery } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

const ADMIN = { name: 'Stella Strict', email: 'stella@example.com', password: 'correct horse battery' };
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a misspelt param is shown on its node with the real key, and blocks running', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  const { doc } = await trpcQuery(page.request, server.url, 'pipeline.get', { id: 'breast-cancer-explore' });
  const split = doc.nodes.find((n: { id: string }) => n.id === 'split');
  split.params.sede = 7;
  await savePipeline(page.request, server.url, { projectId: 'sample', doc, message: 'A hand-edited file with a typo' });

  await page.goto(`${server.url}/pipelines/breast-cancer-explore`);
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  const message = /unknown param "sede"\. Did you mean "seed"\?/;
  await expect(page.getByTestId('node-split').getByTestId('issue-badge')).toHaveText('1 error');
  await expect(page.getByTestId('node-split').getByTestId('issue-badge')).toHaveAttribute('title', message);
  await page.getByTestId('node-split').click();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await page.getByTestId('node-tab-params').click();
  await expect(page.getByTestId('param-issue-_node')).toContainText(message);
  await page.screenshot({ path: 'test-results/strict-params-01-unknown-param.png' });
});
