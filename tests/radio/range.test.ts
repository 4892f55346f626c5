import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pathLossDb } from '../../shared/radio/path-loss';
import {
  MAX_SEARCH_RANGE_KM,
  PRACH_FORMAT0_MAX_RANGE_KM,
  maxRangeKm,
  radioHorizonKm,
} from '../../shared/radio/range';
import { propagationModels } from '../../shared/scenario/site-type';

describe('radio horizon and PRACH limit', () => {
  it('4.12(√h_BS + √h_UE): 36 m and 1 m → 4.12·7 = 28.84 km', () => {
    expect(radioHorizonKm(36, 1)).toBeCloseTo(28.84, 12);
  });
  it('PRACH format 0: 2976 Ts guard time × c / 2 ≈ 14.53 km, rounded to 14.5', () => {
    // Ts = 1/30.72 MHz; 2976 Ts = 96.875 µs; 3e8 · 96.875e-6 / 2 = 14531 m
    expect(PRACH_FORMAT0_MAX_RANGE_KM).toBe(14.5);
  });
});

describe('maxRangeKm by hand', () => {
  it('free space, 1000 MHz, MAPL 92.45 dB → 1 km, bound by path loss', () => {
    const r = maxRangeKm({ model: 'fspl', maplDb: 92.45, freqMHz: 1000, txHeightM: 10, rxHeightM: 10 });
    expect(r.rangeKm).toBeCloseTo(1, 9);
    expect(r.boundBy).toBe('path-loss');
    expect(r.pathLossRangeKm).toBe(r.rangeKm);
  });
  it('Hata small city 900 MHz 30/1.5 m, MAPL 161.628 dB → 10 km (the forward hand vector inverted)', () => {
    const r = maxRangeKm({
      model: 'hata-urban-small',
      maplDb: 161.62814226,
      freqMHz: 900,
      txHeightM: 30,
      rxHeightM: 1.5,
    });
    expect(r.rangeKm).toBeCloseTo(10, 6);
    expect(r.boundBy).toBe('path-loss');
  });
  it('the PRACH limit caps a 20 km path-loss range at 14.5 km', () => {
    // L(20 km) = 126.40329 + 35.22486·log10(20) = 126.40329 + 45.82860 = 172.23188 dB
    const r = maxRangeKm({
      model: 'hata-urban-small',
      maplDb: 172.23188,
      freqMHz: 900,
      txHeightM: 30,
      rxHeightM: 1.5,
    });
    expect(r.pathLossRangeKm).toBeCloseTo(20, 4);
    expect(r.rangeKm).toBe(14.5);
    expect(r.boundBy).toBe('prach');
    // horizon 4.12(√30 + √1.5) = 4.12·(5.47723 + 1.22474) = 27.61212 km: not the binding cap
    expect(r.horizonKm).toBeCloseTo(27.6121, 4);
  });
  it('the radio horizon caps a low mast: 4 m / 1 m → 12.36 km, while free space would reach 238.5 km', () => {
    // 10^((140 − 92.45)/20) = 10^2.3775 = 238.506 km (slant ≈ ground at that distance)
    const r = maxRangeKm({ model: 'fspl', maplDb: 140, freqMHz: 1000, txHeightM: 4, rxHeightM: 1 });
    expect(r.pathLossRangeKm).toBeCloseTo(238.506, 2);
    expect(r.rangeKm).toBeCloseTo(12.36, 12);
    expect(r.boundBy).toBe('radio-horizon');
  });
  it('the PRACH cap can be lifted', () => {
    const r = maxRangeKm({
      model: 'hata-urban-small',
      maplDb: 172.23188,
      freqMHz: 900,
      txHeightM: 30,
      rxHeightM: 1.5,
      prachLimitKm: Infinity,
    });
    expect(r.rangeKm).toBeCloseTo(20, 4);
  });
  it('38.901 UMa NLOS at 5 GHz, MAPL 144.7641 dB → 1000 m (inverts the published value)', () => {
    const r = maxRangeKm({
      model: 'uma-nlos',
      maplDb: 144.7641,
      freqMHz: 5000,
      txHeightM: 25,
      rxHeightM: 1.5,
    });
    expect(Math.abs(r.rangeKm - 1)).toBeLessThan(1e-3);
  });
  it('38.901 RMa LOS on both sides of the breakpoint (879.6 m at 800 MHz, 35/1.5 m)', () => {
    const p = { model: 'rma-los' as const, freqMHz: 800, txHeightM: 35, rxHeightM: 1.5 };
    expect(maxRangeKm({ ...p, maplDb: 105.5969278 }).rangeKm).toBeCloseTo(2, 5);
    const near = pathLossDb({ ...p, distanceKm: 0.5 });
    expect(maxRangeKm({ ...p, maplDb: near }).rangeKm).toBeCloseTo(0.5, 8);
  });
  it('a MAPL below the loss at 1 m gives 0 km; a MAPL beyond the search window gives its end', () => {
    expect(maxRangeKm({ model: 'fspl', maplDb: 20, freqMHz: 1000, txHeightM: 1, rxHeightM: 1 }).rangeKm).toBe(
      0,
    );
    const far = maxRangeKm({ model: 'fspl', maplDb: 400, freqMHz: 1000, txHeightM: 100, rxHeightM: 1 });
    expect(far.pathLossRangeKm).toBe(MAX_SEARCH_RANGE_KM);
    // horizon 4.12(10 + 1) = 45.32 km > 14.5 km: the PRACH limit binds
    expect(far.boundBy).toBe('prach');
  });
  it('rejects a non-finite MAPL', () => {
    expect(() =>
      maxRangeKm({ model: 'fspl', maplDb: Number.NaN, freqMHz: 1000, txHeightM: 1, rxHeightM: 1 }),
    ).toThrow(RangeError);
  });
});

