import type { Metadata } from 'next';
import { PipelineView } from '../../../../components/pipeline/PipelineView';
import { can } from '../../../../server/auth/roles';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Pipeline' };

export default async function PipelinePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  return <PipelineView pipelineId={id} canRun={can(user.role, 'run.start')} canCancel={can(user.role, 'run.cancel')} canWrite={can(user.role, 'pipeline.write')} />;
}
