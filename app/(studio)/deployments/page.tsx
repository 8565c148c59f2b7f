import type { Metadata } from 'next';
import { DeploymentList } from '../../../components/deployments/DeploymentList';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Deployments' };

export default async function Deployments() {
  await requireUser();
  return <DeploymentList />;
}
