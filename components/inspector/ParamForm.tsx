'use client';
// A node's params form, generated from its params JSON Schema: label, input, help text, issues.
import type { PortColumns } from '../../engine/columns';
import { FieldInput } from './FieldInput';
import type { ParamField } from './param-fields';

interface ParamFormProps {
  fields: ParamField[];
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
  /** Issue messages by top-level param name; '' holds those that name no param. */
  issues: Map<string, string[]>;
  readOnly: boolean;
  /** The node's input columns by port (pipeline.get's columns[nodeId].inputs), for the column pickers. */
  columns?: PortColumns;
}

export function ParamForm({ fields, value, onChange, issues, readOnly, columns }: ParamFormProps) {
  const general = issues.get('') ?? [];
  if (fields.length === 0) return <p className="text-sm text-zinc-500" data-testid="param-form">This node has no parameters.</p>;
  return (
    <div className="flex flex-col gap-3.5" data-testid="param-form">
      {general.map((m) => (
        <p key={m} role="alert" className="text-xs text-red-700" data-testid="param-issue-_node">
          {m}
        </p>
      ))}
      {fields.map((field) => {
        const messages = issues.get(field.name) ?? [];
        const testId = `param-${field.name}`;
        const inline = field.kind === 'boolean';
        return (
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={testId} className={`text-xs font-medium text-zinc-700 ${inline ? 'flex flex-row-reverse items-center justify-end gap-2' : ''}`}>
              {field.label}
              {inline ? (
                <FieldInput field={field} value={value[field.name]} disabled={readOnly} testId={testId} invalid={messages.length > 0} columns={columns} onChange={(v) => onChange(setParam(value, field.name, v))} />
              ) : null}
            </label>
            {inline ? null : (
              <FieldInput field={field} value={value[field.name]} disabled={readOnly} testId={testId} invalid={messages.length > 0} columns={columns} onChange={(v) => onChange(setParam(value, field.name, v))} />
            )}
            {messages.length > 0 ? (
              <p role="alert" className="text-xs text-red-700" data-testid={`param-issue-${field.name}`}>
                {messages.join(' ')}
              </p>
            ) : null}
            {field.description ? <p className="text-[11px] leading-snug text-zinc-500">{field.description}</p> : null}
          </div>
        );
      })}
    </div>
  );
}

/** Setting a param to undefined removes it, so its default applies. */
function setParam(params: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const next = { ...params };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next;
}
