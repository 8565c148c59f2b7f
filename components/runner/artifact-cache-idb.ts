// The IndexedDB layer under artifact-cache.ts. Every change runs in one transaction over the stores it
// touches, so the running totals and the LRU order stay right when several workers share the database.

export const STORES = { bytes: 'bytes', meta: 'meta', stats: 'stats' } as const;
const BY_ORDER = 'byOrder';
const TOTALS_KEY = 'totals';

/** Kept apart from the bytes so that eviction walks small records, never blobs. */
export interface EntryMeta {
  id: string;
  size: number;
  /** Wall-clock ms, for people; `order` is what eviction sorts by, since clocks tie and go backwards. */
  lastUsed: number;
  order: number;
}
interface Totals {
  bytes: number;
  count: number;
  /** The last `order` handed out. */
  clock: number;
}

/** Storage primitives the cache policy is written against; artifact-cache.ts also has one in memory. */
export interface EntryStore {
  /** The stored value, unchecked: anything may come back from disk. undefined when absent. */
  read(id: string): Promise<unknown>;
  has(id: string): Promise<boolean>;
  /** Marks id as just used; records it if its bytes are there without metadata. */
  touch(id: string, size: number): Promise<void>;
  remove(id: string): Promise<void>;
  /** Evicts least-recently-used entries until the total plus bytes fits in limit, then stores bytes; all or nothing. An id already stored is only touched. Resolves to the number evicted. */
  write(id: string, bytes: Uint8Array, limit: number): Promise<number>;
  /** Evicts least-recently-used entries until the total is at most limit. */
  evict(limit: number): Promise<number>;
  totals(): Promise<{ bytes: number; count: number }>;
  clear(): Promise<void>;
  close(): void;
}

/** Index i upgrades a database from version i to i + 1. Append; never edit a shipped step. */
const MIGRATIONS: ((db: IDBDatabase) => void)[] = [
  (db) => {
    db.createObjectStore(STORES.bytes);
    db.createObjectStore(STORES.meta, { keyPath: 'id' }).createIndex(BY_ORDER, 'order');
    db.createObjectStore(STORES.stats);
  },
];
export const DB_VERSION = MIGRATIONS.length;

export function openIdbEntryStore(factory: IDBFactory, name: string): Promise<EntryStore> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, DB_VERSION);
    request.onupgradeneeded = (event) => {
      for (let version = event.oldVersion; version < DB_VERSION; version++) MIGRATIONS[version](request.result);
    };
    request.onsuccess = () => {
      const db = request.result;
      // A newer build in another tab wants to upgrade: step aside; later calls here fail soft as misses.
      db.onversionchange = () => db.close();
      resolve(idbEntryStore(db));
    };
    request.onerror = () => reject(request.error ?? new Error(`IndexedDB would not open ${name}`));
  });
}

interface Tx {
  store(name: string): IDBObjectStore;
  /** Calls then with each result of request; a throw in then aborts the transaction with that error. */
  on<R>(request: IDBRequest<R>, then: (result: R) => void): void;
}

/** Callbacks, not awaits, inside: a transaction commits as soon as it has nothing pending. */
function transact<T>(db: IDBDatabase, names: string[], mode: IDBTransactionMode, body: (tx: Tx, finish: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(names, mode);
    let result: T | undefined;
    let failure: { error: unknown } | undefined;
    const fail = (error: unknown) => {
      failure ??= { error };
      try {
        tx.abort();
      } catch {
        // Already finished or aborting; onabort reports the failure.
      }
    };
    tx.oncomplete = () => resolve(result as T);
    tx.onabort = () => reject(failure ? failure.error : (tx.error ?? new Error('IndexedDB transaction aborted')));
    const on: Tx['on'] = (request, then) => {
      request.onsuccess = () => {
        try {
          then(request.result);
        } catch (error) {
          fail(error);
        }
      };
    };
    try {
      body({ store: (name) => tx.objectStore(name), on }, (value) => (result = value));
    } catch (error) {
      fail(error);
    }
  });
}

function totalsOf(value: unknown): Totals {
  return (value as Totals | undefined) ?? { bytes: 0, count: 0, clock: 0 };
}

