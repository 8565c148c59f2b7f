'use client';
// Rows of a table artifact fetched a page at a time as the grid scrolls to them. Pages are keyed
// like the preview's first request, so page 0 is never fetched twice; artifacts never change, so
// a page, once fetched, stays fresh.
import { useQueries } from '@tanstack/react-query';
import { errorMessage } from '../trpc/error-message';
import { useTRPC } from '../trpc/trpc-context';

/** Rows asked for per request; the server cuts a page of a wide table to fewer (its pageSize). */
export const PREVIEW_ROWS = 50;

export interface TablePage {
  rowCount: number;
  pageSize: number;
  rows: unknown[][];
}

export function useTablePages(id: string, first: TablePage, pages: readonly number[]) {
  const trpc = useTRPC();
  const results = useQueries({
    queries: pages.map((p) => trpc.artifact.preview.queryOptions({ id, offset: p * first.pageSize, limit: PREVIEW_ROWS }, { staleTime: Infinity })),
  });
  const byPage = new Map<number, unknown[][]>([[0, first.rows]]);
  let error: string | null = null;
  results.forEach((r, i) => {
    const preview = r.data?.preview;
    if (preview?.kind === 'table') byPage.set(pages[i], preview.rows);
    if (r.isError) error = errorMessage(r.error);
  });
  const row = (index: number): unknown[] | undefined => byPage.get(Math.floor(index / first.pageSize))?.[index % first.pageSize];
  return { row, error };
}
