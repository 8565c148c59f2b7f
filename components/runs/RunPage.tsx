'use client';
// One run at its own address: results first (metrics, gates, curves, confusion, cost, loss, search
// trials), then the pipeline version it ran, read only with its params, the data it read, and the
// plan with each step's logs. "Reproduce this run" runs that exact version on that exact data.
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState, type ReactNode } from 'react';
import { isFinished, type StepView } from '../pipeline/pipeline-types';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { formatDateTime, formatDuration, shortId } from '../ui/format';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { StatusBadge } from '../ui/StatusBadge';
import { ReproduceButton } from './ReproduceButton';
import { ReproductionCheck } from './ReproductionCheck';
import { editorRunHref, pipelineRunsHref, runHref } from './run-links';
import { RunMetricsSummary } from './RunMetricsSummary';
import { RunPlan, type PlanStep } from './RunPlan';
import { RunResults } from './RunResults';
import { RunVersionView } from './RunVersionView';
import { ShareLink } from './ShareLink';

export function RunPage({ runId, canRun }: { runId: string; canRun: boolean }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.run.get.queryOptions({ id: runId }, { refetchInterval: (q) => (q.state.data && !isFinished(q.state.data.status) ? 2000 : false) }));
  const finished = isFinished(detail.data?.status);
  // Metrics are indexed as steps finish: re-read the record while the run moves, once more at its end.
  const record = useQuery(trpc.run.record.queryOptions({ id: runId }, { refetchInterval: detail.data && !finished ? 3000 : false }));
  const [wasMoving, setWasMoving] = useState(false);
  if (detail.data && !finished && !wasMoving) setWasMoving(true);
  const refetchRecord = record.refetch;
  useEffect(() => {
    // The last metrics and the reproduction check are written as the run ends.
    if (finished && wasMoving) void refetchRecord();
  }, [finished, wasMoving, refetchRecord]);
  const error = detail.error ?? record.error;
  if (error) {
    return (
      <PageBody>
        <PageHeader title="Run" crumbs={[{ label: 'Projects', href: '/' }]} />
        <InlineError className="mt-6" message={errorMessage(error)} />
      </PageBody>
    );
  }
  if (!detail.data || !record.data) {
    return (
      <PageBody>
        <div className="h-40 animate-pulse rounded-lg bg-zinc-100" aria-busy="true" aria-label="Loading run" />
      </PageBody>
    );
  }
  const r = record.data;
  const run = detail.data;
  const steps = run.steps as PlanStep[];
  const stepLabel = new Map(steps.map((s) => [s.stepId, s.label ?? s.stepId]));
  const labelOfId = (id: string) => stepLabel.get(id) ?? id;
  const labelOf = (s: StepView) => s.label ?? s.stepId;
  const pipeline = r.pipeline;
  const title = r.run.name ?? `Run ${shortId(r.run.id)}`;
  const blocked = !canRun
    ? 'Your role cannot start runs'
    : r.run.parentRunId
      ? 'A search trial is reproduced by reproducing the run of its search'
      : r.version === null
        ? 'The pipeline version this run used has been deleted'
        : null;

  return (
    <PageBody wide>
      <div className="flex flex-col gap-8" data-testid="run-page" data-run-status={run.status}>
        <PageHeader
          crumbs={[
            { label: 'Projects', href: '/' },
            ...(pipeline ? [{ label: pipeline.projectName, href: `/projects/${encodeURIComponent(pipeline.projectId)}` }, { label: pipeline.name, href: `/pipelines/${encodeURIComponent(pipeline.id)}` }, { label: 'Runs', href: pipelineRunsHref(pipeline.id) }] : []),
            ...(r.parent ? [{ label: r.parent.name ?? `Run ${shortId(r.parent.id)}`, href: runHref(r.parent.id) }] : []),
            { label: title },
          ]}
          title={
            <span className="flex items-center gap-2">
              {title} <StatusBadge status={run.status} data-testid="run-status" />
            </span>
          }
          description={[
            pipeline ? `${pipeline.name}${r.version !== null ? ` v${r.version}` : ''}` : null,
            `started ${formatDateTime(r.run.createdAt)}${r.createdBy ? ` by ${r.createdBy}` : ''}`,
            run.startedAt != null && run.finishedAt != null ? `took ${formatDuration(run.finishedAt - run.startedAt)}` : null,
            r.run.trigger !== 'manual' ? `trigger ${r.run.trigger}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
          actions={
            <>
              <ShareLink />
              {pipeline ? (
                <Link href={editorRunHref(pipeline.id, runId)} className="inline-flex h-7 items-center rounded-md border border-zinc-300 bg-white px-2.5 text-xs font-medium text-zinc-800 shadow-sm hover:bg-zinc-50" data-testid="open-in-editor">
                  Open in editor
                </Link>
              ) : null}
              <ReproduceButton runId={runId} blockedReason={blocked} />
            </>
          }
        />
        {run.trustFlag ? (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="run-trust-flag">
            <span className="font-semibold">Verification failed.</span> {run.trustFlag} The audit log has both hashes.
          </p>
        ) : null}
        {run.errorMessage ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">{run.errorMessage}</p> : null}
        {r.reproduces ? <ReproductionCheck original={r.reproduces} check={r.reproduction} /> : null}
        {r.reproductions.length > 0 ? (
          <p className="text-sm text-zinc-600" data-testid="run-reproductions">
            Reproduced by{' '}
            {r.reproductions.map((x, i) => (
              <span key={x.id}>
                {i > 0 ? ', ' : ''}
                <Link href={runHref(x.id)} className="font-mono text-sky-700 hover:underline">
                  {shortId(x.id)}
                </Link>{' '}
                ({x.status})
              </span>
            ))}
          </p>
        ) : null}

        <Section id="results" title="Results">
          <RunMetricsSummary metrics={r.metrics} labelOf={labelOfId} />
          <RunResults steps={steps} labelOf={labelOf} />
        </Section>

        <Section id="version" title={r.version !== null ? `Pipeline version v${r.version}` : 'Pipeline version'} hint="what this run ran, not the pipeline as it is today">
          {pipeline ? <RunVersionView pipelineId={pipeline.id} version={r.version} steps={steps} params={r.params} labelOf={labelOfId} /> : null}
        </Section>

        <Section id="data" title="Data">
          {r.datasets.length === 0 ? (
            <p className="text-sm text-zinc-500">No source step recorded what it read.</p>
          ) : (
            <ul className="flex flex-col gap-1 text-sm" data-testid="run-datasets">
              {r.datasets.map((d) => (
                <li key={d.stepId} className="flex flex-wrap gap-x-2">
                  <span className="font-medium text-zinc-800">{labelOfId(d.stepId)}</span>
                  <span className="text-zinc-600">
                    {d.datasetName ? `read ${d.datasetName} v${d.datasetVersion}${d.sourceFilename ? ` (${d.sourceFilename})` : ''}` : `read ${d.nodeType}`}
                  </span>
                  <span className="font-mono text-xs text-zinc-400" title={d.sourceKey}>
                    {shortId(d.sourceKey, 12)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="plan" title="Plan and logs">
          <RunPlan runId={runId} steps={steps} labelOf={labelOf} />
        </Section>
      </div>
    </PageBody>
  );
}

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`run-${id}-heading`} className="flex flex-col gap-3">
      <h2 id={`run-${id}-heading`} className="text-sm font-semibold text-zinc-900">
        {title}
        {hint ? <span className="ml-2 text-xs font-normal text-zinc-500">{hint}</span> : null}
      </h2>
      {children}
    </section>
  );
}
