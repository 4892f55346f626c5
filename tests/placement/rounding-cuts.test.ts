import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mirCut } from '../../shared/placement/rounding-cuts';
import type { SparseRow } from '../../shared/placement/highs';

const activity = (row: SparseRow, y: ArrayLike<number>) =>
  row.idx.reduce((a, c, k) => a + row.val[k] * y[c], 0);

/** Every 0/1 point of n columns. */
function* binaryPoints(n: number): Generator<number[]> {
  for (let mask = 0; mask < 1 << n; mask++) yield Array.from({ length: n }, (_, c) => (mask >> c) & 1);
}

describe('mixed-integer rounding of a Hall row', () => {
  it('needs whole sites: five sites each giving 0.4 of the need, half open, must become three', () => {
    const row = { idx: [0, 1, 2, 3, 4], val: [0.4, 0.4, 0.4, 0.4, 0.4] };
    const y = [0.5, 0.5, 0.5, 0.5, 0.5];
    expect(activity(row, y)).toBeCloseTo(1, 12);
    const cut = mirCut(row, y);
    expect(cut).not.toBeNull();
    // Σ y ≥ 3, normalised to a right-hand side of 1.
    for (const v of cut?.val ?? []) expect(v).toBeCloseTo(1 / 3, 12);
    expect(activity(cut as SparseRow, y)).toBeCloseTo(2.5 / 3, 12);
  });

  it('mixes sizes: one large site (covers the need alone) or three small ones', () => {
    // Large site capped at the need (1), small ones 0.4; LP: large at 0.2, small at 2 × 1.0.
    const row = { idx: [0, 1, 2, 3], val: [1, 0.4, 0.4, 0.4] };
    const y = [0.2, 1, 1, 0];
    expect(activity(row, y)).toBeCloseTo(1, 12);
    const cut = mirCut(row, y) as SparseRow;
    expect(cut).not.toBeNull();
    expect(activity(cut, y)).toBeLessThan(1 - 1e-3);
    for (const z of binaryPoints(4)) {
      if (activity(row, z) >= 1 - 1e-12) expect(activity(cut, z)).toBeGreaterThanOrEqual(1 - 1e-9);
    }
  });

  it('holds at every integer point of random rows and cuts off the LP point it was made at', () => {
    let made = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            a: fc.double({ min: 0.05, max: 1, noNaN: true }),
            y: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
          }),
          { minLength: 2, maxLength: 9 },
        ),
        (cols) => {
          const row = { idx: cols.map((_, c) => c), val: cols.map((c) => c.a) };
          // Like an LP vertex on the row: the fractional part scaled so that the row is tight.
          const fixed = cols.reduce((a, c) => a + (c.y === 1 ? c.a : 0), 0);
          const part = cols.reduce((a, c) => a + (c.y > 0 && c.y < 1 ? c.a * c.y : 0), 0);
          const scale = fixed < 1 && part > 0 ? (1 - fixed) / part : 1;
          const y = cols.map((c) => (c.y > 0 && c.y < 1 ? Math.min(1, c.y * scale) : c.y));
          const cut = mirCut(row, y);
          if (!cut) return;
          made++;
          expect(activity(cut, y)).toBeLessThan(1);
          for (const z of binaryPoints(cols.length)) {
            if (activity(row, z) >= 1) expect(activity(cut, z)).toBeGreaterThanOrEqual(1 - 1e-9);
          }
        },
      ),
      { numRuns: 2000, seed: 42 },
    );
    expect(made).toBeGreaterThan(200);
  });
});
