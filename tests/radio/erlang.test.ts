import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { erlangB, erlangBChannels, erlangBTraffic, erlangC } from '../../shared/radio/erlang';

describe('Erlang B: exact values', () => {
  it('B(1,1) = 1/2, B(1,2) = 1/5, B(2,3) = 4/19', () => {
    expect(erlangB({ trafficErlangs: 1, channels: 1 })).toBeCloseTo(1 / 2, 14);
    expect(erlangB({ trafficErlangs: 1, channels: 2 })).toBeCloseTo(1 / 5, 14);
    expect(erlangB({ trafficErlangs: 2, channels: 3 })).toBeCloseTo(4 / 19, 14);
  });
  it('B(3,3) = 9/26 (hand: B(3,1) = 3/4, B(3,2) = 2.25/4.25 = 9/17, B(3,3) = (27/17)/(3 + 27/17) = 27/78)', () => {
    expect(erlangB({ trafficErlangs: 3, channels: 3 })).toBeCloseTo(9 / 26, 14);
  });
  it('B(A,0) = 1 and B(0,N) = 0 for N ≥ 1', () => {
    expect(erlangB({ trafficErlangs: 5, channels: 0 })).toBe(1);
    expect(erlangB({ trafficErlangs: 0, channels: 4 })).toBe(0);
  });
  it('stays finite far past N = 170 (where the factorial form overflows)', () => {
    const b = erlangB({ trafficErlangs: 900, channels: 1000 });
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
  });
});

describe('Erlang B: published tables', () => {
  it('15 lines at 1 % carry 8.108 E (inverse), and 8.108 E on 15 lines blocks 1 % (forward)', () => {
    expect(erlangBTraffic({ channels: 15, blocking: 0.01 })).toBeCloseTo(8.108, 3);
    expect(erlangB({ trafficErlangs: 8.108, channels: 15 })).toBeCloseTo(0.01, 5);
    expect(erlangBChannels({ trafficErlangs: 8.108, blocking: 0.01 })).toBe(15);
    expect(erlangBChannels({ trafficErlangs: 8.2, blocking: 0.01 })).toBe(16);
  });
  const twoPercent: [number, number][] = [
    [9, 4.345],
    [21, 14.036],
    [51, 41.189],
    [89, 77.342],
  ];
  for (const [n, a] of twoPercent) {
    it(`2 %: N = ${n} → ${a} E`, () => {
      expect(Math.abs(erlangBTraffic({ channels: n, blocking: 0.02 }) - a)).toBeLessThan(0.001);
      expect(erlangB({ trafficErlangs: a, channels: n })).toBeCloseTo(0.02, 4);
      // the table figure is rounded to 1 mE: just below it N suffices, 0.01 E above it N is too few
      expect(erlangBChannels({ trafficErlangs: a - 0.001, blocking: 0.02 })).toBe(n);
      expect(erlangBChannels({ trafficErlangs: a + 0.01, blocking: 0.02 })).toBe(n + 1);
    });
  }
  it('96 lines at 2 % → 84.1 E (iBwave stadium example)', () => {
    expect(Math.abs(erlangBTraffic({ channels: 96, blocking: 0.02 }) - 84.1)).toBeLessThan(0.05);
    expect(erlangBChannels({ trafficErlangs: 84.1, blocking: 0.02 })).toBe(96);
  });
});

describe('Erlang B inverse', () => {
  it('hand: A = 1 at 20 % needs 2 channels (B(1,1) = 0.5 > 0.2 ≥ B(1,2) = 0.2)', () => {
    expect(erlangBChannels({ trafficErlangs: 1, blocking: 0.2 })).toBe(2);
    expect(erlangBChannels({ trafficErlangs: 1, blocking: 0.19 })).toBe(3);
  });
  it('blocking 1 needs no channel', () => {
    expect(erlangBChannels({ trafficErlangs: 10, blocking: 1 })).toBe(0);
  });
});

