import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../../../../server/api/context';
import { appRouter } from '../../../../server/api/root';
import { MAX_BATCH_CALLS, refuseAnonymousSubscription, refuseOversizedBatch } from '../../../../server/api/trpc-precheck';
import { checkRequestOrigin } from '../../../../server/http/guard';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  const refused = checkRequestOrigin(req) ?? refuseOversizedBatch(req) ?? refuseAnonymousSubscription(appRouter, req);
  if (refused) return refused;
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
