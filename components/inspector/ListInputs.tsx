'use client';
// Lists: strings as one input per item, objects (gates, conditions, renames…) as rows of sub-fields,
// and rows of several kinds (validation expectations) as a kind select plus that kind's fields.
import type { ReactNode } from 'react';
import { Button } from '../ui/Button';
import { FieldInput } from './FieldInput';
import { INPUT_CLASS } from './input-style';
import { humanise, type ParamField } from './param-fields';
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

/** One row's fields in a two-column grid; lists take the whole width. */
function RowFields({ fields, required, record, disabled, testId, columns, onRow }: {
  fields: readonly ParamField[];
  required: readonly string[];
  record: Record<string, unknown>;
  disabled: boolean;
  testId: string;
  columns: InputProps<ParamField>['columns'];
  onRow: (next: Record<string, unknown>) => void;
}) {
  return (
    <div className="grid min-w-0 grid-cols-2 gap-2">
      {fields.map((sub) => (
        <label
          key={sub.name}
          className={`flex min-w-0 flex-col gap-0.5 text-[11px] text-zinc-500 ${sub.kind.endsWith('-list') ? 'col-span-2' : ''}`}
          title={sub.description}
        >
          {sub.label}
          {required.includes(sub.name) ? '' : ' (optional)'}
          <FieldInput
            field={sub}
            value={record[sub.name]}
            disabled={disabled}
            testId={`${testId}-${sub.name}`}
            columns={columns}
            onChange={(v) => {
              const next = { ...record };
              if (v === undefined) delete next[sub.name];
              else next[sub.name] = v;
              onRow(next);
            }}
          />
        </label>
      ))}
    </div>
  );
}

/** The frame both object lists share: a bordered box per row with a remove button, "None", "Add row". */
function RowList({ rows, disabled, testId, onChange, newRow, renderRow }: {
  rows: unknown[];
  disabled: boolean;
  testId: string;
  onChange: (next: unknown[]) => void;
  newRow: () => Record<string, unknown>;
  renderRow: (record: Record<string, unknown>, i: number, setRow: (next: Record<string, unknown>) => void) => ReactNode;
}) {
  return (
    <div className="flex flex-col gap-2" data-testid={testId}>
      {rows.map((row, i) => (
        <div key={i} className="flex items-start gap-1 rounded-md border border-zinc-200 bg-zinc-50/60 p-2" data-testid={`${testId}-${i}`}>
          <div className="flex min-w-0 flex-1 flex-col gap-2">
            {renderRow(isRecord(row) ? row : {}, i, (next) => onChange(rows.map((r, j) => (j === i ? next : r))))}
          </div>
          <RemoveButton disabled={disabled} label={`Remove row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      {rows.length === 0 ? <p className="text-xs text-zinc-400">None</p> : null}
      {disabled ? null : (
        <Button size="sm" className="self-start" onClick={() => onChange([...rows, newRow()])} data-testid={`${testId}-add`}>
          Add row
        </Button>
      )}
    </div>
  );
}

export function ObjectListInput({ field, value, onChange, disabled, testId, columns }: InputProps<ObjectListField>) {
  return (
    <RowList
      rows={listOf(value, field.defaultValue)}
      disabled={disabled}
      testId={testId}
      onChange={onChange}
      newRow={() => newRow(field)}
      renderRow={(record, i, setRow) => (
        <RowFields fields={field.itemFields} required={field.required} record={record} disabled={disabled} testId={`${testId}-${i}`} columns={columns} onRow={setRow} />
      )}
    />
  );
}

type VariantListField = Extract<ParamField, { kind: 'variant-list' }>;
type Variant = VariantListField['variants'][number];

/** A row of another kind keeps what it can (the column, say) and starts required enums at their first choice. */
function variantRow(field: VariantListField, variant: Variant, from: Record<string, unknown> = {}): Record<string, unknown> {
  const row: Record<string, unknown> = { [field.discriminator]: variant.value };
  for (const sub of variant.fields) {
    if (sub.name in from) row[sub.name] = from[sub.name];
    else if (sub.kind === 'enum' && variant.required.includes(sub.name)) row[sub.name] = sub.options[0];
  }
  return row;
}

/** A list whose rows each pick a kind, then show that kind's fields (validation expectations). */
export function VariantListInput({ field, value, onChange, disabled, testId, columns }: InputProps<VariantListField>) {
  const kindLabel = humanise(field.discriminator);
  return (
    <RowList
      rows={listOf(value, field.defaultValue)}
      disabled={disabled}
      testId={testId}
      onChange={onChange}
      newRow={() => variantRow(field, field.variants[0])}
      renderRow={(record, i, setRow) => {
        const variant = field.variants.find((v) => v.value === record[field.discriminator]);
        return (
          <>
            <label className="flex min-w-0 flex-col gap-0.5 text-[11px] text-zinc-500">
              {kindLabel}
              <select
                className={INPUT_CLASS}
                data-testid={`${testId}-${i}-${field.discriminator}`}
                disabled={disabled}
                value={variant?.value ?? ''}
                onChange={(e) => {
                  const next = field.variants.find((v) => v.value === e.target.value);
                  if (next) setRow(variantRow(field, next, record));
                }}
              >
                {variant ? null : <option value="">Choose…</option>}
                {field.variants.map((v) => (
                  <option key={v.value} value={v.value}>
                    {v.label}
                  </option>
                ))}
              </select>
              {variant?.description ? <span className="text-zinc-400">{variant.description}</span> : null}
            </label>
            {variant && variant.fields.length > 0 ? (
              <RowFields fields={variant.fields} required={variant.required} record={record} disabled={disabled} testId={`${testId}-${i}`} columns={columns} onRow={setRow} />
            ) : null}
          </>
        );
      }}
    />
  );
}
