import { describe, it, expect } from 'vitest';
import { linkBudget } from '../../shared/radio/link-budget';
import { maxRangeKm } from '../../shared/radio/range';
import { siteRangeKm } from '../../shared/radio/site-range';
import { siteTypeSchema, type SiteType } from '../../shared/scenario/site-type';

const terms = {
  ueTxPowerDbm: 23,
  bsNoiseFigureDb: 2,
  requiredSinrDb: -7,
  bandwidthKHz: 360,
  bsAntennaGainDbi: 18,
  feederLossDb: 2,
  bodyLossDb: 3,
  interferenceMarginDb: 2,
  shadowMarginDb: 8,
  penetrationLossDb: 0,
};

function siteType(over: Partial<Record<string, unknown>> = {}): SiteType {
  return siteTypeSchema.parse({
    id: 'macro',
    name: 'Macro',
    sectors: 3,
    heightM: 30,
    capexUsd: 100_000,
    propagation: 'hata-urban-small',
    carriers: [
      { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, spectralEfficiency: 1.6, dlFraction: 1 },
      { tech: 'LTE', freqMHz: 900, bandwidthMHz: 10, spectralEfficiency: 1.5, dlFraction: 1 },
    ],
    linkBudget: terms,
    ...over,
  });
}

describe('siteRangeKm', () => {
  it('uses the override when given', () => {
    expect(siteRangeKm(siteType({ rangeKm: 3.2 }))).toEqual({
      rangeKm: 3.2,
      boundBy: 'override',
      validity: { valid: true, warnings: [], notes: [] },
    });
  });
  it('by hand: UL MAPL 149.437 dB on Hata small city at the lowest carrier (900 MHz) → 4.507 km', () => {
    // UL MAPL 149.43697 (see link-budget.test.ts); DL 153.0 with 46 dBm over the 10 MHz 900 MHz carrier
    // Hata at 900 MHz, 30 / 1.5 m: L(1 km) = 126.40329, slope 35.22486 dB/decade
    // log10 R = (149.43697 − 126.40329)/35.22486 = 0.653904 → R = 4.5072 km
    const r = siteRangeKm(siteType());
    expect(r.freqMHz).toBe(900);
    expect(r.limiting).toBe('uplink');
    expect(r.maplDb).toBeCloseTo(149.437, 3);
    expect(r.rangeKm).toBeCloseTo(4.5072, 3);
    expect(r.boundBy).toBe('path-loss');
    expect(r.validity).toEqual({ valid: true, warnings: [], notes: [] });
  });
  it('matches the pipeline link budget → maxRangeKm with the UE height from the terms', () => {
    const t = siteType({ linkBudget: { ...terms, ueHeightM: 3 }, propagation: 'uma-nlos', heightM: 25 });
    const mapl = linkBudget({ terms: { ...terms, ueHeightM: 3 }, carrierBandwidthMHz: 10 }).maplDb;
    const expected = maxRangeKm({
      model: 'uma-nlos',
      maplDb: mapl,
      freqMHz: 900,
      txHeightM: 25,
      rxHeightM: 3,
    });
    const r = siteRangeKm(t);
    expect(r.rangeKm).toBe(expected.rangeKm);
    expect(r.rangeKm).not.toBeCloseTo(
      siteRangeKm(siteType({ propagation: 'uma-nlos', heightM: 25 })).rangeKm,
      3,
    );
  });
  it('reports extrapolation warnings at the computed range', () => {
    const r = siteRangeKm(
      siteType({
        carriers: [{ tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.75 }],
      }),
    );
    expect(r.validity.valid).toBe(false);
    expect(r.validity.warnings).toContain(
      'Hata urban (small/medium city): 3500 MHz is outside 150–1500 MHz; extrapolating',
    );
  });
  it('throws when neither a link budget nor a range is given', () => {
    const t = { ...siteType(), linkBudget: undefined };
    expect(() => siteRangeKm(t)).toThrow(RangeError);
  });
});
