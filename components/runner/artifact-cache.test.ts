import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../engine/hash';
import { DB_VERSION, STORES } from './artifact-cache-idb';
import { FALLBACK_BUDGET_BYTES, MAX_BUDGET_BYTES, memoryArtifactCache, openArtifactCache, type ArtifactCache } from './artifact-cache';

const GiB = 1024 * 1024 * 1024;

/** An artifact of size bytes, all equal to seed, named by its hash. */
function artifact(seed: number, size = 10) {
  const bytes = new Uint8Array(size).fill(seed);
  return { id: sha256Hex(bytes), bytes };
}

async function putAll(cache: ArtifactCache, ...items: { id: string; bytes: Uint8Array }[]) {
  for (const { id, bytes } of items) expect((await cache.put(id, bytes)).stored).toBe(true);
}

/** Writes a value straight into the bytes store, behind the cache's back. */
async function writeRaw(factory: IDBFactory, dbName: string, id: string, value: unknown) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(dbName, DB_VERSION);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORES.bytes, 'readwrite');
    tx.objectStore(STORES.bytes).put(value, id);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

/** Makes the next `times` writes of artifact bytes fail as a full disk does. */
function failBytesPuts(times: number) {
  const original = IDBObjectStore.prototype.put;
  let left = times;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    if (this.name === STORES.bytes && left-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.call(this, value, key);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const kinds: [string, (budgetBytes: number) => Promise<ArtifactCache>][] = [
  ['IndexedDB', (budgetBytes) => openArtifactCache({ indexedDB: new IDBFactory(), budgetBytes })],
  ['memory', async (budgetBytes) => memoryArtifactCache(budgetBytes)],
];

describe.each(kinds)('%s artifact cache', (_name, open) => {
  it('gives back what was put, and counts it once', async () => {
    const cache = await open(100);
    const a = artifact(1);
    expect(await cache.get(a.id)).toBeNull();
    expect(await cache.has(a.id)).toBe(false);
    await putAll(cache, a, a);
    expect(await cache.get(a.id)).toEqual(a.bytes);
    expect(await cache.has(a.id)).toBe(true);
    expect(await cache.usage()).toEqual({ bytes: 10, count: 1, budgetBytes: 100 });
  });

  it('refuses bytes that do not hash to the id, and ids that are not ids', async () => {
    const cache = await open(100);
    const a = artifact(1);
    await expect(cache.put(a.id, artifact(2).bytes)).rejects.toThrow(/hash to/);
    await expect(cache.put(a.id.toUpperCase(), a.bytes)).rejects.toThrow(/Not an artifact id/);
    expect(await cache.get('../etc/passwd')).toBeNull();
    expect((await cache.usage()).count).toBe(0);
  });

  it('evicts the least recently used, counting gets as use', async () => {
    const cache = await open(30);
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((seed) => artifact(seed));
    await putAll(cache, a, b, c);
    expect(await cache.get(a.id)).not.toBeNull();
    expect(await cache.put(d.id, d.bytes)).toEqual({ stored: true, evicted: 1 });
    expect(await cache.has(b.id)).toBe(false);
    // Putting what is already there is a use too.
    await putAll(cache, c);
    expect(await cache.put(e.id, e.bytes)).toEqual({ stored: true, evicted: 1 });
    expect(await cache.has(a.id)).toBe(false);
    for (const kept of [c, d, e]) expect(await cache.has(kept.id)).toBe(true);
  });

  it('stays within the budget, evicting as many as it takes', async () => {
    const cache = await open(35);
    for (let seed = 0; seed < 12; seed++) {
      const { id, bytes } = artifact(seed, 5 + (seed % 3) * 5);
      expect((await cache.put(id, bytes)).stored).toBe(true);
      expect((await cache.usage()).bytes).toBeLessThanOrEqual(35);
    }
    const big = artifact(99, 30);
    const result = await cache.put(big.id, big.bytes);
    expect(result.evicted).toBeGreaterThan(1);
    expect(await cache.usage()).toMatchObject({ count: 1, bytes: 30 });
  });

  it('does not store an artifact bigger than the whole budget, and keeps the rest', async () => {
    const cache = await open(20);
    const small = artifact(1);
    await putAll(cache, small);
    const big = artifact(2, 21);
    const result = await cache.put(big.id, big.bytes);
    expect(result).toMatchObject({ stored: false, evicted: 0 });
    expect(result.reason).toMatch(/budget/);
    expect(await cache.has(big.id)).toBe(false);
    expect(await cache.has(small.id)).toBe(true);
  });

  it('keeps its own copy of the bytes', async () => {
    const cache = await open(100);
    const a = artifact(1);
    await putAll(cache, a);
    a.bytes[0] = 42;
    (await cache.get(a.id))![1] = 42;
    expect(await cache.get(a.id)).toEqual(new Uint8Array(10).fill(1));
  });

  it('empties on clear', async () => {
    const cache = await open(100);
    await putAll(cache, artifact(1), artifact(2));
    await cache.clear();
    expect(await cache.usage()).toEqual({ bytes: 0, count: 0, budgetBytes: 100 });
    expect(await cache.get(artifact(1).id)).toBeNull();
  });
});

describe('openArtifactCache on IndexedDB', () => {
  it('keeps artifacts, totals and LRU order across reopening', async () => {
    const factory = new IDBFactory();
    const [a, b, c] = [1, 2, 3].map((seed) => artifact(seed));
    const first = await openArtifactCache({ indexedDB: factory, budgetBytes: 30 });
    expect(first.persistent).toBe(true);
    await putAll(first, a, b);
    await first.get(a.id);
    first.close();

    const second = await openArtifactCache({ indexedDB: factory, budgetBytes: 20 });
    expect(await second.usage()).toEqual({ bytes: 20, count: 2, budgetBytes: 20 });
    expect(await second.put(c.id, c.bytes)).toEqual({ stored: true, evicted: 1 });
    expect(await second.has(b.id)).toBe(false);
    expect(await second.get(a.id)).toEqual(a.bytes);
  });

  it('deletes bytes that no longer match their id and reports them absent', async () => {
    const factory = new IDBFactory();
    const cache = await openArtifactCache({ indexedDB: factory, dbName: 'corrupt', budgetBytes: 100 });
    const [a, b] = [1, 2].map((seed) => artifact(seed));
    await putAll(cache, a, b);
    await writeRaw(factory, 'corrupt', a.id, new Uint8Array(10).fill(7));
    await writeRaw(factory, 'corrupt', b.id, 'not bytes at all');

    expect(await cache.get(a.id)).toBeNull();
    expect(await cache.get(b.id)).toBeNull();
    expect(await cache.has(a.id)).toBe(false);
    expect(await cache.usage()).toEqual({ bytes: 0, count: 0, budgetBytes: 100 });
    // Once gone, the good bytes can be put again.
    await putAll(cache, a);
    expect(await cache.get(a.id)).toEqual(a.bytes);
  });

  it('counts in good bytes that arrived without metadata, so they can be evicted', async () => {
    const factory = new IDBFactory();
    const cache = await openArtifactCache({ indexedDB: factory, dbName: 'orphan', budgetBytes: 20 });
    const [a, b, c] = [1, 2, 3].map((seed) => artifact(seed));
    await writeRaw(factory, 'orphan', a.id, a.bytes);
    expect(await cache.get(a.id)).toEqual(a.bytes);
    expect(await cache.usage()).toMatchObject({ bytes: 10, count: 1 });
    await putAll(cache, b, c);
    expect(await cache.has(a.id)).toBe(false);
  });

  it('evicts more and retries once when the browser says the quota is exceeded', async () => {
    const cache = await openArtifactCache({ indexedDB: new IDBFactory(), budgetBytes: 100 });
    const [a, b, c, d] = [1, 2, 3, 4].map((seed) => artifact(seed));
    await putAll(cache, a, b, c);
    const put = failBytesPuts(1);

    // Well under budget, so only the quota makes room: 30 cached, 10 more freed beyond the new 10.
    expect(await cache.put(d.id, d.bytes)).toEqual({ stored: true, evicted: 1 });
    expect(put).toHaveBeenCalled();
    expect(await cache.has(a.id)).toBe(false);
    for (const kept of [b, c, d]) expect(await cache.get(kept.id)).toEqual(kept.bytes);
    expect(await cache.usage()).toMatchObject({ bytes: 30, count: 3 });
  });

  it('reports, rather than throws, when the quota is still exceeded after evicting', async () => {
    const cache = await openArtifactCache({ indexedDB: new IDBFactory(), budgetBytes: 100 });
    const [a, b, c, d] = [1, 2, 3, 4].map((seed) => artifact(seed));
    await putAll(cache, a, b, c);
    failBytesPuts(2);

    const result = await cache.put(d.id, d.bytes);
    expect(result).toMatchObject({ stored: false, evicted: 1 });
    expect(result.reason).toMatch(/QuotaExceededError/);
    expect(await cache.has(d.id)).toBe(false);
    // The failed write left nothing half-done: totals match what is there.
    expect(await cache.usage()).toMatchObject({ bytes: 20, count: 2 });
    expect(await cache.get(b.id)).toEqual(b.bytes);
  });

  it('reads a closed database as misses and declines to store', async () => {
    const cache = await openArtifactCache({ indexedDB: new IDBFactory(), budgetBytes: 100 });
    const a = artifact(1);
    await putAll(cache, a);
    cache.close();
    expect(await cache.get(a.id)).toBeNull();
    expect(await cache.has(a.id)).toBe(false);
    const result = await cache.put(artifact(2).id, artifact(2).bytes);
    expect(result).toMatchObject({ stored: false, evicted: 0 });
    expect(result.reason).toMatch(/Could not store/);
  });
});

describe('default budget', () => {
  const budgetWith = async (options: Parameters<typeof openArtifactCache>[0]) =>
    (await (await openArtifactCache({ indexedDB: new IDBFactory(), ...options })).usage()).budgetBytes;

  it('is half the quota, up to 1 GiB', async () => {
    expect(await budgetWith({ estimate: async () => ({ quota: 600 * 1024 * 1024 }) })).toBe(300 * 1024 * 1024);
    expect(await budgetWith({ estimate: async () => ({ quota: 10 * GiB, usage: 0 }) })).toBe(MAX_BUDGET_BYTES);
  });

  it('is 256 MiB when the quota is unknown', async () => {
    vi.stubGlobal('navigator', {});
    expect(await budgetWith({})).toBe(FALLBACK_BUDGET_BYTES);
    expect(await budgetWith({ estimate: async () => ({}) })).toBe(FALLBACK_BUDGET_BYTES);
    expect(await budgetWith({ estimate: () => Promise.reject(new Error('no')) })).toBe(FALLBACK_BUDGET_BYTES);
  });

  it('asks navigator.storage when no estimate is given', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 100 * 1024 * 1024 }) } });
    expect(await budgetWith({})).toBe(50 * 1024 * 1024);
  });

  it('yields to an explicit budget', async () => {
    expect(await budgetWith({ budgetBytes: 123, estimate: async () => ({ quota: GiB }) })).toBe(123);
  });
});

describe('falling back to memory', () => {
  it('works in memory, and says so, when there is no IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const cache = await openArtifactCache({ budgetBytes: 50 });
    expect(cache.persistent).toBe(false);
    expect(cache.fallbackReason).toMatch(/not available/);
    const a = artifact(1);
    await putAll(cache, a);
    expect(await cache.get(a.id)).toEqual(a.bytes);
    expect(await cache.usage()).toEqual({ bytes: 10, count: 1, budgetBytes: 50 });
  });

  it('uses 256 MiB in memory unless told otherwise', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect((await (await openArtifactCache()).usage()).budgetBytes).toBe(FALLBACK_BUDGET_BYTES);
  });

  it('falls back when IndexedDB refuses to open', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const cache = await openArtifactCache({ indexedDB: refusing, budgetBytes: 50 });
    expect(cache.persistent).toBe(false);
    expect(cache.fallbackReason).toMatch(/SecurityError/);
  });
});
