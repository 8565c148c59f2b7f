// A minimal external store (state, setState, subscribe) for useSyncExternalStore: one per editor,
// made by its provider, never at module scope (a module-level store would be shared across
// requests under Next and across pipelines in the browser).

export interface Store<S> {
  getState: () => S;
  setState: (update: (state: S) => S) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    setState(update) {
      const next = update(state);
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
