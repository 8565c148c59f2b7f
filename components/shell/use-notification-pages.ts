'use client';
// One's notifications, newest first, a page at a time for the bell's panel: "Show older" after a
// full page appends the next, asked for with the last notification shown.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { PageCursor } from '../trpc/page-cursor';
import { useTRPC, useTRPCClient } from '../trpc/trpc-context';
import { NOTIFICATION_PAGE, nextNotificationCursor } from './notification-cursor';

export function useNotificationPages(enabled: boolean) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const input = { limit: NOTIFICATION_PAGE };
  // tRPC's infinite key written out, as in components/monitoring/use-alert-pages.ts (the cursor is
  // `before`, not `cursor`); under notifications.list's path, so "mark read" refreshes it.
  const [path] = trpc.notifications.list.queryKey();
  return useInfiniteQuery({
    queryKey: [path, { input, type: 'infinite' }],
    queryFn: ({ pageParam, signal }) => client.notifications.list.query({ ...input, before: pageParam }, { signal }),
    initialPageParam: undefined as PageCursor | undefined,
    getNextPageParam: (last) => nextNotificationCursor(last),
    enabled,
  });
}
