import type { Metadata } from 'next';
import { ProjectRunsPage } from '../../../../../components/runs/RunsPage';
import { requireUser } from '../../../require-user';

export const metadata: Metadata = { title: 'Runs' };

export default async function ProjectRuns({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  return <ProjectRunsPage projectId={id} />;
}
