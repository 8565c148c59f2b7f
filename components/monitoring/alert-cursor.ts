// The endpoint alert timeline's pages (shared with tests/e2e/dashboard.spec.ts, which seeds more).
import { nextPageCursor } from '../trpc/page-cursor';

/** Alerts a page: a page this full may have older alerts after it. */
export const ALERT_PAGE = 100;

export const nextAlertCursor = (page: readonly { id: string; openedAt: number }[]) => nextPageCursor(page, ALERT_PAGE, (a) => a.openedAt);
