// The frame around every signed-in page: brand, navigation, who is signed in, sign out.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Logo } from './Logo';
import { NavLinks } from './NavLinks';
import type { NavItem } from './nav-items';
import { NotificationBell } from './NotificationBell';
import type { SessionUser } from './session-user';
import { SignOutButton } from './SignOutButton';

interface AppShellProps {
  user: SessionUser;
  canManageUsers: boolean;
  canReadAudit: boolean;
  canCollectStorage: boolean;
  canManageWorkers: boolean;
  children: ReactNode;
}

export function AppShell({ user, canManageUsers, canReadAudit, canCollectStorage, canManageWorkers, children }: AppShellProps) {
  const items: NavItem[] = [
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/', label: 'Projects' },
    { href: '/datasets', label: 'Datasets' },
    { href: '/models', label: 'Models' },
    { href: '/deployments', label: 'Deployments' },
    { href: '/monitoring', label: 'Monitoring' },
    { href: '/onnx', label: 'Try ONNX' },
    // Everyone's own keys and this browser's runner, so not an admin page.
    { href: '/settings', label: 'Settings' },
  ];
  const adminItems: NavItem[] = [];
  if (canManageUsers) adminItems.push({ href: '/admin/users', label: 'Users' });
  if (canReadAudit) adminItems.push({ href: '/admin/audit', label: 'Audit log' });
  if (canCollectStorage) adminItems.push({ href: '/admin/storage', label: 'Storage' });
  if (canManageWorkers) adminItems.push({ href: '/admin/workers', label: 'Workers' });
  return (
    <div className="flex h-screen flex-col">
      <header className="flex h-12 shrink-0 items-center gap-4 border-b border-zinc-200 bg-white px-4">
        {/* Below 1280 px the wordmark and the role, below 640 px the name, give their room to the sections. */}
        <Link href="/" aria-label="Pipeworks" className="flex shrink-0 items-center gap-2 text-sm font-semibold text-zinc-900">
          <Logo />
          <span className="hidden xl:inline">Pipeworks</span>
        </Link>
        <NavLinks items={items} adminItems={adminItems} />
        <div className="ml-auto flex shrink-0 items-center gap-3">
          <NotificationBell />
          <div className="flex items-center gap-2 text-sm whitespace-nowrap" data-testid="current-user">
            <span className="hidden max-w-[9rem] truncate font-medium text-zinc-800 sm:inline" title={`${user.name} (${user.role})`}>
              {user.name}
            </span>
            <span className="hidden rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 xl:inline">{user.role}</span>
          </div>
          <SignOutButton />
        </div>
      </header>
      <main className="flex min-h-0 flex-1 flex-col">{children}</main>
    </div>
  );
}
