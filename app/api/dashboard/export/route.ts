// GET /api/dashboard/export?format=pdf|png: the portfolio rendered from the real page, for a
// weekly report. Needs a signed-in browser session (the render signs in with it); an API key is
// refused, since the page it renders is a person's view.
import { resolveUser } from '../../../../server/api/context';
import { readCookie } from '../../../../server/auth/cookies';
import { SESSION_COOKIE } from '../../../../server/auth/sessions';
import { audit } from '../../../../server/auth/audit';
import { getDb } from '../../../../server/db/client';
import { EXPORT_FORMATS, ExportUnavailableError, renderDashboard, type ExportFormat } from '../../../../server/dashboard/export-page';
import { getEnv } from '../../../../server/env';
import { checkRequestOrigin } from '../../../../server/http/guard';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  const refused = checkRequestOrigin(req);
  if (refused) return refused;
  const user = await resolveUser(req.headers);
  const token = readCookie(req.headers.get('cookie'), SESSION_COOKIE);
  if (!user || user.via !== 'session' || !token) return Response.json({ error: 'Sign in at a browser to export the dashboard' }, { status: 401 });
  const format = new URL(req.url).searchParams.get('format') ?? 'pdf';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return Response.json({ error: `Unknown format "${format}"; use pdf or png` }, { status: 400 });
  const env = getEnv();
  // The studio itself, on the address it listens on: never a name taken from the request.
  const host = env.PIPEWORKS_HOST === '0.0.0.0' || env.PIPEWORKS_HOST === '::' ? '127.0.0.1' : env.PIPEWORKS_HOST;
  try {
    const bytes = await renderDashboard({ format: format as ExportFormat, sessionToken: token, studioUrl: `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`, chromiumPath: env.PIPEWORKS_CHROMIUM });
    await audit(getDb().anyDb, { userId: user.id, action: 'dashboard.export', targetType: 'dashboard', targetId: 'portfolio', detail: { format } });
    const day = new Date().toISOString().slice(0, 10);
    return new Response(new Uint8Array(bytes), {
      headers: { 'content-type': format === 'pdf' ? 'application/pdf' : 'image/png', 'content-disposition': `attachment; filename="pipeworks-dashboard-${day}.${format}"`, 'cache-control': 'no-store' },
    });
  } catch (error) {
    if (error instanceof ExportUnavailableError) return Response.json({ error: error.message }, { status: 503 });
    console.error('[pipeworks] dashboard export failed', error);
    return Response.json({ error: 'The dashboard could not be rendered; the server log says why' }, { status: 500 });
  }
}
