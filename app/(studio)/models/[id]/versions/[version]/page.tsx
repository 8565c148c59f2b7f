import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VersionPage } from '../../../../../../components/registry/VersionPage';
import { requireUser } from '../../../../require-user';
import { registryPermissions } from '../../../permissions';

export const metadata: Metadata = { title: 'Model version' };

export default async function ModelVersion({ params }: { params: Promise<{ id: string; version: string }> }) {
  const user = await requireUser();
  const { id, version } = await params;
  if (!/^[1-9]\d{0,8}$/.test(version)) notFound();
  return <VersionPage modelId={id} version={Number(version)} permissions={registryPermissions(user)} />;
}
