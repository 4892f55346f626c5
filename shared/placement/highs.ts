/**
 * One HiGHS (WebAssembly) runtime for the whole process: loaded lazily on first use, then reused. Loading
 * is asynchronous; every solve after that is synchronous.
 */
import loadHighs, { type Highs } from 'highs';

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
