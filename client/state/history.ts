/**
 * Undo/redo over immutable documents. Each entry is a whole scenario document: edits build new
 * documents with structural sharing, so keeping a few hundred of them costs little and undo is exact.
 */
export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Key of the last pushed edit; consecutive edits with the same key merge into one undo step. */
  readonly coalesceKey: string | null;
}

/** Default number of undo steps kept. */
export const HISTORY_LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], coalesceKey: null };
}

/**
 * Records `next` as the new present. Identical documents are ignored. With a `coalesceKey` equal to the
 * previous push's key (dragging a bar, typing in a field), the edit replaces the present instead of
 * adding an undo step, so one gesture undoes at once. Any push clears the redo stack.
 */
export function pushHistory<T>(
  history: History<T>,
  next: T,
  coalesceKey: string | null = null,
  limit = HISTORY_LIMIT,
): History<T> {
  if (Object.is(next, history.present)) return history;
  if (coalesceKey !== null && coalesceKey === history.coalesceKey && history.past.length > 0) {
    return { past: history.past, present: next, future: [], coalesceKey };
  }
  const past = [...history.past, history.present];
  if (past.length > limit) past.splice(0, past.length - limit);
  return { past, present: next, future: [], coalesceKey };
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0;
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history;
  const past = history.past.slice(0, -1);
  return {
    past,
    present: history.past[history.past.length - 1],
    future: [history.present, ...history.future],
    coalesceKey: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history;
  const [present, ...future] = history.future;
  return { past: [...history.past, history.present], present, future, coalesceKey: null };
}

/** Ends the current coalescing run (e.g. on pointer up), so the next edit is its own undo step. */
export function sealHistory<T>(history: History<T>): History<T> {
  return history.coalesceKey === null ? history : { ...history, coalesceKey: null };
}
