import type { Metadata } from 'next';
import { ProjectPipelines } from '../../../../components/projects/ProjectPipelines';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Project' };

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return <ProjectPipelines projectId={id} canWrite={can(user.role, 'pipeline.write')} />;
}
