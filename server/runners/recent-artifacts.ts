// A step thread's last-used artifact bytes, by id, within a byte budget: a stream of steps on the
// same input (a queue worker's short steps, a grid search's folds) read, and sha256-checked, the
// same file once per step. Ids are content hashes, so a kept copy can never be stale; each caller
// gets its own copy, because a decoded Arrow table is a view on the bytes it was decoded from.
export const RECENT_ARTIFACT_BYTES = 32 * 2 ** 20;

export class RecentArtifacts {
  /** In use order, oldest first (a Map keeps insertion order; a hit is moved to the end). */
  private readonly kept = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(
    private readonly budget = RECENT_ARTIFACT_BYTES,
    /** Larger artifacts are not kept: one would push out everything else for a single reuse. */
    private readonly largest = budget / 4,
  ) {}

  /** The artifact's bytes from here, else from `load` (which must verify them), kept for next time. */
  async read(id: string, load: (id: string) => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.kept.get(id);
    if (hit) {
      this.kept.delete(id);
      this.kept.set(id, hit);
      return new Uint8Array(hit);
    }
    const bytes = await load(id);
    this.keep(id, new Uint8Array(bytes));
    return bytes;
  }

  /** Keeps bytes this thread stored under `id` (an output is often the next step's input). */
  keep(id: string, bytes: Uint8Array): void {
    if (bytes.byteLength > this.largest || this.kept.has(id)) return;
    this.kept.set(id, bytes);
    this.bytes += bytes.byteLength;
    for (const [oldest, kept] of this.kept) {
      if (this.bytes <= this.budget) break;
      this.kept.delete(oldest);
      this.bytes -= kept.byteLength;
    }
  }

  get size(): number {
    return this.kept.size;
  }
}
