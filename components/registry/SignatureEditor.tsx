'use client';
// The signature of an imported model: its input columns (name, type), target, task and labels.
// Pre-filled from the model; every problem shows beside the field it is about. Key it by the model
// file: the labels text is its own state, so a comma can be typed.
import { useState } from 'react';
import { MODEL_TASKS } from '../../nodes/models/model-artifact';
import type { SignatureDraft } from '../../nodes/onnx/import-signature';
import { COLUMN_TYPES } from '../../nodes/values';
import { TextField } from '../ui/TextField';

export type FieldErrors = Record<string, string>;

const SELECT = 'h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-900 shadow-sm';

function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const message = errors[field];
  return message ? (
    <p className="text-xs text-red-700" data-testid={`import-error-${field}`}>
      {message}
    </p>
  ) : null;
}

export function SignatureEditor({ draft, onChange, errors }: { draft: SignatureDraft; onChange: (next: SignatureDraft) => void; errors: FieldErrors }) {
  const [labelsText, setLabelsText] = useState(draft.labels.join(', '));
  const setInput = (i: number, patch: Partial<SignatureDraft['inputs'][number]>) => onChange({ ...draft, inputs: draft.inputs.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  return (
    <div className="flex flex-col gap-4" data-testid="import-signature">
      <div>
        <h3 className="text-sm font-medium text-zinc-700">Input columns, in the order the model reads them</h3>
        <FieldError errors={errors} field="inputs" />
        <div className="mt-2 grid max-h-72 grid-cols-[2rem_1fr_10rem] items-start gap-2 overflow-auto">
          {draft.inputs.map((c, i) => (
            <div key={i} className="contents">
              <span className="pt-2 text-right text-xs text-zinc-400 tabular-nums">{i + 1}</span>
              <div className="flex flex-col gap-1">
                <input
                  aria-label={`Name of input column ${i + 1}`}
                  value={c.name}
                  onChange={(e) => setInput(i, { name: e.target.value })}
                  className={`h-9 rounded-md border bg-white px-3 font-mono text-sm ${errors[`inputs[${i}].name`] ? 'border-red-400' : 'border-zinc-300'}`}
                  data-testid={`import-input-name-${i}`}
                />
                <FieldError errors={errors} field={`inputs[${i}].name`} />
              </div>
              <div className="flex flex-col gap-1">
                <select aria-label={`Type of input column ${i + 1}`} value={c.type} onChange={(e) => setInput(i, { type: e.target.value as (typeof COLUMN_TYPES)[number] })} className={SELECT}>
                  {COLUMN_TYPES.map((t) => (
                    <option key={t}>{t}</option>
                  ))}
                </select>
                <FieldError errors={errors} field={`inputs[${i}].type`} />
              </div>
            </div>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <TextField label="Target column" hint="What it predicts; optional" value={draft.target ?? ''} onChange={(e) => onChange({ ...draft, target: e.target.value.trim() ? e.target.value : null })} data-testid="import-target" />
          <FieldError errors={errors} field="target" />
        </div>
        <div className="flex flex-col gap-1.5">
          <label className="text-sm font-medium text-zinc-700" htmlFor="import-task">
            Task
          </label>
          <select id="import-task" value={draft.task ?? ''} onChange={(e) => onChange({ ...draft, task: e.target.value ? (e.target.value as SignatureDraft['task']) : null })} className={SELECT} data-testid="import-task">
            <option value="">— choose —</option>
            {MODEL_TASKS.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
          <FieldError errors={errors} field="task" />
        </div>
        <div className="flex flex-col gap-1">
          <TextField
            label="Class labels"
            hint="Comma-separated, in the model's output order"
            value={labelsText}
            onChange={(e) => {
              setLabelsText(e.target.value);
              onChange({ ...draft, labels: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) });
            }}
            data-testid="import-labels"
          />
          <FieldError errors={errors} field="labels" />
        </div>
      </div>
    </div>
  );
}
