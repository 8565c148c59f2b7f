// tRPC procedures called from a server component, as the signed-in person of this request: the
// same procedures, checks and errors as over HTTP, without the round trip. Used to send a page's
// first data with its HTML.
import { headers } from 'next/headers';
import { getDb } from '../db/client';
import { resolveUser } from './context';
import { appRouter } from './root';
import { createCallerFactory } from './trpc';

const callerFor = createCallerFactory(appRouter);

export async function serverCaller() {
  const requestHeaders = new Headers(await headers());
  const anyDb = getDb().anyDb;
  return callerFor({ anyDb, req: new Request('http://localhost/', { headers: requestHeaders }), resHeaders: new Headers(), user: await resolveUser(requestHeaders, anyDb) });
}
