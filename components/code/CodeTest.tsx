'use client';
// "Test on preview rows": sends the document as it stands (the code unsaved) to pipeline.testCode,
// which runs this node in the server sandbox on the first rows of its input as the last run left
// them, and shows what came back: the output's columns with their types, its first rows, the
// console output, or the error.
import { useMutation } from '@tanstack/react-query';
import { useEditorStore } from '../editor/EditorContext';
import { Button } from '../ui/Button';
import { useTRPC } from '../trpc/trpc-context';
import type { CodeAccess } from './code-access';

const PREVIEW_ROWS = 1000;

const cellText = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'number' ? String(Number.isInteger(v) ? v : Number(v.toPrecision(6))) : String(v));

export function CodeTest({ access }: { access: CodeAccess }) {
  const { nodeId, tested, setTested, declareColumns } = access;
  const trpc = useTRPC();
  const store = useEditorStore();
  const test = useMutation(
    trpc.pipeline.testCode.mutationOptions({
      onSuccess: (result) => setTested({ result }),
      onError: (e) => setTested({ failed: e.message }),
    }),
  );
  const result = tested && 'result' in tested ? tested.result : null;
  return (
    <div className="flex flex-col gap-2" data-testid="code-test">
      <div className="flex items-center gap-2">
        <Button size="sm" data-testid="code-test-button" disabled={test.isPending} onClick={() => test.mutate({ doc: store.getState().doc, nodeId, rows: PREVIEW_ROWS })}>
          {test.isPending ? 'Testing…' : 'Test on preview rows'}
        </Button>
        <span className="text-[11px] text-zinc-500">Runs the unsaved code in the sandbox on up to {PREVIEW_ROWS.toLocaleString('en')} rows of the last run's input.</span>
      </div>
      {tested && 'failed' in tested ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-700" data-testid="code-test-error">
          {tested.failed}
        </p>
      ) : null}
      {result && !result.ok ? (
        <p role="alert" className="whitespace-pre-wrap rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-700" data-testid="code-test-error">
          {result.error}
        </p>
      ) : null}
      {result?.ok ? (
        <div className="flex flex-col gap-2" data-testid="code-test-result">
          <p className="text-xs text-zinc-600">
            {result.inputRows.toLocaleString('en')} rows in → {result.outputRows.toLocaleString('en')} rows out
            {result.columns ? `, ${result.columns.length} columns` : ''}
            {result.preview.length ? ` (first ${result.preview.length} shown)` : ''}
          </p>
          {result.columns && declareColumns ? (
            <div className="flex items-center gap-2">
              <Button size="sm" variant="secondary" data-testid="code-test-declare" onClick={() => declareColumns(result.columns!)}>
                Declare these output columns
              </Button>
              <span className="text-[11px] text-zinc-500">Runs are then checked against them, and nodes downstream can pick them before a run.</span>
            </div>
          ) : null}
          {result.columns ? (
            <ul className="flex flex-wrap gap-1" data-testid="code-test-columns">
              {result.columns.map((c) => (
                <li key={c.name} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] text-zinc-700" data-testid={`code-test-column-${c.name}`}>
                  {c.name} <span className="text-zinc-400">{c.type}{c.role !== 'feature' ? ` · ${c.role}` : ''}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {result.columns && result.preview.length ? (
            <div className="max-h-64 overflow-auto rounded-md border border-zinc-200">
              <table className="min-w-full text-[11px]" data-testid="code-test-table">
                <thead className="sticky top-0 bg-zinc-50">
                  <tr>{result.columns.map((c) => <th key={c.name} className="px-2 py-1 text-left font-medium text-zinc-600">{c.name}</th>)}</tr>
                </thead>
                <tbody>
                  {result.preview.map((row, i) => (
                    <tr key={i} className="border-t border-zinc-100">
                      {result.columns!.map((c) => <td key={c.name} className="whitespace-nowrap px-2 py-0.5 font-mono text-zinc-800">{cellText(row[c.name])}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
      {result?.logs.length ? (
        <pre className="max-h-40 overflow-auto rounded-md bg-zinc-900 px-3 py-2 text-[11px] text-zinc-100" data-testid="code-test-logs">
          {result.logs.map((l) => `${l.level === 'info' ? '' : `[${l.level}] `}${l.message}`).join('\n')}
        </pre>
      ) : null}
    </div>
  );
}
