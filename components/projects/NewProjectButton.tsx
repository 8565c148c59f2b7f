'use client';
// Creates a project and opens it. Roles that may not create one see the button disabled, with why.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { Tooltip } from '../ui/Tooltip';
import { ProjectDialog } from './ProjectDialog';

export const CANNOT_CREATE_PROJECT = 'Your role can view projects but not create them; ask an administrator for the analyst or scientist role.';

export function NewProjectButton({ canCreate }: { canCreate: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const create = useMutation(
    trpc.project.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.project.list.queryKey() });
        router.push(`/projects/${encodeURIComponent(id)}`);
      },
    }),
  );
  return (
    <>
      <Tooltip text={canCreate ? null : CANNOT_CREATE_PROJECT}>
        <Button variant="primary" disabled={!canCreate} onClick={() => setOpen(true)} data-testid="new-project-button" aria-haspopup="dialog">
          New project
        </Button>
      </Tooltip>
      {open ? (
        <ProjectDialog
          title="New project"
          submitLabel="Create"
          busy={create.isPending || create.isSuccess}
          error={create.error ? errorMessage(create.error) : null}
          onSubmit={(value) => create.mutate(value)}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
