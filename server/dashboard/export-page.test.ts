import { describe, expect, it } from 'vitest';
import { ExportUnavailableError, renderDashboard } from './export-page';

describe('renderDashboard', () => {
  it('refuses with how to install Chromium when there is none, and makes no file', async () => {
    const render = renderDashboard({ format: 'pdf', sessionToken: 't', studioUrl: 'http://127.0.0.1:1', chromiumPath: '/nonexistent/chromium' });
    await expect(render).rejects.toBeInstanceOf(ExportUnavailableError);
    await expect(render).rejects.toThrow('No Chromium at /nonexistent/chromium, so the dashboard cannot be rendered on this server. Install Debian');
  });
});
