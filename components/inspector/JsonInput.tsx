'use client';
// The honest fallback: a param the form cannot draw is edited as JSON, and says so.
import { useState } from 'react';
import { INPUT_CLASS } from './input-style';
import type { InputProps } from './ScalarInput';

export function JsonInput({ value, onChange, disabled, testId, invalid }: InputProps<unknown>) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = useState(false);
  return (
    <div className="flex flex-col gap-1">
      <textarea
        id={testId}
        data-testid={testId}
        disabled={disabled}
        aria-invalid={bad || invalid || undefined}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        className={`${INPUT_CLASS} font-mono text-xs`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setBad(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      <p className="text-[11px] text-zinc-400">{bad ? <span className="text-red-600">Not valid JSON yet; the last valid value is kept.</span> : 'Edited as JSON: this form has no input for this kind of value.'}</p>
    </div>
  );
}
