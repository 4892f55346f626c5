import { describe, it, expect } from 'vitest';
import { pathLossValidity } from '../../shared/radio/path-loss-validity';
import { propagationModels } from '../../shared/scenario/site-type';

describe('pathLossValidity', () => {
  it('Hata inside its range is valid with no warnings', () => {
    const v = pathLossValidity({
      model: 'hata-urban-small',
      freqMHz: 900,
      distanceKm: 5,
      txHeightM: 30,
      rxHeightM: 1.5,
    });
    expect(v).toEqual({ valid: true, warnings: [], notes: [] });
  });
  it('Hata at 3500 MHz names the frequency and the range', () => {
    const v = pathLossValidity({
      model: 'hata-urban-small',
      freqMHz: 3500,
      distanceKm: 5,
      txHeightM: 30,
      rxHeightM: 1.5,
    });
    expect(v.valid).toBe(false);
    expect(v.warnings).toEqual([
      'Hata urban (small/medium city): 3500 MHz is outside 150–1500 MHz; extrapolating',
    ]);
  });
  it('Hata names each input outside the range, one sentence each', () => {
    const v = pathLossValidity({
      model: 'hata-suburban',
      freqMHz: 100,
      distanceKm: 0.5,
      txHeightM: 20,
      rxHeightM: 12,
    });
    expect(v.warnings).toEqual([
      'Hata suburban: 100 MHz is outside 150–1500 MHz; extrapolating',
      'Hata suburban: base height 20 m is outside 30–200 m; extrapolating',
      'Hata suburban: mobile height 12 m is outside 1–10 m; extrapolating',
      'Hata suburban: distance 500 m is outside 1–20 km; extrapolating',
    ]);
  });
  it('COST-231 is 1500–2000 MHz: 900 MHz warns, 1800 MHz does not', () => {
    const p = { model: 'cost231-medium' as const, distanceKm: 3, txHeightM: 30, rxHeightM: 1.5 };
    expect(pathLossValidity({ ...p, freqMHz: 1800 }).valid).toBe(true);
    expect(pathLossValidity({ ...p, freqMHz: 900 }).warnings).toEqual([
      'COST-231 Hata (medium city): 900 MHz is outside 1500–2000 MHz; extrapolating',
    ]);
  });
  it('RMa LOS reaches 10 km, RMa NLOS only 5 km', () => {
    const p = { freqMHz: 800, distanceKm: 7, txHeightM: 35, rxHeightM: 1.5 };
    expect(pathLossValidity({ model: 'rma-los', ...p }).valid).toBe(true);
    expect(pathLossValidity({ model: 'rma-nlos', ...p }).warnings).toEqual([
      '38.901 RMa NLOS: distance 7 km is outside 10 m–5 km; extrapolating',
    ]);
    expect(pathLossValidity({ model: 'rma-los', ...p, distanceKm: 12 }).warnings).toEqual([
      '38.901 RMa LOS: distance 12 km is outside 10 m–10 km; extrapolating',
    ]);
  });
  it('RMa frequency 0.5–30 GHz, heights 10–150 m and 1–10 m, minimum 10 m', () => {
    const v = pathLossValidity({
      model: 'rma-los',
      freqMHz: 40_000,
      distanceKm: 0.005,
      txHeightM: 5,
      rxHeightM: 12,
    });
    expect(v.warnings).toEqual([
      '38.901 RMa LOS: 40 GHz is outside 0.5–30 GHz; extrapolating',
      '38.901 RMa LOS: base height 5 m is outside 10–150 m; extrapolating',
      '38.901 RMa LOS: mobile height 12 m is outside 1–10 m; extrapolating',
      '38.901 RMa LOS: distance 5 m is outside 10 m–10 km; extrapolating',
    ]);
  });
  it('UMa is derived for hBS = 25 m and 0.5–100 GHz; UMi for hBS = 10 m', () => {
    expect(
      pathLossValidity({ model: 'uma-nlos', freqMHz: 3500, distanceKm: 1, txHeightM: 25, rxHeightM: 1.5 })
        .valid,
    ).toBe(true);
    expect(
      pathLossValidity({ model: 'uma-los', freqMHz: 300, distanceKm: 6, txHeightM: 30, rxHeightM: 1 })
        .warnings,
    ).toEqual([
      '38.901 UMa LOS: 0.3 GHz is outside 0.5–100 GHz; extrapolating',
      '38.901 UMa LOS: base height 30 m differs from the 25 m the model was derived for; extrapolating',
      '38.901 UMa LOS: mobile height 1 m is outside 1.5–22.5 m; extrapolating',
      '38.901 UMa LOS: distance 6 km is outside 10 m–5 km; extrapolating',
    ]);
    expect(
      pathLossValidity({ model: 'umi-nlos', freqMHz: 28_000, distanceKm: 0.3, txHeightM: 10, rxHeightM: 1.5 })
        .valid,
    ).toBe(true);
    expect(
      pathLossValidity({ model: 'umi-los', freqMHz: 28_000, distanceKm: 0.3, txHeightM: 12, rxHeightM: 1.5 })
        .warnings,
    ).toEqual([
      '38.901 UMi LOS: base height 12 m differs from the 10 m the model was derived for; extrapolating',
    ]);
  });
  it('free space has no range', () => {
    expect(
      pathLossValidity({ model: 'fspl', freqMHz: 60_000, distanceKm: 300, txHeightM: 1, rxHeightM: 1 }),
    ).toEqual({ valid: true, warnings: [], notes: [] });
  });
  it('every model answers; non-finite or negative inputs throw', () => {
    for (const model of propagationModels) {
      const v = pathLossValidity({ model, freqMHz: 1800, distanceKm: 1, txHeightM: 30, rxHeightM: 1.5 });
      expect(typeof v.valid).toBe('boolean');
      expect(v.valid).toBe(v.warnings.length === 0);
    }
    const p = { model: 'fspl' as const, freqMHz: 900, distanceKm: 1, txHeightM: 30, rxHeightM: 1.5 };
    expect(() => pathLossValidity({ ...p, freqMHz: Number.NaN })).toThrow(RangeError);
    expect(() => pathLossValidity({ ...p, distanceKm: -1 })).toThrow(RangeError);
  });
});
