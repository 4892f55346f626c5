import { describe, expect, it } from 'vitest';
import { solvePlacement } from '../../shared/placement';
import { windowCount } from '../../shared/placement/decompose';
import { routeCandidates, routeUnits, syntheticInstance } from './instances';

describe('the plan’s notes', () => {
  it('count windows in words that agree with the number', () => {
    expect(windowCount(1)).toBe('1 window');
    expect(windowCount(0)).toBe('0 windows');
    expect(windowCount(99)).toBe('99 windows');
  });

  it('a large component that fits one window is "solved in 1 window"', async () => {
    // 60 segments (large above 40 units) and 302 candidates of two types (too many for the exact-first
    // MILP): one 60-segment window, then the fix-and-optimise pass.
    const units = routeUnits(30);
    const wave = (centre: number) => units.map((u) => 2 + 40 * Math.exp(-(((u.x - centre) / 5) ** 2)));
    const inst = syntheticInstance({
      units,
      demand: [wave(8), wave(20)],
      candidates: [
        ...routeCandidates(30, 0.2, { rangeKm: 6, usableDlMbps: 100, costUsd: 60_000, typeIndex: 0 }),
        ...routeCandidates(30, 0.2, { rangeKm: 2, usableDlMbps: 900, costUsd: 180_000, typeIndex: 1 }),
      ],
    });
    const sol = await solvePlacement(inst, { decomposeAboveUnits: 40 });
    const notes = sol.notes.join('; ');
    expect(notes).toContain('solved in 1 window (');
    expect(notes).not.toMatch(/\b1 windows\b/);
  });
});
