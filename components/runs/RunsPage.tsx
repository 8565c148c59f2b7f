'use client';
// The runs table's page for one pipeline or one project, under the right breadcrumbs.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../trpc/trpc-context';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { RunsTable } from './RunsTable';

export function PipelineRunsPage({ pipelineId }: { pipelineId: string }) {
  const trpc = useTRPC();
  const pipeline = useQuery(trpc.pipeline.get.queryOptions({ id: pipelineId }, { staleTime: 60_000 }));
  const p = pipeline.data?.pipeline;
  const project = useQuery(trpc.project.get.queryOptions({ id: p?.projectId ?? '' }, { enabled: Boolean(p) }));
  return (
    <PageBody wide>
      <div className="flex flex-col gap-5">
        <PageHeader
          crumbs={[{ label: 'Projects', href: '/' }, ...(p ? [{ label: project.data?.name ?? 'Project', href: `/projects/${encodeURIComponent(p.projectId)}` }] : []), { label: p?.name ?? pipelineId, href: `/pipelines/${encodeURIComponent(pipelineId)}` }, { label: 'Runs' }]}
          title={`Runs of ${p?.name ?? pipelineId}`}
          description="Every run with its metrics and params; sort by any column, filter by any metric or param, and compare runs side by side."
          actions={
            <Link href={`/pipelines/${encodeURIComponent(pipelineId)}`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Open the pipeline
            </Link>
          }
        />
        <RunsTable scope={{ pipelineId }} />
      </div>
    </PageBody>
  );
}

export function ProjectRunsPage({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ id: projectId }));
  return (
    <PageBody wide>
      <div className="flex flex-col gap-5">
        <PageHeader
          crumbs={[{ label: 'Projects', href: '/' }, { label: project.data?.name ?? projectId, href: `/projects/${encodeURIComponent(projectId)}` }, { label: 'Runs' }]}
          title={`Runs in ${project.data?.name ?? projectId}`}
          description="The runs of every pipeline in this project; sort by any column, filter by any metric or param, and compare runs side by side."
        />
        <RunsTable scope={{ projectId }} />
      </div>
    </PageBody>
  );
}
