import type { Metadata } from 'next';
import { PipelineRunsPage } from '../../../../../components/runs/RunsPage';
import { requireUser } from '../../../require-user';

export const metadata: Metadata = { title: 'Runs' };

export default async function PipelineRuns({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const { id } = await params;
  return <PipelineRunsPage pipelineId={id} />;
}
