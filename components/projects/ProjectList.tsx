'use client';
// The projects a person can open, as cards.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageHeader } from '../ui/PageHeader';
import { PageBody } from '../ui/PageBody';

export function ProjectList() {
  const trpc = useTRPC();
  const projects = useQuery(trpc.project.list.queryOptions());
  return (
    <PageBody>
      <PageHeader title="Projects" description="Each project groups pipelines, their runs and their artifacts." />
      <div className="mt-6">
        {projects.isPending ? (
          <SkeletonGrid />
        ) : projects.isError ? (
          <InlineError message={errorMessage(projects.error)} />
        ) : projects.data.length === 0 ? (
          <EmptyState title="No projects yet">An administrator can create one.</EmptyState>
        ) : (
          <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3" data-testid="projects-grid">
            {projects.data.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/projects/${encodeURIComponent(p.id)}`}
                  className="group flex h-full flex-col rounded-lg border border-zinc-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 hover:shadow"
                  data-testid={`project-${p.id}`}
                >
                  <span className="text-sm font-semibold text-zinc-900 group-hover:text-indigo-700">{p.name}</span>
                  <span className="mt-1 line-clamp-2 flex-1 text-sm text-zinc-500">{p.description || 'No description'}</span>
                  <span className="mt-3 text-xs text-zinc-400">Created {formatDateTime(p.createdAt)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </PageBody>
  );
}

function SkeletonGrid() {
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3" aria-busy="true" aria-label="Loading projects">
      {[0, 1, 2].map((i) => (
        <div key={i} className="h-28 animate-pulse rounded-lg border border-zinc-200 bg-white" />
      ))}
    </div>
  );
}
