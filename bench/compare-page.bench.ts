// The compare page for ten runs, as a scientist opens it: ten real runs of one pipeline (a
// logistic regression on the bundled breast-cancer sample, each version with another C) on a real
// `next start` server, then headless Debian Chromium opens /runs/compare?ids=<the ten>. Measured:
// navigation start → the page is interactive: the ROC, PR and loss charts each draw all ten runs'
// lines, and a click on "Only differences" has re-rendered the params table (so the page is
// hydrated and answering input, not just painted). Median of 3 warm visits (the first visit
// compiles routes and fills caches, as a user's server already has).
// Reference, same browser, same run: a static page with the same ink and no app: 30 SVG polylines
// of 150 points (ten runs × three charts) and the params and metrics tables as plain HTML.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { datasetClassifier } from '../tests/integration/helpers/registry-pipeline';
import { HttpClient } from '../tests/integration/helpers/trpc-http';
import { startServer, stopServer } from '../tests/integration/helpers/server-process';

const RUNS = 10;
const BAR_MS = 1500;
const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1600, height: 1000 };
const C_VALUES = [0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function runToEnd(client: HttpClient, pipelineId: string, version: number): Promise<string> {
  const { runId } = HttpClient.data(await client.mutate('run.start', { pipelineId, version })) as { runId: string };
  for (let i = 0; i < 600; i++) {
    const run = HttpClient.data(await client.query('run.get', { id: runId })) as { status: string };
    if (run.status === 'succeeded') return runId;
    if (['failed', 'cancelled', 'interrupted'].includes(run.status)) throw new Error(`bench run ${runId} ${run.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bench run ${runId} did not finish`);
}

/** Navigation start → charts drawn with every run and the "Only differences" click answered, in ms. */
async function interactiveMs(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    (n) => ['compare-roc', 'compare-pr', 'compare-loss'].every((id) => document.querySelectorAll(`[data-testid="${id}"] .recharts-line path[d]`).length >= n),
    RUNS,
    { timeout: 30_000, polling: 'raf' },
  );
  const rows = `document.querySelectorAll('[data-testid="compare-params"] tbody tr').length`;
  const before = await page.evaluate<number>(rows);
  await page.getByTestId('only-differences').click();
  await page.waitForFunction(`${rows} !== ${before}`, undefined, { timeout: 10_000, polling: 'raf' });
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
}

function referencePage(params: number, metrics: number): string {
  const line = (k: number) => Array.from({ length: 150 }, (_, i) => `${(i * 2).toFixed(1)},${(300 - Math.sqrt(i) * 24 - k).toFixed(1)}`).join(' ');
  const chart = Array.from({ length: RUNS }, (_, k) => `<polyline fill="none" stroke="#6366f1" points="${line(k)}"/>`).join('');
  const charts = Array.from({ length: 3 }, () => `<svg width="480" height="300">${chart}</svg>`).join('');
  const table = (n: number) => `<table>${Array.from({ length: n }, (_, r) => `<tr><th>key ${r}</th>${Array.from({ length: RUNS }, (_, c) => `<td>${(r * c) / 7}</td>`).join('')}</tr>`).join('')}</table>`;
  return `<!doctype html><html><body style="margin:0;font:12px sans-serif">${charts}${table(metrics)}${table(params)}</body></html>`;
}

export async function benchComparePage() {
  const name = `open the compare page for ${RUNS} runs (headless Chromium)`;
  const bar = `interactive in under ${BAR_MS} ms`;
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
    const ids: string[] = [];
    let baseVersion = 0;
    for (const C of C_VALUES) {
      const doc = datasetClassifier({ id: 'bench-compare' });
      doc.nodes[2].params = { ...doc.nodes[2].params, C };
      const saved = HttpClient.data(await client.mutate('pipeline.save', { projectId: 'sample', doc, baseVersion, message: `C ${C}` })) as { pipelineId: string; version: number };
      baseVersion = saved.version;
      ids.push(await runToEnd(client, saved.pipelineId, saved.version));
    }
    const compared = HttpClient.data(await client.query('run.compare', { ids })) as { runs: { params: Record<string, string>; metrics: Record<string, number> }[] };
    const paramKeys = new Set(compared.runs.flatMap((r) => Object.keys(r.params))).size;
    const metricKeys = new Set(compared.runs.flatMap((r) => Object.keys(r.metrics))).size;

    const [cookieName, ...rest] = client.cookie.split('=');
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addCookies([{ name: cookieName, value: rest.join('='), url: server.url }]);
    const page = await context.newPage();
    const url = `${server.url}/runs/compare?ids=${ids.join(',')}`;
    await interactiveMs(page, url);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await interactiveMs(page, url));
    const median = quantile(times, 0.5);

    const refPage = await context.newPage();
    const refs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await refPage.setContent('<!doctype html><title>blank</title>');
      const t0 = await refPage.evaluate(() => performance.now());
      await refPage.setContent(referencePage(paramKeys, metricKeys));
      const t1 = await refPage.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
      refs.push(t1 - t0);
    }
    const ref = quantile(refs, 0.5);
    return {
      name,
      figure: `interactive ${median.toFixed(0)} ms median of 3 (runs ${times.map((t) => t.toFixed(0)).join(', ')} ms); ${RUNS} runs, ${paramKeys} params, ${metricKeys} metrics, 3 charts of ${RUNS} lines`,
      reference: `the same ink as a static page (30 polylines of 150 points, both tables) drawn by the same browser ${ref.toFixed(1)} ms`,
      ratio: median / ref,
      bar,
      pass: median < BAR_MS,
    };
  } finally {
    await browser.close();
    await stopServer(server);
  }
}
