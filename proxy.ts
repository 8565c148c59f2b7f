// Runs before every request: refuse foreign Host/Origin headers, and send visitors without a
// session to sign-in. Sessions themselves are verified where data is read (tRPC, pages, routes).
import { NextResponse, type NextRequest } from 'next/server';
import { checkRequestOrigin, checkRequestPath } from './server/http/guard';

const PUBLIC_PAGES = ['/login', '/setup'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const refused = checkRequestOrigin(request) ?? checkRequestPath(pathname);
  if (refused) return refused;
  if (pathname.startsWith('/api/') || PUBLIC_PAGES.includes(pathname)) return NextResponse.next();
  if (!request.cookies.has('pw_session')) {
    const url = request.nextUrl.clone();
    url.pathname = '/login';
    url.search = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  // Static build output and the icons browsers fetch on their own need no session. The dataset
  // upload and artifact routes check Host, Origin and session themselves: when proxy runs, Next
  // buffers the request body in memory and silently cuts it at 10 MB (proxyClientMaxBodySize).
  // An artifact path holding a '%' still comes here: no artifact id has one, and a bad %-escape
  // must get its 400 before Next fails to decode the route params (a bare 500).
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.|apple-icon\\.|robots\\.txt|api/datasets/upload|api/artifacts/[^%]*$).*)'],
};
