'use client';
// The pipeline version a run ran, read only, with that run's step states on its nodes and the
// params each step ran with (as recorded with the run: defaults filled in). Never today's document.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ReadOnlyCanvas } from '../editor/VersionPreview';
import { readStoredDoc } from '../editor/stored-doc';
import { readColumns } from '../editor/use-live-compile';
import { indexNodeTypes } from '../pipeline/flow-elements';
import type { StepView } from '../pipeline/pipeline-types';
import { SectionTitle } from '../pipeline/SectionTitle';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { Button } from '../ui/Button';
import { InlineError } from '../ui/InlineError';

interface RunVersionViewProps {
  pipelineId: string;
  version: number | null;
  steps: readonly StepView[];
  /** The run's param rows, keyed `<step id>.<param>`. */
  params: readonly { stepId: string; key: string; value: string }[];
  labelOf: (stepId: string) => string;
}

export function RunVersionView({ pipelineId, version, steps, params, labelOf }: RunVersionViewProps) {
  const trpc = useTRPC();
  const stored = useQuery(trpc.pipeline.get.queryOptions(version !== null ? { id: pipelineId, version } : { id: pipelineId }, { enabled: version !== null, staleTime: Infinity }));
  const types = useQuery(trpc.pipeline.nodeTypes.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const typeMap = useMemo(() => indexNodeTypes(types.data ?? []), [types.data]);
  const stepMap = useMemo(() => new Map(steps.map((s) => [s.stepId, s])), [steps]);
  const [chosen, setChosen] = useState<string | null>(null);
  const parsed = stored.data ? readStoredDoc(stored.data.doc) : null;
  const stepIds = [...new Set(params.map((p) => p.stepId))];
  const shownSteps = chosen ? stepIds.filter((id) => id === chosen) : stepIds;

  return (
    <div className="flex flex-col gap-3">
      {version === null ? <p className="text-sm text-amber-800">The pipeline version this run used has been deleted; its params are still recorded below.</p> : null}
      {stored.isError || types.isError ? <InlineError message={errorMessage(stored.error ?? types.error)} /> : null}
      {parsed && !parsed.ok ? <InlineError message={`v${version} cannot be drawn: ${parsed.problem}`} /> : null}
      {version !== null ? (
        <div className="relative h-[340px] overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50" data-testid="run-version-canvas">
          {stored.data && types.data && parsed?.ok ? (
            <ReadOnlyCanvas
              doc={parsed.doc}
              version={stored.data.version}
              issues={stored.data.issues ?? []}
              columns={readColumns(stored.data)}
              types={typeMap}
              steps={stepMap}
              onInspect={(id) => setChosen(id)}
            />
          ) : (
            <div className="h-full animate-pulse bg-zinc-100" aria-busy="true" />
          )}
          <span className="pointer-events-none absolute top-2 left-2 rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">
            v{version}, read only · click a node for its params
          </span>
        </div>
      ) : null}
      <div className="flex items-center gap-2">
        <SectionTitle hint="as this run ran them, defaults filled in">{chosen ? `Params of ${labelOf(chosen)}` : 'Params'}</SectionTitle>
        {chosen ? (
          <Button size="sm" variant="ghost" onClick={() => setChosen(null)}>
            Show every step
          </Button>
        ) : null}
      </div>
      {shownSteps.length === 0 ? (
        <p className="text-sm text-zinc-500">{chosen ? `${labelOf(chosen)} has no params.` : 'This run recorded no params.'}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="run-params">
          {shownSteps.map((stepId) => (
            <section key={stepId} className="rounded-md border border-zinc-200 bg-white px-3 py-2.5">
              <h4 className="mb-1 truncate text-xs font-semibold text-zinc-800">{labelOf(stepId)}</h4>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                {params
                  .filter((p) => p.stepId === stepId)
                  .map((p) => (
                    <div key={p.key} className="contents" data-testid={`run-param-${p.key}`}>
                      <dt className="text-zinc-500">{p.key.slice(stepId.length + 1)}</dt>
                      <dd className="truncate font-mono text-[11px] text-zinc-900" title={p.value}>
                        {p.value}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
