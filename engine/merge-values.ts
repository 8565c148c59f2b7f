// The three-way rule for one value, shared by every part of a document merge: a side that left
// the value as it was in the base takes the other side's change; two different changes conflict.
import { canonicalJSON } from './canonical-json';

/** Equal as saved: key order and absent-versus-undefined make no difference. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonicalJSON(a) === canonicalJSON(b);
}

export type Pick3<T> = { ok: true; value: T } | { ok: false };

export function pick3<T>(base: T, theirs: T, ours: T): Pick3<T> {
  if (sameValue(theirs, ours)) return { ok: true, value: theirs };
  if (sameValue(base, theirs)) return { ok: true, value: ours };
  if (sameValue(base, ours)) return { ok: true, value: theirs };
  return { ok: false };
}
