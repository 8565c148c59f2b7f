'use client';
// A delete that asks once, inline: the first press shows what will happen and a confirm button;
// the server's refusal (a running run, an alias still on a version) shows beside it.
import { useState } from 'react';
import { Button } from './Button';

interface DeleteButtonProps {
  label: string;
  /** What deleting does, shown before confirming. */
  consequence: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  testId: string;
}

export function DeleteButton({ label, consequence, pending, error, onConfirm, testId }: DeleteButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <span className="inline-flex flex-col items-start gap-1">
        <Button variant="danger" size="sm" onClick={() => setAsking(true)} data-testid={testId}>
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
        {pending ? 'Deleting…' : 'Delete'}
      </Button>
      <Button variant="ghost" size="sm" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </span>
  );
}
