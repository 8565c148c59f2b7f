'use client';
// A modal dialog on the native <dialog>: the browser traps focus inside, Escape closes it, and
// focus goes back to where it was. Mounted means open; the parent unmounts it to close.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** alertdialog for a question that needs an answer (leaving with unsaved work). */
  role?: 'dialog' | 'alertdialog';
  testId?: string;
  className?: string;
}

export function Modal({ title, onClose, children, role = 'dialog', testId, className = '' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      role={role}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === e.currentTarget && onClose()}
      className={`m-auto rounded-lg border border-zinc-200 bg-white p-0 text-left shadow-xl backdrop:bg-zinc-900/30 ${className}`}
    >
      <div className="px-5 pt-4 pb-5">
        <h2 id={titleId} className="mb-3 text-base font-semibold text-zinc-900">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
