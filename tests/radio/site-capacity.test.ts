import { describe, it, expect } from 'vitest';
import {
  FDD_UL_TO_DL_SPECTRAL_EFFICIENCY_RATIO,
  siteCapacityMbps,
  siteLoadLimit,
} from '../../shared/radio/site-capacity';
import { siteTypeSchema, type SiteType } from '../../shared/scenario/site-type';

function siteType(over: Partial<Record<string, unknown>> = {}): SiteType {
  return siteTypeSchema.parse({
    id: 'cow',
    name: 'Cell on wheels',
    sectors: 3,
    heightM: 30,
    capexUsd: 50_000,
    propagation: 'hata-suburban',
    rangeKm: 2,
    carriers: [
      { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, spectralEfficiency: 1.6, dlFraction: 1 },
      { tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.75 },
    ],
    ...over,
  });
}

describe('siteCapacityMbps', () => {
  it('by hand: FDD LTE 20 MHz × 1.6 × 3 = 96 DL, 48 UL; TDD NR 100 × 5 × 3 = 1500 → 1125 DL, 375 UL', () => {
    const c = siteCapacityMbps(siteType());
    expect(FDD_UL_TO_DL_SPECTRAL_EFFICIENCY_RATIO).toBe(0.5);
    expect(c.perCarrier).toEqual([
      { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, dlMbps: 96, ulMbps: 48, duplex: 'FDD' },
      { tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, dlMbps: 1125, ulMbps: 375, duplex: 'TDD' },
    ]);
    expect(c.dlMbps).toBeCloseTo(1221, 9);
    expect(c.ulMbps).toBeCloseTo(423, 9);
  });
  it('scales with sectors and is the capacity before the utilisation cap', () => {
    const one = siteCapacityMbps(siteType({ sectors: 1 }));
    expect(one.dlMbps).toBeCloseTo(407, 9);
    expect(siteCapacityMbps(siteType({ maxUtilization: 0.3 })).dlMbps).toBeCloseTo(1221, 9);
  });
});

describe('siteCapacityMbps with a given UL spectral efficiency', () => {
  const lte = { tech: 'LTE', freqMHz: 1800, bandwidthMHz: 20, spectralEfficiency: 1.6, dlFraction: 1 };
  const nr = { tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.75 };
  it('FDD 20 MHz × UL 1.0 × 3 = 60 UL; TDD 100 MHz × UL 2.5 × 3 × 25 % = 187.5 UL; the DL is unchanged', () => {
    const c = siteCapacityMbps(
      siteType({
        carriers: [
          { ...lte, ulSpectralEfficiency: 1 },
          { ...nr, ulSpectralEfficiency: 2.5 },
        ],
      }),
    );
    expect(c.perCarrier.map((p) => [p.dlMbps, p.ulMbps])).toEqual([
      [96, 60],
      [1125, 187.5],
    ]);
  });
  it('half the DL efficiency on the TDD uplink makes the UL bind at a 25 % share: 0.7 × 235.5 × 3 = 494.55 DL', () => {
    const l = siteLoadLimit({
      siteType: siteType({ carriers: [lte, { ...nr, ulSpectralEfficiency: 2.5 }] }),
      uplinkShare: 0.25,
    });
    expect(l.capacityUlMbps).toBeCloseTo(48 + 187.5, 9);
    expect(l.limitedBy).toBe('UL');
    // Below the DL's own limit, 0.7 × 1221 = 854.7.
    expect(l.usableDlMbps).toBeCloseTo(0.7 * 235.5 * 3, 9);
  });
});

describe('siteLoadLimit', () => {
  it('by hand, DL binds: 1221 DL, 423 UL at a 25 % uplink share (1/3 Mbps UL per DL) → 0.7 × 1221 = 854.7 Mbps DL', () => {
    const l = siteLoadLimit({ siteType: siteType(), uplinkShare: 0.25 });
    expect(l.ulPerDlMbps).toBeCloseTo(1 / 3, 12);
    // DL at 854.7 brings 284.9 UL: 67.4 % of 423, under the 70 % cap.
    expect(l.limitedBy).toBe('DL');
    expect(l.usableDlMbps).toBeCloseTo(854.7, 9);
    expect(l.utilizationPerDlMbps).toBeCloseTo(1 / 1221, 12);
    expect(
      siteLoadLimit({ siteType: siteType({ maxUtilization: 0.5 }), uplinkShare: 0.25 }).usableDlMbps,
    ).toBeCloseTo(610.5, 9);
  });
  it('by hand, UL binds: at a 30 % uplink share each DL Mbps brings 3/7 UL, and 0.7 × 423 UL allows 690.9 DL', () => {
    const l = siteLoadLimit({ siteType: siteType(), uplinkShare: 0.3 });
    expect(l.limitedBy).toBe('UL');
    expect(l.usableDlMbps).toBeCloseTo((0.7 * 423 * 7) / 3, 9);
    expect(l.usableDlMbps).toBeCloseTo(690.9, 9);
    // At that load the UL is exactly at its cap and the DL below it.
    expect(l.usableDlMbps * l.ulPerDlMbps).toBeCloseTo(0.7 * 423, 9);
    expect(l.usableDlMbps / 1221).toBeLessThan(0.7);
    expect(l.usableDlMbps * l.utilizationPerDlMbps).toBeCloseTo(0.7, 12);
  });
  it('a TDD carrier with 10 % UL time is UL-limited at the default 25 % share: 450 DL, 50 UL → 105 DL', () => {
    const tdd = siteType({
      sectors: 1,
      carriers: [{ tech: 'NR', freqMHz: 3500, bandwidthMHz: 100, spectralEfficiency: 5, dlFraction: 0.9 }],
    });
    const l = siteLoadLimit({ siteType: tdd, uplinkShare: 0.25 });
    expect([l.capacityDlMbps, l.capacityUlMbps]).toEqual([450, 50].map((v) => expect.closeTo(v, 9)));
    expect(l.limitedBy).toBe('UL');
    expect(l.usableDlMbps).toBeCloseTo(105, 9);
  });
  it('no uplink share: the DL alone; an uplink share of 1 leaves no downlink to dimension by and is refused', () => {
    const l = siteLoadLimit({ siteType: siteType(), uplinkShare: 0 });
    expect(l.limitedBy).toBe('DL');
    expect(l.ulPerDlMbps).toBe(0);
    expect(l.usableDlMbps).toBeCloseTo(854.7, 9);
    expect(() => siteLoadLimit({ siteType: siteType(), uplinkShare: 1 })).toThrow(RangeError);
    expect(() => siteLoadLimit({ siteType: siteType(), uplinkShare: Number.NaN })).toThrow(RangeError);
  });
});
