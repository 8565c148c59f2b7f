import type { Metadata } from 'next';
import { DatasetsPage } from '../../../components/datasets/DatasetsPage';
import { can } from '../../../server/auth/roles';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'Datasets' };

export default async function Datasets() {
  const user = await requireUser();
  return <DatasetsPage canUpload={can(user.role, 'pipeline.write')} />;
}
