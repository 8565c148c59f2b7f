import type { Metadata } from 'next';
import { ModelPage } from '../../../../components/registry/ModelPage';
import { requireUser } from '../../require-user';
import { registryPermissions } from '../permissions';

export const metadata: Metadata = { title: 'Model' };

export default async function Model({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return <ModelPage modelId={id} permissions={registryPermissions(user)} />;
}
