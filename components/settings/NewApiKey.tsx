'use client';
// The one time a key's secret is on screen: a read-only field, a copy button and a ready curl line.
import { useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { TextField } from '../ui/TextField';
import type { CreatedApiKey } from './CreateApiKeyForm';

type CopyState = 'idle' | 'copied' | 'failed';

export function NewApiKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  // Rendered only after a click, so window is there; the example names this very server.
  const example = `curl -H "Authorization: Bearer ${created.key}" ${window.location.origin}/api/trpc/project.list`;

  const copyMessage = {
    idle: '',
    copied: 'Copied to the clipboard.',
    failed: 'This browser did not allow copying; the key is selected, press Ctrl+C (⌘C on a Mac).',
  }[copy];

  async function copyKey() {
    try {
      // The Clipboard API needs a secure context; plain http on a LAN name has none.
      await navigator.clipboard.writeText(created.key);
      setCopy('copied');
    } catch {
      field.current?.select();
      setCopy('failed');
    }
  }

  return (
    <section aria-labelledby="new-key-heading" className="rounded-lg border border-emerald-200 bg-emerald-50/60 p-4 shadow-sm">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h2 id="new-key-heading" className="text-sm font-semibold text-zinc-900">
            Your new key “{created.name}”
          </h2>
          <p className="mt-0.5 text-sm text-zinc-600">
            Copy it now and keep it somewhere safe: <strong className="font-medium text-zinc-900">it will not be shown again.</strong>
          </p>
        </div>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      <div className="mt-3 flex items-end gap-2">
        <TextField
          ref={field}
          label="API key"
          readOnly
          value={created.key}
          className="flex-1"
          // A line as tall as the input: Chromium clips the inner text box at its line height, and at 1×
          // the underscore in pw_ (DejaVu Sans Mono) falls below a text-sm line.
          inputClassName="font-mono leading-9"
          onFocus={(e) => e.currentTarget.select()}
          data-testid="api-key-secret"
        />
        <Button onClick={copyKey}>{copy === 'copied' ? 'Copied' : 'Copy'}</Button>
      </div>
      {/* Always in the DOM so screen readers announce it; it takes no room until it says something. */}
      <p role="status" className={`text-xs text-zinc-600 ${copyMessage ? 'mt-1.5' : ''}`}>
        {copyMessage}
      </p>
      <p className="mt-3 text-sm text-zinc-700">Try it from a terminal:</p>
      <pre className="mt-1.5 overflow-x-auto rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs text-zinc-100">
        <code>{example}</code>
      </pre>
    </section>
  );
}
