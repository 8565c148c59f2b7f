// New node and edge ids: readable (derived from the type or the copied node), unique in the
// document, and within the document schema's id rule (1–64 of letters, digits, "_", "-", ".").

const NOT_ID_CHARS = /[^A-Za-z0-9_.-]+/g;
const MAX_BASE = 56; // leaves room for a "-NNN" suffix within 64 characters

function idBase(raw: string): string {
  const base = raw.replace(NOT_ID_CHARS, '-').replace(/^-+|-+$/g, '').slice(0, MAX_BASE);
  return base || 'node';
}

export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** `train/logistic-regression` → `logistic-regression`, then `logistic-regression-2`, … */
export function nodeIdForType(type: string, taken: ReadonlySet<string>): string {
  return uniqueId(idBase(type.split('/').pop() ?? type), taken);
}

/** A copy of `split-2` is named after `split`: `split-3` (or the first free number). */
export function nodeIdForCopy(id: string, taken: ReadonlySet<string>): string {
  return uniqueId(idBase(id.replace(/-\d+$/, '')), taken);
}

/** `e1`, `e2`, …: the first number past the edge count that is free. */
export function nextEdgeId(taken: ReadonlySet<string>): string {
  let i = taken.size + 1;
  while (taken.has(`e${i}`)) i++;
  return `e${i}`;
}
