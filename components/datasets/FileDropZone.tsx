'use client';
// A file picker that also takes a file dropped onto it. The input stays in the page (visually
// hidden) so keyboards, screen readers and tests use it like any file input.
import { useId, useState, type DragEvent } from 'react';
import { formatBytes } from '../ui/format';

interface FileDropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
}

export function FileDropZone({ file, onFile, disabled }: FileDropZoneProps) {
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
      data-testid="dataset-drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={`flex min-h-24 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-dashed px-4 py-5 text-center transition-colors focus-within:border-indigo-500 ${
        over ? 'border-indigo-400 bg-indigo-50' : 'border-zinc-300 bg-zinc-50 hover:border-zinc-400'
      }`}
    >
      <input
        id={id}
        type="file"
        accept=".csv,.tsv,.txt,.parquet,text/csv"
        className="sr-only"
        disabled={disabled}
        data-testid="dataset-file-input"
        onChange={(e) => e.target.files?.[0] && onFile(e.target.files[0])}
      />
      {file ? (
        <>
          <span className="text-sm font-medium text-zinc-800">{file.name}</span>
          <span className="text-xs text-zinc-500">{formatBytes(file.size)} · click or drop to choose another</span>
        </>
      ) : (
        <>
          <span className="text-sm font-medium text-zinc-700">Drop a CSV or Parquet file here, or click to choose one</span>
          <span className="text-xs text-zinc-500">Delimiter, encoding and column types are detected; adjust them under Import options</span>
        </>
      )}
    </label>
  );
}
