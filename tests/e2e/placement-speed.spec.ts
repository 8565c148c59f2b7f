// Placement by measurement (issue #18), in Debian's Chromium with --enable-unsafe-webgpu, which
// offers SwiftShader's WebGPU: the plan preview measures this browser's training speed, the server
// measures its own, and 'auto' keeps the bench MLP's training on the server, showing both
// estimates and why. Asking for the browser still places it there.
// This spec starts its own server with its own data directory.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { generateMlpTask } from '../../bench/mlp-task';
import { createAdmin } from './accounts';
import { savePipeline, trpcMutate, trpcQuery } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const SHOTS = 'test-results/placement-speed';
const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-webgpu'];
/** The MLP bench's training rows (bench/mlp-task.ts, seed 42): 80k rows of 20 features and a 0/1 label. */
const BENCH_ROWS = 80_000;

let server: ServerHandle;
let browser: Browser;
let page: Page;
let pipelineId: string;
/** The backend this browser measured fastest, which it offers placement and trains on. */
let offered: string;

test.beforeAll(async () => {
  server = await startServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`[browser error] ${m.text()}`));
});

test.afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
});

function benchCsv(): Buffer {
  const task = generateMlpTask(BENCH_ROWS, 42);
  const lines = [[...Array.from({ length: task.cols }, (_, c) => `f${c}`), 'y'].join(',')];
  for (let r = 0; r < task.rows; r++) {
    const cells = Array.from(task.X.subarray(r * task.cols, (r + 1) * task.cols), (v) => v.toFixed(4));
    lines.push([...cells, String(task.y[r])].join(','));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

test('a pipeline training the bench MLP on the bench data', async () => {
  test.setTimeout(180_000);
  await createAdmin(page, server.url, ADMIN);
  const upload = await page.request.post(`${server.url}/api/datasets/upload?name=bench-mlp&filename=bench-mlp.csv`, {
    headers: { 'content-type': 'application/octet-stream' },
    data: benchCsv(),
    timeout: 120_000,
  });
  expect(upload.status(), await upload.text()).toBe(200);
  ({ pipelineId } = await trpcMutate(page.request, server.url, 'pipeline.create', { projectId: 'sample', name: 'Bench MLP placement' }));
  const { doc } = await trpcQuery(page.request, server.url, 'pipeline.get', { id: pipelineId });
  doc.nodes = [
    { id: 'ingest', type: 'ingest/dataset', version: 1, params: { name: 'bench-mlp', version: 'latest' }, position: { x: 80, y: 200 } },
    {
      id: 'train',
      type: 'train/mlp',
      version: 1,
      // The MLP bench's settings: 20-64-32-1 relu, batch 512, 3 epochs, Adam lr 0.01.
      params: { target: 'y', task: 'classification', hiddenLayers: [64, 32], batchSize: 512, epochs: 3, learningRate: 0.01 },
      position: { x: 400, y: 200 },
    },
  ];
  doc.edges = [{ id: 'ingest-train', source: 'ingest', sourceHandle: 'table', target: 'train', targetHandle: 'train' }];
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });
});

test('on SwiftShader, auto keeps the bench MLP on the server, and the preview shows both estimates and why', async () => {
  test.setTimeout(300_000);
  await page.goto(`${server.url}/pipelines/${pipelineId}`);
  await expect(page.getByTestId('pipeline-placement')).toHaveValue('auto');
  await page.getByTestId('preview-button').click();
  // The plan comes at once, with the figures at hand (none yet in this profile), and the training
  // on the server until this browser is measured; the measuring (SwiftShader's WebGPU: slow) then
  // runs beside it and the plan is asked for again with the figures.
  await expect(page.getByTestId('plan-summary')).toContainText('will run', { timeout: 60_000 });
  const placement = page.getByTestId('plan-placement-train');
  await expect(placement).toHaveAttribute('data-placement', 'server');
  // The browser offers its fastest measured backend (engine/backend-order.ts): on SwiftShader
  // that is wasm or webgl, never its slow WebGPU, and the server's wasm is still faster.
  const why = /Server · about [\d.]+ (s|min) on the server \(wasm\) against about [\d.]+ (s|min|h) in this browser \((webgl|wasm|cpu)\)$/;
  await expect(placement).toContainText(why, { timeout: 240_000 });
  offered = why.exec((await placement.textContent()) ?? '')![3];
  await expect(page.getByTestId('plan-measuring')).toBeHidden();
  const estimate = page.getByTestId('plan-estimate-train');
  await expect(estimate).toContainText(new RegExp(`this browser ≈ [\\d.]+ (s|min|h) \\(${offered}\\) · server ≈ [\\d.]+ (s|min) \\(wasm\\)`));
  await page.screenshot({ path: `${SHOTS}/preview-auto-server.png` });

  // The browser's figure is its own measurement, not a rule about software adapters: the server
  // was measured no slower here, by the numbers the preview shows. They are rounded to a tenth of a
  // second, so on a fast machine both sides can read the same (0.4 s), and a tie stays on the server.
  const seconds = (text: string, side: RegExp) => {
    const [, value, unit] = side.exec(text)!;
    return Number(value) * (unit === 'h' ? 3600 : unit === 'min' ? 60 : 1);
  };
  const text = (await estimate.textContent())!;
  expect(seconds(text, /this browser ≈ ([\d.]+) (s|min|h)/)).toBeGreaterThanOrEqual(seconds(text, /server ≈ ([\d.]+) (s|min|h)/));
  await page.keyboard.press('Escape');
});

test('asked for the browser, the step runs there whatever the estimates say', async () => {
  await page.getByTestId('pipeline-placement').selectOption('browser');
  await expect(page.getByTestId('save-status')).toContainText(/Saved/, { timeout: 20_000 });
  await page.getByTestId('preview-button').click();
  const placement = page.getByTestId('plan-placement-train');
  await expect(placement).toHaveAttribute('data-placement', 'browser', { timeout: 60_000 });
  await expect(placement).toContainText("the pipeline's setting");
  await expect(page.getByTestId('plan-estimate-train')).toContainText(`(${offered})`);
  await page.screenshot({ path: `${SHOTS}/preview-browser-asked.png` });
  await page.keyboard.press('Escape');
});

test('Settings shows the measured training speed of this browser', async () => {
  await page.getByRole('link', { name: 'Settings' }).click();
  const panel = page.getByTestId('browser-runner-settings');
  await expect(panel.getByTestId('browser-webgpu')).toHaveAttribute('data-offer', 'software');
  // Fastest first, as the runner trains: the backend the preview offered runs here; WebGPU is listed, slower.
  const speed = panel.getByTestId('browser-training-speed');
  await expect(speed).toContainText(new RegExp(`The bench MLP would train in [\\d.]+ (s|min|h) on ${offered} \\(what runs here\\)`));
  await expect(speed).toContainText(/[\d.]+ (s|min|h) on webgpu/);
  await page.screenshot({ path: `${SHOTS}/settings-speed.png`, fullPage: true });
});
