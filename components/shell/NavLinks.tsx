'use client';
// Top-level navigation; the current section is marked for sighted and screen-reader users alike.
// The admin pages sit in one Admin menu at the row's end. On a narrow screen the sections scroll
// sideways instead of pushing the signed-in name and Sign out off the header; the menu stays
// outside that scrolling box, which would otherwise clip its list.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { AdminMenu } from './AdminMenu';
import { isActive, type NavItem } from './nav-items';

export function NavLinks({ items, adminItems }: { items: NavItem[]; adminItems: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex min-w-0 items-center gap-0.5">
      <div className="flex min-w-0 items-center gap-0.5 overflow-x-auto [scrollbar-width:thin]">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={`shrink-0 rounded-md px-2 py-1.5 text-[13px] font-medium whitespace-nowrap transition-colors ${
                active ? 'bg-zinc-100 text-zinc-900' : 'text-zinc-500 hover:bg-zinc-50 hover:text-zinc-900'
              }`}
            >
              {item.label}
            </Link>
          );
        })}
      </div>
      <AdminMenu items={adminItems} />
    </nav>
  );
}
