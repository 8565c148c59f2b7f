// Builds an AnyDb over one dialect's Drizzle database (or transaction): adds `dialect`, `t` and the
// transaction runner, and lets a gate decide when an awaited query may start (SQLite's outer
// handle waits while a transaction holds the connection; a dead transaction's handle refuses).
import type { AnyDb, Dialect, Tables } from './any-db';

// Registered (Symbol.for): Next's server build can carry this module in more than one chunk, and a
// handle built by one copy must still run transactions through withTransaction of another.
export const transactionRunner = Symbol.for('pipeworks.db.transactionRunner');
export type TransactionRunner = <T>(fn: (tx: AnyDb) => Promise<T>) => Promise<T>;

/** Decides when an awaited query starts: `start` runs it and returns its promise. */
export type Gate = (start: () => Promise<unknown>) => Promise<unknown>;

const entityKind = Symbol.for('drizzle:entityKind');

// Only query builders are wrapped (so their `then` passes the gate); SQL fragments, subqueries and
// tables pass through untouched, since Drizzle compares some of them by identity.
function isBuilder(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { then?: unknown }).then === 'function') return true;
  const kind = (value.constructor as { [entityKind]?: string } | undefined)?.[entityKind];
  return typeof kind === 'string' && kind.endsWith('Builder');
}

function gated<T extends object>(target: T, gate: Gate | null): T {
  if (!gate) return target;
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'then') {
        return (onFulfilled?: (v: unknown) => unknown, onRejected?: (e: unknown) => unknown) =>
          gate(() => (value as () => Promise<unknown>).call(obj)).then(onFulfilled, onRejected);
      }
      // catch/finally call this.then, which must be the gated one.
      if (prop === 'catch' || prop === 'finally') return (...args: unknown[]) => (value as (...a: unknown[]) => unknown).apply(receiver, args);
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (out === obj) return receiver;
        return isBuilder(out) ? gated(out, gate) : out;
      };
    },
  });
}

export interface HandleParts {
  dialect: Dialect;
  /** The Drizzle database or transaction of that dialect. */
  drizzle: object;
  tables: Tables;
  runTransaction: TransactionRunner;
  gate?: Gate;
}

export function makeHandle(parts: HandleParts): AnyDb {
  const gate = parts.gate ?? null;
  const extras: Record<PropertyKey, unknown> = { dialect: parts.dialect, t: parts.tables, [transactionRunner]: parts.runTransaction };
  return new Proxy(parts.drizzle, {
    get(obj, prop) {
      if (prop in extras) return extras[prop];
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (prop === 'with' && typeof out === 'object' && out !== null) {
          // db.with(cte) returns { select, insert, … } whose results are builders too.
          return Object.fromEntries(Object.entries(out).map(([k, f]) => [k, (...a: unknown[]) => gated((f as (...x: unknown[]) => object)(...a), gate)]));
        }
        return isBuilder(out) ? gated(out, gate) : out;
      };
    },
  }) as unknown as AnyDb;
}
