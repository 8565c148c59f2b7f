// The bell panel's pages of notifications (shared with tests/e2e/notifications.spec.ts, which seeds more).
import { nextPageCursor } from '../trpc/page-cursor';

/** Notifications a page: a page this full may have older ones after it. */
export const NOTIFICATION_PAGE = 20;

export const nextNotificationCursor = (page: readonly { id: string; createdAt: number }[]) => nextPageCursor(page, NOTIFICATION_PAGE, (n) => n.createdAt);
