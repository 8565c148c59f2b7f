// The palette's sections: node types grouped by category in the order the server lists them (the
// registry's palette order), filtered by every word typed matching the title, description, type
// or category.
import type { EditorNodeType } from './editor-types';

export interface PaletteGroup<T extends EditorNodeType = EditorNodeType> {
  category: string;
  items: T[];
}

export function paletteGroups<T extends EditorNodeType>(types: readonly T[], query: string): PaletteGroup<T>[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, T[]>();
  for (const t of types) {
    const text = `${t.title} ${t.description} ${t.type} ${t.category}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) continue;
    const items = groups.get(t.category);
    if (items) items.push(t);
    else groups.set(t.category, [t]);
  }
  return [...groups].map(([category, items]) => ({ category, items }));
}

/** What Enter in the search adds: the first type whose title matches every word, else the first match. */
export function bestMatch<T extends EditorNodeType>(groups: readonly PaletteGroup<T>[], query: string): T | undefined {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = groups.flatMap((g) => g.items);
  return all.find((t) => words.every((w) => t.title.toLowerCase().includes(w))) ?? all[0];
}

/** The drag payload's type: a custom one, so text drops from elsewhere are never taken for nodes. */
export const PALETTE_DRAG_TYPE = 'application/x-pipeworks-node';

export function encodePaletteDrag(t: Pick<EditorNodeType, 'type' | 'version'>): string {
  return JSON.stringify({ type: t.type, version: t.version });
}

export function decodePaletteDrag(data: string): { type: string; version: number } | null {
  try {
    const value = JSON.parse(data) as { type?: unknown; version?: unknown };
    return typeof value.type === 'string' && typeof value.version === 'number' ? { type: value.type, version: value.version } : null;
  } catch {
    return null;
  }
}
