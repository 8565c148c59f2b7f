import type { Metadata } from 'next';
import { ProjectPipelines } from '../../../../components/projects/ProjectPipelines';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Project' };

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  return <ProjectPipelines projectId={id} />;
}
