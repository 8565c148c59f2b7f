'use client';
// One project's pipelines: name, current version and when each last changed; and a new one.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { projectRunsHref } from '../runs/run-links';
import { errorMessage } from '../trpc/error-message';
import { NewPipelineButton } from '../templates/NewPipelineButton';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime, formatRelative } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { ArchivedBanner, ProjectActions } from './ProjectActions';
import { CachePolicySetting } from './CachePolicySetting';

export function ProjectPipelines({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const project = useQuery(trpc.project.get.queryOptions({ id: projectId }));
  const crumbs = [{ label: 'Projects', href: '/' }];

  if (project.isPending) {
    return (
      <PageBody>
        <PageHeader title="Loading…" crumbs={crumbs} />
        <div className="mt-6 h-40 animate-pulse rounded-lg border border-zinc-200 bg-white" />
      </PageBody>
    );
  }
  if (project.isError) {
    return (
      <PageBody>
        <PageHeader title="Project" crumbs={crumbs} />
        <InlineError className="mt-6" message={errorMessage(project.error)} />
      </PageBody>
    );
  }
  const { name, description, pipelines, archivedAt, canManage, cachePolicy, canSetCachePolicy } = project.data;
  const taken = new Set(pipelines.map((p) => p.name));
  const active = archivedAt === null;
  return (
    <PageBody>
      <PageHeader
        title={name}
        description={description}
        crumbs={crumbs}
        actions={
          <>
            <Link href={projectRunsHref(projectId)} className="text-sm font-medium text-indigo-600 hover:text-indigo-500" data-testid="project-runs-link">
              Runs
            </Link>
            {canManage ? <ProjectActions project={project.data} /> : null}
            {active ? <NewPipelineButton projectId={projectId} canWrite={canWrite} takenNames={taken} /> : null}
          </>
        }
      />
      {active ? null : <ArchivedBanner project={project.data} canManage={canManage} />}
      <section className="mt-6" aria-labelledby="pipelines-heading">
        <h2 id="pipelines-heading" className="mb-2 text-sm font-medium text-zinc-700">
          Pipelines
        </h2>
        {pipelines.length === 0 ? (
          <EmptyState title="No pipelines in this project yet">
            {canWrite && active ? (
              <div className="flex flex-col items-center gap-3">
                <p>Start from a template that runs on bundled sample data, or from a blank canvas.</p>
                <NewPipelineButton projectId={projectId} canWrite takenNames={taken} variant="secondary" testId="new-pipeline-empty" />
              </div>
            ) : active ? (
              'Someone with the analyst, scientist or administrator role can create one.'
            ) : (
              'Unarchive the project to add pipelines.'
            )}
          </EmptyState>
        ) : (
          <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm">
            <table className="w-full text-sm" data-testid="pipelines-table">
              <thead className="bg-zinc-50 text-left text-xs font-medium text-zinc-500">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Version</th>
                  <th scope="col" className="px-4 py-2.5 font-medium">Updated</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {pipelines.map((p) => (
                  <tr key={p.id} className="hover:bg-zinc-50">
                    <td className="px-4 py-3">
                      <Link href={`/pipelines/${encodeURIComponent(p.id)}`} className="font-medium text-zinc-900 hover:text-indigo-700" data-testid={`pipeline-${p.id}`}>
                        {p.name}
                      </Link>
                    </td>
                    <td className="px-4 py-3">
                      <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">v{p.currentVersion}</span>
                    </td>
                    <td className="px-4 py-3 text-zinc-500" title={formatDateTime(p.updatedAt)}>
                      {formatRelative(p.updatedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CachePolicySetting projectId={projectId} policy={cachePolicy} canChange={canSetCachePolicy} />
    </PageBody>
  );
}
