'use client';
// The dataset node's name and version as pickers of what is stored: every dataset with its size,
// then "latest" or one pinned version. A saved value the server lacks stays shown and flagged;
// compile says what is wrong with it (with "did you mean") under the field.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '../trpc/trpc-context';
import { datasetChoices, versionChoices, type Choice } from './dataset-picker-choices';
import { INPUT_CLASS } from './input-style';
import type { ScalarField } from './param-fields';
import type { InputProps } from './ScalarInput';

type StringField = Extract<ScalarField, { kind: 'string' }>;

function ChoiceSelect({ choices, value, placeholder, onChange, disabled, testId, invalid }: Omit<InputProps<StringField>, 'field' | 'value'> & { choices: Choice[]; value: string; placeholder?: string }) {
  const unknown = choices.find((c) => c.value === value && !c.known);
  return (
    <select
      id={testId}
      data-testid={testId}
      disabled={disabled}
      aria-invalid={invalid || unknown !== undefined || undefined}
      className={INPUT_CLASS}
      value={value}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

export function DatasetNamePicker(props: InputProps<StringField>) {
  const trpc = useTRPC();
  const list = useQuery(trpc.dataset.list.queryOptions());
  const current = typeof props.value === 'string' ? props.value : '';
  if (list.isPending) return <div className={`${INPUT_CLASS} animate-pulse`} aria-busy="true" aria-label="Loading datasets" />;
  const choices = datasetChoices(list.data ?? [], current);
  return (
    <div className="flex flex-col gap-1">
      <ChoiceSelect {...props} choices={choices} value={current} placeholder={current === '' ? '— choose a dataset —' : undefined} />
      {list.isError ? <p className="text-[11px] text-red-700">The datasets could not be listed.</p> : null}
      {list.data?.length === 0 ? (
        <p className="text-[11px] text-zinc-500" data-testid={`${props.testId}-none`}>
          No datasets yet:{' '}
          <Link href="/datasets" className="font-medium text-indigo-600 hover:text-indigo-500">
            upload one on the Datasets page
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}

/** `name` is the sibling param naming the dataset; its versions are only listed once it exists. */
export function DatasetVersionPicker(props: InputProps<StringField> & { name: string }) {
  const trpc = useTRPC();
  const datasets = useQuery(trpc.dataset.list.queryOptions());
  const exists = datasets.data?.some((d) => d.name === props.name) ?? false;
  const detail = useQuery(trpc.dataset.get.queryOptions({ name: props.name }, { enabled: exists }));
  const current = typeof props.value === 'string' && props.value !== '' ? props.value : 'latest';
  const choices = versionChoices(exists ? (detail.data?.versions ?? []) : [], current);
  return (
    <div className="flex flex-col gap-1">
      <ChoiceSelect {...props} disabled={props.disabled || !exists} choices={choices} value={current} />
      {!exists ? <p className="text-[11px] text-zinc-400">Choose a dataset first; then pick latest or pin one version.</p> : null}
    </div>
  );
}
