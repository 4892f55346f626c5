/**
 * A minimal observable store: one immutable state object, shallow updates, synchronous listeners that
 * receive the previous state so they can skip work when their slice did not change (the time slider
 * changes `step` up to 60 times a second; panels that do not show it must not re-render).
 */
export interface Store<S extends object> {
  get(): S;
  set(update: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: (state: S, prev: S) => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, prev: S) => void>();
  return {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      let changed = false;
      for (const key of Object.keys(patch) as (keyof S)[]) {
        if (!Object.is(patch[key], state[key])) {
          changed = true;
          break;
        }
      }
      if (!changed) return;
      const prev = state;
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state, prev);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** True when any of the named keys differs (by identity) between two states. */
export function changed<S extends object>(state: S, prev: S, ...keys: (keyof S)[]): boolean {
  return keys.some((k) => !Object.is(state[k], prev[k]));
}
