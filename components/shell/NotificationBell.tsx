'use client';
// The header's bell: how many notifications are unread (polled), and the latest ones in a panel
// where each can be opened (marking it read) or all marked read at once, and older ones shown on asking.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatRelative } from '../ui/format';
import { useOutsideDismiss } from '../ui/use-outside-dismiss';
import { useNotificationPages } from './use-notification-pages';

const POLL_MS = 30_000;

export function NotificationBell() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  useOutsideDismiss(wrapper, open, useCallback(() => setOpen(false), []));
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const list = useNotificationPages(open);
  const notes = list.data?.pages.flat();
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const count = unread.data ?? 0;

  return (
    <div ref={wrapper} className="relative" data-testid="notification-bell">
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={count > 0 ? `Notifications: ${count} unread` : 'Notifications'}
        onClick={() => setOpen((o) => !o)}
        className="relative rounded p-1.5 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {count > 0 && (
          <span data-testid="unread-count" className="absolute -right-1 -top-1 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-4 text-white">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label="Notifications" className="absolute right-0 top-9 z-50 w-96 rounded-md border border-zinc-200 bg-white shadow-lg">
          <div className="flex items-center justify-between border-b border-zinc-100 px-3 py-2">
            <span className="text-sm font-semibold text-zinc-800">Notifications</span>
            <button
              type="button"
              disabled={count === 0 || markRead.isPending}
              onClick={() => markRead.mutate({})}
              className="text-xs text-blue-700 hover:underline disabled:text-zinc-400 disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          {markRead.error && <p className="px-3 py-2 text-xs text-red-700">{errorMessage(markRead.error)}</p>}
          {list.error && <p className="px-3 py-2 text-xs text-red-700">{errorMessage(list.error)}</p>}
          {list.isPending && <p className="px-3 py-4 text-sm text-zinc-500">Loading…</p>}
          {notes?.length === 0 && <p className="px-3 py-4 text-sm text-zinc-500">Nothing yet. Alerts of monitored endpoints appear here.</p>}
          <ul className="max-h-96 overflow-y-auto">
            {notes?.map((n) => {
              const unreadItem = n.readAt === null;
              const body = (
                <>
                  <span className="flex items-baseline gap-2">
                    {unreadItem && <span aria-label="unread" className="mt-1 h-2 w-2 shrink-0 rounded-full bg-blue-600" />}
                    <span className={`text-sm ${unreadItem ? 'font-semibold text-zinc-900' : 'text-zinc-700'}`}>{n.title}</span>
                  </span>
                  {n.body && <span className="block text-xs text-zinc-600">{n.body}</span>}
                  <span className="block text-xs text-zinc-400">{formatRelative(n.createdAt)}</span>
                </>
              );
              const read = () => unreadItem && markRead.mutate({ ids: [n.id] });
              return (
                <li key={n.id} className="border-b border-zinc-100 last:border-0" data-testid="notification">
                  {n.link ? (
                    <Link href={n.link} onClick={() => { read(); setOpen(false); }} className="block px-3 py-2 hover:bg-zinc-50">
                      {body}
                    </Link>
                  ) : (
                    <button type="button" onClick={read} className="block w-full px-3 py-2 text-left hover:bg-zinc-50">
                      {body}
                    </button>
                  )}
                </li>
              );
            })}
            {list.hasNextPage && (
              <li className="px-3 py-2 text-center">
                <button type="button" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage} className="text-xs text-blue-700 hover:underline disabled:text-zinc-400 disabled:no-underline" data-testid="notifications-older">
                  {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
                </button>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
