// Issue 17, the browser sandbox: the same battery the server sandbox runs
// (integration/helpers/sandbox-cases.ts), run in Debian's Chromium against the app's real sandbox
// frame (/sandbox/frame: a Web Worker in a null-origin frame, under its own CSP), from the real
// app page under the app's own CSP. No case escapes, the page survives every one (a memory bomb
// takes down only the frame's process), and each fails with a clear error. Then a pipeline whose
// code node is placed in the browser runs there and gives the right column. Its own server.
//
// After the memory bomb Playwright reports the page as crashed (it counts the sandbox frame's
// process as the page's), so the page is driven through a CDP session, which tells the truth.
import { tableFromIPC } from 'apache-arrow';
import { build } from 'esbuild';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createAdmin, signIn } from './accounts';
import { savePipeline, trpcQuery } from './trpc';
import { BATTERY_LIMITS, caseProblems, SANDBOX_CASES, type Outcome } from '../integration/helpers/sandbox-cases';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

test.describe.configure({ mode: 'serial' });

const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery' };
const SHOTS = 'test-results/browser-sandbox';
let server: ServerHandle;

test.beforeAll(async () => {
  server = await startServer();
  mkdirSync(SHOTS, { recursive: true });
});

test.afterAll(async () => {
  if (!server) return;
  // On a loaded machine `next start` has been seen to outlive SIGTERM past the hook's 90 s.
  const kill = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  await stopServer(server);
  clearTimeout(kill);
});

/** Evaluates in the page through CDP: awaited, returned by value, and an exception is thrown here. */
function evaluator(cdp: CDPSession) {
  return async <T>(expression: string): Promise<T> => {
    const reply = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as T;
  };
}

async function screenshot(cdp: CDPSession, name: string): Promise<void> {
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(`${SHOTS}/${name}.png`, Buffer.from(data, 'base64'));
}

