'use client';
// The advanced CSV settings, folded away: most files need none of them.
import type { OptionsForm } from './upload-options';
import { TextField } from '../ui/TextField';

const SELECT = 'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none';

export function ImportOptions({ value, onChange }: { value: OptionsForm; onChange: (next: OptionsForm) => void }) {
  const set = <K extends keyof OptionsForm>(key: K, v: OptionsForm[K]) => onChange({ ...value, [key]: v });
  return (
    <details className="group rounded-md border border-zinc-200 bg-white" data-testid="import-options">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-zinc-700 select-none">Import options (CSV)</summary>
      <div className="grid grid-cols-1 gap-3 border-t border-zinc-100 p-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
          Delimiter
          <select className={SELECT} value={value.delimiter} onChange={(e) => set('delimiter', e.target.value as OptionsForm['delimiter'])}>
            <option value="auto">Detect</option>
            <option value=",">Comma ,</option>
            <option value=";">Semicolon ;</option>
            <option value={'\t'}>Tab</option>
            <option value="|">Pipe |</option>
          </select>
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-700">
          Encoding
          <select className={SELECT} value={value.encoding} onChange={(e) => set('encoding', e.target.value as OptionsForm['encoding'])}>
            <option value="utf-8">UTF-8 (with or without BOM)</option>
            <option value="windows-1252">Windows-1252 / Latin-1</option>
          </select>
        </label>
        <TextField
          label="Missing-value tokens"
          placeholder="NA, N/A, null, NaN, -"
          hint="Comma-separated; replaces the standard list. Empty cells are always missing."
          value={value.naTokens}
          onChange={(e) => set('naTokens', e.target.value)}
        />
        <TextField
          label="Column types"
          placeholder="zip=categorical, day=datetime"
          hint="Overrides the detected type: numeric, categorical, boolean, datetime or text."
          value={value.types}
          onChange={(e) => set('types', e.target.value)}
        />
      </div>
    </details>
  );
}
