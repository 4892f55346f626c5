import { describe, expect, it } from 'vitest';
import { arbaeenDoc } from '../fixtures/scenario-docs';
import {
  formatNote,
  parseScenario,
  siteCapacityMbps,
  siteRangeKm,
  sumLinkBudgetTerms,
} from '../../../shared/index';
import {
  patchLinkBudget,
  patchSiteType,
  setPlannedSiteType,
  type ScenarioDoc,
} from '../../../client/state/scenario-edits';
import { siteTypeRows } from '../../../client/state/site-types-view';

const arbaeen = arbaeenDoc();

function parsed(doc: ScenarioDoc) {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('site types panel rows', () => {
  it('show the range and capacity the planner uses, and which types it may place', () => {
    const rows = siteTypeRows(arbaeen);
    const scenario = parsed(arbaeen);
    expect(rows.map((r) => [r.type.id, r.planned, r.existingSites])).toEqual([
      ['cow-lte', true, 0],
      ['macro-lte-nr', true, 0],
      ['nr-small', true, 0],
      ['existing-macro', false, scenario.existingSites.length],
    ]);
    rows.forEach((row, i) => {
      const type = scenario.siteTypes[i];
      const range = siteRangeKm(type);
      const capacity = siteCapacityMbps(type);
      expect(row.radio?.rangeKm).toBe(range.rangeKm);
      expect(row.radio?.boundBy).toBe(range.boundBy);
      expect(row.radio?.dlMbps).toBe(capacity.dlMbps);
      // At the default 25 % uplink share every type's downlink binds.
      expect(row.radio?.limitedBy).toBe('DL');
      expect(row.radio?.usableDlMbps).toBeCloseTo(capacity.dlMbps * type.maxUtilization, 9);
    });
    // The small cell's range is given, not computed, so it has no link budget to show.
    expect(rows[2].radio?.boundBy).toBe('override');
    expect(rows[2].radio?.linkBudget).toBeUndefined();
    // The itemised budget is the one the range comes from: its lines add up to the limiting MAPL.
    const cow = rows[0].radio!;
    const limiting = cow.linkBudget![cow.limiting!];
    expect(sumLinkBudgetTerms(limiting.terms)).toBeCloseTo(cow.maplDb!, 9);
  });

  it('follow an edit: a taller mast reaches farther, an invalid field shows no figures', () => {
    const before = siteTypeRows(arbaeen)[0].radio!;
    const taller = siteTypeRows(patchSiteType(arbaeen, 'cow-lte', { heightM: 60 }))[0].radio!;
    expect(taller.rangeKm).toBeGreaterThan(before.rangeKm);
    expect(siteTypeRows(patchSiteType(arbaeen, 'cow-lte', { heightM: -5 }))[0].radio).toBeNull();
    const given = siteTypeRows(patchSiteType(arbaeen, 'cow-lte', { rangeKm: 3 }))[0].radio!;
    expect([given.rangeKm, given.boundBy]).toEqual([3, 'override']);
    // Clearing the override removes the field: the link budget's range again.
    const cleared = patchSiteType(patchSiteType(arbaeen, 'cow-lte', { rangeKm: 3 }), 'cow-lte', {
      rangeKm: undefined,
    });
    expect('rangeKm' in cleared.siteTypes[0]).toBe(false);
    expect(siteTypeRows(cleared)[0].radio?.rangeKm).toBe(before.rangeKm);
  });

  it('count the uplink that comes with the downlink: at a 40 % uplink share the TDD types’ UL binds first', () => {
    const doc: ScenarioDoc = { ...arbaeen, demand: { ...arbaeen.demand, uplinkShare: 0.4 } };
    const rows = siteTypeRows(doc);
    // The small cell: NR TDD 100 MHz × 5 b/s/Hz, 74 % DL → 370 DL, 130 UL; each DL Mbps brings 2/3 UL,
    // so the UL reaches 70 % at 0.7 × 130 × 3/2 = 136.5 Mbps DL (the DL alone would allow 259).
    const small = rows[2].radio!;
    expect([small.dlMbps, small.ulMbps]).toEqual([370, 130].map((v) => expect.closeTo(v, 9)));
    expect(small.limitedBy).toBe('UL');
    expect(small.usableDlMbps).toBeCloseTo(136.5, 9);
    expect(small.uplinkShare).toBe(0.4);
    // An invalid uplink share is the demand panel's error; the cards then count the downlink alone.
    const invalid = siteTypeRows({ ...arbaeen, demand: { ...arbaeen.demand, uplinkShare: 1 } })[2].radio!;
    expect([invalid.limitedBy, invalid.usableDlMbps]).toEqual(['DL', expect.closeTo(259, 9)]);
  });

  it('say when the propagation model is used outside its validity range', () => {
    const row = siteTypeRows(patchSiteType(arbaeen, 'cow-lte', { heightM: 250 }))[0];
    const texts = row.radio!.validity.map((n) => formatNote(n));
    expect(texts).toContain('Hata suburban: base height 250 m is outside 30–200 m; extrapolating');
    expect(siteTypeRows(arbaeen)[0].radio?.validity).toEqual([]);
  });
});

describe('setPlannedSiteType', () => {
  it('unticks and ticks a type, keeping the document’s order, and the last one cannot go unnoticed', () => {
    const noCow = setPlannedSiteType(arbaeen, 'cow-lte', false);
    expect(noCow.planning.siteTypes).toEqual(['macro-lte-nr', 'nr-small']);
    expect(setPlannedSiteType(noCow, 'cow-lte', true).planning.siteTypes).toEqual([
      'cow-lte',
      'macro-lte-nr',
      'nr-small',
    ]);
    expect(setPlannedSiteType(arbaeen, 'cow-lte', true)).toBe(arbaeen);
    expect(setPlannedSiteType(arbaeen, 'no-such-type', true)).toBe(arbaeen);
    const none = ['cow-lte', 'macro-lte-nr', 'nr-small'].reduce(
      (d, id) => setPlannedSiteType(d, id, false),
      arbaeen,
    );
    const r = parseScenario(none);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('planning.siteTypes');
  });
});

describe('patchLinkBudget', () => {
  it('sets terms (each dB of margin is a dB of MAPL), clears optional ones, and leaves given ranges alone', () => {
    const before = siteTypeRows(arbaeen)[0].radio!;
    const indoor = patchLinkBudget(arbaeen, 'cow-lte', { penetrationLossDb: 15 });
    const after = siteTypeRows(indoor)[0].radio!;
    expect(after.maplDb!).toBeCloseTo(before.maplDb! - 15, 9);
    expect(after.rangeKm).toBeLessThan(before.rangeKm);
    const withPower = patchLinkBudget(arbaeen, 'cow-lte', { bsTxPowerDbm: 43 });
    expect(withPower.siteTypes[0].linkBudget?.bsTxPowerDbm).toBe(43);
    expect(
      'bsTxPowerDbm' in
        patchLinkBudget(withPower, 'cow-lte', { bsTxPowerDbm: undefined }).siteTypes[0].linkBudget!,
    ).toBe(false);
    // The small cell has a given range and no link budget.
    expect(patchLinkBudget(arbaeen, 'nr-small', { penetrationLossDb: 15 })).toBe(arbaeen);
    // Out of range: the scenario says where.
    const r = parseScenario(patchLinkBudget(arbaeen, 'cow-lte', { shadowMarginDb: 50 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain('siteTypes[0].linkBudget.shadowMarginDb');
  });
});
