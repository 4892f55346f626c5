import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowsFarOutside } from '../../../client/state/site-area';
import type { ScenarioDoc } from '../../../client/state/scenario-edits';

const arbaeen: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../../../data/scenarios/arbaeen-2025.json', import.meta.url), 'utf8'),
);

describe('sites far outside the scenario', () => {
  it('points out swapped coordinates and lost signs, not sites along or near the routes', () => {
    const sites = [
      { row: 1, lon: 44.03, lat: 32.62 }, // Karbala
      { row: 2, lon: 32.62, lat: 44.03 }, // the same, swapped: the Black Sea
      { row: 3, lon: 47.9, lat: 30.4 }, // near Basra, on the Fao road's box
      { row: 4, lon: -44.03, lat: 32.62 }, // a sign lost: the Atlantic
      { row: 5, lon: 44.03, lat: 37.1 }, // 300 km north of the northernmost route
    ];
    expect(rowsFarOutside(arbaeen, sites)).toEqual([2, 4, 5]);
  });

  it('says nothing while the scenario has no routes or hotspots', () => {
    expect(rowsFarOutside({ ...arbaeen, routes: [], hotspots: [] }, [{ row: 1, lon: 0, lat: 0 }])).toEqual(
      [],
    );
  });
});
