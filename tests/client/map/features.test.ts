import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateDemand, parseScenario, simulateCrowd, type PlannedSite } from '../../../shared/index';
import {
  coverageFeatures,
  existingSiteFeatures,
  joinFeatures,
  routeFeatures,
  segmentFeatures,
  siteFeatures,
  unservedFeatures,
} from '../../../client/map/features';
import { siteIconImages } from '../../../client/map/site-icons';
import { buildTimeModel } from '../../../client/state/time-model';
import type { ScenarioDoc } from '../../../client/state/scenario-edits';

const fixture: ScenarioDoc = JSON.parse(
  readFileSync(new URL('../fixtures/small-scenario.json', import.meta.url), 'utf8'),
);

const site: PlannedSite = {
  id: 'new-1',
  name: 'COW 1',
  description: 'Cell on wheels at km 1',
  lon: 44.2,
  lat: 32.55,
  siteTypeId: 'cow-lte',
  isNew: true,
  heightM: 30,
  sectors: 3,
  carriers: 'LTE 800',
  capexUsd: 60000,
  routeId: 'hillah-karbala',
  chainageKm: 20,
  nearestPole: null,
  hotspotId: null,
  rangeKm: 3,
  usableDlMbps: 300,
  capacityDlMbps: 430,
  capacityUlMbps: 215,
  peakServedDlMbps: 200,
  peakServedUlMbps: 66.7,
  peakUtilization: 0.47,
  limitedBy: 'DL',
  peakStep: 50,
  peakAt: '2025-08-13T02:00',
};

describe('map features', () => {
  const r = parseScenario(fixture);
  if (!r.ok) throw new Error('fixture invalid');
  const crowd = simulateCrowd(r.value);
  const model = buildTimeModel(r.value, crowd, estimateDemand(r.value, crowd));

  it('give every segment its global index as feature id, with geometry from edge to edge', () => {
    const fc = segmentFeatures(model);
    expect(fc.features).toHaveLength(model.segmentCount);
    expect(fc.features.map((f) => f.id)).toEqual(Array.from({ length: model.segmentCount }, (_, i) => i));
    const first = fc.features[0];
    expect(first.geometry.coordinates[0]).toEqual(fixture.routes[0].line[0]);
    expect(first.properties).toEqual({ routeId: 'hillah-karbala' });
    const last = fc.features.at(-1)!;
    expect(last.geometry.coordinates.at(-1)).toEqual(fixture.routes[0].line.at(-1));
  });

  it('place joins at their chainage or their given point', () => {
    const fc = joinFeatures(fixture);
    expect(fc.features).toHaveLength(2);
    expect(fc.features[0].geometry.coordinates).toEqual(fixture.routes[0].line[0]);
    expect(fc.features[1].geometry.coordinates).toEqual([44.22765, 32.54671]);
    expect(routeFeatures(fixture).features[0].properties).toEqual({
      routeId: 'hillah-karbala',
      name: fixture.routes[0].name,
    });
  });

  it('put the document’s existing sites on the map, skipping any without a position', () => {
    const doc: ScenarioDoc = {
      ...fixture,
      existingSites: [
        { id: 'a', name: 'Tower A', lon: 44.1, lat: 32.5, siteType: 'cow-lte' },
        { id: 'b', lon: Number.NaN, lat: 32.5, siteType: 'cow-lte' },
        { id: 'c', lon: 44.2, lat: 32.4, siteType: 'cow-lte' },
      ],
    };
    const fc = existingSiteFeatures(doc);
    expect(fc.features.map((f) => [f.properties?.name, f.geometry.coordinates])).toEqual([
      ['Tower A', [44.1, 32.5]],
      ['c', [44.2, 32.4]],
    ]);
    expect(existingSiteFeatures({ ...fixture, existingSites: [] }).features).toEqual([]);
  });

  it('describe sites, coverage and unserved stretches', () => {
    expect(siteFeatures([site]).features[0].properties).toMatchObject({
      id: 'new-1',
      isNew: true,
      peakUtilization: 0.47,
    });
    expect(coverageFeatures([site]).features[0].geometry.type).toBe('Polygon');
    const unserved = unservedFeatures(fixture, [
      {
        routeId: 'hillah-karbala',
        hotspotId: null,
        fromKm: 5,
        toKm: 8,
        fromPole: null,
        toPole: null,
        from: '2025-08-12T05:00',
        to: '2025-08-12T09:00',
        peakUnservedDlMbps: 12,
        unservedMbpsHours: 40,
        reason: 'capacity',
      },
      {
        routeId: null,
        hotspotId: 'karbala-centre',
        fromKm: null,
        toKm: null,
        fromPole: null,
        toPole: null,
        from: '2025-08-13T05:00',
        to: '2025-08-13T09:00',
        peakUnservedDlMbps: 1,
        unservedMbpsHours: 1,
        reason: 'capacity',
      },
    ]);
    expect(unserved.features).toHaveLength(1);
    expect(unserved.features[0].geometry.coordinates.length).toBeGreaterThanOrEqual(2);
  });
});

describe('site icons', () => {
  it('are signed distance fields: opaque inside, edge at 0.75, transparent far outside', () => {
    for (const { image } of siteIconImages()) {
      const alpha = (x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];
      const c = Math.floor(image.width / 2);
      expect(alpha(c, c + 4)).toBeGreaterThan(191);
      expect(alpha(0, 0)).toBe(0);
      expect(image.data.length).toBe(image.width * image.height * 4);
    }
  });
});
