import { describe, it, expect } from 'vitest';
import {
  FDD_UL_TO_DL_SPECTRAL_EFFICIENCY_RATIO,
  siteCapacityMbps,
  usableDlMbps,
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

describe('usableDlMbps', () => {
  it('applies maxUtilization (schema default 0.7): 1221 × 0.7 = 854.7', () => {
    expect(usableDlMbps(siteType())).toBeCloseTo(854.7, 9);
    expect(usableDlMbps(siteType({ maxUtilization: 0.5 }))).toBeCloseTo(610.5, 9);
  });
});
