'use client';
// Picks the input for a field, and adds a "None" switch where the schema allows null.
import { assertNever } from '../../engine/assert-never';
import { JsonInput } from './JsonInput';
import { ObjectListInput, StringListInput } from './ListInputs';
import type { ParamField } from './param-fields';
import { ScalarInput, type InputProps } from './ScalarInput';

function BareInput(props: InputProps<ParamField>) {
  const { field } = props;
  switch (field.kind) {
    case 'number':
    case 'boolean':
    case 'enum':
    case 'string':
    case 'scalar':
      return <ScalarInput {...props} field={field} />;
    case 'string-list':
      return <StringListInput {...props} field={field} />;
    case 'object-list':
      return <ObjectListInput {...props} field={field} />;
    case 'json':
      return <JsonInput {...props} />;
    default:
      return assertNever(field);
  }
}

export function FieldInput(props: InputProps<ParamField>) {
  const { field, value, onChange, disabled, testId } = props;
  if (!field.nullable) return <BareInput {...props} />;
  const isNone = (value === undefined ? field.defaultValue : value) === null;
  return (
    <div className="flex items-center gap-2">
      <div className="min-w-0 flex-1">{isNone ? <p className="text-xs text-zinc-400">None</p> : <BareInput {...props} />}</div>
      <label className="flex shrink-0 items-center gap-1 text-xs text-zinc-500">
        <input
          type="checkbox"
          className="accent-indigo-600"
          data-testid={`${testId}-none`}
          disabled={disabled}
          checked={isNone}
          onChange={(e) => onChange(e.target.checked ? null : field.defaultValue === null ? (field.kind === 'number' ? (field.min ?? 0) : '') : undefined)}
        />
        None
      </label>
    </div>
  );
}
