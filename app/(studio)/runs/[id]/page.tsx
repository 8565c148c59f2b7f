import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { RunPage } from '../../../../components/runs/RunPage';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Run' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function Run({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  return <RunPage runId={id} canRun={can(user.role, 'run.start')} />;
}
