import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../../../../server/api/context';
import { appRouter } from '../../../../server/api/root';
import { MAX_BATCH_CALLS, refuseAnonymousSubscription, refuseOversizedBatch, withBoundedBody } from '../../../../server/api/trpc-precheck';
import { checkRequestOrigin } from '../../../../server/http/guard';

export const dynamic = 'force-dynamic';

// proxy.ts skips this route (it would buffer the body and cut a chunked one at 10 MB without a
// word), so the Host and Origin checks and the body limit happen here.
async function handler(request: Request) {
  const refused = checkRequestOrigin(request) ?? refuseOversizedBatch(request) ?? (await refuseAnonymousSubscription(appRouter, request));
  if (refused) return refused;
  const req = await withBoundedBody(request);
  if (req instanceof Response) return req;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: ({ resHeaders }) => createContext({ req, resHeaders }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '?'}`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
