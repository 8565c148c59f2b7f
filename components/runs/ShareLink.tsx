'use client';
// Copies a page's address: anyone signed in can open it (the sign-in page sends them on to it).
import { useState } from 'react';
import { Button } from '../ui/Button';

export function ShareLink({ label = 'Copy link' }: { label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <Button
      size="sm"
      data-testid="share-link"
      title="Copy this page's address; people signed in to Pipeworks can open it"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(window.location.href);
          setState('copied');
        } catch {
          // Clipboard access needs a secure context or a permission; the address bar still has it.
          setState('failed');
        }
      }}
    >
      {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Copy the address bar' : label}
    </Button>
  );
}
