'use client';
// An action that asks once, inline, before it does something hard to undo (undeploy, revoke).
import { useState } from 'react';
import { Button } from '../ui/Button';

interface ConfirmButtonProps {
  label: string;
  consequence: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  testId: string;
}

export function ConfirmButton({ label, consequence, confirmLabel, pending, onConfirm, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="danger" size="sm" disabled={pending} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
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
        {confirmLabel}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
