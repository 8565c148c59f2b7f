import type { Metadata } from 'next';
import { UsersAdmin } from '../../../../components/admin/UsersAdmin';
import { Forbidden } from '../../../../components/shell/Forbidden';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const user = await requireUser();
  if (!can(user.role, 'user.manage')) return <Forbidden what="Managing users" />;
  return <UsersAdmin currentUserId={user.id} />;
}
