'use client';
// Every column of a table artifact profiled on the server: missing values, a summary and a small
// histogram or the most common values. Said plainly when it is a sample of the rows.
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';
import { InlineError } from '../ui/InlineError';
import { ColumnStatsReport } from './ColumnStatsReport';

export function TableColumnStats({ id }: { id: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.artifact.tableStats.queryOptions({ id }, { staleTime: Infinity }));
  if (query.isPending) return <div className="h-80 animate-pulse rounded-md bg-zinc-100" aria-busy="true" aria-label="Computing column statistics" />;
  if (query.isError) return <InlineError message={errorMessage(query.error)} />;
  const { rows, sampledRows, columnCount, columns } = query.data;
  const basis = sampledRows < rows ? `an even sample of ${sampledRows.toLocaleString()} of ${rows.toLocaleString()} rows` : `all ${rows.toLocaleString()} rows`;
  const shown = columns.length < columnCount ? `; the first ${columns.length.toLocaleString()} of ${columnCount.toLocaleString()} columns` : '';
  return <ColumnStatsReport report={{ type: 'column-stats', title: `Statistics of ${basis}${shown}`, rows, columns }} />;
}
