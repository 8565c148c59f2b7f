import type { Metadata } from 'next';
import { AuditLog } from '../../../../components/audit/AuditLog';
import { Forbidden } from '../../../../components/shell/Forbidden';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage() {
  const user = await requireUser();
  if (!can(user.role, 'audit.read')) return <Forbidden what="The audit log" />;
  return <AuditLog />;
}
