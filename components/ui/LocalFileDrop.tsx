'use client';
// A local file picker that also takes a dropped file. The file stays in the browser; the input is
// visually hidden but in the page, so keyboards, screen readers and tests use it as usual.
import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { formatBytes } from './format';

interface LocalFileDropProps {
  file: File | null;
  onFile: (file: File) => void;
  accept: string;
  prompt: ReactNode;
  hint: ReactNode;
  testId: string;
  disabled?: boolean;
}

export function LocalFileDrop({ file, onFile, accept, prompt, hint, testId, disabled }: LocalFileDropProps) {
  const id = useId();
  const [over, setOver] = useState(false);

  function drop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  }

  return (
    <label
      htmlFor={id}
      data-testid={`${testId}-drop-zone`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`flex min-h-20 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-4 text-center transition-colors focus-within:border-indigo-500 ${
        over ? 'border-indigo-400 bg-indigo-50' : 'border-zinc-300 bg-zinc-50 hover:border-zinc-400'
      } ${disabled ? 'cursor-not-allowed opacity-60' : ''}`}
    >
      <input
        id={id}
        type="file"
        accept={accept}
        className="sr-only"
        disabled={disabled}
        data-testid={`${testId}-file-input`}
        onChange={(e) => {
          const picked = e.target.files?.[0];
          if (picked) onFile(picked);
          // Picking the same file again (after editing it on disk) should load it again.
          e.target.value = '';
        }}
      />
      {file ? (
        <>
          <span className="text-sm font-medium text-zinc-800">{file.name}</span>
          <span className="text-xs text-zinc-500">{formatBytes(file.size)} · click or drop to choose another</span>
        </>
      ) : (
        <>
          <span className="text-sm font-medium text-zinc-700">{prompt}</span>
          <span className="text-xs text-zinc-500">{hint}</span>
        </>
      )}
    </label>
  );
}
