'use client';
// One row typed in by hand: a field per input value, run on the model, outputs shown in full
// precision. A value that is not a number is named, with the field it was typed into.
import { useState, type FormEvent } from 'react';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';
import { TextField } from '../ui/TextField';
import { buildFeeds, parseRow } from './feeds';
import type { SupportedLayout } from './csv-scoring';
import { outputsToRows, type RowOutputs } from './output-columns';
import type { LoadedModel } from './use-onnx-model';

export function TryModelForm({ model, layout }: { model: LoadedModel; layout: SupportedLayout }) {
  const [values, setValues] = useState<string[]>(() => layout.fields.map(() => ''));
  const [problems, setProblems] = useState<{ label: string | null; text: string }[]>([]);
  const [result, setResult] = useState<(RowOutputs & { ms: number }) | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseRow(layout.fields, values);
    if (!parsed.ok) {
      setProblems(parsed.problems.map((p) => ({ label: p.field.label, text: `${p.field.label}: ${p.reason}` })));
      setResult(null);
      return;
    }
    setProblems([]);
    setBusy(true);
    const started = performance.now();
    try {
      const outputs = await model.run(buildFeeds(layout, [parsed.values]));
      setResult({ ...outputsToRows(outputs, 1), ms: performance.now() - started });
    } catch (error) {
      setProblems([{ label: null, text: `The model failed on this row: ${(error as Error).message}` }]);
      setResult(null);
    } finally {
      setBusy(false);
    }
  }

  const bad = new Set(problems.map((p) => p.label));
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid="onnx-try-form">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {layout.fields.map((field, i) => (
          <TextField
            key={`${field.input}-${field.index}`}
            label={field.label}
            inputMode="decimal"
            autoComplete="off"
            placeholder={field.type}
            aria-invalid={bad.has(field.label) || undefined}
            inputClassName={`font-mono tabular-nums ${bad.has(field.label) ? 'border-red-400' : ''}`}
            data-testid={`onnx-field-${i}`}
            value={values[i] ?? ''}
            onChange={(e) => setValues((old) => old.map((v, j) => (j === i ? e.target.value : v)))}
          />
        ))}
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={busy} data-testid="onnx-run">
          {busy ? 'Running…' : 'Run the model'}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setValues(layout.fields.map(() => ''))} disabled={busy}>
          Clear
        </Button>
        {result ? <span className="text-xs text-zinc-500">{result.ms < 1 ? '< 1' : Math.round(result.ms)} ms</span> : null}
      </div>
      {problems.length ? (
        <div data-testid="onnx-try-error">
          <InlineError message={problems.map((p) => p.text).join(' · ')} />
        </div>
      ) : null}
      {result ? <RowResult result={result} /> : null}
    </form>
  );
}

function RowResult({ result }: { result: RowOutputs }) {
  return (
    <div className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2" data-testid="onnx-try-result">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        {result.columns.map((column, i) => (
          <div key={column} className="contents">
            <dt className="font-mono text-xs leading-5 text-zinc-500">{column}</dt>
            <dd className="font-mono leading-5 font-medium text-zinc-900 tabular-nums" data-testid={`onnx-output-${column}`} data-value={String(result.rows[0][i])}>
              {String(result.rows[0][i])}
            </dd>
          </div>
        ))}
      </dl>
      {result.skipped.length ? <p className="mt-1 text-xs text-zinc-500">Not shown: {result.skipped.join('; ')}.</p> : null}
    </div>
  );
}
