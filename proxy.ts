// Runs before every request: refuse foreign Host/Origin headers, and send visitors without a
// session to sign-in (never one carrying an API key: /api routes check keys themselves). Sessions
// themselves are verified where data is read (tRPC, pages, routes).
import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pagePolicy } from './server/http/csp';
import { checkRequestOrigin, checkRequestPath } from './server/http/guard';
import { SANDBOX_FRAME_PATH } from './components/sandbox/frame-path';

const PUBLIC_PAGES = ['/login', '/setup'];
// onnxruntime-web's and TF.js's own files, served by allow-list: public library code, so no session.
const PUBLIC_PREFIXES = ['/ort-wasm/', '/tfjs-wasm/'];
// Next buffers a body that passes through here and cuts it at 10 MB (proxyClientMaxBodySize)
// without a word. Routes that take bodies (tRPC, uploads, artifact PUTs) are skipped below and
// count their bodies themselves; anything else that declares more is refused here.
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refused = checkRequestOrigin(request) ?? checkRequestPath(pathname);
  if (refused) return refused;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return NextResponse.json({ error: { json: { message: 'Request too large: at most 10 MB per request', code: -32013, data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 } } } }, { status: 413 });
  }
  // The code sandbox's frame carries its own strict policy (app/sandbox/frame) and no data.
  if (pathname.startsWith('/api/') || pathname === SANDBOX_FRAME_PATH || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p))) {
    return NextResponse.next();
  }
  // A script with an API key is answered, never sent to an HTML sign-in page it cannot follow.
  if (!PUBLIC_PAGES.includes(pathname) && /^Bearer\s+pw_/i.test(request.headers.get('authorization') ?? '')) {
    return NextResponse.json({ error: `API keys work on /api routes only; ${pathname} is a page that needs a signed-in session` }, { status: 401 });
  }
  if (!PUBLIC_PAGES.includes(pathname) && !request.cookies.has('pw_session')) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return pageWithNonce(request);
}

/** A page: its policy goes on the request too, where Next finds the nonce for its own scripts. */
function pageWithNonce(request: NextRequest): NextResponse {
  const policy = pagePolicy(newNonce(), process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Static build output and the icons browsers fetch on their own need no session. The dataset
  // upload, model import, artifact and worker routes check Host, Origin and session (or worker token) themselves: when proxy runs, Next
  // buffers the request body in memory and silently cuts it at 10 MB (proxyClientMaxBodySize).
  // An artifact path holding a '%' still comes here: no artifact id has one, and a bad %-escape
  // must get its 400 before Next fails to decode the route params (a bare 500). tRPC likewise:
  // its route checks Host, Origin and its body's size itself (trpc-precheck.ts), chunked or not.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.|apple-icon\\.|robots\\.txt|api/datasets/upload|api/models/import|api/artifacts/[^%]*$|api/worker/[^%]*$|api/trpc/[^%]*$).*)'],
};
