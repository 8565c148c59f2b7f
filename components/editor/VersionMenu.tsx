'use client';
// The version history: every saved version with its message, author and age. Choosing one opens
// it read-only over the canvas, from where it can be restored.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatDateTime, formatRelative } from '../ui/format';
import { useOutsideDismiss } from '../ui/use-outside-dismiss';
import { versionAuthor } from './version-author';

interface VersionMenuProps {
  pipelineId: string;
  currentVersion: number;
  /** Author id → name, for the authors the page knows; the signed-in person is "you". */
  authors: Readonly<Record<string, string>>;
  userId: string;
  onOpen: (version: number) => void;
}

export function VersionMenu({ pipelineId, currentVersion, authors, userId, onOpen }: VersionMenuProps) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const versions = useQuery(trpc.pipeline.versions.queryOptions({ id: pipelineId }, { enabled: open }));
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useOutsideDismiss(wrapper, open, useCallback(() => setOpen(false), []));

  // Focus the first entry once the list is there, as a menu does.
  const loaded = versions.isSuccess;
  useEffect(() => {
    if (open && loaded) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, loaded]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      items[next]?.focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };


  return (
    <div ref={wrapper} className="relative" data-testid="version-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        History
        <svg viewBox="0 0 16 16" aria-hidden className="size-3 fill-current">
          <path d="M4 6l4 4 4-4z" />
        </svg>
      </button>
      {open ? (
        <div
          ref={menu}
          role="menu"
          aria-label="Versions"
          onKeyDown={onKeyDown}
          className="absolute top-full left-0 z-50 mt-1 max-h-80 w-96 overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 shadow-lg"
        >
          {versions.isPending ? <p className="px-3 py-2 text-sm text-zinc-500">Loading versions…</p> : null}
          {versions.isError ? <p className="px-3 py-2 text-sm text-red-700">{errorMessage(versions.error)}</p> : null}
          {(versions.data ?? []).map((v) => (
            <button
              key={v.version}
              type="button"
              role="menuitem"
              data-testid={`version-${v.version}`}
              onClick={() => {
                setOpen(false);
                onOpen(v.version);
              }}
              className="flex w-full flex-col items-start gap-0.5 px-3 py-2 text-left hover:bg-zinc-50 focus:bg-indigo-50 focus:outline-none"
            >
              <span className="flex w-full items-baseline gap-2">
                <span className="font-mono text-xs font-semibold text-zinc-900">v{v.version}</span>
                {v.version === currentVersion ? <span className="rounded bg-emerald-50 px-1 text-[10px] font-medium text-emerald-700">current</span> : null}
                <span className="ml-auto text-[11px] text-zinc-500" title={formatDateTime(v.createdAt)}>
                  {versionAuthor(v, userId, authors)} · {formatRelative(v.createdAt)}
                </span>
              </span>
              <span className="line-clamp-2 text-xs text-zinc-600">{v.message || 'No message'}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
