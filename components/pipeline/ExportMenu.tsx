'use client';
// "Export" on a table preview: the table as CSV, Parquet or Arrow, straight from the server
// (GET /api/artifacts/<id>?format=…), so a large table never passes through the page.
import { useCallback, useRef, useState } from 'react';
import { useOutsideDismiss } from '../ui/use-outside-dismiss';

const FORMATS = [
  { format: 'csv', label: 'CSV', hint: 'For spreadsheets. Text that looks like a formula is escaped.' },
  { format: 'parquet', label: 'Parquet', hint: 'Typed and compressed, for pandas, polars, Spark or DuckDB.' },
  { format: 'arrow', label: 'Arrow', hint: 'The exact stored table (Arrow IPC file), column schema included.' },
] as const;

export function exportHref(id: string, format: string, name?: string): string {
  const query = new URLSearchParams({ format });
  if (name) query.set('name', name);
  return `/api/artifacts/${id}?${query}`;
}

export function ExportMenu({ id, name }: { id: string; name?: string }) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  useOutsideDismiss(wrapper, open, useCallback(() => setOpen(false), []));
  return (
    <div ref={wrapper} className="relative" data-testid="export-menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-6 items-center gap-1 rounded-md border border-zinc-200 bg-white px-2 text-[11px] font-medium text-zinc-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500"
      >
        Export
        <svg viewBox="0 0 16 16" aria-hidden className="size-3 fill-current">
          <path d="M4 6l4 4 4-4z" />
        </svg>
      </button>
      {open ? (
        <div role="menu" aria-label="Export table" className="absolute top-full right-0 z-50 mt-1 w-72 rounded-md border border-zinc-200 bg-white py-1 shadow-lg">
          {FORMATS.map((f) => (
            <a
              key={f.format}
              role="menuitem"
              href={exportHref(id, f.format, name)}
              download
              onClick={() => setOpen(false)}
              data-testid={`export-${f.format}`}
              className="flex flex-col px-3 py-1.5 hover:bg-zinc-50 focus:bg-indigo-50 focus:outline-none"
            >
              <span className="text-xs font-medium text-zinc-900">{f.label}</span>
              <span className="text-[11px] text-zinc-500">{f.hint}</span>
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}