/** CSP violations the app page itself reports (the frame's own are the frame's business). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
  return seen;
}

test('the sandbox battery in the app page: no escape, the page survives, each case a clear error', async ({ page }) => {
  test.setTimeout(300_000);
  const violations = await watchViolations(page);
  await createAdmin(page, server.url, ADMIN);

  // The frame has its own strict policy; the app's pages keep theirs, unframeable as before.
  const frameHeaders = (await page.request.get(`${server.url}/sandbox/frame`)).headers();
  expect(frameHeaders['content-security-policy']).toMatch(/^sandbox allow-scripts; default-src 'none'; script-src 'sha256-[^']+' 'unsafe-eval'; worker-src blob:; connect-src 'none'; frame-ancestors 'self'/);
  expect(frameHeaders['x-frame-options']).toBeUndefined();
  const appHeaders = (await page.request.get(`${server.url}/`)).headers();
  expect(appHeaders['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(appHeaders['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(appHeaders['x-frame-options']).toBe('DENY');
  expect((await page.request.get(`${server.url}/login`)).headers()['x-frame-options']).toBe('DENY');

  await page.goto(`${server.url}/`);
  const cdp = await page.context().newCDPSession(page);
  const evaluate = evaluator(cdp);
  const bundle = await build({ entryPoints: ['tests/e2e/sandbox-page-entry.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022' });
  await evaluate(bundle.outputFiles[0].text);
  const cookieBefore = await evaluate<string>('document.cookie');
  const hostBefore = await evaluate<unknown>('__sandboxBattery.host()');
  expect(hostBefore).toEqual({ polluted: false, escaped: false, nativeMap: true, frames: 0 });

  const failures: string[] = [];
  const outcomes: string[] = [];
  for (const c of SANDBOX_CASES) {
    const outcome = await evaluate<Outcome>(`__sandboxBattery.run(${JSON.stringify(c.code)}, ${JSON.stringify(c.args)}, ${JSON.stringify({ ...BATTERY_LIMITS, ...c.limits })}, undefined, ${JSON.stringify(c.language ?? 'javascript')})`);
    for (const problem of caseProblems(c, 'browser', outcome)) failures.push(`${c.name}: ${problem}`);
    // After every case the page is the same page: nothing polluted, nothing left on window.
    const host = await evaluate<{ polluted: boolean; escaped: boolean; nativeMap: boolean }>('__sandboxBattery.host()');
    if (host.polluted || host.escaped || !host.nativeMap) failures.push(`${c.name}: the page changed: ${JSON.stringify(host)}`);
    outcomes.push(`${c.name} → ${outcome.ok ? `ok ${JSON.stringify(outcome.value).slice(0, 80)}` : `${outcome.failure}: ${outcome.message.slice(0, 160)}`} (${Math.round(outcome.ms)} ms)`);
  }
  console.log(outcomes.join('\n'));
  expect(failures).toEqual([]);

  // Cancelling stops the worker at once, and the next run is served.
  const cancelled = await evaluate<Outcome>(`__sandboxBattery.run('() => { for (;;) {} }', undefined, { wallMs: 60000, cpuMs: 60000 }, 200)`);
  expect(cancelled).toMatchObject({ ok: false, failure: 'cancelled' });
  expect(cancelled.ms).toBeLessThan(2000);
  expect(await evaluate<Outcome>(`__sandboxBattery.run('() => 3', undefined, {})`)).toMatchObject({ ok: true, value: 3 });

  // The page lived through all of it: same session, its API still answers, no policy was loosened.
  expect(await evaluate<string>('document.cookie')).toBe(cookieBefore);
  expect(await evaluate<string>(`fetch('/api/trpc/auth.state').then((r) => r.json()).then((b) => b.result.data.json.user.email)`)).toBe(ADMIN.email);
  expect(await evaluate<string>(`document.querySelector('iframe[sandbox]').getAttribute('sandbox')`)).toBe('allow-scripts');
  await screenshot(cdp, 'page-after-battery');
  expect(violations).toEqual([]);
});

test('a code node placed in the browser runs in the browser sandbox and gives the right column', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, ADMIN, server.url);
  const { doc } = await trpcQuery(page.request, server.url, 'pipeline.get', { id: 'breast-cancer-explore' });
  doc.nodes.push({
    id: 'code',
    type: 'code/transform',
    version: 1,
    placement: 'browser',
    params: { code: '(cols) => ({ ...cols, radius_x2: cols.mean_radius.map((v) => v * 2) })' },
    position: { x: 700, y: 300 },
  });
  doc.edges.push({ id: 'ingest-code', source: 'ingest', sourceHandle: 'table', target: 'code', targetHandle: 'table' });
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });

  await page.goto(`${server.url}/pipelines/breast-cancer-explore`);
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  await page.getByTestId('run-button').click();
  let run: any;
  await expect(async () => {
    const [latest] = await trpcQuery(page.request, server.url, 'run.list', { pipelineId: 'breast-cancer-explore', limit: 1 });
    run = await trpcQuery(page.request, server.url, 'run.get', { id: latest.id });
    expect(['succeeded', 'failed', 'cancelled', 'interrupted']).toContain(run.status);
  }).toPass({ timeout: 180_000, intervals: [1000] });
  const code = run.steps.find((s: any) => s.stepId === 'code');
  expect(code, JSON.stringify(run.steps)).toMatchObject({ status: 'succeeded', runner: 'browser:web-worker' });
  expect(run.status).toBe('succeeded');
  // The page framed the sandbox for it.
  await expect(page.locator('iframe[sandbox="allow-scripts"]')).toHaveCount(1);

  // The output the browser computed and uploaded: the new column is exactly twice mean_radius.
  const bytes = new Uint8Array(await (await page.request.get(`${server.url}/api/artifacts/${code.outputs.table.id}`)).body());
  const table = tableFromIPC(bytes);
  const radius = Array.from(table.getChild('mean_radius')!.toArray() as Float64Array);
  const doubled = Array.from(table.getChild('radius_x2')!.toArray() as Float64Array);
  expect(table.numRows).toBe(569);
  expect(doubled).toEqual(radius.map((v) => v * 2));

  await page.getByTestId('node-code').click();
  await expect(page.getByTestId('step-ran-on')).toContainText('Browser (Web Worker)');
  // mean_radius of the first row is 17.99.
  await expect(page.getByTestId('artifact-preview')).toContainText('17.99', { timeout: 30_000 });
  await expect(page.getByTestId('artifact-preview')).toContainText('32 columns');
  await page.screenshot({ path: `${SHOTS}/code-node-in-browser.png` });
  await context.close();
});
