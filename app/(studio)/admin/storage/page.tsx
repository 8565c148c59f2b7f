import type { Metadata } from 'next';
import { StorageAdmin } from '../../../../components/admin/StorageAdmin';
import { Forbidden } from '../../../../components/shell/Forbidden';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Storage' };

export default async function StoragePage() {
  const user = await requireUser();
  if (!can(user.role, 'storage.gc')) return <Forbidden what="Storage clean-up" />;
  return <StorageAdmin />;
}
