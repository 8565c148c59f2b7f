'use client';
// Picks the input for a field (a column or dataset picker where the schema says so), and adds a "None" switch where the schema allows null.
import { lazy, Suspense, type ReactNode } from 'react';
import { assertNever } from '../../engine/assert-never';
import { ColumnPicker } from './ColumnPicker';
import { ColumnPickerList } from './ColumnPickerList';
import { DatasetNamePicker, DatasetVersionPicker } from './DatasetPicker';
import { JsonInput } from './JsonInput';
import { ObjectListInput, StringListInput, VariantListInput } from './ListInputs';
import type { ParamField } from './param-fields';
import { ScalarInput, type InputProps } from './ScalarInput';

// CodeMirror is its own chunk, loaded when a code node is inspected.
const CodeField = lazy(() => import('../code/CodeField'));

function BareInput(props: InputProps<ParamField>) {
  const { field, columns } = props;
  switch (field.kind) {
    case 'string': {
      if (field.code) {
        return (
          <Suspense fallback={<p className="h-24 text-xs text-zinc-400">Loading the code editor…</p>}>
            <CodeField {...props} field={field} />
          </Suspense>
        );
      }
      if (field.dataset === 'name') return <DatasetNamePicker {...props} field={field} />;
      if (field.dataset === 'version') return <DatasetVersionPicker {...props} field={field} name={datasetNameOf(props.params)} />;
      const ref = field.columnsOf;
      const available = ref && columns?.[ref.port];
      if (ref && available) return <ColumnPicker {...props} field={{ ...field, columnsOf: ref }} available={available} />;
      return <ColumnsHint shown={ref !== undefined}><ScalarInput {...props} field={field} /></ColumnsHint>;
    }
    case 'number':
    case 'boolean':
    case 'enum':
    case 'scalar':
      return <ScalarInput {...props} field={field} />;
    case 'string-list': {
      const available = field.columnsOf && columns?.[field.columnsOf.port];
      if (available) return <ColumnPickerList {...props} field={field} available={available} />;
      return <ColumnsHint shown={field.columnsOf !== undefined}><StringListInput {...props} field={field} /></ColumnsHint>;
    }
    case 'object-list':
      return <ObjectListInput {...props} field={field} />;
    case 'variant-list':
      return <VariantListInput {...props} field={field} />;
    case 'json':
      return <JsonInput {...props} />;
    default:
      return assertNever(field);
  }
}

/** The dataset a version picker lists: the form's `name` param (the dataset node's). */
function datasetNameOf(params: Record<string, unknown> | undefined): string {
  return typeof params?.name === 'string' ? params.name.trim() : '';
}

/** A column param whose input columns are not known yet is free text, and says how to get the picker. */
function ColumnsHint({ shown, children }: { shown: boolean; children: ReactNode }) {
  if (!shown) return children;
  return (
    <div className="flex flex-col gap-1">
      {children}
      <p className="text-[11px] text-zinc-400">Run the upstream steps or connect an input to pick from its columns.</p>
    </div>
  );
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
