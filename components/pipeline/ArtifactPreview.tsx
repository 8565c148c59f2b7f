'use client';
// Shows what an artifact holds: a table's first rows, a column profile, metrics, a model summary, or plain JSON.
// Artifacts are content-addressed and never change, so a preview is fetched once.
import { useQuery } from '@tanstack/react-query';
import type { ModelSummary } from '../../server/store/preview';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { ColumnStatsReport, isColumnStatsReport } from './ColumnStatsReport';
import { JsonPreview } from './JsonPreview';
import { isMetricsReport, MetricsPreview } from './MetricsPreview';
import { ModelPreview } from './ModelPreview';
import { TablePreview, type TablePreviewData } from './TablePreview';

const PREVIEW_ROWS = 50;

export function ArtifactPreview({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.artifact.preview.queryOptions({ id, limit: PREVIEW_ROWS }, { staleTime: Infinity }));

  return (
    <div className="mt-3" data-testid="artifact-preview">
      {query.isPending ? (
        <div className="h-48 animate-pulse rounded-md bg-zinc-100" aria-busy="true" aria-label="Loading preview" />
      ) : query.isError ? (
        <InlineError message={errorMessage(query.error)} />
      ) : (
        <PreviewBody preview={query.data.preview} />
      )}
    </div>
  );
}

type Preview =
  | ({ kind: 'table' } & TablePreviewData)
  | { kind: 'report'; report: unknown }
  | { kind: 'metrics'; metrics: unknown }
  | { kind: 'model'; model: ModelSummary }
  | { kind: 'unsupported' };

function PreviewBody({ preview }: { preview: Preview }) {
  switch (preview.kind) {
    case 'table':
      return <TablePreview data={preview} />;
    case 'report':
      return isColumnStatsReport(preview.report) ? <ColumnStatsReport report={preview.report} /> : <JsonPreview value={preview.report} />;
    case 'metrics':
      return isMetricsReport(preview.metrics) ? <MetricsPreview report={preview.metrics} /> : <JsonPreview value={preview.metrics} />;
    case 'model':
      return <ModelPreview model={preview.model} />;
    default:
      return <p className="text-sm text-zinc-500">There is no preview for this kind of artifact; download it instead.</p>;
  }
}
