'use client';
// The projects a person can open, as cards; archived ones only when asked for. And a new project.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { formatDateTime } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageHeader } from '../ui/PageHeader';
import { PageBody } from '../ui/PageBody';
import { NewProjectButton } from './NewProjectButton';

export function ProjectList({ canCreate }: { canCreate: boolean }) {
  const trpc = useTRPC();
  // Archived projects come too, so the toggle can say how many there are without a second query.
  const projects = useQuery(trpc.project.list.queryOptions({ includeArchived: true }));
  const [showArchived, setShowArchived] = useState(false);
  const archived = projects.data?.filter((p) => p.archivedAt !== null).length ?? 0;
  const shown = projects.data?.filter((p) => showArchived || p.archivedAt === null) ?? [];
  return (
    <PageBody>
      <PageHeader
        title="Projects"
        description="Each project groups pipelines, their runs and their artifacts."
        actions={
          <>
            {archived > 0 ? (
              <label className="flex items-center gap-1.5 text-xs text-zinc-600">
                <input type="checkbox" className="accent-indigo-600" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} data-testid="show-archived" />
                Show archived ({archived})
              </label>
            ) : null}
            <NewProjectButton canCreate={canCreate} />
          </>
        }
      />
      <div className="mt-6">
        {projects.isPending ? (
          <SkeletonGrid />
        ) : projects.isError ? (
          <InlineError message={errorMessage(projects.error)} />
        ) : shown.length === 0 ? (
          <EmptyState title="No projects yet">
            {canCreate ? 'Create one with New project.' : 'Someone with the analyst, scientist or administrator role can create one.'}
            {archived > 0 ? ` ${archived} archived project${archived === 1 ? ' is' : 's are'} hidden.` : ''}
          </EmptyState>
        ) : (
          <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3" data-testid="projects-grid">
            {shown.map((p) => (
              <li key={p.id}>
                <Link
                  href={`/projects/${encodeURIComponent(p.id)}`}
                  className={`group flex h-full flex-col rounded-lg border p-4 shadow-sm transition hover:border-indigo-300 hover:shadow ${p.archivedAt === null ? 'border-zinc-200 bg-white' : 'border-dashed border-zinc-300 bg-zinc-50'}`}
                  data-testid={`project-${p.id}`}
                >
                  <span className="flex items-center gap-2 text-sm font-semibold text-zinc-900 group-hover:text-indigo-700">
                    {p.name}
                    {p.archivedAt !== null ? <span className="rounded bg-zinc-200 px-1.5 py-0.5 text-[10px] font-medium text-zinc-600">Archived</span> : null}
                  </span>
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
