// Comparing param objects by content: for telling which fields an edit touched (so typing in one
// field makes one undo step) and whether a document really changed.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys, so two param objects compare by content, not key order. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  ) ?? 'undefined';
}

/** The top-level params whose values differ, added or removed ones included. */
export function changedParams(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => stableKey(before[name]) !== stableKey(after[name])).sort();
}
