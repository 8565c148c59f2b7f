'use client';
// Forward lineage: from one dataset version to the pipeline versions and runs that read it, and
// the model versions registered from them.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { LineageGraph } from './LineageGraph';

export function DatasetLineagePage({ datasetVersionId }: { datasetVersionId: string }) {
  const trpc = useTRPC();
  const graph = useQuery(trpc.registry.datasetLineage.queryOptions({ datasetVersionId }));
  const root = graph.data?.nodes.find((n) => n.kind === 'dataset');
  const title = root && root.kind === 'dataset' ? `${root.name} v${root.version}` : 'Dataset version';
  const runs = graph.data?.nodes.filter((n) => n.kind === 'run').length ?? 0;
  const models = graph.data?.nodes.filter((n) => n.kind === 'model').length ?? 0;
  return (
    <PageBody>
      <div className="flex flex-col gap-4" data-testid="dataset-lineage-page">
        <PageHeader
          crumbs={[{ label: 'Datasets', href: '/datasets' }, { label: title }]}
          title={`What uses ${title}`}
          description={
            graph.data
              ? `${runs + graph.data.moreRuns} run${runs + graph.data.moreRuns === 1 ? '' : 's'} read it; ${models} registered model version${models === 1 ? '' : 's'} came from it.`
              : undefined
          }
        />
        {graph.isError ? <InlineError message={errorMessage(graph.error)} /> : null}
        {graph.data ? <LineageGraph nodes={graph.data.nodes} edges={graph.data.edges} height={520} /> : <div className="h-[520px] animate-pulse rounded-lg bg-zinc-100" />}
        {graph.data && graph.data.moreRuns > 0 ? <p className="text-xs text-zinc-500">The newest runs are drawn; {graph.data.moreRuns} older ones are counted on their pipeline version.</p> : null}
      </div>
    </PageBody>
  );
}
