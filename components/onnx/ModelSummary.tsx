'use client';
// What was loaded: the execution provider in use and why earlier ones were passed over, the
// model's header, its inputs and outputs, and how the page will feed it.
import { showShape } from '../../engine/onnx/dims';
import type { ZipMapInfo } from '../../engine/onnx/zipmap';
import { formatDuration } from '../ui/format';
import type { InputLayout, IoInfo } from './input-layout';
import type { ProviderNote } from './open-session';
import type { LoadedModel } from './use-onnx-model';

export function ProviderNotes({ notes }: { notes: readonly ProviderNote[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="onnx-provider-notes">
      {notes.map((n) => (
        <li key={n.provider} className="flex items-baseline gap-2" data-testid={`onnx-provider-${n.provider}`}>
          <code className={`w-16 shrink-0 font-mono text-xs ${n.used ? 'font-semibold text-emerald-700' : 'text-zinc-400 line-through'}`}>{n.provider}</code>
          <span className={n.used ? 'text-zinc-800' : 'text-zinc-500'}>
            <span className="font-medium">{n.used ? 'In use. ' : 'Passed over. '}</span>
            {n.reason}
          </span>
        </li>
      ))}
    </ul>
  );
}

const shapeText = (io: IoInfo) => (io.shape ? showShape(io.shape) : io.isTensor ? 'unknown' : '—');

function IoTable({ title, values, testId, added = new Set() }: { title: string; values: readonly IoInfo[]; testId: string; added?: ReadonlySet<string> }) {
  return (
    <div className="min-w-0 flex-1">
      <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h3>
      <table className="mt-1.5 w-full text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
            <th className="py-1 pr-3 font-medium">Name</th>
            <th className="py-1 pr-3 font-medium">Type</th>
            <th className="py-1 font-medium">Shape</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.name} className="border-b border-zinc-100 last:border-0" data-testid={`${testId}-${v.name}`}>
              <td className="py-1 pr-3 font-mono text-xs text-zinc-900">
                {v.name}
                {added.has(v.name) ? <span className="ml-1.5 font-sans text-[11px] text-indigo-600">added</span> : null}
              </td>
              <td className="py-1 pr-3 font-mono text-xs text-zinc-600">{v.type}</td>
              <td className="py-1 font-mono text-xs text-zinc-600">{shapeText(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function layoutText(layout: InputLayout): string {
  switch (layout.kind) {
    case 'vector':
      return `One ${layout.input.type} tensor, ${layout.input.name}, with ${layout.size} values per row${layout.namedByMetadata ? ', named by the model’s feature_names' : ''}; ${layout.batched ? 'rows are scored in batches' : 'one row per run'}.`;
    case 'columns':
      return `One input per column (${layout.fields.length}); ${layout.batched ? 'rows are scored in batches' : 'one row per run'}.`;
    case 'unsupported':
      return layout.reason;
  }
}

/** What the page did about outputs onnxruntime-web cannot return: ZipMaps read through their input, others listed. */
function OutputNotes({ model }: { model: LoadedModel }) {
  const zipped = new Set(model.zipMaps.map((z) => z.output));
  const others = model.outputs.filter((o) => !o.isTensor && !zipped.has(o.name));
  if (model.zipMaps.length === 0 && others.length === 0) return null;
  return (
    <div className="flex flex-col gap-1.5 rounded-md border border-indigo-100 bg-indigo-50/60 px-3 py-2 text-sm text-zinc-700" data-testid="onnx-output-notes">
      {model.zipMaps.map((z: ZipMapInfo) => (
        <p key={z.output} data-testid="onnx-zipmap-note">
          <span className="font-mono text-xs">{z.output}</span> is a ZipMap (a sequence of maps from class to probability), which onnxruntime-web cannot return. The page reads the
          tensor that feeds it, <span className="font-mono text-xs">{z.tensor}</span>{model.addedOutputs.includes(z.tensor) ? ', loading the model with that tensor added as an extra output,' : ''} and shows its {z.labels.length} columns as the class
          probabilities <span className="font-mono text-xs">{z.output}[{z.labels.join(', ')}]</span>, labelled from the ZipMap’s {z.labelsFrom}.
        </p>
      ))}
      {others.length ? (
        <p data-testid="onnx-nontensor-note">
          Not shown, as onnxruntime-web returns tensors only: {others.map((o) => `${o.name} (${o.type})`).join(', ')}. The tensor outputs are used as usual.
        </p>
      ) : null}
    </div>
  );
}

export function ModelSummary({ model }: { model: LoadedModel }) {
  const { info } = model;
  const opsets = info.opsets.map((o) => `${o.domain || 'ai.onnx'} ${o.version}`).join(', ');
  return (
    <div className="flex flex-col gap-4" data-testid="onnx-model-summary">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="inline-flex h-6 items-center gap-1.5 rounded-full bg-emerald-50 px-2.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200 ring-inset" data-testid="onnx-provider">
          <span aria-hidden className="size-1.5 rounded-full bg-emerald-500" />
          Running on {model.provider}
        </span>
        <span className="text-zinc-500">Loaded in {formatDuration(model.loadMs)}</span>
        <span className="text-xs text-zinc-400">
          IR {info.irVersion} · opset {opsets || '—'}
          {info.producer ? ` · ${info.producer}${info.producerVersion ? ` ${info.producerVersion}` : ''}` : ''}
        </span>
      </div>
      <ProviderNotes notes={model.notes} />
      <div className="flex flex-col gap-4 sm:flex-row sm:gap-6">
        <IoTable title="Inputs" values={model.inputs} testId="onnx-inputs" />
        <IoTable title="Outputs" values={model.outputs} testId="onnx-outputs" added={new Set(model.addedOutputs)} />
      </div>
      <OutputNotes model={model} />
      <p className={`text-sm ${model.layout.kind === 'unsupported' ? 'text-amber-800' : 'text-zinc-600'}`} data-testid="onnx-layout">
        {layoutText(model.layout)}
        {model.layout.kind === 'vector' && model.layout.note ? ` ${model.layout.note}` : ''}
      </p>
    </div>
  );
}
