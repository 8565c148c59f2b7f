// The pages' strict Content Security Policy (per-request script nonces, proxy.ts): the studio
// works under it with no violation, every script Next renders carries that response's nonce, and
// an injected inline handler does not run. Also: an analyst sees Cancel disabled, with the
// server's reason, on someone else's run. Starts its own server (studio.spec needs a fresh one).
import { expect, test, type Page } from '@playwright/test';
import { createAdmin, signIn } from './accounts';
import { savePipeline, trpcMutate, trpcQuery } from './trpc';
import { startServer, stopServer, type ServerHandle } from '../integration/helpers/server-process';

let server: ServerHandle;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  if (server) await stopServer(server);
});

const ADMIN = { name: 'Cora Admin', email: 'cora@example.com', password: 'correct horse battery' };
const ANALYST = { name: 'Anil Analyst', email: 'anil@example.com', password: 'analyst password 1' };

/** Every CSP violation the page reports, and console errors that mention the policy. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test('the studio runs a pipeline under a strict script policy, with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  await createAdmin(page, server.url, ADMIN);

  const response = await page.goto(`${server.url}/`);
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Every <script> Next rendered carries this response's nonce (the DOM hides it, the HTML does not).
  const html = await (await page.request.get(`${server.url}/`)).text();
  const htmlNonce = /'nonce-([^']+)'/.exec((await page.request.get(`${server.url}/`)).headers()['content-security-policy'])![1];
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toMatch(/ nonce="[^"]+"/);
  expect(htmlNonce).not.toBe(/'nonce-([^']+)'/.exec(policy)![1]); // new for every response

  await page.getByTestId('project-sample').click();
  await page.getByTestId('pipeline-breast-cancer-explore').click();
  await expect(page.getByTestId('pipeline-canvas')).toBeVisible();
  await page.getByTestId('run-button').click();
  for (const id of ['ingest', 'split', 'train-stats', 'test-stats']) {
    await expect(page.getByTestId(`node-status-${id}`)).toHaveText(/succeeded|cached/, { timeout: 60_000 });
  }
  await page.getByTestId('node-split').click();
  await page.getByTestId('output-train').click();
  await expect(page.getByTestId('artifact-preview')).toContainText('mean_radius');
  await page.getByTestId('node-train-stats').click();
  await expect(page.getByTestId('column-stats')).toContainText('diagnosis');
  await page.screenshot({ path: 'test-results/csp-studio.png' });
  expect(violations).toEqual([]);

  // An injected inline handler (what an XSS would add) is refused by the policy.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="window.__pwned = 1">'));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test("an analyst sees Cancel disabled, with the reason, on someone else's run", async ({ page, browser }) => {
  await signIn(page, ADMIN, server.url);
  await trpcMutate(page.request, server.url, 'user.add', { email: ANALYST.email, name: ANALYST.name, role: 'analyst', password: ANALYST.password });
  const { doc } = await trpcQuery(page.request, server.url, 'pipeline.get', { id: 'breast-cancer-explore' });
  doc.nodes.push({ id: 'wait', type: 'testing/sleep', version: 1, params: { ms: 120_000 }, position: { x: 700, y: 300 } });
  doc.edges.push({ id: 'ingest-wait', source: 'ingest', sourceHandle: 'table', target: 'wait', targetHandle: 'table' });
  doc.settings = { ...doc.settings, placement: 'server' };
  await savePipeline(page.request, server.url, { projectId: 'sample', doc });
  const { runId } = await trpcMutate(page.request, server.url, 'run.start', { pipelineId: 'breast-cancer-explore' });

  const context = await browser.newContext();
  const analyst = await context.newPage();
  const violations = await watchViolations(analyst);
  await signIn(analyst, ANALYST, server.url);
  await analyst.goto(`${server.url}/pipelines/breast-cancer-explore`);
  const cancel = analyst.getByTestId('cancel-button');
  await expect(cancel).toBeVisible({ timeout: 30_000 });
  await expect(cancel).toBeDisabled();
  await expect(analyst.locator('[title^="Analysts may cancel only runs they started"]')).toBeVisible();
  await cancel.hover({ force: true });
  await analyst.screenshot({ path: 'test-results/csp-cancel-disabled.png' });
  expect(violations).toEqual([]);
  await context.close();

  // The run's owner still may.
  await page.goto(`${server.url}/pipelines/breast-cancer-explore`);
  await expect(page.getByTestId('cancel-button')).toBeEnabled({ timeout: 30_000 });
  await trpcMutate(page.request, server.url, 'run.cancel', { id: runId });
});
