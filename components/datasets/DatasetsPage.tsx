'use client';
// The Datasets page: upload (for roles that may write), the list, and the chosen dataset's versions.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { EmptyState } from '../ui/EmptyState';
import { InlineError } from '../ui/InlineError';
import { PageBody } from '../ui/PageBody';
import { PageHeader } from '../ui/PageHeader';
import { DatasetList } from './DatasetList';
import { DatasetVersions } from './DatasetVersions';
import { UploadDatasetForm } from './UploadDatasetForm';

export function DatasetsPage({ canUpload }: { canUpload: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.dataset.list.queryOptions());
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? list.data?.[0]?.name ?? null;

  return (
    <PageBody>
      <div data-testid="datasets-page">
        <PageHeader title="Datasets" description="Named tables for pipelines. Every upload is a version, identified by the hash of its data." />
        <div className="mt-6 flex flex-col gap-6">
          {canUpload ? <UploadDatasetForm onUploaded={setSelected} /> : null}
          {list.isPending ? (
            <div className="h-32 animate-pulse rounded-lg border border-zinc-200 bg-white" aria-busy="true" aria-label="Loading datasets" />
          ) : list.isError ? (
            <InlineError message={errorMessage(list.error)} />
          ) : list.data.length === 0 ? (
            <EmptyState title="No datasets yet">
              {canUpload ? 'Upload a CSV or Parquet file above, or run pipeworks ingest.' : 'Someone with a scientist or analyst role can upload one.'}
            </EmptyState>
          ) : (
            <>
              <DatasetList datasets={list.data} selected={current} onSelect={setSelected} />
              {current ? <DatasetVersions key={current} name={current} /> : null}
            </>
          )}
        </div>
      </div>
    </PageBody>
  );
}
