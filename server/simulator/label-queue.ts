// Labels waiting for their time: each batch of prediction ids is due `delayMs` after its answer,
// and is posted (in chunks) through the feedback route once due — the late ground truth a real
// fraud team gets when chargebacks come in.
import type { ServingClient } from './serving-client';

type Label = { prediction_id: string; label: string };

const CHUNK = 500;

export class LabelQueue {
  private pending: { due: number; items: Label[] }[] = [];
  private totals = { stored: 0, unknown: 0 };

  constructor(
    private readonly client: ServingClient,
    private readonly delayMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  add(items: Label[]): void {
    if (items.length) this.pending.push({ due: Date.now() + this.delayMs, items });
  }

  /** Posts every batch whose time has come. */
  async flushDue(now = Date.now()): Promise<void> {
    const due: Label[] = [];
    while (this.pending.length && this.pending[0].due <= now) due.push(...this.pending.shift()!.items);
    for (let i = 0; i < due.length; i += CHUNK) {
      const { stored, unknown } = await this.client.feedback(due.slice(i, i + CHUNK));
      this.totals.stored += stored;
      this.totals.unknown += unknown;
    }
  }

  /** Waits for and posts every batch left; answers the totals. */
  async drain(): Promise<{ stored: number; unknown: number }> {
    while (this.pending.length) {
      const wait = this.pending[0].due - Date.now();
      if (wait > 0) await this.sleep(wait);
      await this.flushDue();
    }
    return { ...this.totals };
  }
}
