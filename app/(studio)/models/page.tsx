import type { Metadata } from 'next';
import { RegistryPage } from '../../../components/registry/RegistryPage';
import { can } from '../../../server/auth/roles';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Models' };

export default async function Models() {
  const user = await requireUser();
  return <RegistryPage userId={user.id} canApprove={can(user.role, 'model.approve')} canConfigure={can(user.role, 'project.write')} canRegister={can(user.role, 'model.register')} />;
}
