'use client';
// A param naming one column: a select of the input's columns with type and role, an empty choice
// when the param may be left out, and a saved name the input lacks kept and flagged.
import type { ColumnShape } from '../../engine/columns';
import { columnChoices, columnHint } from './column-picker-choices';
import { INPUT_CLASS } from './input-style';
import type { ColumnRef, ScalarField } from './param-fields';
import type { InputProps } from './ScalarInput';

type ColumnField = Extract<ScalarField, { kind: 'string' }> & { columnsOf: ColumnRef };

export function ColumnPicker({
  field,
  value,
  onChange,
  disabled,
  testId,
  invalid,
  available,
}: InputProps<ColumnField> & { available: readonly ColumnShape[] }) {
  const current = typeof value === 'string' && value !== '' ? value : '';
  const choices = columnChoices(available, current ? [current] : []);
  const chosen = choices.find((c) => c.name === current);
  const { emptyLabel } = field.columnsOf;
  return (
    <div className="flex flex-col gap-1">
      <select
        id={testId}
        data-testid={testId}
        disabled={disabled}
        aria-invalid={invalid || (chosen && !chosen.inInput) || undefined}
        className={INPUT_CLASS}
        value={current}
        // Empty removes the param, so its default (or "use the role") applies.
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {emptyLabel !== null || current === '' ? (
          <option value="">{emptyLabel !== null ? `(${emptyLabel})` : '— choose a column —'}</option>
        ) : null}
        {choices.map((c) => (
          <option key={c.name} value={c.name}>
            {`${c.name} — ${columnHint(c)}`}
          </option>
        ))}
      </select>
      {chosen && !chosen.inInput ? (
        <p className="text-[11px] text-amber-700" data-testid={`${testId}-not-in-input`}>
          “{chosen.name}” is not in the input; choose one of its columns.
        </p>
      ) : null}
      {available.length === 0 ? <p className="text-[11px] text-zinc-400">The input has no columns.</p> : null}
    </div>
  );
}
