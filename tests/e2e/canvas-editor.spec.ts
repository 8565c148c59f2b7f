// The editable canvas, as an analyst uses it: nodes dragged in from the palette and added from the
// keyboard, ports connected (and a wrong connection refused with its reason on screen), undo and
// redo, and autosave turning each pause into a new version listed in the history. This spec starts
// its own server with its own data directory, so it neither depends on nor disturbs the others.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { savePipeline, trpcQuery } from './trpc';
import { createAdmin, signIn } from './accounts';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Cara Canvas', email: 'cara@example.com', password: 'correct horse battery' };
const PIPELINE = 'canvas-editor-e2e';
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  if (server) await stopServer(server);
});


function port(page: Page, nodeId: string, side: 'source' | 'target', name: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"] .react-flow__handle.${side}[data-handleid="${name}"]`);
}

/** Drags a connection from one port to another; leaves the mouse down when `release` is false. */
async function dragConnection(page: Page, from: Locator, to: Locator, release = true) {
  await from.hover(); // waits until the port stops moving (a zoom may still be animating)
  await page.mouse.down();
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2 - 30, b.y + b.height / 2 + 10, { steps: 10 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  if (release) await page.mouse.up();
}

test('build a pipeline on the canvas: palette, connections, refusals, undo and autosave', async ({ page }) => {
  await createAdmin(page, server.url, ADMIN);
  await savePipeline(page.request, server.url, {
    projectId: 'sample',
    doc: { schemaVersion: 1, id: PIPELINE, name: 'Canvas editor', nodes: [], edges: [] },
    message: 'Created empty',
  });

  await page.goto(`${server.url}/pipelines/${PIPELINE}`);
  const canvas = page.getByTestId('pipeline-canvas');
  await expect(page.getByTestId('empty-canvas')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Saved v1');

  // Two nodes dragged in from the palette.
  await page.getByTestId('palette-item-ingest/sample-dataset').dragTo(canvas, { targetPosition: { x: 170, y: 120 } });
  await expect(page.getByTestId('node-sample-dataset')).toBeVisible();
  await expect(page.getByTestId('empty-canvas')).toHaveCount(0);
  await page.getByTestId('palette-item-split/random').dragTo(canvas, { targetPosition: { x: 470, y: 120 } });
  await expect(page.getByTestId('node-random')).toBeVisible();

  // Connected output to input.
  await dragConnection(page, port(page, 'sample-dataset', 'source', 'table'), port(page, 'random', 'target', 'table'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // A third node from the keyboard: "/" focuses the palette search, Enter adds the best match.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 400 } });
  await page.keyboard.press('/');
  await expect(page.getByLabel('Add a node')).toBeFocused();
  await page.keyboard.type('logistic');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-logistic-regression')).toBeVisible();
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await page.screenshot({ path: 'test-results/canvas-editor-01-built.png' });

  // A model cannot feed a table input: refused while dragging, with the reason by the cursor.
  // Clicked first, as a person would: in Chromium 156.0.8078.108, a press on a port right after the
  // Zoom-to-fit animation could start a node drag instead of a wire (it did not in .73).
  await page.getByTestId('node-logistic-regression').locator('.truncate').first().click();
  await dragConnection(page, port(page, 'logistic-regression', 'source', 'model'), port(page, 'random', 'target', 'table'), false);
  await expect(page.getByTestId('connection-refusal')).toHaveText('A model output cannot go into a table input');
  await expect(page.getByTestId('connection-refusal')).toHaveAttribute('role', 'status');
  await page.screenshot({ path: 'test-results/canvas-editor-02-refused.png' });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // Undo takes the last node away, redo brings it back.
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 400 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-logistic-regression')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-logistic-regression')).toBeVisible();
  await expect(page.getByTestId('redo-button')).toBeDisabled();

  // Autosave: the edits become a new version, listed in the history with what changed.
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved v([2-9]|\d\d)$/, { timeout: 15_000 });
  const saved = await trpcQuery(page.request, server.url, 'pipeline.get', { id: PIPELINE });
  expect(saved.doc.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['logistic-regression', 'random', 'sample-dataset']);
  expect(saved.doc.edges).toEqual([{ id: 'e1', source: 'sample-dataset', sourceHandle: 'table', target: 'random', targetHandle: 'table' }]);
  await expect(page.getByTestId('save-status')).toHaveText(`Saved v${saved.version}`);

  await page.getByTestId('version-menu').getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('menu', { name: 'Versions' });
  await expect(history.getByTestId(`version-${saved.version}`)).toContainText('current');
  await expect(history.getByTestId(`version-${saved.version}`)).toContainText('Added Logistic regression');
  await expect(history.getByTestId('version-1')).toContainText('Created empty');
  await page.screenshot({ path: 'test-results/canvas-editor-03-history.png' });
  await page.keyboard.press('Escape');
  await expect(history).toHaveCount(0);

  // Leaving with unsaved work asks first. The save is held back, so the work stays unsaved.
  let releaseSave = () => {};
  const held = new Promise<void>((resolve) => (releaseSave = resolve));
  await page.route((url) => url.pathname.includes('pipeline.save'), async (route) => {
    await held;
    await route.continue();
  });
  await page.getByTestId('node-logistic-regression').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-logistic-regression')).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Sample project' }).click();
  await expect(page.getByTestId('leave-dialog')).toBeVisible();
  await page.screenshot({ path: 'test-results/canvas-editor-04-leave.png' });
  await page.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${PIPELINE}$`));
  releaseSave();
  await expect(page.getByTestId('save-status')).toHaveText(`Saved v${saved.version + 1}`, { timeout: 15_000 });
});

test('editing: live issues, rename, duplicate, copy and paste, multi-select, shortcuts, layout, restore', async ({ page }) => {
  const id = 'canvas-editing-e2e';
  await page.goto(`${server.url}/`);
  await signIn(page, ADMIN);
  await savePipeline(page.request, server.url, {
    projectId: 'sample',
    doc: {
      schemaVersion: 1,
      id,
      name: 'Canvas editing',
      nodes: [
        { id: 'data', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'breast-cancer' }, position: { x: 0, y: 0 } },
        { id: 'fit', type: 'train/logistic-regression', version: 1, params: { target: 'diagnosis' }, position: { x: 420, y: 60 } },
      ],
      edges: [],
    },
    message: 'Two loose nodes',
  });
  await page.goto(`${server.url}/pipelines/${id}`);
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(2);

  // The unconnected training node carries a badge; its message in the list selects it.
  await expect(page.getByTestId('node-fit').getByTestId('issue-badge')).toBeVisible();
  await page.getByTestId('issue-node-fit').first().click();
  await expect(page.locator('.react-flow__node[data-id="fit"]')).toHaveClass(/selected/);
  await expect(page.getByRole('tab', { name: /Node/ })).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: 'test-results/canvas-editor-05-issue.png' });

  // Wired up, the issue goes away as soon as the live compile answers.
  await dragConnection(page, port(page, 'data', 'source', 'table'), port(page, 'fit', 'target', 'train'));
  await expect(page.getByTestId('node-fit').getByTestId('issue-badge')).toHaveCount(0);
  await expect(page.getByTestId('compile-issues')).toContainText('No problems found');

  // Rename by double-clicking the title.
  await page.getByTestId('node-label-fit').dblclick();
  const rename = page.getByRole('textbox', { name: 'Node label' });
  await rename.fill('Churn model');
  await rename.press('Enter');
  await expect(page.getByTestId('node-label-fit')).toHaveText('Churn model');

  // Duplicate (Ctrl+D) and copy + paste (Ctrl+C, Ctrl+V): each copy is selected, with a fresh id.
  await page.getByTestId('node-fit').click();
  await page.keyboard.press('Control+d');
  await expect(page.getByTestId('node-fit-2')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="fit-2"]')).toHaveClass(/selected/);
  await page.getByTestId('fit-button').click();
  await page.getByTestId('node-data').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByTestId('node-data-2')).toBeVisible();
  await expect(nodes).toHaveCount(4);
  await page.getByTestId('fit-button').click();

  // Multi-select with Shift, then Delete removes both copies and nothing else.
  await page.getByTestId('node-fit-2').click();
  await page.getByTestId('node-data-2').click({ modifiers: ['Shift'] });
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(nodes).toHaveCount(2);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  // "?" lists the shortcuts.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-dialog');
  await expect(help).toBeVisible();
  for (const does of ['Undo', 'Redo', 'Duplicate the selected nodes', 'Paste copied nodes', 'Lay out the pipeline left to right', 'Zoom to fit the whole pipeline']) {
    await expect(help).toContainText(does);
  }
  await page.screenshot({ path: 'test-results/canvas-editor-06-shortcuts.png' });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // Tidy layout puts the training node to the right of its data, on one row.
  await page.getByTestId('layout-button').click();
  await expect
    .poll(async () => {
      const [a, b] = await Promise.all([page.getByTestId('node-data').boundingBox(), page.getByTestId('node-fit').boundingBox()]);
      return a && b ? b.x > a.x + a.width && Math.abs(a.y - b.y) < 40 : false;
    })
    .toBe(true);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();

  // Every pause became a version; restoring the first brings the loose nodes back, as a new version.
  const savedVersion = async () => {
    const text = (await page.getByTestId('save-status').textContent()) ?? '';
    return /^Saved v\d+$/.test(text) ? Number(text.replace(/\D/g, '')) : 0;
  };
  // Every edit since v1 is saved (quick edits share a version): wait until nothing is pending.
  await expect.poll(savedVersion, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(1_500); // longer than the autosave pause
  await expect.poll(savedVersion, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  const latest = await savedVersion();
  await page.getByTestId('version-menu').getByRole('button', { name: 'History' }).click();
  await page.getByTestId('version-1').click();
  await expect(page.getByTestId('version-preview')).toBeVisible();
  await page.getByTestId('restore-version').click();
  await expect(page.getByTestId('save-status')).toHaveText(`Saved v${latest + 1}`, { timeout: 15_000 });
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await expect(page.getByTestId('node-label-fit')).not.toHaveText('Churn model');
  // The restored document is compiled again: its loose training node is a problem once more.
  await expect(page.getByTestId('node-fit').getByTestId('issue-badge')).toBeVisible();
  await expect(page.getByTestId('run-button')).toBeDisabled();
  await page.screenshot({ path: 'test-results/canvas-editor-07-restored.png' });
});
