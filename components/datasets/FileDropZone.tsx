'use client';
// The Datasets page's file picker: the shared drop zone, worded for an import.
import { LocalFileDrop } from '../ui/LocalFileDrop';

interface FileDropZoneProps {
  file: File | null;
  onFile: (file: File) => void;
  disabled?: boolean;
}

export function FileDropZone({ file, onFile, disabled }: FileDropZoneProps) {
  return (
    <LocalFileDrop
      file={file}
      onFile={onFile}
      disabled={disabled}
      accept=".csv,.tsv,.txt,.parquet,text/csv"
      testId="dataset"
      prompt="Drop a CSV or Parquet file here, or click to choose one"
      hint="Delimiter, encoding and column types are detected; adjust them under Import options"
    />
  );
}
