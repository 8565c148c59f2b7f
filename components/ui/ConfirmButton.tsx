'use client';
// An action that asks once, inline, before it does something hard to undo (delete, undeploy,
// revoke): the first press shows what will happen and a confirm button; the server's refusal, if
// any, shows beside the button.
import { useState } from 'react';
import { Button } from './Button';

export interface ConfirmButtonProps {
  label: string;
  /** What the action does, shown before confirming. */
  consequence: string;
  confirmLabel: string;
  /** Shown on the confirm button while the action runs; the confirm label when absent. */
  pendingLabel?: string;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
  testId: string;
}

export function ConfirmButton({ label, consequence, confirmLabel, pendingLabel, pending, error = null, onConfirm, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <span className="inline-flex flex-col items-start gap-1">
        <Button variant="danger" size="sm" disabled={pending} onClick={() => setAsking(true)} data-testid={testId}>
          {label}
        </Button>
        {error ? (
          <span role="alert" className="text-xs text-red-700" data-testid={`${testId}-error`}>
            {error}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span role="group" aria-label={label} className="inline-flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 px-2 py-1.5 text-xs text-red-800">
      <span>{consequence}</span>
      <Button
        variant="danger"
        size="sm"
        disabled={pending}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={`${testId}-confirm`}
      >
        {pending && pendingLabel ? pendingLabel : confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
