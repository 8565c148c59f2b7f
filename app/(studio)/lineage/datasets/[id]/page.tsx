import type { Metadata } from 'next';
import { DatasetLineagePage } from '../../../../../components/lineage/DatasetLineagePage';
import { requireUser } from '../../../require-user';

export const metadata: Metadata = { title: 'Dataset lineage' };

export default async function DatasetLineage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  return <DatasetLineagePage datasetVersionId={id} />;
}
