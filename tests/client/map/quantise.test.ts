import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantise } from '../../../client/map/quantise';

describe('quantise', () => {
  it('keeps two significant digits and zeroes what the map cannot show', () => {
    expect(quantise(12_345)).toBe(12_000);
    expect(quantise(0.04567)).toBeCloseTo(0.046, 12);
    expect(quantise(99.6)).toBe(100);
    expect(quantise(0.0004)).toBe(0);
    expect(quantise(0)).toBe(0);
    expect(quantise(Number.NaN)).toBe(0);
  });

  it('stays within 5 % of the value and is idempotent', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (v) => {
        const q = quantise(v);
        expect(Math.abs(q - v) / v).toBeLessThanOrEqual(0.05 + 1e-12);
        expect(quantise(q)).toBeCloseTo(q, 9);
      }),
    );
  });
});
