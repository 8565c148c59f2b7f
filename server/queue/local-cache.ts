// The worker's scratch copy of the artifacts its steps read and write, laid out like the server's
// store so the thread pool's step runner uses it unchanged as its data directory.
//
// Steps running side by side share files (one's output is another's input, equal outputs have one
// id), and the step runner's threads write outputs here unseen. So nothing is removed while any
// step is running: the store is emptied once the worker has been idle for a moment (IDLE_SWEEP_MS),
// and a step that starts meanwhile waits for that to finish. Not at once on going idle: a worker
// busy with a stream of short steps is idle for a few milliseconds between two of them, and
// emptying then would fetch the same inputs again for nearly every step.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { hasArtifactFile, writeArtifactBytes } from '../store/artifact-files';

export const IDLE_SWEEP_MS = 2_000;

export class LocalArtifactCache {
  private readonly fetching = new Map<string, Promise<void>>();
  /**
   * Ids known to be here since the store was last emptied: a stream of steps on one input asks for
   * it every step, and a stat (a trip through libuv's thread pool) each time was per-step cost.
   */
  private readonly present = new Set<string>();
  private running = 0;
  private sweeping: Promise<void> = Promise.resolve();
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    private readonly idleSweepMs = IDLE_SWEEP_MS,
  ) {}

  /** A step starts using the store: a pending emptying is called off, one in progress waited out. */
  async enter(): Promise<void> {
    this.running++;
    clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
    await this.sweeping;
  }

  /** A step is done with the store; once none has used it for idleSweepMs, it is emptied. */
  leave(): void {
    this.running--;
    if (this.running > 0) return;
    clearTimeout(this.sweepTimer);
    this.sweepTimer = setTimeout(() => {
      this.sweepTimer = undefined;
      if (this.running === 0) this.sweeping = this.sweep();
    }, this.idleSweepMs);
    this.sweepTimer.unref();
  }

  /** Stops a pending emptying (the worker is closing and removes the whole folder itself). */
  dispose(): void {
    clearTimeout(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  private sweep(): Promise<void> {
    this.present.clear();
    return rm(path.join(this.dir, 'artifacts'), { recursive: true, force: true }).catch(() => {});
  }

  /** Makes the artifact present, fetching it once however many steps ask at a time. */
  async acquire(id: string, fetch: (id: string) => Promise<Uint8Array>): Promise<void> {
    if (this.present.has(id)) return;
    let pending = this.fetching.get(id);
    if (!pending) {
      pending = (async () => {
        if (!(await hasArtifactFile(this.dir, id))) await writeArtifactBytes(this.dir, await fetch(id));
        this.present.add(id);
      })();
      this.fetching.set(id, pending);
      pending.finally(() => this.fetching.delete(id)).catch(() => {});
    }
    await pending;
  }
}
