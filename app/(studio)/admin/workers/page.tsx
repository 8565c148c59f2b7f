import type { Metadata } from 'next';
import { WorkersAdmin } from '../../../../components/admin/WorkersAdmin';
import { Forbidden } from '../../../../components/shell/Forbidden';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Workers' };

export default async function WorkersPage() {
  const user = await requireUser();
  if (!can(user.role, 'settings.manage')) return <Forbidden what="Queue workers" />;
  return <WorkersAdmin />;
}