describe('Erlang C', () => {
  it('hand: A = 1, N = 2: C = 2·(1/5)/(2 − 1·(4/5)) = 0.4/1.2 = 1/3', () => {
    expect(erlangC({ trafficErlangs: 1, channels: 2 })).toBeCloseTo(1 / 3, 14);
  });
  it('hand: A = 2, N = 3: B = 4/19, C = 3·(4/19)/(3 − 2·15/19) = (12/19)/(27/19) = 4/9', () => {
    expect(erlangC({ trafficErlangs: 2, channels: 3 })).toBeCloseTo(4 / 9, 14);
  });
  it('is 1 when A ≥ N (unstable queue)', () => {
    expect(erlangC({ trafficErlangs: 5, channels: 5 })).toBe(1);
    expect(erlangC({ trafficErlangs: 7, channels: 5 })).toBe(1);
    expect(erlangC({ trafficErlangs: 0, channels: 0 })).toBe(1);
  });
});

describe('validation', () => {
  it('throws RangeError on negative, NaN, infinite or fractional inputs', () => {
    expect(() => erlangB({ trafficErlangs: -1, channels: 3 })).toThrow(RangeError);
    expect(() => erlangB({ trafficErlangs: Number.NaN, channels: 3 })).toThrow(RangeError);
    expect(() => erlangB({ trafficErlangs: Infinity, channels: 3 })).toThrow(RangeError);
    expect(() => erlangB({ trafficErlangs: 1, channels: -1 })).toThrow(RangeError);
    expect(() => erlangB({ trafficErlangs: 1, channels: 2.5 })).toThrow(RangeError);
    expect(() => erlangB({ trafficErlangs: 1, channels: Number.NaN })).toThrow(RangeError);
    expect(() => erlangBChannels({ trafficErlangs: 1, blocking: 0 })).toThrow(RangeError);
    expect(() => erlangBChannels({ trafficErlangs: 1, blocking: -0.1 })).toThrow(RangeError);
    expect(() => erlangBChannels({ trafficErlangs: 1, blocking: Number.NaN })).toThrow(RangeError);
    expect(() => erlangBChannels({ trafficErlangs: -2, blocking: 0.02 })).toThrow(RangeError);
    expect(() => erlangC({ trafficErlangs: -1, channels: 2 })).toThrow(RangeError);
    expect(() => erlangC({ trafficErlangs: 1, channels: Number.NaN })).toThrow(RangeError);
    expect(() => erlangBTraffic({ channels: 10, blocking: 1 })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const traffic = fc.double({ min: 0.01, max: 500, noNaN: true });
  it('B is decreasing in the number of channels (strictly until it underflows)', () => {
    fc.assert(
      fc.property(traffic, fc.integer({ min: 0, max: 600 }), (a, n) => {
        const b0 = erlangB({ trafficErlangs: a, channels: n });
        const b1 = erlangB({ trafficErlangs: a, channels: n + 1 });
        // strict while B is representable; once the recursion underflows to 0 it stays there
        return b0 > 1e-300 ? b1 < b0 : b1 <= b0;
      }),
    );
  });
  it('B is increasing in the offered traffic', () => {
    fc.assert(
      fc.property(traffic, fc.integer({ min: 1, max: 600 }), (a, n) => {
        const b0 = erlangB({ trafficErlangs: a, channels: n });
        const b1 = erlangB({ trafficErlangs: a * 1.01, channels: n });
        return b0 > 1e-300 ? b1 > b0 : b1 >= b0;
      }),
    );
  });
  it('erlangBChannels returns the smallest N meeting the target', () => {
    fc.assert(
      fc.property(traffic, fc.double({ min: 1e-4, max: 0.5, noNaN: true }), (a, target) => {
        const n = erlangBChannels({ trafficErlangs: a, blocking: target });
        const meets = erlangB({ trafficErlangs: a, channels: n }) <= target;
        const previousFails = n === 0 || erlangB({ trafficErlangs: a, channels: n - 1 }) > target;
        return meets && previousFails;
      }),
    );
  });
  it('erlangBTraffic inverts erlangB', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        (n, t) => {
          const a = erlangBTraffic({ channels: n, blocking: t });
          return Math.abs(erlangB({ trafficErlangs: a, channels: n }) - t) < 1e-7;
        },
      ),
    );
  });
  it('C ≥ B and both are probabilities', () => {
    fc.assert(
      fc.property(traffic, fc.integer({ min: 1, max: 600 }), (a, n) => {
        const b = erlangB({ trafficErlangs: a, channels: n });
        const c = erlangC({ trafficErlangs: a, channels: n });
        return b >= 0 && b <= 1 && c >= b - 1e-15 && c <= 1;
      }),
    );
  });
});
