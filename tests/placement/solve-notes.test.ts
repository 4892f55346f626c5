import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../../shared/placement';
import { formatNote } from '../../shared/notes';
import { syntheticInstance } from './instances';

describe('the plan’s notes', () => {
  it('count windows in words that agree with the number', () => {
    const solved = (windows: number) =>
      formatNote({ key: 'componentByWindows', params: { units: 1200, windows, exact: 0 } });
    expect(solved(1)).toBe('component (1,200 units) solved in 1 window (0 exact) and an LP bound');
    expect(solved(0)).toContain('solved in 0 windows (');
    expect(solved(99)).toContain('solved in 99 windows (');
  });

  it('a large component that fits one window is "solved in 1 window"', async () => {
    // 60 cells 100 m apart (large above 40 units) and 176 candidates of two types on a 100 m grid (too many
    // for the exact-first MILP, and not one route): one window, then the fix-and-optimise pass.
    const units = Array.from({ length: 60 }, (_, i) => ({ x: (i % 10) * 0.1, y: Math.floor(i / 10) * 0.1 }));
    const busy = (u: { x: number; y: number }, cx: number) =>
      3 + 25 * Math.exp(-((u.x - cx) ** 2 + (u.y - 0.25) ** 2) / 0.04);
    const spots = Array.from({ length: 88 }, (_, k) => ({
      x: (k % 11) * 0.1 - 0.05,
      y: Math.floor(k / 11) * 0.1 - 0.05,
    }));
    const inst = syntheticInstance({
      units,
      demand: [units.map((u) => busy(u, 0.2)), units.map((u) => busy(u, 0.7))],
      candidates: spots.flatMap((p) => [
        { ...p, rangeKm: 0.15, usableDlMbps: 60, costUsd: 25_000, typeIndex: 0 },
        { ...p, rangeKm: 0.6, usableDlMbps: 400, costUsd: 150_000, typeIndex: 1 },
      ]),
    });
    const sol = await solvePlacement(inst, { decomposeAboveUnits: 40 });
    const notes = sol.notes.map((n) => formatNote(n)).join('; ');
    expect(sol.method).toBe('windows');
    expect(notes).toContain('solved in 1 window (');
    expect(notes).not.toMatch(/\b1 windows\b/);
  });
});
