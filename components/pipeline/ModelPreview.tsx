// What a trained model is: its estimator, task, target and classes, how it was trained, and the
// input columns it reads with the preprocessing fitted for each.
import type { ModelSummary } from '../../server/store/preview';
import { formatNumber } from '../ui/format';
import { LeftOutColumns } from './LeftOutColumns';
import { ModelInputs } from './ModelInputs';
import { SectionTitle } from './SectionTitle';
import { TrainingSummary } from './TrainingSummary';

/** Names for formats whose training record does not say what the estimator is. */
const FORMATS: Record<string, string> = { 'tfjs/mlp': 'neural network (MLP)', onnx: 'ONNX model' };

const TASKS: Record<ModelSummary['task'], string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};

export function ModelPreview({ model }: { model: ModelSummary }) {
  const stored = typeof model.training.algorithm === 'string' && model.training.algorithm !== model.format ? model.training.algorithm : null;
  const algorithm = stored ?? FORMATS[model.format] ?? null;
  const features = model.preprocessing?.features;
  return (
    <div className="flex flex-col gap-4" data-testid="model-preview">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md border border-zinc-200 px-3 py-2.5 text-xs">
        <dt className="text-zinc-500">Model</dt>
        <dd className="text-zinc-900">
          {algorithm ? <span className="font-medium">{algorithm} </span> : null}
          <span className="font-mono text-[11px] text-zinc-500">{model.format}</span>
        </dd>
        <dt className="text-zinc-500">Task</dt>
        <dd className="text-zinc-900">{TASKS[model.task] ?? model.task}</dd>
        <dt className="text-zinc-500">Predicts</dt>
        <dd className="font-medium text-zinc-900">{model.target}</dd>
        {model.labels.length > 0 ? (
          <>
            <dt className="text-zinc-500">Classes</dt>
            <dd className="flex flex-wrap gap-1" data-testid="model-labels">
              {model.labels.map((label) => (
                <span key={label} className="rounded bg-indigo-50 px-1.5 py-px text-[11px] text-indigo-700 ring-1 ring-indigo-200 ring-inset">
                  {label}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt className="text-zinc-500">Reads</dt>
        <dd className="text-zinc-900">
          {model.inputs.length} input {model.inputs.length === 1 ? 'column' : 'columns'}
          {features !== undefined ? ` → ${formatNumber(features)} features after preprocessing` : ''}
        </dd>
      </dl>
      <TrainingSummary training={model.training} />
      <section>
        <SectionTitle hint="fitted on the training rows; applied the same way when serving">Inputs and preprocessing</SectionTitle>
        <div className="flex flex-col gap-2">
          <LeftOutColumns leftOut={model.training.leftOut} />
          <ModelInputs inputs={model.inputs} preprocessing={model.preprocessing} />
        </div>
      </section>
    </div>
  );
}
