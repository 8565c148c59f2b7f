'use client';
// Names a dataset, takes a file (picked or dropped), uploads it and shows what happened: the new
// version, or the file's problem with its line and column.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { FileDropZone } from './FileDropZone';
import { ImportOptions } from './ImportOptions';
import { UploadOutcome } from './UploadOutcome';
import { DEFAULT_OPTIONS_FORM, nameFromFile, toUploadOptions } from './upload-options';
import { uploadDataset, type UploadResult } from './upload-request';

export function UploadDatasetForm({ onUploaded }: { onUploaded: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [form, setForm] = useState(DEFAULT_OPTIONS_FORM);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<UploadResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function choose(next: File) {
    setFile(next);
    setResult(null);
    if (!name.trim()) setName(nameFromFile(next.name));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const options = toUploadOptions(form);
    if ('error' in options) return setProblem(options.error);
    if (!file) return setProblem('Choose a file first');
    setProblem(null);
    setResult(null);
    setProgress(0);
    const outcome = await uploadDataset(file, name.trim(), options.options, setProgress);
    setProgress(null);
    setResult(outcome);
    if (outcome.ok) {
      await queryClient.invalidateQueries({ queryKey: trpc.dataset.pathKey() });
      onUploaded(outcome.dataset.name);
    }
  }

  const busy = progress !== null;
  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby="upload-heading" data-testid="dataset-upload-form">
      <h2 id="upload-heading" className="text-sm font-semibold text-zinc-900">
        Upload a dataset
      </h2>
      <FileDropZone file={file} onFile={choose} disabled={busy} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Dataset name"
          name="dataset-name"
          autoComplete="off"
          required
          maxLength={100}
          className="flex-1"
          hint="Uploading to an existing name adds a new version."
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={busy || !file} className="sm:mb-[1.375rem]" data-testid="upload-button">
          {busy ? `Uploading… ${Math.round((progress ?? 0) * 100)}%` : 'Upload'}
        </Button>
      </div>
      <ImportOptions value={form} onChange={setForm} />
      <InlineError message={problem} />
      {result ? <UploadOutcome result={result} /> : null}
    </form>
  );
}
