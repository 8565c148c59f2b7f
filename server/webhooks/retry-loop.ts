// The studio process's loop that retries pending webhook deliveries when they fall due. Held on
// globalThis so Next's module reloading in development never starts a second one (a second loop
// would be harmless: each attempt is claimed in the row first).
import type { AnyDb } from '../db/any-db';
import { retryDueDeliveries } from './deliver';

const key = Symbol.for('pipeworks.webhookRetries');
const holder = globalThis as unknown as { [key]?: () => void };

/** Polls every `everyMs`; the timer never keeps the process alive. Returns a stop function. */
export function startWebhookRetries(db: AnyDb, everyMs = 10_000): () => void {
  if (holder[key]) return holder[key];
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const done = await retryDueDeliveries(db);
      for (const d of done) if (d.state === 'failed') console.warn(`[pipeworks] webhook delivery ${d.id} (${d.event}) failed after ${d.attempts} attempt(s): ${d.error}`);
    } catch (error) {
      console.error('[pipeworks] retrying webhook deliveries failed', error);
    }
    if (!stopped) timer = setTimeout(tick, everyMs).unref();
  };
  timer = setTimeout(tick, 1_000).unref();
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    holder[key] = undefined;
  };
  holder[key] = stop;
  return stop;
}
