import { describe, expect, it } from 'vitest';
import { kpiDiff, pilgrimCount, type CompareSide } from '../../../client/compare/kpi-diff';
import { compareProfileData } from '../../../client/compare/profile-data';
import type { PlanKpis } from '../../../shared/index';
import type { RouteProfile } from '../../../shared/export/index';

const doc = (walkers: number[], vehicles: number[] = []) => ({
  routes: [{ joins: walkers.map((w) => ({ walkers: w })) }],
  hotspots: [{ arrivalsByVehicle: vehicles.map((persons) => ({ persons })) }, {}],
  siteTypes: [
    { id: 'cow-lte', name: 'COW LTE' },
    { id: 'nr-small', name: 'NR small cell' },
  ],
});

function kpis(over: Partial<PlanKpis>): PlanKpis {
  return {
    newSites: 10,
    newSitesByType: { 'cow-lte': 10 },
    existingSitesUsed: 1,
    capexUsd: 1_000_000,
    lowerBoundUsd: 950_000,
    gap: 0.05,
    unservedMbpsHours: 0,
    servedShare: 1,
    peakDlMbps: 5000,
    computeMs: 10,
    method: 'exact',
    capped: false,
    ...over,
  };
}

describe('key-figure difference', () => {
  it('counts pilgrims as walkers plus vehicle arrivals', () => {
    expect(pilgrimCount(doc([100_000, 50_000], [20_000, 5_000]))).toBe(175_000);
    expect(pilgrimCount({ routes: [] })).toBe(0);
  });

  it('gives A, B, B − A and the relative change of every figure, in order', () => {
    const a: CompareSide = { doc: doc([300_000]), kpis: kpis({}) };
    const b: CompareSide = {
      doc: doc([330_000]),
      kpis: kpis({
        newSites: 14,
        newSitesByType: { 'cow-lte': 11, 'nr-small': 3 },
        capexUsd: 1_300_000,
        gap: 0.02,
        unservedMbpsHours: 12.5,
        peakDlMbps: 5500,
      }),
    };
    const rows = kpiDiff(a, b);
    expect(rows.map((r) => (r.kind === 'newSitesOfType' ? `type:${r.siteTypeId}` : r.kind))).toEqual([
      'pilgrims',
      'peakDl',
      'newSites',
      'type:cow-lte',
      'type:nr-small',
      'capex',
      'unserved',
      'gap',
    ]);
    const by = (kind: string) => rows.find((r) => r.kind === kind)!;
    expect(by('pilgrims')).toMatchObject({ a: 300_000, b: 330_000, delta: 30_000 });
    expect(by('pilgrims').relative).toBeCloseTo(0.1, 12);
    expect(by('newSites')).toMatchObject({ a: 10, b: 14, delta: 4 });
    expect(rows.find((r) => r.siteTypeId === 'nr-small')).toMatchObject({
      a: 0,
      b: 3,
      delta: 3,
      relative: null,
      siteTypeName: 'NR small cell',
    });
    expect(by('capex')).toMatchObject({ delta: 300_000, verdict: 'worse' });
    expect(by('gap').delta).toBeCloseTo(-0.03, 12);
    expect(by('gap').verdict).toBe('better');
    expect(by('unserved')).toMatchObject({ a: 0, b: 12.5, relative: null, verdict: 'worse' });
    expect(by('peakDl').verdict).toBeNull();
  });

  it('leaves plan figures empty for an unplanned side and says "same" for equal ones', () => {
    const rows = kpiDiff({ doc: doc([1000]), kpis: null }, { doc: doc([1000]), kpis: kpis({}) });
    const capex = rows.find((r) => r.kind === 'capex')!;
    expect(capex).toMatchObject({ a: null, b: 1_000_000, delta: null, verdict: null });
    expect(rows.find((r) => r.kind === 'pilgrims')).toMatchObject({ delta: 0 });
    const same = kpiDiff({ doc: doc([1]), kpis: kpis({}) }, { doc: doc([1]), kpis: kpis({}) });
    expect(same.find((r) => r.kind === 'capex')!.verdict).toBe('same');
  });
});

describe('comparison route profile data', () => {
  const profile = (edgesKm: number[], persons: number[], dl: number[]): RouteProfile => ({
    routeId: 'r',
    lengthKm: edgesKm.at(-1)!,
    segmentCount: edgesKm.length - 1,
    edgesKm,
    nearestPole: null,
    peakPersons: persons,
    peakDlMbps: dl,
    unservedMbpsHours: persons.map(() => 0),
    coveringSite: persons.map(() => -1),
    personsByStep: [],
    dlMbpsByStep: [],
    unservedDlMbpsByStep: [],
  });

  it('turns per-segment peaks into per-km values on one merged chainage axis', () => {
    const a = profile([0, 0.5, 1], [100, 200], [1, 2]);
    const b = profile([0, 1], [500], [4]);
    const [x, pa, da, pb, db] = compareProfileData(a, b);
    expect(x).toEqual([0.25, 0.5, 0.75]);
    expect(pa).toEqual([200, null, 400]);
    expect(da).toEqual([2, null, 4]);
    expect(pb).toEqual([null, 500, null]);
    expect(db).toEqual([null, 4, null]);
  });

  it('shows one side alone when the other has no such route', () => {
    const [x, pa, , pb] = compareProfileData(null, profile([0, 2], [100], [1]));
    expect(x).toEqual([1]);
    expect(pa).toEqual([null]);
    expect(pb).toEqual([50]);
  });
});
