'use client';
// A delete that asks once, inline; the server's refusal (a running run, an alias still on a
// version) shows beside it.
import { ConfirmButton, type ConfirmButtonProps } from './ConfirmButton';

type DeleteButtonProps = Omit<ConfirmButtonProps, 'confirmLabel' | 'pendingLabel' | 'error'> & { error: string | null };

export function DeleteButton(props: DeleteButtonProps) {
  return <ConfirmButton {...props} confirmLabel="Delete" pendingLabel="Deleting…" />;
}