/** A view into a larger buffer would be cloned whole, so store exactly the artifact's bytes. */
function compact(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function idbEntryStore(db: IDBDatabase): EntryStore {
  const all = [STORES.bytes, STORES.meta, STORES.stats];

  /** Deletes oldest entries until totals.bytes <= limit, updating totals in place. */
  function evictUntil(tx: Tx, totals: Totals, limit: number, then: (evicted: number) => void): void {
    if (totals.bytes <= limit) return then(0);
    let evicted = 0;
    tx.on(tx.store(STORES.meta).index(BY_ORDER).openCursor(), (cursor) => {
      if (!cursor) return then(evicted);
      const meta = cursor.value as EntryMeta;
      tx.store(STORES.bytes).delete(meta.id);
      cursor.delete();
      totals.bytes -= meta.size;
      totals.count -= 1;
      evicted += 1;
      if (totals.bytes <= limit) then(evicted);
      else cursor.continue();
    });
  }

  function bump(tx: Tx, totals: Totals, meta: EntryMeta): void {
    totals.clock += 1;
    tx.store(STORES.meta).put({ ...meta, lastUsed: Date.now(), order: totals.clock });
  }

  return {
    read: (id) => transact(db, [STORES.bytes], 'readonly', (tx, finish) => tx.on(tx.store(STORES.bytes).get(id), finish)),

    has: (id) => transact(db, [STORES.meta], 'readonly', (tx, finish) => tx.on(tx.store(STORES.meta).count(id), (n) => finish(n > 0))),

    touch: (id, size) =>
      transact(db, all, 'readwrite', (tx) => {
        tx.on(tx.store(STORES.stats).get(TOTALS_KEY), (value) => {
          const totals = totalsOf(value);
          tx.on(tx.store(STORES.meta).get(id), (found: EntryMeta | undefined) => {
            if (found) {
              bump(tx, totals, found);
              return void tx.store(STORES.stats).put(totals, TOTALS_KEY);
            }
            // Bytes without metadata would never be evicted; count them in, unless removed meanwhile.
            tx.on(tx.store(STORES.bytes).count(id), (n) => {
              if (n === 0) return;
              totals.bytes += size;
              totals.count += 1;
              bump(tx, totals, { id, size, lastUsed: 0, order: 0 });
              tx.store(STORES.stats).put(totals, TOTALS_KEY);
            });
          });
        });
      }),

    remove: (id) =>
      transact(db, all, 'readwrite', (tx) => {
        tx.store(STORES.bytes).delete(id);
        tx.on(tx.store(STORES.stats).get(TOTALS_KEY), (value) => {
          const totals = totalsOf(value);
          tx.on(tx.store(STORES.meta).get(id), (found: EntryMeta | undefined) => {
            if (!found) return;
            tx.store(STORES.meta).delete(id);
            tx.store(STORES.stats).put({ ...totals, bytes: totals.bytes - found.size, count: totals.count - 1 }, TOTALS_KEY);
          });
        });
      }),

    write: (id, bytes, limit) =>
      transact<number>(db, all, 'readwrite', (tx, finish) => {
        tx.on(tx.store(STORES.stats).get(TOTALS_KEY), (value) => {
          const totals = totalsOf(value);
          tx.on(tx.store(STORES.meta).get(id), (found: EntryMeta | undefined) => {
            if (found) {
              bump(tx, totals, found);
              tx.store(STORES.stats).put(totals, TOTALS_KEY);
              return finish(0);
            }
            evictUntil(tx, totals, limit - bytes.byteLength, (evicted) => {
              tx.store(STORES.bytes).put(compact(bytes), id);
              totals.bytes += bytes.byteLength;
              totals.count += 1;
              bump(tx, totals, { id, size: bytes.byteLength, lastUsed: 0, order: 0 });
              tx.store(STORES.stats).put(totals, TOTALS_KEY);
              finish(evicted);
            });
          });
        });
      }),

    evict: (limit) =>
      transact<number>(db, all, 'readwrite', (tx, finish) => {
        tx.on(tx.store(STORES.stats).get(TOTALS_KEY), (value) => {
          const totals = totalsOf(value);
          evictUntil(tx, totals, limit, (evicted) => {
            tx.store(STORES.stats).put(totals, TOTALS_KEY);
            finish(evicted);
          });
        });
      }),

    totals: () =>
      transact(db, [STORES.stats], 'readonly', (tx, finish) =>
        tx.on(tx.store(STORES.stats).get(TOTALS_KEY), (value) => {
          const { bytes, count } = totalsOf(value);
          finish({ bytes, count });
        }),
      ),

    clear: () =>
      transact<void>(db, all, 'readwrite', (tx) => {
        for (const name of all) tx.store(name).clear();
      }),

    close: () => db.close(),
  };
}
