'use client';
// Subscriptions go over SSE (httpSubscriptionLink); queries and mutations are batched over HTTP.
import './zod-jitless';
import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import type { AppRouter } from './router-types';
import { makeQueryClient } from './make-query-client';
import { TRPCProvider } from './trpc-context';

const URL = '/api/trpc';

function makeTRPCClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: URL, transformer: superjson }),
        // The server refuses batches over 16 calls (server/api/trpc-precheck.ts, MAX_BATCH_CALLS).
        false: httpBatchLink({ url: URL, transformer: superjson, maxItems: 16 }),
      }),
    ],
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(makeTRPCClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
