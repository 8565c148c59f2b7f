// Where the next page of a newest-first list paged by (time, id) starts (alerts.list,
// notifications.list; server/db/keyset.ts): after the last row shown. A page shorter than asked
// for was the last, so no further page is offered.

/** The input `cursor` of the next page: the last row shown, its time and id. */
export interface PageCursor {
  at: number;
  id: string;
}

/** The cursor of the page after `page`, or undefined when `page` (asked for `size` rows) was the last. */
export function nextPageCursor<R extends { id: string }>(page: readonly R[], size: number, timeOf: (row: R) => number): PageCursor | undefined {
  const last = page.at(-1);
  return page.length < size || last === undefined ? undefined : { at: timeOf(last), id: last.id };
}
