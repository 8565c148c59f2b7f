// Two people, one pipeline, each in their own browser context: each sees the other there; edits
// to different nodes both end up in the latest version; the same param changed by both shows the
// second person the conflict dialog with both values, and nothing is lost whichever they keep.
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { trpcMutate, trpcQuery } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const PAULA = { name: 'Paula Params', email: 'paula@example.com', password: 'correct horse battery' };
const SAM = { name: 'Sam Scientist', email: 'sam@example.com', password: 'scientist password 1' };
const PIPELINE = 'breast-cancer-classifier';
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});

async function openPipeline(page: Page) {
  await page.getByTestId('project-sample').click();
  await page.getByTestId(`pipeline-${PIPELINE}`).click();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
}

async function setParam(page: Page, nodeId: string, param: string, value: string) {
  await page.getByTestId(`node-${nodeId}`).click();
  await expect(page.getByTestId('param-form')).toBeVisible();
  await page.getByTestId(`param-${param}`).fill(value);
}

const paramAt = (doc: any, nodeId: string, param: string) => doc.nodes.find((n: any) => n.id === nodeId).params[param];

test('two people on one pipeline: presence, merged edits, and the conflict dialog', async ({ browser }) => {
  const paulaContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const samContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await twoPeople(paulaContext.newPage(), samContext.newPage());
  } finally {
    // Open editors hold presence streams; closing them lets the server stop.
    await paulaContext.close();
    await samContext.close();
  }
});

async function twoPeople(paulaPage: Promise<Page>, samPage: Promise<Page>) {
  const [paula, sam] = await Promise.all([paulaPage, samPage]);
  await createAdmin(paula, server.url, PAULA);
  await trpcMutate(paula.request, server.url, 'user.add', { ...SAM, role: 'scientist' });
  await signIn(sam, SAM, server.url);
  await openPipeline(paula);
  await openPipeline(sam);
  await expect(paula.getByTestId('save-status')).toHaveText('Saved v1');
  await expect(sam.getByTestId('save-status')).toHaveText('Saved v1');

  // Each sees the other, live.
  await expect(paula.getByTestId('presence-names')).toHaveText('Sam Scientist is here too', { timeout: 15_000 });
  await expect(sam.getByTestId('presence-names')).toHaveText('Paula Params is here too', { timeout: 15_000 });
  await paula.getByTestId('presence').screenshot({ path: 'test-results/concurrent-01-presence.png' });

  // Paula changes the split; Sam, still on v1, is told a newer version arrived.
  await setParam(paula, 'split', 'seed', '7');
  await expect(paula.getByTestId('save-status')).toHaveText('Saved v2', { timeout: 15_000 });
  await expect(sam.getByTestId('presence-newer')).toContainText('Paula Params saved v2', { timeout: 15_000 });
  await expect(sam.getByTestId('presence-pull')).toBeVisible();
  await sam.screenshot({ path: 'test-results/concurrent-02-newer-version.png' });

  // Sam changes another node without pulling: his save is merged with Paula's into v3.
  await setParam(sam, 'mlp', 'epochs', '30');
  await expect(sam.getByTestId('save-status')).toHaveText('Saved v3', { timeout: 15_000 });
  const v3 = await trpcQuery(sam.request, server.url, 'pipeline.get', { id: PIPELINE });
  expect(v3.version).toBe(3);
  expect(paramAt(v3.doc, 'split', 'seed')).toBe(7);
  expect(paramAt(v3.doc, 'mlp', 'epochs')).toBe(30);
  const versions = await trpcQuery(sam.request, server.url, 'pipeline.versions', { id: PIPELINE });
  expect(versions[0]).toMatchObject({ version: 3, authorName: 'Sam Scientist', mergedAuthors: ['Paula Params'] });
  await expect(sam.getByTestId('presence-newer')).toHaveCount(0);

  // Now both change the split's seed: Paula first (merged on top of Sam's v3 as v4), then Sam.
  await setParam(paula, 'split', 'seed', '11');
  await expect(paula.getByTestId('save-status')).toHaveText('Saved v4', { timeout: 15_000 });
  await setParam(sam, 'split', 'seed', '13');
  const dialog = sam.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(dialog).toContainText('Paula Params saved v4');
  const row = dialog.getByTestId('conflict-rows').getByTestId('conflict-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Stratified split (split) · seed');
  await expect(row.getByTestId('conflict-theirs')).toHaveText('11');
  await expect(row.getByTestId('conflict-mine')).toHaveText('13');
  await expect(sam.getByTestId('save-status')).toHaveText('Not saved: clashes with v4');
  await dialog.getByTestId('conflict-see-diff').click();
  await expect(dialog.getByTestId('conflict-diff')).toContainText('(split) · seed');
  await dialog.screenshot({ path: 'test-results/concurrent-03-conflict-dialog.png' });

  // Nothing was overwritten; keeping his value saves it on top of Paula's, which stays as v4.
  expect((await trpcQuery(sam.request, server.url, 'pipeline.get', { id: PIPELINE })).version).toBe(4);
  await dialog.getByTestId('conflict-keep-mine').click();
  await expect(dialog).toHaveCount(0);
  await expect(sam.getByTestId('save-status')).toHaveText('Saved v5', { timeout: 15_000 });
  const v4 = await trpcQuery(sam.request, server.url, 'pipeline.get', { id: PIPELINE, version: 4 });
  const v5 = await trpcQuery(sam.request, server.url, 'pipeline.get', { id: PIPELINE });
  expect(paramAt(v4.doc, 'split', 'seed')).toBe(11);
  expect(paramAt(v5.doc, 'split', 'seed')).toBe(13);
  expect(paramAt(v5.doc, 'mlp', 'epochs')).toBe(30);

  // Paula is told, and pulls Sam's version in: her form shows his value.
  await expect(paula.getByTestId('presence-newer')).toContainText('Sam Scientist saved v5', { timeout: 15_000 });
  await paula.getByTestId('presence-pull').click();
  await expect(paula.getByTestId('save-status')).toHaveText('Saved v5', { timeout: 15_000 });
  await expect(paula.getByTestId('param-seed')).toHaveValue('13');
}
