// The browser runner's artifact cache: keeps downloaded and produced artifacts between runs, checks
// their hash on every read and keeps within a byte budget by evicting the least recently used.
// Runs in a Web Worker, so it touches only indexedDB and navigator.storage.
import { sha256Hex } from '../../engine/hash';
import { openIdbEntryStore, type EntryStore } from './artifact-cache-idb';

export interface CacheUsage {
  bytes: number;
  count: number;
  budgetBytes: number;
}

export interface PutResult {
  stored: boolean;
  evicted: number;
  reason?: string;
}

export interface ArtifactCache {
  /** false when the cache lives in memory only and is lost with the worker. */
  readonly persistent: boolean;
  /** Why IndexedDB was not used, when openArtifactCache fell back to memory. */
  readonly fallbackReason?: string;
  /** Bytes for id, or null when absent. Bytes that no longer hash to id are deleted and reported as absent. Updates last-used time. Never throws (a broken database reads as a miss). */
  get(id: string): Promise<Uint8Array | null>;
  has(id: string): Promise<boolean>;
  /** Stores bytes under id (caller guarantees id = sha256(bytes); verify anyway and refuse a mismatch with an Error). Evicts least-recently-used entries to stay under the budget; on QuotaExceededError evicts more and retries once; if it still cannot store, returns { stored: false, reason } rather than throwing. An artifact bigger than the whole budget is not stored (reason says so). */
  put(id: string, bytes: Uint8Array): Promise<PutResult>;
  usage(): Promise<CacheUsage>;
  clear(): Promise<void>;
  close(): void;
}

export interface ArtifactCacheOptions {
  dbName?: string;
  budgetBytes?: number;
  indexedDB?: IDBFactory;
  estimate?: () => Promise<{ quota?: number; usage?: number }>;
}

const MiB = 1024 * 1024;
export const MAX_BUDGET_BYTES = 1024 * MiB;
/** When the browser will not say how much it lets this origin keep; also the in-memory default. */
export const FALLBACK_BUDGET_BYTES = 256 * MiB;
export const DEFAULT_DB_NAME = 'pipeworks-artifacts';

const ID_PATTERN = /^[0-9a-f]{64}$/;

export async function openArtifactCache(options: ArtifactCacheOptions = {}): Promise<ArtifactCache> {
  const fallback = (reason: string) => cacheOver(memoryEntryStore(), options.budgetBytes ?? FALLBACK_BUDGET_BYTES, { persistent: false, fallbackReason: reason });
  const factory: IDBFactory | undefined = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) return fallback('IndexedDB is not available here');
  let store: EntryStore;
  try {
    store = await openIdbEntryStore(factory, options.dbName ?? DEFAULT_DB_NAME);
  } catch (error) {
    // Private modes in some browsers refuse IndexedDB outright.
    return fallback(`IndexedDB could not be opened: ${describe(error)}`);
  }
  const budget = options.budgetBytes ?? (await defaultBudget(options.estimate ?? storageEstimate()));
  return cacheOver(store, budget, { persistent: true });
}

/** Same interface in memory, for when IndexedDB is unavailable. */
export function memoryArtifactCache(budgetBytes: number): ArtifactCache {
  return cacheOver(memoryEntryStore(), budgetBytes, { persistent: false });
}

/** min(1 GiB, half the origin's quota); 256 MiB when the browser will not say. */
export async function defaultBudget(estimate?: ArtifactCacheOptions['estimate']): Promise<number> {
  if (!estimate) return FALLBACK_BUDGET_BYTES;
  try {
    const { quota } = await estimate();
    if (typeof quota === 'number' && Number.isFinite(quota) && quota > 0) return Math.min(MAX_BUDGET_BYTES, Math.floor(quota / 2));
  } catch {
    // An estimate that fails tells us nothing; use the fallback.
  }
  return FALLBACK_BUDGET_BYTES;
}

function storageEstimate(): ArtifactCacheOptions['estimate'] {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  return storage?.estimate ? () => storage.estimate() : undefined;
}

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  // Older Firefox names it differently.
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function describe(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? `${error.name}: ${error.message}` : String(error);
}

