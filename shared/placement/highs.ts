/**
 * One HiGHS (WebAssembly) runtime for the whole process: loaded lazily on first use, then reused. Loading
 * is asynchronous; every solve after that is synchronous.
 */
import loadHighs, { type Highs } from 'highs';
import type { Note } from '../notes';

let runtime: Promise<Highs> | null = null;

/** The shared HiGHS runtime (loads it on the first call). */
export function highsRuntime(): Promise<Highs> {
  if (runtime === null) {
    runtime = loadHighs().catch((error: unknown) => {
      runtime = null;
      throw error;
    });
  }
  return runtime;
}

export type { Highs };

/** Drops the shared runtime (after a WebAssembly abort); the next call loads a fresh one. */
export function resetHighsRuntime(): void {
  runtime = null;
}

/** The note for a solve that threw: what it kept instead, and the solver's message. */
export function solverFailed(kept: 'solverFailedKeptGreedy' | 'solverFailedKeptBest', error: unknown): Note {
  return { key: kept, params: { message: error instanceof Error ? error.message : String(error) } };
}

/** A model of the shared runtime. */
export type HighsModel = ReturnType<Highs['createModel']>;

/**
 * Runs `model` for at most `seconds` from now. HiGHS' `time_limit` counts every run since the model's
 * clocks were last reset, so a model solved in rounds (row generation) resets them first.
 */
export function runWithin(model: HighsModel, seconds: number): void {
  model.zeroAllClocks();
  model.options.set({ time_limit: Math.max(0.05, seconds) });
  model.run();
}

/** A sparse row: column indices and their coefficients. */
export interface SparseRow {
  idx: number[];
  val: number[];
}

/** Rows as the CSR matrix HiGHS takes (createModel, addRows). */
export function csrMatrix(rows: readonly SparseRow[], numCols: number) {
  let nnz = 0;
  for (const r of rows) nnz += r.idx.length;
  const starts = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  rows.forEach((r, i) => {
    for (let k = 0; k < r.idx.length; k++) {
      indices[at] = r.idx[k];
      values[at++] = r.val[k];
    }
    starts[i + 1] = at;
  });
  return { format: 'csr' as const, numRows: rows.length, numCols, starts, indices, values };
}
