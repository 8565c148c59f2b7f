'use client';
// The node palette on the left: search, then node types by category. Drag one onto the canvas,
// or focus it and press Enter to add it next to the selected node (or mid-view). "/" jumps here.
import { useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type RefObject } from 'react';
import type { NodeTypeInfo } from '../pipeline/pipeline-types';
import { bestMatch, encodePaletteDrag, PALETTE_DRAG_TYPE, paletteGroups } from './palette-groups';

interface PaletteProps {
  types: readonly NodeTypeInfo[];
  onAdd: (type: NodeTypeInfo) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Out of reach (an old version is on show over the canvas). */
  inert?: boolean;
}

export function Palette({ types, onAdd, searchRef, inert = false }: PaletteProps) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(types, query), [types, query]);
  const list = useRef<HTMLDivElement>(null);

  const items = () => Array.from(list.current?.querySelectorAll<HTMLButtonElement>('[data-palette-item]') ?? []);
  const moveFocus = (e: KeyboardEvent<HTMLElement>, by: number) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const next = at + by;
    e.preventDefault();
    if (next < 0) searchRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <aside aria-label="Node palette" inert={inert} className={`flex w-[220px] shrink-0 flex-col border-r border-zinc-200 bg-white ${inert ? 'opacity-50' : ''}`} data-testid="palette">
      <div className="shrink-0 border-b border-zinc-100 p-2.5">
        <label htmlFor="palette-search" className="mb-1 block text-xs font-medium text-zinc-600">
          Add a node
        </label>
        <input
          id="palette-search"
          ref={searchRef}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') moveFocus(e, 1);
            const best = e.key === 'Enter' ? bestMatch(groups, query) : undefined;
            if (best) {
              e.preventDefault();
              onAdd(best);
            }
            if (e.key === 'Escape' && query) {
              e.stopPropagation();
              setQuery('');
            }
          }}
          placeholder="Search nodes  ( / )"
          aria-describedby="palette-help"
          className="h-8 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none"
        />
        <p id="palette-help" className="sr-only">
          Enter adds the best match. Arrow keys move through the list; Enter on a node adds it.
        </p>
      </div>
      <div ref={list} className="min-h-0 flex-1 overflow-y-auto px-1.5 pb-3">
        {groups.length === 0 ? <p className="px-2 py-4 text-sm text-zinc-500">No node matches “{query}”.</p> : null}
        {groups.map((g) => (
          <section key={g.category} aria-labelledby={`palette-${g.category}`} className="mt-2">
            <h3 id={`palette-${g.category}`} className="px-1.5 py-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
              {g.category}
            </h3>
            <ul className="flex flex-col gap-0.5">
              {g.items.map((t) => (
                <li key={t.type}>
                  <PaletteItem type={t} onAdd={onAdd} onArrow={moveFocus} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}

interface PaletteItemProps {
  type: NodeTypeInfo;
  onAdd: (type: NodeTypeInfo) => void;
  onArrow: (e: KeyboardEvent<HTMLElement>, by: number) => void;
}

function PaletteItem({ type, onAdd, onArrow }: PaletteItemProps) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, encodePaletteDrag(type));
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      draggable
      data-palette-item
      data-testid={`palette-item-${type.type}`}
      onDragStart={onDragStart}
      onClick={() => onAdd(type)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') onArrow(e, 1);
        if (e.key === 'ArrowUp') onArrow(e, -1);
      }}
      title={`${type.title}: drag onto the canvas, or press Enter to add`}
      className="group flex w-full cursor-grab flex-col items-start rounded-md px-2 py-1.5 text-left hover:bg-zinc-50 focus-visible:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-500 active:cursor-grabbing"
    >
      <span className="w-full truncate text-sm font-medium text-zinc-800">{type.title}</span>
      <span className="line-clamp-2 text-[11px] leading-snug text-zinc-500">{type.description}</span>
    </button>
  );
}