function asBytes(value: unknown): Uint8Array | null {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return null;
}

function cacheOver(store: EntryStore, budgetBytes: number, info: Pick<ArtifactCache, 'persistent' | 'fallbackReason'>): ArtifactCache {
  const ignore = () => undefined;
  return {
    ...info,

    async get(id) {
      if (!ID_PATTERN.test(id)) return null;
      let value: unknown;
      try {
        value = await store.read(id);
      } catch {
        return null;
      }
      if (value === undefined) return null;
      const bytes = asBytes(value);
      if (!bytes || sha256Hex(bytes) !== id) {
        await store.remove(id).catch(ignore);
        return null;
      }
      // Good bytes are a hit even when their last-used time cannot be saved.
      await store.touch(id, bytes.byteLength).catch(ignore);
      return bytes;
    },

    has: (id) => (ID_PATTERN.test(id) ? store.has(id).catch(() => false) : Promise.resolve(false)),

    async put(id, bytes) {
      if (!ID_PATTERN.test(id)) throw new Error(`Not an artifact id: ${JSON.stringify(String(id).slice(0, 80))}`);
      const actual = sha256Hex(bytes);
      if (actual !== id) throw new Error(`Refusing to cache bytes under ${id}: they hash to ${actual}`);
      const size = bytes.byteLength;
      if (size > budgetBytes) {
        return { stored: false, evicted: 0, reason: `The artifact is ${size} bytes, more than the whole cache budget of ${budgetBytes} bytes` };
      }
      try {
        return { stored: true, evicted: await store.write(id, bytes, budgetBytes) };
      } catch (error) {
        if (!isQuotaError(error)) return { stored: false, evicted: 0, reason: `Could not store the artifact: ${describe(error)}` };
      }
      // The origin is full of more than this cache. Free the budget's share and as much again, in a
      // transaction of its own so the space is really released before the second try.
      let evicted = 0;
      try {
        const { bytes: total } = await store.totals();
        evicted = await store.evict(Math.max(0, Math.min(total, budgetBytes - size) - size));
        evicted += await store.write(id, bytes, budgetBytes);
        return { stored: true, evicted };
      } catch (error) {
        return { stored: false, evicted, reason: `Storage is full even after evicting ${evicted} artifacts: ${describe(error)}` };
      }
    },

    async usage() {
      const { bytes, count } = await store.totals();
      return { bytes, count, budgetBytes };
    },

    clear: () => store.clear(),
    close: () => store.close(),
  };
}

/** Map order is the LRU order: oldest first, and a use moves an entry to the end. */
function memoryEntryStore(): EntryStore {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  const touch = (id: string) => {
    const bytes = entries.get(id);
    if (!bytes) return;
    entries.delete(id);
    entries.set(id, bytes);
  };
  const evictTo = (limit: number) => {
    let evicted = 0;
    for (const [id, bytes] of entries) {
      if (total <= limit) break;
      entries.delete(id);
      total -= bytes.byteLength;
      evicted += 1;
    }
    return evicted;
  };
  return {
    // Copies in and out, as IndexedDB would: a caller's later writes cannot change what is cached.
    read: async (id) => entries.get(id)?.slice(),
    has: async (id) => entries.has(id),
    touch: async (id) => touch(id),
    remove: async (id) => {
      const bytes = entries.get(id);
      if (bytes && entries.delete(id)) total -= bytes.byteLength;
    },
    write: async (id, bytes, limit) => {
      if (entries.has(id)) {
        touch(id);
        return 0;
      }
      const evicted = evictTo(limit - bytes.byteLength);
      entries.set(id, bytes.slice());
      total += bytes.byteLength;
      return evicted;
    },
    evict: async (limit) => evictTo(limit),
    totals: async () => ({ bytes: total, count: entries.size }),
    clear: async () => {
      entries.clear();
      total = 0;
    },
    close: () => undefined,
  };
}
