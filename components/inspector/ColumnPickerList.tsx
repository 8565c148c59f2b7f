'use client';
// A param naming several columns: a searchable checklist of the input's columns with type and role,
// select all / none over what the filter shows, and saved names the input lacks kept and flagged.
import { useId, useState } from 'react';
import type { ColumnShape } from '../../engine/columns';
import { Button } from '../ui/Button';
import { columnChoices, columnHint, matchesFilter, withChoice, withChoices } from './column-picker-choices';
import { INPUT_CLASS } from './input-style';
import type { ParamField } from './param-fields';
import type { InputProps } from './ScalarInput';

type ListField = Extract<ParamField, { kind: 'string-list' }>;

const namesOf = (value: unknown, fallback: unknown): string[] => {
  const list = Array.isArray(value) ? value : Array.isArray(fallback) ? fallback : [];
  return list.filter((v): v is string => typeof v === 'string');
};

export function ColumnPickerList({
  field,
  value,
  onChange,
  disabled,
  testId,
  invalid,
  available,
}: InputProps<ListField> & { available: readonly ColumnShape[] }) {
  const [filter, setFilter] = useState('');
  const summaryId = useId();
  const chosen = namesOf(value, field.defaultValue);
  const choices = columnChoices(available, chosen);
  const shown = choices.filter((c) => matchesFilter(c, filter));
  const set = (next: string[]) => onChange(next);
  return (
    <div
      id={testId}
      data-testid={testId}
      role="group"
      aria-label={field.label}
      aria-describedby={summaryId}
      aria-invalid={invalid || undefined}
      className="flex flex-col gap-1.5 rounded-md border border-zinc-200 p-2 aria-invalid:border-red-400"
    >
      <div className="flex items-center gap-1">
        <input
          type="search"
          className={INPUT_CLASS}
          placeholder="Filter columns"
          aria-label={`Filter the columns for ${field.label}`}
          data-testid={`${testId}-filter`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {disabled ? null : (
          <>
            <Button size="sm" variant="ghost" data-testid={`${testId}-all`} onClick={() => set(withChoices(chosen, shown.map((c) => c.name), true))}>
              All
            </Button>
            <Button size="sm" variant="ghost" data-testid={`${testId}-none`} onClick={() => set(withChoices(chosen, shown.map((c) => c.name), false))}>
              None
            </Button>
          </>
        )}
      </div>
      <ul className="flex max-h-56 flex-col gap-0.5 overflow-y-auto">
        {shown.map((c) => (
          <li key={c.name}>
            <label className="flex items-center gap-2 rounded px-1 py-0.5 text-sm text-zinc-800 hover:bg-zinc-50">
              <input
                type="checkbox"
                className="accent-indigo-600"
                data-testid={`${testId}-option-${c.name}`}
                disabled={disabled}
                checked={chosen.includes(c.name)}
                onChange={(e) => set(withChoice(chosen, c.name, e.target.checked))}
              />
              <span className="min-w-0 flex-1 truncate">{c.name}</span>
              <span className={`shrink-0 rounded px-1.5 text-[10px] ${c.inInput ? 'bg-zinc-100 text-zinc-600' : 'bg-amber-100 text-amber-800'}`}>
                {columnHint(c)}
              </span>
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="px-1 text-xs text-zinc-400">{available.length === 0 ? 'The input has no columns.' : 'No column matches the filter.'}</li> : null}
      </ul>
      <p id={summaryId} className="text-[11px] text-zinc-500">
        {chosen.length === 0 ? 'None chosen' : `${chosen.length} chosen, in this order: ${chosen.join(', ')}`}
      </p>
    </div>
  );
}
