import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  pathLossDb,
  rmaBreakpointM,
  urbanBreakpointM,
  hataMobileCorrectionLargeCityDb,
} from '../../shared/radio/path-loss';
import { propagationModels, type PropagationModel } from '../../shared/scenario/site-type';

/** |a − b| ≤ tol, with a readable failure. */
function near(actual: number, expected: number, tol: number): void {
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

describe('published check values (ns-3 test suites)', () => {
  // ns-3 evaluates Hata at the 3-D distance of its test geometry, 2.00021 km: we pass the same distance.
  const g = { freqMHz: 869, distanceKm: 2.00021, txHeightM: 30, rxHeightM: 1 };
  it('Hata urban large city 137.93 dB', () => {
    near(pathLossDb({ model: 'hata-urban-large', ...g }), 137.93, 0.1);
  });
  it('Hata urban small/medium city 137.88 dB', () => {
    near(pathLossDb({ model: 'hata-urban-small', ...g }), 137.88, 0.1);
  });
  it('Hata suburban 128.03 dB (from the small-city urban formula)', () => {
    near(pathLossDb({ model: 'hata-suburban', ...g }), 128.03, 0.1);
  });
  it('COST-231 medium city (Cm = 0) at 2114 MHz 150.64 dB', () => {
    near(pathLossDb({ model: 'cost231-medium', ...g, freqMHz: 2114 }), 150.64, 0.1);
  });
  it('COST-231 metropolitan (Cm = 3, large-city a(hm) with −4.97) 153.52 dB, not ns-3 148.55', () => {
    const v = pathLossDb({ model: 'cost231-metro', ...g, freqMHz: 2114 });
    near(v, 153.52, 0.1);
    expect(Math.abs(v - 148.55)).toBeGreaterThan(4);
  });

  const cases: [PropagationModel, number, number, number][] = [
    ['rma-los', 35, 1000, 108.5577],
    ['rma-nlos', 35, 1000, 133.5223],
    ['rma-los', 35, 100, 87.2965],
    ['rma-nlos', 35, 100, 95.7718],
    ['uma-los', 25, 1000, 109.7252],
    ['uma-nlos', 25, 1000, 144.7641],
    ['umi-los', 10, 100, 88.4122],
    ['umi-nlos', 10, 100, 107.9432],
  ];
  for (const [model, h, dM, ref] of cases) {
    it(`38.901 ${model} 5 GHz, hBS ${h} m, hUT 1.5 m, d2D ${dM} m → ${ref} dB (±0.05)`, () => {
      near(
        pathLossDb({ model, freqMHz: 5000, distanceKm: dM / 1000, txHeightM: h, rxHeightM: 1.5 }),
        ref,
        0.05,
      );
    });
  }
});

describe('hand-derived vectors', () => {
  it('free space: 1000 MHz over 1 km with equal heights = 32.45 + 60 + 0 = 92.45 dB', () => {
    near(
      pathLossDb({ model: 'fspl', freqMHz: 1000, distanceKm: 1, txHeightM: 10, rxHeightM: 10 }),
      92.45,
      1e-9,
    );
  });
  it('free space: 2400 MHz, 100 m = 32.45 + 67.6042 − 20 = 80.0542 dB', () => {
    near(
      pathLossDb({ model: 'fspl', freqMHz: 2400, distanceKm: 0.1, txHeightM: 5, rxHeightM: 5 }),
      80.0542,
      1e-3,
    );
  });
  it('free space uses the slant distance: 30 m over 40 m ground → 50 m', () => {
    // d3D = hypot(40, 30) = 50 m = 0.05 km: 32.45 + 20log(1000) + 20log(0.05) = 32.45 + 60 − 26.0206 = 66.4294
    near(
      pathLossDb({ model: 'fspl', freqMHz: 1000, distanceKm: 0.04, txHeightM: 31, rxHeightM: 1 }),
      66.4294,
      1e-3,
    );
  });
  it('Hata urban small city 900 MHz, 30 m / 1.5 m, 10 km = 161.628 dB', () => {
    // log f = 2.954243; 26.16·log f = 77.28298; 13.82·log 30 = 20.41382
    // a(1.5) = (1.1·2.954243 − 0.7)·1.5 − (1.56·2.954243 − 0.8) = 3.824501 − 3.808618 = 0.015882
    // slope 44.9 − 6.55·1.477121 = 35.224856; log 10 = 1
    // L = 69.55 + 77.28298 − 20.41382 − 0.01588 + 35.22486 = 161.62814
    near(
      pathLossDb({ model: 'hata-urban-small', freqMHz: 900, distanceKm: 10, txHeightM: 30, rxHeightM: 1.5 }),
      161.6281,
      1e-3,
    );
  });
  it('Hata large city 900 MHz, 30 m / 1.5 m, 10 km = 161.645 dB', () => {
    // a(1.5) = 3.2·(log 17.625)² − 4.97 = 3.2·1.246129² − 4.97 = −0.000919
    // L = 69.55 + 77.28298 − 20.41382 + 0.00092 + 35.22486 = 161.64494
    near(
      pathLossDb({ model: 'hata-urban-large', freqMHz: 900, distanceKm: 10, txHeightM: 30, rxHeightM: 1.5 }),
      161.6449,
      1e-3,
    );
  });
  it('Hata open 900 MHz, 30 m / 1.5 m, 10 km = 161.628 − 28.506 = 133.122 dB', () => {
    // −4.78·2.954243² + 18.33·2.954243 − 40.94 = −41.71791 + 54.15126 − 40.94 = −28.50664 (small-city urban base)
    near(
      pathLossDb({ model: 'hata-open', freqMHz: 900, distanceKm: 10, txHeightM: 30, rxHeightM: 1.5 }),
      133.1217,
      1e-3,
    );
  });
  it('COST-231 medium 1800 MHz, 30 m / 1.5 m, 1 km = 136.197 dB', () => {
    // 46.3 + 33.9·3.255273 (=110.35374) − 20.41382 − a(1.5)
    // a(1.5) = (1.1·3.255273 − 0.7)·1.5 − (1.56·3.255273 − 0.8) = 4.321200 − 4.278225 = 0.042975; log 1 = 0
    // L = 46.3 + 110.35374 − 20.41382 − 0.04297 = 136.19695
    near(
      pathLossDb({ model: 'cost231-medium', freqMHz: 1800, distanceKm: 1, txHeightM: 30, rxHeightM: 1.5 }),
      136.1969,
      1e-3,
    );
  });
  it('COST-231 metro 1800 MHz, 30 m / 1.5 m, 5 km = 163.862 dB', () => {
    // a_large(1.5) = −0.000919; slope·log 5 = 35.224856·0.698970 = 24.62112; Cm = 3
    // L = 46.3 + 110.35374 − 20.41382 + 0.00092 + 24.62112 + 3 = 163.86196
    near(
      pathLossDb({ model: 'cost231-metro', freqMHz: 1800, distanceKm: 5, txHeightM: 30, rxHeightM: 1.5 }),
      163.862,
      1e-3,
    );
  });
  it('UMi LOS beyond the breakpoint, 3.5 GHz, 10 m / 1.5 m, 500 m = 107.114 dB', () => {
    // d'BP = 4·9·0.5·3.5e9/3e8 = 210 m < 500 m → PL2; d3D = hypot(500, 8.5) = 500.07224
    // PL2 = 32.4 + 40·log 500.07224 (=107.96627) + 20·log 3.5 (=10.88136) − 9.5·log(210² + 8.5²) (=44.13389)
    //     = 107.11375
    near(
      pathLossDb({ model: 'umi-los', freqMHz: 3500, distanceKm: 0.5, txHeightM: 10, rxHeightM: 1.5 }),
      107.1138,
      1e-3,
    );
    expect(urbanBreakpointM(3500, 10, 1.5)).toBeCloseTo(210, 9);
  });
  it('UMi NLOS = max(LOS, NLOS′): NLOS′ = 35.3·log d3D + 22.4 + 21.3·log fc = 129.2645 dB', () => {
    // 35.3·2.699033 + 22.4 + 21.3·0.544068 = 95.27587 + 22.4 + 11.58865 = 129.26452 > LOS 107.11
    near(
      pathLossDb({ model: 'umi-nlos', freqMHz: 3500, distanceKm: 0.5, txHeightM: 10, rxHeightM: 1.5 }),
      129.2645,
      1e-3,
    );
  });
  it('UMa LOS before the breakpoint, 3.5 GHz, 25 m / 1.5 m, 200 m = 89.5695 dB', () => {
    // d'BP = 4·24·0.5·3.5e9/3e8 = 560 m > 200 m → PL1; d3D = hypot(200, 23.5) = 201.37589
    // PL1 = 28 + 22·log 201.37589 (=50.68817) + 10.88136 = 89.56953
    near(
      pathLossDb({ model: 'uma-los', freqMHz: 3500, distanceKm: 0.2, txHeightM: 25, rxHeightM: 1.5 }),
      89.5695,
      1e-3,
    );
    // NLOS′ = 13.54 + 39.08·log 201.37589 + 10.88136 − 0 = 114.46197
    near(
      pathLossDb({ model: 'uma-nlos', freqMHz: 3500, distanceKm: 0.2, txHeightM: 25, rxHeightM: 1.5 }),
      114.462,
      1e-3,
    );
  });
  it('RMa LOS beyond the breakpoint, 800 MHz, 35 m / 1.5 m, 2 km = 105.597 dB', () => {
    // dBP = 2π·35·1.5·0.8e9/3e8 = 879.6459 m → PL2 = PL1(dBP) + 40·log(d3D/dBP)
    // h = 5 m: 5^1.72 = 15.9298, so min(0.03·h^1.72, 10) = 0.477914 and min(0.044·h^1.72, 14.77) = 0.700940
    // PL1(dBP) = 20·log(40π·879.6459·0.8/3) + 0.477914·log 879.6459 − 0.700940 + 0.002·log 5·879.6459
    //          = 89.38973 + 1.40713 − 0.70094 + 1.22969 = 91.32561
    // d3D = hypot(2000, 33.5) = 2000.28054; 40·log(2000.28054/879.6459) = 14.27132 → 105.59693
    expect(rmaBreakpointM(800, 35, 1.5)).toBeCloseTo(879.6459, 3);
    near(
      pathLossDb({ model: 'rma-los', freqMHz: 800, distanceKm: 2, txHeightM: 35, rxHeightM: 1.5 }),
      105.5969,
      1e-3,
    );
  });
  it('NLOS takes the LOS value where LOS is higher: RMa 5 GHz, 35/1.5 m, 10 m → 77.378 dB', () => {
    // d3D = hypot(10, 33.5) = 34.96069 m; LOS PL1 = 20·log(40π·34.96069·5/3) + 0.477914·log 34.96069
    //   − 0.700940 + 0.002·log 5·34.96069 = 77.29277 + 0.73770 − 0.70094 + 0.04887 = 77.37840
    // NLOS′ = 161.04 − 9.23731 + 5.24228 − 37.51235 + 38.63339·(1.54358 − 3) + 13.97940 + 0.00092 = 77.2465
    const p = { freqMHz: 5000, distanceKm: 0.01, txHeightM: 35, rxHeightM: 1.5 };
    near(pathLossDb({ model: 'rma-los', ...p }), 77.3784, 1e-3);
    near(pathLossDb({ model: 'rma-nlos', ...p }), 77.3784, 1e-3);
  });
  it('NLOS takes the LOS value where LOS is higher: UMa 3.5 GHz, 25/22.5 m, 20 m → 67.578 dB', () => {
    // d3D = hypot(20, 2.5) = 20.15564 m (log 1.304397); d'BP = 4·24·21.5·3.5e9/3e8 = 24 080 m → PL1
    // LOS = 28 + 22·1.304397 + 10.88136 = 67.57809; NLOS′ = 13.54 + 39.08·1.304397 + 10.88136 − 0.6·21 = 62.79718
    const p = { freqMHz: 3500, distanceKm: 0.02, txHeightM: 25, rxHeightM: 22.5 };
    near(pathLossDb({ model: 'uma-nlos', ...p }), 67.5781, 1e-3);
  });
  it('large-city a(hm) is continuous across the 200–400 MHz gap', () => {
    const low = 8.29 * Math.log10(1.54 * 1.5) ** 2 - 1.1;
    const high = 3.2 * Math.log10(11.75 * 1.5) ** 2 - 4.97;
    near(hataMobileCorrectionLargeCityDb(200, 1.5), low, 1e-12);
    near(hataMobileCorrectionLargeCityDb(400, 1.5), high, 1e-12);
    near(hataMobileCorrectionLargeCityDb(300, 1.5), (low + high) / 2, 1e-12);
  });
});

describe('structure', () => {
  it('every model returns a finite number', () => {
    for (const model of propagationModels) {
      const v = pathLossDb({ model, freqMHz: 1800, distanceKm: 1.2, txHeightM: 30, rxHeightM: 1.5 });
      expect(Number.isFinite(v), model).toBe(true);
    }
  });
  it('NLOS is never below LOS (NLOS = max(LOS, NLOS′))', () => {
    for (const [los, nlos] of [
      ['rma-los', 'rma-nlos'],
      ['uma-los', 'uma-nlos'],
      ['umi-los', 'umi-nlos'],
    ] as const) {
      for (const d of [0.01, 0.05, 0.2, 0.8, 2, 5]) {
        const p = { freqMHz: 3500, distanceKm: d, txHeightM: 25, rxHeightM: 1.5 };
        expect(pathLossDb({ model: nlos, ...p })).toBeGreaterThanOrEqual(pathLossDb({ model: los, ...p }));
      }
    }
  });
  it('suburban < urban small and open < suburban (same inputs)', () => {
    const p = { freqMHz: 900, distanceKm: 5, txHeightM: 40, rxHeightM: 1.5 };
    const urban = pathLossDb({ model: 'hata-urban-small', ...p });
    const sub = pathLossDb({ model: 'hata-suburban', ...p });
    const open = pathLossDb({ model: 'hata-open', ...p });
    expect(sub).toBeLessThan(urban);
    expect(open).toBeLessThan(sub);
  });
  it('rejects non-positive and non-finite inputs', () => {
    const p = { model: 'fspl' as const, freqMHz: 900, distanceKm: 1, txHeightM: 30, rxHeightM: 1.5 };
    expect(() => pathLossDb({ ...p, distanceKm: 0 })).toThrow(RangeError);
    expect(() => pathLossDb({ ...p, distanceKm: -1 })).toThrow(RangeError);
    expect(() => pathLossDb({ ...p, freqMHz: Number.NaN })).toThrow(RangeError);
    expect(() => pathLossDb({ ...p, txHeightM: Infinity })).toThrow(RangeError);
    expect(() => pathLossDb({ ...p, model: 'nope' as PropagationModel })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const model = fc.constantFrom(...propagationModels);
  it('path loss is non-decreasing in distance for every model', () => {
    fc.assert(
      fc.property(
        model,
        fc.double({ min: 150, max: 40_000, noNaN: true }),
        fc.double({ min: 3, max: 150, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        fc.double({ min: 0.001, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (m, f, hb, hm, d1, dd) => {
          const a = pathLossDb({ model: m, freqMHz: f, distanceKm: d1, txHeightM: hb, rxHeightM: hm });
          const b = pathLossDb({ model: m, freqMHz: f, distanceKm: d1 + dd, txHeightM: hb, rxHeightM: hm });
          return b >= a - 1e-9;
        },
      ),
      { numRuns: 2000 },
    );
  });
  it('path loss is non-decreasing in distance across the 38.901 breakpoints (dense sweep)', () => {
    for (const m of ['rma-los', 'rma-nlos', 'uma-los', 'uma-nlos', 'umi-los', 'umi-nlos'] as const) {
      for (const f of [700, 3500, 28_000]) {
        let prev = -Infinity;
        for (let d = 0.005; d < 12; d *= 1.01) {
          const v = pathLossDb({ model: m, freqMHz: f, distanceKm: d, txHeightM: 25, rxHeightM: 1.5 });
          expect(v, `${m} ${f} MHz at ${d} km`).toBeGreaterThanOrEqual(prev - 1e-9);
          prev = v;
        }
      }
    }
  });
  it('path loss increases with frequency at a fixed distance', () => {
    fc.assert(
      fc.property(model, fc.double({ min: 500, max: 1400, noNaN: true }), (m, f) => {
        const p = { model: m, distanceKm: 2, txHeightM: 30, rxHeightM: 1.5 };
        return pathLossDb({ ...p, freqMHz: f * 1.05 }) > pathLossDb({ ...p, freqMHz: f });
      }),
    );
  });
});
