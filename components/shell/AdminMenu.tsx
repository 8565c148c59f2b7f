'use client';
// The admin pages (users, audit log, storage, workers) behind one "Admin" button in the header, so
// the main row fits a laptop screen. A disclosure of links: Enter or Space opens it, the arrow keys
// move between its links, Escape closes it and gives focus back to the button, and so does a click
// or focus anywhere else. It is drawn only when the role has at least one admin page.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { isActive, type NavItem } from './nav-items';

export function AdminMenu({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const away = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('focusin', away);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('focusin', away);
    };
  }, [open]);

  if (items.length === 0) return null;
  const links = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
  const show = (focus: 'first' | 'last' | null) => {
    setOpen(true);
    // The links exist once React has drawn the open list.
    if (focus) requestAnimationFrame(() => (focus === 'first' ? links()[0] : links().at(-1))?.focus());
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (!open) return show(event.key === 'ArrowDown' ? 'first' : 'last');
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % all.length : (at - 1 + all.length) % all.length;
    all[at === -1 && event.key === 'ArrowUp' ? all.length - 1 : next]?.focus();
  };
  const active = items.some((item) => isActive(pathname, item.href));
  return (
    <div ref={root} className="relative shrink-0" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => (open ? setOpen(false) : show(null))}
        className={`flex items-center gap-1 rounded-md px-2 py-1.5 text-[13px] font-medium whitespace-nowrap transition-colors ${
          active || open ? 'bg-zinc-100 text-zinc-900' : 'text-zinc-500 hover:bg-zinc-50 hover:text-zinc-900'
        }`}
      >
        Admin
        <svg aria-hidden="true" viewBox="0 0 12 12" className={`h-3 w-3 transition-transform ${open ? 'rotate-180' : ''}`}>
          <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <ul id={listId} hidden={!open} className="absolute left-0 top-full z-50 mt-1 min-w-[10rem] rounded-md border border-zinc-200 bg-white py-1 shadow-lg">
        {items.map((item) => {
          const current = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className={`block px-3 py-1.5 text-[13px] font-medium whitespace-nowrap focus:outline-none focus-visible:bg-zinc-100 ${current ? 'bg-zinc-50 text-zinc-900' : 'text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
