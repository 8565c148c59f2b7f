'use client';
// Batch scoring of a local CSV file: preview and column mapping, scoring in batches with progress
// (stoppable), the first scored rows, and the whole scored file to download. Nothing is uploaded.
import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/Button';
import { formatDuration, formatNumber } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { mappingProblems, proposeMapping, type ColumnChoice } from './csv-mapping';
import { scoreCsv, type ScoredCsv, type ScoreProgress, type SupportedLayout } from './csv-scoring';
import { blobText, previewCsv, type CsvPreview } from './csv-stream';
import { LocalFileDrop } from '../ui/LocalFileDrop';
import { MappingTable } from './MappingTable';
import { ScoredPreview } from './ScoredPreview';
import type { LoadedModel } from './use-onnx-model';

type Scoring =
  | { status: 'idle' }
  | { status: 'running'; progress: ScoreProgress }
  | { status: 'done'; scored: ScoredCsv; url: string; ms: number }
  | { status: 'failed'; error: string };

const scoredName = (name: string) => `${name.replace(/\.(csv|tsv|txt)$/i, '')}-scored.csv`;

export function CsvScoring({ model, layout }: { model: LoadedModel; layout: SupportedLayout }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnChoice[]>([]);
  const [scoring, setScoring] = useState<Scoring>({ status: 'idle' });
  const stop = useRef<AbortController | null>(null);

  // A finished file's Blob URL lives until the next result or until the page goes.
  const url = scoring.status === 'done' ? scoring.url : null;
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  useEffect(() => () => stop.current?.abort(), []);

  async function choose(next: File) {
    stop.current?.abort();
    setFile(next);
    setScoring({ status: 'idle' });
    setPreview(null);
    setPreviewError(null);
    const read = await previewCsv(next);
    if (!read.ok) return setPreviewError(read.error);
    setPreview(read.preview);
    setMapping(proposeMapping(layout, read.preview.header, read.preview.rows));
  }

  async function score() {
    if (!file || !preview) return;
    const controller = new AbortController();
    stop.current = controller;
    setScoring({ status: 'running', progress: { rows: 0, fraction: 0 } });
    const started = performance.now();
    const result = await scoreCsv({
      chunks: blobText(file),
      dialect: preview.dialect,
      header: preview.header,
      layout,
      mapping: mapping.map((m) => m.column ?? -1),
      score: model.run,
      onProgress: (progress) => setScoring({ status: 'running', progress }),
      signal: controller.signal,
    });
    if (stop.current !== controller) return; // a newer file or run took over
    stop.current = null;
    if (!result.ok) return setScoring({ status: 'failed', error: result.error });
    const blob = new Blob(result.value.parts, { type: 'text/csv;charset=utf-8' });
    setScoring({ status: 'done', scored: result.value, url: URL.createObjectURL(blob), ms: performance.now() - started });
  }

  const running = scoring.status === 'running';
  const blockers = preview ? mappingProblems(layout.fields, mapping) : [];
  return (
    <div className="flex flex-col gap-3" data-testid="onnx-csv">
      <LocalFileDrop
        file={file}
        onFile={(f) => void choose(f)}
        accept=".csv,.tsv,.txt,text/csv"
        prompt="Drop a CSV file here, or click to choose one"
        hint="Read in this browser, a piece at a time; rows are counted from the first line after the header"
        testId="onnx-csv"
        disabled={running}
      />
      <InlineError message={previewError} />
      {preview ? (
        <>
          <MappingTable fields={layout.fields} header={preview.header} sample={preview.rows} mapping={mapping} onChange={setMapping} disabled={running} />
          {blockers.length ? <p className="text-sm text-amber-800">{blockers.join(' ')}</p> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="primary" onClick={() => void score()} disabled={running || blockers.length > 0} data-testid="onnx-score">
              {running ? 'Scoring…' : 'Score the file'}
            </Button>
            {running ? (
              <Button variant="secondary" onClick={() => stop.current?.abort()} data-testid="onnx-score-stop">
                Stop
              </Button>
            ) : null}
            {scoring.status === 'done' ? (
              <a
                href={scoring.url}
                download={scoredName(file?.name ?? 'scored.csv')}
                className="inline-flex h-9 items-center justify-center rounded-md border border-zinc-300 bg-white px-3.5 text-sm font-medium text-zinc-800 shadow-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
                data-testid="onnx-download"
              >
                Download scored CSV
              </a>
            ) : null}
          </div>
          {running ? <ScoringProgress progress={scoring.progress} /> : null}
          {scoring.status === 'failed' ? (
            <div data-testid="onnx-score-error">
              <InlineError message={scoring.error} />
            </div>
          ) : null}
          {scoring.status === 'done' ? (
            <>
              <p className="text-sm text-zinc-600" data-testid="onnx-score-summary">
                Scored {formatNumber(scoring.scored.rowCount)} rows in {formatDuration(scoring.ms)}; the first {scoring.scored.preview.length} are below, with{' '}
                {scoring.scored.outputColumns.join(', ')} added.
                {scoring.scored.skippedOutputs.length ? ` Left out: ${scoring.scored.skippedOutputs.join('; ')}.` : ''}
              </p>
              <ScoredPreview header={scoring.scored.header} rows={scoring.scored.preview} outputCount={scoring.scored.outputColumns.length} />
            </>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function ScoringProgress({ progress }: { progress: ScoreProgress }) {
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="flex items-center gap-3" data-testid="onnx-score-progress">
      <div role="progressbar" aria-label="Scoring progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-100">
        <div className="h-full rounded-full bg-indigo-500 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <span className="w-40 text-right text-xs text-zinc-500 tabular-nums">
        {formatNumber(progress.rows)} rows · {percent}%
      </span>
    </div>
  );
}
