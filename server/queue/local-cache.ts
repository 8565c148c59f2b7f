// The worker's scratch copy of the artifacts its steps read and write, laid out like the server's
// store so the thread pool's step runner uses it unchanged as its data directory.
//
// Steps running side by side share files (one's output is another's input, equal outputs have one
// id), and the step runner's threads write outputs here unseen. So nothing is removed while any
// step is running: the store is emptied whenever the worker goes idle, and a step that starts
// meanwhile waits for that to finish.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { hasArtifactFile, writeArtifactBytes } from '../store/artifact-files';

export class LocalArtifactCache {
  private readonly fetching = new Map<string, Promise<void>>();
  private running = 0;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {}

  /** A step starts using the store: waits out an emptying in progress. */
  async enter(): Promise<void> {
    this.running++;
    await this.sweeping;
  }

  /** A step is done with the store; the last one out empties it. */
  leave(): void {
    this.running--;
    if (this.running > 0) return;
    this.sweeping = rm(path.join(this.dir, 'artifacts'), { recursive: true, force: true }).catch(() => {});
  }

  /** Makes the artifact present, fetching it once however many steps ask at a time. */
  async acquire(id: string, fetch: (id: string) => Promise<Uint8Array>): Promise<void> {
    let pending = this.fetching.get(id);
    if (!pending) {
      pending = (async () => {
        if (!(await hasArtifactFile(this.dir, id))) await writeArtifactBytes(this.dir, await fetch(id));
      })();
      this.fetching.set(id, pending);
      pending.finally(() => this.fetching.delete(id)).catch(() => {});
    }
    await pending;
  }
}
