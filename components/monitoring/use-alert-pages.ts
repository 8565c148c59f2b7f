'use client';
// An endpoint's alerts, newest first, a page at a time: the timeline and the page's layout share
// this one query (one request for the first page), and "Show older" appends the next page.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { PageCursor } from '../trpc/page-cursor';
import { useTRPC, useTRPCClient } from '../trpc/trpc-context';
import { ALERT_PAGE, nextAlertCursor } from './alert-cursor';

export function useAlertPages(endpointId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { endpointId, limit: ALERT_PAGE };
  // tRPC offers infiniteQueryOptions only where the input's cursor is named `cursor`; alerts.list's
  // is `before`, so the key is tRPC's infinite key written out: under alerts.list's path, where
  // invalidating trpc.alerts.pathKey() (acknowledge, resolve, "Check now") reaches it.
  const [path] = trpc.alerts.list.queryKey();
  return useInfiniteQuery({
    queryKey: [path, { input, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) => client.alerts.list.query({ ...input, before: pageParam }, { signal }),
    initialPageParam: undefined as PageCursor | undefined,
    getNextPageParam: (last) => nextAlertCursor(last),
    refetchInterval: 15_000,
  });
}
