'use client';
// The runs table's filters: a field (any metric or param, status, version), a comparison and a
// value; each applied filter is a chip that removes itself. The server does the filtering.
import { useState } from 'react';
import { Button } from '../ui/Button';
import { fieldKey, filterValue, OPS_FOR, type Field, type FilterOp } from './run-table-state';

export interface AppliedFilter {
  field: Field;
  op: FilterOp;
  value: string | number;
}

interface RunFiltersProps {
  available: { metrics: readonly string[]; params: readonly { key: string }[] };
  filters: readonly AppliedFilter[];
  onChange: (next: AppliedFilter[]) => void;
}

const label = (f: Field) => ('key' in f ? f.key : f.kind);

function parseField(value: string): Field | null {
  const [kind, ...rest] = value.split(':');
  const key = rest.join(':');
  if (kind === 'metric' || kind === 'param') return key ? { kind, key } : null;
  if (kind === 'status' || kind === 'version') return { kind };
  return null;
}

export function RunFilters({ available, filters, onChange }: RunFiltersProps) {
  const [field, setField] = useState('');
  const [op, setOp] = useState<FilterOp>('>=');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = parseField(field);
  const ops = chosen ? OPS_FOR[chosen.kind] : [];

  const add = () => {
    if (!chosen) return setProblem('Choose what to filter by');
    const value = filterValue(chosen, op, text);
    if ('error' in value) return setProblem(value.error);
    setProblem(null);
    setText('');
    onChange([...filters, { field: chosen, op, value: value.value }]);
  };

  return (
    <div className="flex flex-col gap-2">
      <form
        className="flex flex-wrap items-center gap-2 text-xs"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
        data-testid="runs-filter-form"
      >
        <select
          value={field}
          onChange={(e) => {
            setField(e.target.value);
            const next = parseField(e.target.value);
            if (next && !OPS_FOR[next.kind].includes(op)) setOp(OPS_FOR[next.kind][0]);
          }}
          aria-label="Filter by"
          data-testid="filter-field"
          className="h-7 max-w-64 rounded-md border border-zinc-300 bg-white px-1.5"
        >
          <option value="">Filter by…</option>
          <optgroup label="Metrics">
            {available.metrics.map((k) => (
              <option key={k} value={`metric:${k}`}>
                {k}
              </option>
            ))}
          </optgroup>
          <optgroup label="Params">
            {available.params.map((p) => (
              <option key={p.key} value={`param:${p.key}`}>
                {p.key}
              </option>
            ))}
          </optgroup>
          <optgroup label="Run">
            <option value="status">status</option>
            <option value="version">pipeline version</option>
          </optgroup>
        </select>
        <select value={op} onChange={(e) => setOp(e.target.value as FilterOp)} aria-label="Comparison" data-testid="filter-op" disabled={!chosen} className="h-7 rounded-md border border-zinc-300 bg-white px-1.5">
          {ops.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <input
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Value"
          placeholder={chosen?.kind === 'status' ? 'succeeded' : 'value'}
          data-testid="filter-value"
          className="h-7 w-28 rounded-md border border-zinc-300 px-2"
        />
        <Button size="sm" type="submit" data-testid="filter-add">
          Add filter
        </Button>
        {problem ? (
          <span role="alert" className="text-red-700" data-testid="filter-problem">
            {problem}
          </span>
        ) : null}
      </form>
      {filters.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label="Filters">
          {filters.map((f, i) => (
            <li key={`${fieldKey(f.field)}-${i}`} className="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-xs text-indigo-800 ring-1 ring-indigo-200 ring-inset" data-testid="filter-chip">
              <span className="font-mono">
                {label(f.field)} {f.op} {String(f.value)}
              </span>
              <button type="button" aria-label={`Remove the filter on ${label(f.field)}`} className="rounded-full px-1 hover:bg-indigo-100" onClick={() => onChange(filters.filter((_, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
