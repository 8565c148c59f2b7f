import type { Metadata } from 'next';
import { MonitoringEndpoint } from '../../../../components/monitoring/MonitoringEndpoint';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Monitoring' };

export default async function MonitoringEndpointPage({ params }: { params: Promise<{ endpoint: string }> }) {
  const user = await requireUser();
  const { endpoint } = await params;
  return <MonitoringEndpoint name={endpoint} canManage={can(user.role, 'deploy.manage')} />;
}
