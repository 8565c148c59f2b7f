// Equality rules for selectors that read nodes, so panels skip re-rendering while nodes only move.
import type { NodeInstance } from './editor-types';

/** Same ids and labels in the same order: names shown in lists have not changed. */
export function sameLabels(a: readonly NodeInstance[], b: readonly NodeInstance[]): boolean {
  return a === b || (a.length === b.length && a.every((n, i) => n.id === b[i].id && n.label === b[i].label));
}

/** The same node apart from where it sits on the canvas. */
export function sameExceptPosition(a: NodeInstance | null, b: NodeInstance | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.id === b.id && a.label === b.label && a.params === b.params && a.type === b.type && a.version === b.version && a.placement === b.placement;
}
