'use client';
// An endpoint's alerts, newest first, a page at a time: the timeline and the page's layout share
// this one query (one request for the first page), and "Show older" appends the next page.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc-context';
import { ALERT_PAGE, nextAlertCursor } from './alert-cursor';

export function useAlertPages(endpointId: string) {
  const trpc = useTRPC();
  // Under alerts.list's key, so invalidating trpc.alerts.pathKey() (acknowledge, resolve, "Check now") reaches it.
  return useInfiniteQuery(trpc.alerts.list.infiniteQueryOptions({ endpointId, limit: ALERT_PAGE }, { getNextPageParam: (last) => nextAlertCursor(last), refetchInterval: 15_000 }));
}
