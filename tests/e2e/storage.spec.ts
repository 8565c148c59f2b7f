// Storage lifecycle through the UI: a scientist deletes a run from the pipeline's run history and an
// old pipeline version from its preview; an admin's Storage page then lists what GC would free
// (grace period 0 here) and collects it, and the pipeline still runs afterwards.
import { expect, test } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { openAdminPage } from './admin-menu';
import { savePipeline, trpcMutate } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Gina Admin', email: 'gina@example.com', password: 'correct horse battery' };
const SCIENTIST = { name: 'Sam Science', email: 'sam@example.com', password: 'scientist password 1' };
let server: ServerHandle;

function doc(seed: number) {
  return {
    schemaVersion: 1,
    id: 'gc-ui',
    name: 'GC in the UI',
    nodes: [
      { id: 'data', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
      { id: 'split', type: 'split/random', version: 1, params: { seed }, position: { x: 260, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'data', sourceHandle: 'table', target: 'split', targetHandle: 'table' }],
    settings: { placement: 'server' },
  };
}

test.beforeAll(async () => {
  server = await startServer({ env: { PIPEWORKS_GC_GRACE_HOURS: '0' } });
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

test('a scientist deletes a run and an old version; the admin storage page frees their artifacts', async ({ page, browser }) => {
  await createAdmin(page, server.url, ADMIN);
  await trpcMutate(page.request, server.url, 'user.add', { ...SCIENTIST, role: 'scientist' });
  await savePipeline(page.request, server.url, { projectId: 'sample', doc: doc(1) });
  await savePipeline(page.request, server.url, { projectId: 'sample', doc: doc(2) });

  const scientistContext = await browser.newContext();
  const scientist = await scientistContext.newPage();
  await signIn(scientist, SCIENTIST, server.url);
  await scientist.goto(`${server.url}/pipelines/gc-ui`);
  await scientist.getByTestId('run-button').click();
  await expect(scientist.getByTestId('run-status')).toHaveText('succeeded', { timeout: 90_000 });

  // The finished run, chosen in the history, is deleted after one confirmation.
  await scientist.getByTestId('delete-run').click();
  await expect(scientist.getByRole('group', { name: /^Delete run / })).toContainText('freed by storage GC');
  await scientist.screenshot({ path: 'test-results/storage-01-delete-run.png' });
  await scientist.getByTestId('delete-run-confirm').click();
  await expect(scientist.getByText('No runs yet. Press Run to start one.')).toBeVisible();

  // v1 is not current: its preview offers Delete v1; the current v2 offers no delete.
  await scientist.getByTestId('version-menu').getByRole('button', { name: 'History' }).click();
  await scientist.getByTestId('version-1').click();
  await scientist.getByTestId('delete-pipeline-version').click();
  await scientist.getByTestId('delete-pipeline-version-confirm').click();
  await expect(scientist.getByTestId('version-preview')).toHaveCount(0);
  await scientist.getByTestId('version-menu').getByRole('button', { name: 'History' }).click();
  await expect(scientist.getByTestId('version-1')).toHaveCount(0);
  await scientist.getByTestId('version-2').click();
  await expect(scientist.getByTestId('delete-pipeline-version')).toHaveCount(0);
  await expect(scientist.getByRole('button', { name: 'Admin' })).toHaveCount(0);

  // The admin sees the split's outputs as freeable (the iris sample is read from the app, not stored).
  await openAdminPage(page, 'Storage');
  await expect(page.getByTestId('storage-free')).toContainText(/[1-9]\d* artifacts?/);
  const rows = page.getByTestId('storage-candidate');
  await expect(rows.first()).toContainText(/run [0-9a-f]{8} deleted/);
  await page.screenshot({ path: 'test-results/storage-02-plan.png' });
  await page.getByTestId('storage-collect').click();
  await expect(page.getByTestId('storage-outcome')).toContainText(/^Removed [1-9]\d* artifacts?/);
  await expect(page.getByTestId('storage-empty')).toBeVisible();
  await page.screenshot({ path: 'test-results/storage-03-collected.png' });

  // The audit log has the deletions and the collection; the pipeline still runs.
  await openAdminPage(page, 'Audit log');
  for (const action of ['run.delete', 'pipeline.version.delete', 'storage.gc']) await expect(page.getByTestId(`audit-${action}`).first()).toBeVisible();
  await scientist.getByTestId('close-version').click();
  await scientist.getByTestId('run-button').click();
  await expect(scientist.getByTestId('run-status')).toHaveText('succeeded', { timeout: 90_000 });
  // Its open pipeline page holds a live (SSE) connection; closing it lets the server stop promptly.
  await scientistContext.close();
});
