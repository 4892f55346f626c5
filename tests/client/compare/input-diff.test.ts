import { describe, expect, it } from 'vitest';
import { arbaeenDoc } from '../fixtures/scenario-docs';
import { inputDiff } from '../../../client/compare/input-diff';
import {
  patchLinkBudget,
  patchSiteType,
  removeRoute,
  setJoinWalkers,
  setPlannedSiteType,
} from '../../../client/state/scenario-edits';

const arbaeen = arbaeenDoc();

describe('inputDiff', () => {
  it('finds nothing between a scenario and itself', () => {
    expect(inputDiff(arbaeen, structuredClone(arbaeen))).toEqual([]);
  });

  it('lists each changed input of B against A, in the documents’ order', () => {
    let b = patchLinkBudget(arbaeen, 'cow-lte', { penetrationLossDb: 15 });
    b = patchSiteType(b, 'macro-lte-nr', { capexUsd: 150_000 });
    b = setPlannedSiteType(b, 'nr-small', false);
    b = { ...b, planning: { ...b.planning, maxNewSites: 400 }, demand: { ...b.demand, phoneShare: 0.85 } };
    const walkers = arbaeen.routes[0].joins[0].walkers;
    b = setJoinWalkers(b, arbaeen.routes[0].id, 0, walkers + 1000);
    b = removeRoute(b, 'hillah-karbala');
    b = {
      ...b,
      siteTypes: [...b.siteTypes, { ...arbaeen.siteTypes[2], id: 'nr-small-2', name: 'NR small cell, 2nd' }],
    };
    const names = Object.fromEntries(arbaeen.routes.map((r) => [r.id, r.name]));
    expect(inputDiff(arbaeen, b)).toEqual([
      {
        group: 'demand',
        field: 'phoneShare',
        subject: undefined,
        unit: 'percent',
        a: arbaeen.demand.phoneShare,
        b: 0.85,
      },
      { group: 'planning', field: 'maxNewSites', subject: undefined, unit: 'count', a: null, b: 400 },
      {
        group: 'planning',
        field: 'siteTypes',
        unit: 'text',
        a: 'cow-lte, macro-lte-nr, nr-small',
        b: 'cow-lte, macro-lte-nr',
      },
      {
        group: 'siteType',
        field: 'linkBudget.penetrationLossDb',
        subject: arbaeen.siteTypes[0].name,
        unit: 'dB',
        a: 0,
        b: 15,
      },
      {
        group: 'siteType',
        field: 'capexUsd',
        subject: arbaeen.siteTypes[1].name,
        unit: 'usd',
        a: 180_000,
        b: 150_000,
      },
      { group: 'siteType', field: 'present', subject: 'NR small cell, 2nd', unit: 'presence', a: 0, b: 1 },
      {
        group: 'route',
        field: 'walkers',
        subject: names['najaf-karbala'],
        unit: 'persons',
        a: arbaeen.routes[0].joins.reduce((s, j) => s + j.walkers, 0),
        b: arbaeen.routes[0].joins.reduce((s, j) => s + j.walkers, 0) + 1000,
      },
      { group: 'route', field: 'present', subject: names['hillah-karbala'], unit: 'presence', a: 1, b: 0 },
    ]);
  });
});
