'use client';
// A code param in the inspector: the editor, why it is read only (roles without code.write), and
// "Test on preview rows" for those who may write code. Its own chunk: CodeMirror loads only here.
import type { InputProps } from '../inspector/ScalarInput';
import type { ScalarField } from '../inspector/param-fields';
import { useCodeAccess, type CodeAccess } from './code-access';
import { CodeEditor } from './CodeEditor';
import { CodeTest } from './CodeTest';

export default function CodeField({ field, value, onChange, disabled, testId, columns }: InputProps<ScalarField>) {
  const access = useCodeAccess();
  const code = typeof value === 'string' ? value : typeof field.defaultValue === 'string' ? field.defaultValue : '';
  const reason = access?.readOnlyReason ?? null;
  const readOnly = disabled || reason !== null;
  // The code nodes take one table; its columns feed `cols.` completion.
  const input = columns ? (Object.values(columns).find((c) => c) ?? null) : null;
  return (
    <div className="flex flex-col gap-2">
      <CodeEditor value={code} language={access?.language ?? 'javascript'} onChange={onChange} readOnly={readOnly} columns={input} error={testErrorOf(access) ?? access?.runError ?? null} testId={testId} />
      {reason ? (
        <p className="text-[11px] text-zinc-500" data-testid={`${testId}-read-only`}>
          {reason}.
        </p>
      ) : null}
      {access && !readOnly ? <CodeTest access={access} /> : null}
    </div>
  );
}

function testErrorOf(access: CodeAccess | null): string | null {
  const tested = access?.tested;
  if (!tested) return null;
  return 'failed' in tested ? tested.failed : tested.result.error;
}
