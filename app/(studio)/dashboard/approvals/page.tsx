import type { Metadata } from 'next';
import { ApprovalsInbox } from '../../../../components/dashboard/ApprovalsInbox';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Approvals' };

export default async function Approvals() {
  const user = await requireUser();
  return <ApprovalsInbox canApprove={can(user.role, 'model.approve')} userId={user.id} />;
}
