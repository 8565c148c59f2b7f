// Checks made on a tRPC HTTP request before tRPC itself sees it: things that must be an HTTP
// status, not an error event inside a 200 stream or a body that tRPC would misread.
import type { AnyRouter } from '@trpc/server';
import { declaresMoreThan, discardRest, readBodyUpTo } from '../http/body-limit';
import { resolveUser } from './context';

const ENDPOINT = '/api/trpc/';
/**
 * The most calls one batched request may carry; the browser's batch link splits at the same
 * number. Without a cap one GET of 850 calls held the event loop for 9 s (issue 14, finding 3).
 */
export const MAX_BATCH_CALLS = 16;

/** The procedure paths a request names: `/api/trpc/a.b,c.d` → ['a.b', 'c.d']. */
export function procedurePaths(url: string): string[] {
  const pathname = new URL(url).pathname;
  if (!pathname.startsWith(ENDPOINT)) return [];
  let names = pathname.slice(ENDPOINT.length);
  try {
    names = decodeURIComponent(names);
  } catch {
    // proxy.ts answers 400 to a bad escape first; undecoded names simply match no procedure.
  }
  return names.split(',').filter(Boolean);
}

/** A tRPC-shaped error body (superjson transformer), so clients read it like any other error. */
export function trpcErrorResponse(status: 400 | 401 | 413, code: string, message: string): Response {
  const rpcCode = { 400: -32600, 401: -32001, 413: -32013 }[status];
  return Response.json({ error: { json: { message, code: rpcCode, data: { code, httpStatus: status } } } }, { status });
}

function procedureType(router: AnyRouter, path: string): string | undefined {
  const procedures = router._def.procedures as Record<string, { _def?: { type?: string } } | undefined>;
  return Object.hasOwn(procedures, path) ? procedures[path]?._def?.type : undefined;
}

/**
 * A subscription (an SSE stream) would answer 200 and report UNAUTHORIZED only inside the stream;
 * without credentials it gets a plain 401 instead. Every subscription requires a signed-in user.
 */
export async function refuseAnonymousSubscription(router: AnyRouter, req: Request): Promise<Response | null> {
  const paths = procedurePaths(req.url);
  if (!paths.some((path) => procedureType(router, path) === 'subscription')) return null;
  return (await resolveUser(req.headers)) ? null : trpcErrorResponse(401, 'UNAUTHORIZED', 'Sign in first');
}

/** A batch over MAX_BATCH_CALLS is refused before any call in it runs. */
export function refuseOversizedBatch(req: Request): Response | null {
  const url = new URL(req.url);
  if (url.searchParams.get('batch') !== '1') return null;
  const calls = procedurePaths(req.url).length;
  if (calls <= MAX_BATCH_CALLS) return null;
  return trpcErrorResponse(400, 'BAD_REQUEST', `A batch may hold at most ${MAX_BATCH_CALLS} calls; this one has ${calls}`);
}

/** The largest tRPC request body; proxy.ts gives other routes the same limit by Content-Length. */
export const MAX_TRPC_BODY_BYTES = 10 * 1024 * 1024;

const tooLarge = () => trpcErrorResponse(413, 'PAYLOAD_TOO_LARGE', 'Request too large: at most 10 MB per request');

/**
 * The request with its body read whole, or a 413 once the body passes MAX_TRPC_BODY_BYTES,
 * with or without a Content-Length (a chunked body is counted as it arrives). Left to Next's
 * proxy, a chunked body was cut at 10 MB without a word and read as broken JSON.
 */
export async function withBoundedBody(req: Request): Promise<Request | Response> {
  if (!req.body) return req;
  if (declaresMoreThan(req, MAX_TRPC_BODY_BYTES)) {
    await discardRest(req.body.getReader());
    return tooLarge();
  }
  const bytes = await readBodyUpTo(req.body, MAX_TRPC_BODY_BYTES).catch(() => undefined);
  if (bytes === undefined) return trpcErrorResponse(400, 'BAD_REQUEST', 'The request body did not arrive whole; try again');
  if (bytes === null) return tooLarge();
  return new Request(req.url, { method: req.method, headers: req.headers, body: bytes, signal: req.signal });
}
