'use client';
// Choosing the runs table's metric and param columns from the keys the scope's runs have.
import { useCallback, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { useOutsideDismiss } from '../ui/use-outside-dismiss';
import type { ColumnChoice } from './run-table-state';

interface RunColumnsMenuProps {
  available: { metrics: readonly string[]; params: readonly { key: string; distinct: number }[] };
  chosen: ColumnChoice;
  onChange: (next: ColumnChoice) => void;
}

export function RunColumnsMenu({ available, chosen, onChange }: RunColumnsMenuProps) {
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const ref = useRef<HTMLDivElement>(null);
  useOutsideDismiss(ref, open, useCallback(() => setOpen(false), []));
  const match = (key: string) => key.toLowerCase().includes(find.trim().toLowerCase());
  const toggle = (kind: keyof ColumnChoice, key: string) => {
    const list = chosen[kind];
    onChange({ ...chosen, [kind]: list.includes(key) ? list.filter((k) => k !== key) : [...list, key] });
  };
  return (
    <div className="relative" ref={ref}>
      <Button size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="runs-columns">
        Columns ({chosen.metrics.length + chosen.params.length})
      </Button>
      {open ? (
        <div className="absolute left-0 z-30 mt-1 flex max-h-96 w-80 flex-col rounded-md border border-zinc-200 bg-white shadow-lg" data-testid="runs-columns-menu">
          <input
            type="search"
            value={find}
            onChange={(e) => setFind(e.target.value)}
            placeholder="Find a metric or param"
            aria-label="Find a metric or param"
            className="m-2 h-8 rounded-md border border-zinc-300 px-2 text-sm focus:border-indigo-500 focus:outline-none"
          />
          <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-2 text-xs">
            <p className="px-1 pt-1 pb-0.5 font-semibold tracking-wide text-zinc-500 uppercase">Metrics</p>
            {available.metrics.filter(match).map((key) => (
              <label key={key} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-zinc-50">
                <input type="checkbox" checked={chosen.metrics.includes(key)} onChange={() => toggle('metrics', key)} data-testid={`column-metric-${key}`} />
                <span className="truncate font-mono">{key}</span>
              </label>
            ))}
            <p className="px-1 pt-2 pb-0.5 font-semibold tracking-wide text-zinc-500 uppercase">Params</p>
            {available.params.filter((p) => match(p.key)).map((p) => (
              <label key={p.key} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-zinc-50">
                <input type="checkbox" checked={chosen.params.includes(p.key)} onChange={() => toggle('params', p.key)} data-testid={`column-param-${p.key}`} />
                <span className="truncate font-mono">{p.key}</span>
                <span className="ml-auto shrink-0 text-zinc-400">{p.distinct === 1 ? 'same in all' : `${p.distinct} values`}</span>
              </label>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
