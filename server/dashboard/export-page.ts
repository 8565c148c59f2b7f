// Renders the real portfolio page in headless Chromium as a PDF or PNG, signed in as the person
// asking (their own session cookie, set on that one origin of the studio itself), so the file
// shows exactly what they may see and no route opens without a session.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { UserError } from '../../engine/errors';
import { SESSION_COOKIE } from '../auth/sessions';

export const EXPORT_FORMATS = ['pdf', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Chromium is not there: the export cannot run, and the person is told how to fix it. */
export class ExportUnavailableError extends Error {}

// The studio's pages scroll inside a full-height column; for a document, let everything flow.
const FLOW_CSS = 'html, body { height: auto !important; overflow: visible !important; } * { overflow: visible !important; } .min-h-0 { min-height: auto !important; } .h-screen, .h-dvh { height: auto !important; }';

export async function renderDashboard(opts: { format: ExportFormat; sessionToken: string; studioUrl: string; chromiumPath: string; path?: string }): Promise<Buffer> {
  if (!existsSync(opts.chromiumPath)) {
    throw new ExportUnavailableError(`No Chromium at ${opts.chromiumPath}, so the dashboard cannot be rendered on this server. Install Debian's Chromium (apt-get install -y chromium) or set PIPEWORKS_CHROMIUM to a Chromium binary.`);
  }
  const browser = await chromium.launch({ executablePath: opts.chromiumPath, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: opts.format === 'png' ? 2 : 1 });
    await context.addCookies([{ name: SESSION_COOKIE, value: opts.sessionToken, url: opts.studioUrl, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();
    await page.goto(new URL(opts.path ?? '/dashboard', opts.studioUrl).toString(), { waitUntil: 'load', timeout: 30_000 });
    if (new URL(page.url()).pathname.startsWith('/login')) throw new UserError('The session could not open the dashboard; sign in again');
    await page.waitForSelector('[data-testid="portfolio"][data-ready="yes"]', { timeout: 30_000 });
    await page.addStyleTag({ content: FLOW_CSS });
    if (opts.format === 'png') return await page.screenshot({ fullPage: true, type: 'png' });
    await page.emulateMedia({ media: 'screen' });
    return await page.pdf({ format: 'A4', landscape: true, printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
  } finally {
    await browser.close();
  }
}
