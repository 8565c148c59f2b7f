'use client';
// "Try an ONNX model": load a local .onnx file with onnxruntime-web in this browser, try one row,
// and score a CSV file. Nothing leaves the machine, so any signed-in role may use it.
import { useState, type ReactNode } from 'react';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { CsvScoring } from './CsvScoring';
import { LocalFileDrop } from '../ui/LocalFileDrop';
import { ModelSummary, ProviderNotes } from './ModelSummary';
import { TryModelForm } from './TryModelForm';
import { useOnnxModel, type LoadedModel } from './use-onnx-model';

function Section({ title, description, children, testId }: { title: string; description: ReactNode; children: ReactNode; testId: string }) {
  const id = `${testId}-heading`;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby={id} data-testid={testId}>
      <div>
        <h2 id={id} className="text-sm font-semibold text-zinc-900">
          {title}
        </h2>
        <p className="mt-0.5 text-xs text-zinc-500">{description}</p>
      </div>
      {children}
    </section>
  );
}

function ModelSections({ model }: { model: LoadedModel }) {
  const { layout } = model;
  if (layout.kind === 'unsupported') return null;
  return (
    <>
      <Section title="Try the model" description="Type one row; the outputs show at full precision." testId="onnx-try">
        <TryModelForm model={model} layout={layout} />
      </Section>
      <Section title="Score a CSV file" description="Each row keeps its columns and gains the model’s outputs. Large files are read and scored in pieces." testId="onnx-batch">
        <CsvScoring model={model} layout={layout} />
      </Section>
    </>
  );
}

export function OnnxTryPage() {
  const { state, load } = useOnnxModel();
  const [file, setFile] = useState<File | null>(null);

  return (
    <PageBody>
      <div data-testid="onnx-page">
        <PageHeader title="Try an ONNX model" description="Runs in this browser with onnxruntime-web: the model and your data never leave this machine." />
        <div className="mt-6 flex flex-col gap-6">
          <Section title="Model" description="A .onnx file from this computer. WebGPU is used when the browser has a GPU adapter, WebAssembly otherwise." testId="onnx-model">
            <LocalFileDrop
              file={file}
              onFile={(f) => {
                setFile(f);
                load(f);
              }}
              accept=".onnx"
              prompt="Drop a .onnx model here, or click to choose one"
              hint="Tabular models: one float tensor [batch, n], or one input per column"
              testId="onnx-model"
              disabled={state.status === 'loading'}
            />
            {state.status === 'loading' ? (
              <p className="text-sm text-zinc-500" aria-live="polite" data-testid="onnx-loading">
                Loading {state.fileName}…
              </p>
            ) : null}
            {state.status === 'failed' ? (
              <div className="flex flex-col gap-2" data-testid="onnx-load-error">
                <InlineError message={state.error} />
                <ProviderNotes notes={state.notes} />
              </div>
            ) : null}
            {state.status === 'ready' ? <ModelSummary model={state.model} /> : null}
          </Section>
          {state.status === 'ready' ? <ModelSections key={`${state.model.fileName}:${state.model.loadMs}`} model={state.model} /> : null}
        </div>
      </div>
    </PageBody>
  );
}
