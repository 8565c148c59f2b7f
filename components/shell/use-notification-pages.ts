'use client';
// One's notifications, newest first, a page at a time for the bell's panel: "Show older" after a
// full page appends the next, asked for with the last notification shown.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTRPC } from '../trpc/trpc-context';
import { NOTIFICATION_PAGE, nextNotificationCursor } from './notification-cursor';

export function useNotificationPages(enabled: boolean) {
  const trpc = useTRPC();
  // Under notifications.list's key, so "mark read" refreshes it.
  return useInfiniteQuery(trpc.notifications.list.infiniteQueryOptions({ limit: NOTIFICATION_PAGE }, { getNextPageParam: (last) => nextNotificationCursor(last), enabled }));
}
