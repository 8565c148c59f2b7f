'use client';
// "Try it": one row of the model's raw input columns, sent by the studio to the serving process
// with the key given here; the answer is shown as the protocol gave it (prediction or error body).
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { parseCell, type Row } from '../../nodes/deploy/serving-requests';
import type { ColumnInfo } from '../../nodes/values';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';

interface TryItProps {
  endpointId: string;
  columns: readonly ColumnInfo[];
  texts: Record<string, string>;
  onTexts: (texts: Record<string, string>) => void;
  keyText: string;
  onKey: (key: string) => void;
}

/** The typed-in row as the columns want it, or the first problem. */
export function rowFromTexts(columns: readonly ColumnInfo[], texts: Record<string, string>): { row: Row; problem: string | null } {
  const row: Row = {};
  for (const column of columns) {
    const parsed = parseCell(column, texts[column.name] ?? '');
    if (!parsed.ok) return { row, problem: parsed.message };
    row[column.name] = parsed.value;
  }
  return { row, problem: null };
}

export function TryIt({ endpointId, columns, texts, onTexts, keyText, onKey }: TryItProps) {
  const trpc = useTRPC();
  const [protocol, setProtocol] = useState<'v2' | 'mlflow'>('v2');
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation(trpc.deployments.tryIt.mutationOptions());
  const submit = () => {
    const { row, problem: bad } = rowFromTexts(columns, texts);
    if (!keyText.trim()) return setProblem('Paste a key for this endpoint (create one under Keys)');
    setProblem(bad);
    if (!bad) send.mutate({ endpointId, key: keyText.trim(), protocol, row });
  };
  const answer = send.data;
  return (
    <section aria-labelledby="try-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="try-it">
      <h2 id="try-heading" className="text-sm font-semibold text-zinc-900">
        Try it
      </h2>
      <form
        className="mt-3 flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="flex flex-wrap items-end gap-3 text-xs text-zinc-600">
          <label className="flex flex-1 flex-col gap-1">
            Key
            <input value={keyText} onChange={(e) => onKey(e.target.value)} placeholder="pw_ep_…" className="h-8 rounded-md border border-zinc-300 px-2 font-mono text-xs" data-testid="try-key" autoComplete="off" />
          </label>
          <label className="flex flex-col gap-1">
            Protocol
            <select value={protocol} onChange={(e) => setProtocol(e.target.value as 'v2' | 'mlflow')} className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm" data-testid="try-protocol">
              <option value="v2">KServe V2 infer</option>
              <option value="mlflow">MLflow invocations</option>
            </select>
          </label>
        </div>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {columns.map((c) => (
            <label key={c.name} className="flex flex-col gap-1 text-xs text-zinc-600">
              <span>
                {c.name} <span className="text-zinc-400">{c.type}</span>
              </span>
              <input
                value={texts[c.name] ?? ''}
                onChange={(e) => onTexts({ ...texts, [c.name]: e.target.value })}
                placeholder={c.type === 'boolean' ? 'true / false' : c.type === 'numeric' ? 'number' : 'text'}
                className="h-8 rounded-md border border-zinc-300 px-2 text-sm"
                data-testid={`try-field-${c.name}`}
              />
            </label>
          ))}
        </div>
        <div>
          <Button type="submit" variant="primary" size="sm" disabled={send.isPending} data-testid="try-send">
            {send.isPending ? 'Sending…' : 'Send'}
          </Button>
        </div>
      </form>
      <InlineError message={problem ?? (send.error ? errorMessage(send.error) : null)} className="mt-3" />
      {answer ? (
        <div className="mt-3" data-testid="try-answer">
          <p className={`text-xs font-medium ${answer.status < 300 ? 'text-emerald-700' : 'text-red-700'}`} data-testid="try-status">
            HTTP {answer.status} from {answer.url}
          </p>
          <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100" data-testid="try-body">
            {typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body, null, 2)}
          </pre>
        </div>
      ) : null}
    </section>
  );
}
