'use client';
// Inputs for one scalar param: number, checkbox, select, text, or a string/number/boolean as text.
import { useState } from 'react';
import type { PortColumns } from '../../engine/columns';
import { INPUT_CLASS } from './input-style';
import type { ScalarField } from './param-fields';

export interface InputProps<F> {
  field: F;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled: boolean;
  testId: string;
  invalid?: boolean;
  /** The node's input columns by port, for column params; absent or null where not known. */
  columns?: PortColumns;
  /** The whole form's values, for a field that depends on another (a dataset's versions on its name). */
  params?: Record<string, unknown>;
}

const placeholderOf = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
const textOf = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** Text to a number when it is one; otherwise the text itself, so the compiler can say what is wrong. */
function readNumber(text: string): unknown {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Numbers and true/false as such; anything else stays text. */
export function readScalar(text: string): unknown {
  if (text === '') return undefined;
  if (text === 'true') return true;
  if (text === 'false') return false;
  return /^-?\d/.test(text.trim()) && Number.isFinite(Number(text)) ? Number(text) : text;
}

export function ScalarInput({ field, value, onChange, disabled, testId, invalid }: InputProps<ScalarField>) {
  const [text, setText] = useState(() => textOf(value));
  const common = { id: testId, 'data-testid': testId, disabled, 'aria-invalid': invalid || undefined, className: INPUT_CLASS };
  switch (field.kind) {
    case 'number':
      return (
        <input
          {...common}
          type="number"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          step={field.integer ? 1 : 'any'}
          min={field.min ?? field.exclusiveMin}
          max={field.max ?? field.exclusiveMax}
          placeholder={placeholderOf(field.defaultValue)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(readNumber(e.target.value));
          }}
        />
      );
    case 'boolean':
      return (
        <input
          {...common}
          className="size-4 accent-indigo-600"
          type="checkbox"
          checked={Boolean(value ?? field.defaultValue)}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'enum':
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
          <option value="">{field.defaultValue !== undefined ? `Default (${placeholderOf(field.defaultValue)})` : '— choose —'}</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    case 'string':
    case 'scalar':
      return (
        <input
          {...common}
          type="text"
          maxLength={field.kind === 'string' ? field.maxLength : undefined}
          placeholder={placeholderOf(field.defaultValue)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(field.kind === 'scalar' ? readScalar(e.target.value) : e.target.value === '' ? undefined : e.target.value);
          }}
        />
      );
  }
}
