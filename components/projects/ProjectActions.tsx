'use client';
// Rename and archive (or unarchive) on a project's page, for its creator and administrators.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { ProjectDialog } from './ProjectDialog';

interface ProjectActionsProps {
  project: { id: string; name: string; description: string; archivedAt: number | null };
}

export function useProjectMutations(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.project.get.queryKey({ id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.project.list.queryKey() });
  };
  return {
    update: useMutation(trpc.project.update.mutationOptions({ onSuccess: refresh })),
    archive: useMutation(trpc.project.setArchived.mutationOptions({ onSuccess: refresh })),
  };
}

export function ProjectActions({ project }: ProjectActionsProps) {
  const { update, archive } = useProjectMutations(project.id);
  const [renaming, setRenaming] = useState(false);
  return (
    <>
      <Button onClick={() => setRenaming(true)} data-testid="project-rename" aria-haspopup="dialog">
        Rename
      </Button>
      {project.archivedAt === null ? (
        <Button onClick={() => archive.mutate({ id: project.id, archived: true })} disabled={archive.isPending} data-testid="project-archive">
          Archive
        </Button>
      ) : null}
      {archive.error ? <InlineError message={errorMessage(archive.error)} /> : null}
      {renaming ? (
        <ProjectDialog
          title="Rename project"
          submitLabel="Save"
          initial={project}
          busy={update.isPending}
          error={update.error ? errorMessage(update.error) : null}
          onSubmit={(value) => update.mutate({ id: project.id, ...value }, { onSuccess: () => setRenaming(false) })}
          onClose={() => setRenaming(false)}
        />
      ) : null}
    </>
  );
}

/** Shown on an archived project's page: what archiving means, and the way back for those allowed. */
export function ArchivedBanner({ project, canManage }: ProjectActionsProps & { canManage: boolean }) {
  const { archive } = useProjectMutations(project.id);
  return (
    <div role="status" className="mt-4 flex items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="project-archived-banner">
      <span>
        This project is archived: it is hidden from the project list and takes no new pipelines. Its pipelines, runs and artifacts are kept and still open.
      </span>
      {canManage ? (
        <Button size="sm" className="ml-auto" onClick={() => archive.mutate({ id: project.id, archived: false })} disabled={archive.isPending} data-testid="project-unarchive">
          Unarchive
        </Button>
      ) : null}
      {archive.error ? <InlineError message={errorMessage(archive.error)} /> : null}
    </div>
  );
}
