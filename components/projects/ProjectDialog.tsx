'use client';
// One form for a project's name and description: creating a new project, or renaming one.
import { useState, type FormEvent } from 'react';
import { Modal } from '../editor/Modal';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';

interface ProjectDialogProps {
  title: string;
  submitLabel: string;
  initial?: { name: string; description: string };
  busy: boolean;
  error: string | null;
  onSubmit: (value: { name: string; description: string }) => void;
  onClose: () => void;
}

export function ProjectDialog({ title, submitLabel, initial, busy, error, onSubmit, onClose }: ProjectDialogProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ name: name.trim(), description: description.trim() });
  };
  return (
    <Modal title={title} onClose={onClose} testId="project-dialog" className="w-full max-w-md">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <TextField label="Name" name="project-name" autoComplete="off" required maxLength={100} autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label="Description"
          name="project-description"
          autoComplete="off"
          maxLength={500}
          hint="Optional: what the project is for, shown on its card."
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <InlineError message={error} />
        <div className="mt-1 flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || name.trim() === ''} data-testid="project-dialog-submit">
            {busy ? 'Saving…' : submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
