'use client';
// Hands each editor's store to its components, which read it through selectors: a component
// re-renders only when the slice it selected changes (by identity, or by the equality given).
import { createContext, useCallback, useContext, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { EditorState, EditorStore } from './editor-store';

const EditorContext = createContext<EditorStore | null>(null);

export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext value={store}>{children}</EditorContext>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore needs an <EditorProvider> above it');
  return store;
}

export function useEditor<T>(selector: (state: EditorState) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const store = useEditorStore();
  // The last answer, so an equal slice keeps its identity and the snapshot stays stable.
  const last = useRef<{ state: EditorState; selector: (state: EditorState) => T; value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const state = store.getState();
    const prev = last.current;
    if (prev && prev.state === state && prev.selector === selector) return prev.value;
    const value = selector(state);
    const kept = prev && isEqual(prev.value, value) ? prev.value : value;
    last.current = { state, selector, value: kept };
    return kept;
    // isEqual is a comparison rule, not data: a new function with the same rule changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, selector]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
