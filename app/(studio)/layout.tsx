import type { ReactNode } from 'react';
import { AppShell } from '../../components/shell/AppShell';
import { can } from '../../server/auth/roles';
import { requireUser } from './require-user';

export default async function StudioLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} canManageUsers={can(user.role, 'user.manage')} canReadAudit={can(user.role, 'audit.read')} canCollectStorage={can(user.role, 'storage.gc')} canManageWorkers={can(user.role, 'settings.manage')}>
      {children}
    </AppShell>
  );
}
