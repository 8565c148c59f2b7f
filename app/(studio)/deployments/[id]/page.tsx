import type { Metadata } from 'next';
import { DeploymentPage } from '../../../../components/deployments/DeploymentPage';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Deployment' };

export default async function Deployment({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return <DeploymentPage endpointId={id} permissions={{ userId: user.id, canManage: can(user.role, 'deploy.manage'), canApprove: can(user.role, 'model.approve'), canManageTriggers: can(user.role, 'pipeline.write') }} />;
}
