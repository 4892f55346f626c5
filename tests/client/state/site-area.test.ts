import { describe, expect, it } from 'vitest';
import { arbaeenDoc } from '../fixtures/scenario-docs';
import { rowsFarOutside } from '../../../client/state/site-area';

const arbaeen = arbaeenDoc();

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
