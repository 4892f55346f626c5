/**
 * "Walking time": hours a walker has been able to move since the horizon start. Walkers move only inside
 * the route's daily walking windows, so walking time grows at 1 h/h inside a window and stands still
 * outside. In walking time every cohort moves at constant speed, which makes band positions linear.
 */
export interface WalkingClock {
  /** Sorted, non-overlapping local-hour windows [from, to). */
  windows: readonly (readonly [number, number])[];
  /** Walking hours per day. */
  hoursPerDay: number;
}

/** Builds the walking clock of a route's walking windows. */
export function walkingClock(windows: readonly (readonly [number, number])[]): WalkingClock {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  return { windows: sorted, hoursPerDay: sorted.reduce((acc, [a, b]) => acc + (b - a), 0) };
}

/** Walking hours elapsed from the horizon start (local midnight) to `hours` after it. */
export function walkingHoursAt(clock: WalkingClock, hours: number): number {
  const day = Math.floor(hours / 24);
  const h = hours - day * 24;
  let w = day * clock.hoursPerDay;
  for (const [from, to] of clock.windows) {
    if (h <= from) break;
    w += Math.min(h, to) - from;
  }
  return w;
}

/** A piece of a time step: walking time runs from w0 to w1 (moving, w1 − w0 = real hours) or stands (w0 = w1). */
export interface StepPiece {
  w0: number;
  w1: number;
  /** Real duration of the piece, hours. */
  hours: number;
}

/** Splits the real interval [t0, t1] (hours from the horizon start) at window boundaries. */
export function stepPieces(clock: WalkingClock, t0: number, t1: number): StepPiece[] {
  const cuts = [t0];
  const firstDay = Math.floor(t0 / 24);
  const lastDay = Math.floor(t1 / 24);
  for (let d = firstDay; d <= lastDay; d++) {
    for (const [from, to] of clock.windows) {
      for (const edge of [d * 24 + from, d * 24 + to]) if (edge > t0 && edge < t1) cuts.push(edge);
    }
  }
  cuts.push(t1);
  cuts.sort((a, b) => a - b);
  const pieces: StepPiece[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k];
    const b = cuts[k + 1];
    if (b - a <= 0) continue;
    const w0 = walkingHoursAt(clock, a);
    const w1 = walkingHoursAt(clock, b);
    const last = pieces[pieces.length - 1];
    // Merge with the previous piece when both stand still at the same walking time.
    if (last && last.w0 === last.w1 && w0 === w1 && last.w1 === w0) last.hours += b - a;
    else pieces.push({ w0, w1, hours: b - a });
  }
  return pieces;
}
