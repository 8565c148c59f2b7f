'use client';
// Asked when an in-app link is clicked with unsaved work: stay, save then go, or go without saving.
import { useState } from 'react';
import { Button } from '../ui/Button';
import { Modal } from './Modal';

interface LeaveDialogProps {
  /** Why the work cannot be saved as it is, if it cannot. */
  blocked: string | null;
  onStay: () => void;
  onLeave: () => void;
  onSaveAndLeave: () => Promise<boolean>;
}

export function LeaveDialog({ blocked, onStay, onLeave, onSaveAndLeave }: LeaveDialogProps) {
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <Modal title="Leave with unsaved changes?" role="alertdialog" onClose={onStay} testId="leave-dialog" className="w-full max-w-md">
      <p className="text-sm text-zinc-600">
        {blocked ? `Your latest changes cannot be saved yet: ${blocked}.` : 'Your latest changes to this pipeline are not saved yet.'} If you leave now, they are lost.
      </p>
      {failed ? <p className="mt-2 text-sm text-red-700">Saving failed; your changes are still here.</p> : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="danger" onClick={onLeave} data-testid="leave-anyway">
          Leave without saving
        </Button>
        <Button onClick={onStay} autoFocus>
          Stay
        </Button>
        {blocked ? null : (
          <Button
            variant="primary"
            disabled={saving}
            onClick={async () => {
              setSaving(true);
              const ok = await onSaveAndLeave();
              setSaving(false);
              setFailed(!ok);
            }}
          >
            {saving ? 'Saving…' : 'Save and leave'}
          </Button>
        )}
      </div>
    </Modal>
  );
}
