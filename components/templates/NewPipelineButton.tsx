'use client';
// Opens the new-pipeline gallery; for roles that may not create pipelines it stays visible but
// disabled, with the reason in a tooltip, so nobody wonders where the button went.
import { useState } from 'react';
import { Button } from '../ui/Button';
import { Tooltip } from '../ui/Tooltip';
import { NewPipelineDialog } from './NewPipelineDialog';

interface NewPipelineButtonProps {
  projectId: string;
  canWrite: boolean;
  /** Names already in the project; the gallery suggests one that is not. */
  takenNames: ReadonlySet<string>;
  variant?: 'primary' | 'secondary';
  testId?: string;
}

export const CANNOT_CREATE = 'Your role can view pipelines but not create them; ask an administrator for the analyst or scientist role.';

export function NewPipelineButton({ projectId, canWrite, takenNames, variant = 'primary', testId = 'new-pipeline-button' }: NewPipelineButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip text={canWrite ? null : CANNOT_CREATE}>
        <Button variant={variant} disabled={!canWrite} onClick={() => setOpen(true)} data-testid={testId} aria-haspopup="dialog">
          New pipeline
        </Button>
      </Tooltip>
      {open ? <NewPipelineDialog projectId={projectId} takenNames={takenNames} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
