'use client';
// Shows what an artifact holds: a table's rows and column stats, a column profile, a validation
// report, a search's trials, metrics, a model summary, or plain JSON for a report this view does not know yet.
// Artifacts are content-addressed and never change, so a preview is fetched once.
import { useQuery } from '@tanstack/react-query';
import type { ModelSummary } from '../../server/store/preview';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { ColumnStatsReport, isColumnStatsReport } from './ColumnStatsReport';
import { SearchTrials } from '../runs/SearchTrials';
import { isSearchReport } from '../runs/trial-rows';
import { JsonPreview } from './JsonPreview';
import { isMetricsReport, MetricsPreview } from './MetricsPreview';
import { ModelPreview } from './ModelPreview';
import { TablePreview, type TablePreviewData } from './TablePreview';
import { PREVIEW_ROWS } from './use-table-pages';
import { ValidationReport } from './ValidationReport';
import { isValidationReport } from './validation-words';

/** `name` names a table's exported files (see TablePreview). */
export function ArtifactPreview({ id, name }: { id: string; name?: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.artifact.preview.queryOptions({ id, offset: 0, limit: PREVIEW_ROWS }, { staleTime: Infinity }));

  return (
    <div className="mt-3" data-testid="artifact-preview">
      {query.isPending ? (
        <div className="h-48 animate-pulse rounded-md bg-zinc-100" aria-busy="true" aria-label="Loading preview" />
      ) : query.isError ? (
        <InlineError message={errorMessage(query.error)} />
      ) : (
        <PreviewBody id={id} name={name} preview={query.data.preview} />
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

function PreviewBody({ id, name, preview }: { id: string; name?: string; preview: Preview }) {
  switch (preview.kind) {
    case 'table':
      return <TablePreview id={id} name={name} data={preview} />;
    case 'report':
      return <ReportBody report={preview.report} />;
    case 'metrics':
      return isMetricsReport(preview.metrics) ? <MetricsPreview report={preview.metrics} /> : <JsonPreview value={preview.metrics} />;
    case 'model':
      return <ModelPreview model={preview.model} />;
    default:
      return <p className="text-sm text-zinc-500">There is no preview for this kind of artifact; download it instead.</p>;
  }
}

/** Reports say what they are in `type`; a kind without a view yet (drift, say) shows as JSON. */
function ReportBody({ report }: { report: unknown }) {
  if (isColumnStatsReport(report)) return <ColumnStatsReport report={report} />;
  if (isValidationReport(report)) return <ValidationReport report={report} />;
  if (isSearchReport(report)) return <SearchTrials report={report} />;
  return <JsonPreview value={report} />;
}