describe('properties', () => {
  const inputs = fc.record({
    model: fc.constantFrom(...propagationModels),
    freqMHz: fc.double({ min: 150, max: 40_000, noNaN: true }),
    txHeightM: fc.double({ min: 3, max: 150, noNaN: true }),
    rxHeightM: fc.double({ min: 1, max: 10, noNaN: true }),
  });
  it('maxRangeKm inverts pathLossDb: PL(R) ≤ MAPL < PL(R·(1 + 1e-9))', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 60, max: 200, noNaN: true }), (p, mapl) => {
        const r = maxRangeKm({ ...p, maplDb: mapl, prachLimitKm: Infinity });
        const d = r.pathLossRangeKm;
        if (d === 0) return pathLossDb({ ...p, distanceKm: 0.001 }) > mapl;
        if (d === MAX_SEARCH_RANGE_KM) return pathLossDb({ ...p, distanceKm: d }) <= mapl;
        return (
          pathLossDb({ ...p, distanceKm: d }) <= mapl &&
          pathLossDb({ ...p, distanceKm: d * (1 + 1e-9) }) > mapl
        );
      }),
      { numRuns: 1000 },
    );
  });
  it('round trip: the range at MAPL = PL(d) is d', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 0.01, max: 50, noNaN: true }), (p, d) => {
        const r = maxRangeKm({ ...p, maplDb: pathLossDb({ ...p, distanceKm: d }), prachLimitKm: Infinity });
        return Math.abs(r.pathLossRangeKm - d) <= 1e-7 * d;
      }),
      { numRuns: 1000 },
    );
  });
  it('range never exceeds the horizon or the PRACH limit, and grows with the MAPL', () => {
    fc.assert(
      fc.property(inputs, fc.double({ min: 60, max: 200, noNaN: true }), (p, mapl) => {
        const a = maxRangeKm({ ...p, maplDb: mapl });
        const b = maxRangeKm({ ...p, maplDb: mapl + 3 });
        return a.rangeKm <= a.horizonKm && a.rangeKm <= PRACH_FORMAT0_MAX_RANGE_KM && b.rangeKm >= a.rangeKm;
      }),
    );
  });
});
