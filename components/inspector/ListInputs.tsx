'use client';
// Lists: strings as one input per item, objects (gates, conditions, renames…) as rows of sub-fields.
import { Button } from '../ui/Button';
import { FieldInput } from './FieldInput';
import { INPUT_CLASS } from './input-style';
import type { ParamField } from './param-fields';
import type { InputProps } from './ScalarInput';

type StringListField = Extract<ParamField, { kind: 'string-list' }>;
type ObjectListField = Extract<ParamField, { kind: 'object-list' }>;

const listOf = (value: unknown, fallback: unknown): unknown[] => (Array.isArray(value) ? value : Array.isArray(fallback) ? fallback : []);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function RemoveButton({ onClick, disabled, label }: { onClick: () => void; disabled: boolean; label: string }) {
  return (
    <Button variant="ghost" size="sm" onClick={onClick} disabled={disabled} aria-label={label} className="shrink-0">
      ✕
    </Button>
  );
}

export function StringListInput({ field, value, onChange, disabled, testId }: InputProps<StringListField>) {
  const items = listOf(value, field.defaultValue);
  const set = (next: unknown[]) => onChange(next);
  return (
    <div className="flex flex-col gap-1.5" data-testid={testId}>
      {items.map((item, i) => (
        <div key={i} className="flex items-center gap-1">
          <input
            className={INPUT_CLASS}
            data-testid={`${testId}-${i}`}
            aria-label={`${field.label} ${i + 1}`}
            disabled={disabled}
            value={typeof item === 'string' ? item : JSON.stringify(item)}
            onChange={(e) => set(items.map((it, j) => (j === i ? e.target.value : it)))}
          />
          <RemoveButton disabled={disabled} label={`Remove ${field.label} ${i + 1}`} onClick={() => set(items.filter((_, j) => j !== i))} />
        </div>
      ))}
      {items.length === 0 ? <p className="text-xs text-zinc-400">None</p> : null}
      {disabled ? null : (
        <Button size="sm" className="self-start" onClick={() => set([...items, ''])} data-testid={`${testId}-add`}>
          Add
        </Button>
      )}
    </div>
  );
}

/** A new row starts with the first choice of each required enum, so it is closer to valid. */
function newRow(field: ObjectListField): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const sub of field.itemFields) {
    if (sub.kind === 'enum' && field.required.includes(sub.name)) row[sub.name] = sub.options[0];
  }
  return row;
}

export function ObjectListInput({ field, value, onChange, disabled, testId, columns }: InputProps<ObjectListField>) {
  const rows = listOf(value, field.defaultValue);
  const set = (next: unknown[]) => onChange(next);
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      {rows.map((row, i) => {
        const record = isRecord(row) ? row : {};
        return (
          <div key={i} className="flex items-start gap-1 rounded-md border border-zinc-200 bg-zinc-50/60 p-2">
            <div className="grid min-w-0 flex-1 grid-cols-2 gap-2">
              {field.itemFields.map((sub) => (
                <label key={sub.name} className="flex min-w-0 flex-col gap-0.5 text-[11px] text-zinc-500" title={sub.description}>
                  {sub.label}
                  {field.required.includes(sub.name) ? '' : ' (optional)'}
                  <FieldInput
                    field={sub}
                    value={record[sub.name]}
                    disabled={disabled}
                    testId={`${testId}-${i}-${sub.name}`}
                    columns={columns}
                    onChange={(v) => {
                      const next = { ...record };
                      if (v === undefined) delete next[sub.name];
                      else next[sub.name] = v;
                      set(rows.map((r, j) => (j === i ? next : r)));
                    }}
                  />
                </label>
              ))}
            </div>
            <RemoveButton disabled={disabled} label={`Remove row ${i + 1}`} onClick={() => set(rows.filter((_, j) => j !== i))} />
          </div>
        );
      })}
      {rows.length === 0 ? <p className="text-xs text-zinc-400">None</p> : null}
      {disabled ? null : (
        <Button size="sm" className="self-start" onClick={() => set([...rows, newRow(field)])} data-testid={`${testId}-add`}>
          Add row
        </Button>
      )}
    </div>
  );
}
