'use client';
// A run's results, step by step in plan order: each evaluation's report (gates, headline metrics,
// ROC and PR curves, confusion matrix, cost beside the no-skill baselines), each training step's
// loss curve and each search's trials. Steps that produced none of these are left to the plan below.
import { ArtifactPreview } from '../pipeline/ArtifactPreview';
import { LossCurve } from '../pipeline/LossCurve';
import type { StepView } from '../pipeline/pipeline-types';
import { lossSeries } from '../pipeline/loss-series';

export function RunResults({ steps, labelOf }: { steps: readonly StepView[]; labelOf: (step: StepView) => string }) {
  const shown = steps.flatMap((step) => {
    const outputs = Object.entries(step.outputs ?? {});
    const metrics = outputs.filter(([, ref]) => ref.kind === 'metrics');
    // A search's trials come in its report; other reports (profiles, validation) are not results.
    const reports = step.nodeType === 'train/hyperparameter-search' ? outputs.filter(([, ref]) => ref.kind === 'report') : [];
    const loss = lossSeries(step.progressSeries) !== null;
    return metrics.length || reports.length || loss ? [{ step, artifacts: [...metrics, ...reports], loss }] : [];
  });
  if (shown.length === 0) return <p className="text-sm text-zinc-500">No step of this run produced an evaluation, a loss curve or search trials.</p>;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      {shown.map(({ step, artifacts, loss }) => (
        <section key={step.stepId} className="flex min-w-0 flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid={`run-result-${step.stepId}`}>
          <h3 className="text-sm font-semibold text-zinc-900">
            {labelOf(step)} <span className="font-mono text-xs font-normal text-zinc-400">{step.nodeType}</span>
          </h3>
          {loss ? <LossCurve step={step} /> : null}
          {artifacts.map(([port, ref]) => (
            <ArtifactPreview key={`${port}:${ref.id}`} id={ref.id} />
          ))}
        </section>
      ))}
    </div>
  );
}
