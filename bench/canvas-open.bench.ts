// Opening a big pipeline in the studio, as a user gets it: a generated 300-node pipeline is saved
// to a real `next start` server, then headless Debian Chromium opens its page. Measured:
// - open: navigation start → every node of the pipeline drawn (in the DOM, measured by React Flow,
//   painted: one animation frame after the last one appears);
// - interactive: on a freshly opened page, the time from pressing the mouse and moving it on the
//   canvas until the canvas has moved;
// - pan: a scripted 60-step mouse drag across the canvas, its total time, and the frame intervals
//   seen by requestAnimationFrame during it (median and 95th percentile).
// Reference, same browser, same run: a plain page that draws 300 absolutely positioned divs with
// the same text, i.e. what the browser needs for that many boxes without React Flow or the app.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { HttpClient } from '../tests/integration/helpers/trpc-http';
import { startServer, stopServer } from '../tests/integration/helpers/server-process';

const NODES = 300;
const BAR_MS = 1500;
const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1600, height: 1000 };

/** 30 parallel chains of 10 real nodes: sample → filter → dedupe → … so the drawing is realistic. */
export function generatedDoc(nodes = NODES) {
  const chain = ['ingest/sample-dataset', 'clean/filter-rows', 'clean/deduplicate', 'clean/missing-values', 'clean/clip-outliers', 'clean/select-columns', 'clean/rename-columns', 'clean/cast-columns', 'clean/set-roles', 'explore/column-stats'];
  const docNodes = [];
  const edges = [];
  for (let i = 0; i < nodes; i++) {
    const lane = Math.floor(i / chain.length);
    const step = i % chain.length;
    const type = chain[step];
    docNodes.push({
      id: `n${i}`,
      type,
      version: 1,
      params: type === 'ingest/sample-dataset' ? { name: 'iris' } : {},
      position: { x: step * 300, y: lane * 180 },
      label: `${type.split('/')[1]} ${lane + 1}`,
    });
    if (step > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, sourceHandle: 'table', target: `n${i}`, targetHandle: 'table' });
  }
  return { schemaVersion: 1, id: 'bench-300', name: `Generated ${nodes}-node pipeline`, nodes: docNodes, edges };
}

async function frameIntervals(page: Page, drive: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's keepNames would wrap a named inner function in a `__name`
  // helper that does not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await drive();
  const stamps = await page.evaluate<number[]>('(window.__stop = true, window.__frames)');
  return stamps.slice(1).map((t, i) => t - stamps[i]);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Navigation start → `count` elements matching `selector` present, then one frame later (painted). */
async function openMs(page: Page, url: string, selector: string, count: number): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    ([sel, n]) => {
      const els = document.querySelectorAll(sel as string);
      if (els.length < (n as number)) return false;
      // React Flow hides nodes until it has measured them.
      return Array.from(els).every((el) => (el as HTMLElement).style.visibility !== 'hidden');
    },
    [selector, count],
    { timeout: 30_000, polling: 'raf' },
  );
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
}

function referencePage(nodes: number): string {
  const boxes = Array.from({ length: nodes }, (_, i) => `<div style="position:absolute;left:${(i % 10) * 160}px;top:${Math.floor(i / 10) * 60}px;width:140px;height:48px;border:1px solid #ccc;font:12px sans-serif">node ${i}<br>table → table</div>`).join('');
  return `<!doctype html><html><body style="margin:0">${boxes}</body></html>`;
}

export async function benchCanvasOpen() {
  const name = `open a generated ${NODES}-node pipeline in the studio (headless Chromium)`;
  const bar = `all nodes drawn in under ${BAR_MS} ms`;
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    return { name, figure: 'skipped: no production build (run `npm run build`)', reference: '-', ratio: NaN, bar, pass: true };
  }
  if (!existsSync(CHROMIUM)) {
    return { name, figure: `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`, reference: '-', ratio: NaN, bar, pass: true };
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--no-first-run'] });
  try {
    const client = new HttpClient(server.url);
    HttpClient.data(await client.mutate('auth.setup', { name: 'Bench', email: 'bench@example.com', password: 'benchmark password' }));
    const saved = HttpClient.data(await client.savePipeline({ projectId: 'sample', doc: generatedDoc(), message: 'bench' })) as { pipelineId: string };
    const [cookieName, ...rest] = client.cookie.split('=');
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addCookies([{ name: cookieName, value: rest.join('='), url: server.url }]);
    const page = await context.newPage();
    const url = `${server.url}/pipelines/${encodeURIComponent(saved.pipelineId)}`;

    // A first visit compiles routes and fills caches; a user opening a pipeline has a warm server.
    await openMs(page, url, '.react-flow__node', NODES);
    const opens: number[] = [];
    for (let i = 0; i < 3; i++) opens.push(await openMs(page, url, '.react-flow__node', NODES));
    const open = quantile(opens, 0.5);

    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no canvas pane to pan');
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    // Interactive: the first drag on the freshly opened canvas moves it (mouse down → moved → the
    // viewport's transform has changed in a frame).
    await openMs(page, url, '.react-flow__node', NODES);
    const transform = `document.querySelector('.react-flow__viewport').style.transform`;
    const before = await page.evaluate<string>(transform);
    const t0 = Date.now();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx - 30, cy - 15);
    await page.waitForFunction(`${transform} !== ${JSON.stringify(before)}`, undefined, { polling: 'raf', timeout: 10_000 });
    const firstPanMs = Date.now() - t0;
    await page.mouse.up();

    let panMs = 0;
    const frames = await frameIntervals(page, async () => {
      const started = Date.now();
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(cx - i * 6, cy - i * 3);
      await page.mouse.up();
      panMs = Date.now() - started;
    });

    const refPage = await context.newPage();
    const refs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await refPage.setContent('<!doctype html><title>blank</title>');
      const t0 = await refPage.evaluate(() => performance.now());
      await refPage.setContent(referencePage(NODES));
      const t1 = await refPage.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
      refs.push(t1 - t0);
    }
    const ref = quantile(refs, 0.5);
    return {
      name,
      figure: `open ${open.toFixed(0)} ms median of 3 (runs ${opens.map((t) => t.toFixed(0)).join(', ')} ms); first drag moves the canvas ${firstPanMs} ms after it starts; scripted 60-move pan ${panMs} ms: ${frames.length} frames, median frame ${quantile(frames, 0.5).toFixed(1)} ms, p95 ${quantile(frames, 0.95).toFixed(1)} ms`,
      reference: `${NODES} plain divs drawn by the same browser ${ref.toFixed(1)} ms`,
      ratio: open / ref,
      bar,
      pass: open < BAR_MS,
    };
  } finally {
    await browser.close();
    await stopServer(server);
  }
}
