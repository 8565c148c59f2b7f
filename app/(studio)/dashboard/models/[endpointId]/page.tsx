import type { Metadata } from 'next';
import { ModelKpiPage } from '../../../../../components/dashboard/ModelKpiPage';
import { can } from '../../../../../server/auth/roles';
import { requireUser } from '../../../require-user';

export const metadata: Metadata = { title: 'Model KPIs' };

export default async function ModelKpis({ params }: { params: Promise<{ endpointId: string }> }) {
  const user = await requireUser();
  const { endpointId } = await params;
  return <ModelKpiPage endpointId={endpointId} canEdit={can(user.role, 'deploy.manage')} />;
}
