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
  const alerts = general.map((m) => (
    <p key={m} role="alert" className="text-xs text-red-700" data-testid="param-issue-_node">
      {m}
    </p>
  ));
  // A node without params still shows why its saved params are refused (an unknown key).
  if (fields.length === 0) {
    return (
      <div className="flex flex-col gap-3.5" data-testid="param-form">
        {alerts}
        <p className="text-sm text-zinc-500">This node has no parameters.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3.5" data-testid="param-form">
      {alerts}
      {fields.map((field) => {
        const messages = issues.get(field.name) ?? [];
        const testId = `param-${field.name}`;
        const inline = field.kind === 'boolean';
        return (
          <div key={field.name} className="flex flex-col gap-1">
            <label htmlFor={testId} className={`text-xs font-medium text-zinc-700 ${inline ? 'flex flex-row-reverse items-center justify-end gap-2' : ''}`}>
              {field.label}
              {inline ? (
                <FieldInput field={field} value={value[field.name]} disabled={readOnly} testId={testId} invalid={messages.length > 0} columns={columns} params={value} onChange={(v) => onChange(setParam(value, field, v, fields))} />
              ) : null}
            </label>
            {inline ? null : (
              <FieldInput field={field} value={value[field.name]} disabled={readOnly} testId={testId} invalid={messages.length > 0} columns={columns} params={value} onChange={(v) => onChange(setParam(value, field, v, fields))} />
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

/**
 * Setting a param to undefined removes it, so its default applies. Choosing another dataset also
 * resets a pinned version to its default (latest): the old hash is not a version of the new one.
 */
function setParam(params: Record<string, unknown>, field: ParamField, value: unknown, fields: readonly ParamField[]): Record<string, unknown> {
  const next = { ...params };
  if (value === undefined) delete next[field.name];
  else next[field.name] = value;
  if (field.kind === 'string' && field.dataset === 'name' && value !== params[field.name]) {
    for (const f of fields) if (f.kind === 'string' && f.dataset === 'version') delete next[f.name];
  }
  return next;
}
