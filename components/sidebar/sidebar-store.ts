/** A tiny observable store for the sidebar's state (one per tab). */
import { useEffect, useState } from 'preact/hooks';

export interface Store<S> {
  get(): S;
  set(patch: Partial<S>): void;
  subscribe(listener: (s: S) => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(s: S) => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const l of listeners) l(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<S extends object>(store: Store<S>): S {
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe(setState), [store]);
  return state;
}
