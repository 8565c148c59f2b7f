// Undo and redo over whole documents (they share every untouched node, so a step costs little).
// Edits that belong together merge into one step: the frames of a drag, the keystrokes of a typed
// value. They merge when they carry the same key and follow each other within MERGE_WINDOW_MS.

export const MERGE_WINDOW_MS = 1000;
const MAX_STEPS = 200;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** The key and time of the last edit, while a following edit may still merge into it. */
  merge: { key: string; at: number } | null;
}

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], merge: null };
}

export function record<T>(h: History<T>, next: T, options: { key?: string; now: number }): History<T> {
  if (next === h.present) return h;
  const { key, now } = options;
  const merge = key ? { key, at: now } : null;
  if (key && h.merge?.key === key && now - h.merge.at <= MERGE_WINDOW_MS) {
    return { past: h.past, present: next, future: [], merge };
  }
  const past = [...h.past, h.present];
  return { past: past.length > MAX_STEPS ? past.slice(past.length - MAX_STEPS) : past, present: next, future: [], merge };
}

/** Ends merging: the next edit starts a step of its own even with the same key (a new drag). */
export function closeStep<T>(h: History<T>): History<T> {
  return h.merge ? { ...h, merge: null } : h;
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future], merge: null };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1), merge: null };
}
