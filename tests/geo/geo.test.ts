import { describe, expect, it } from 'vitest';
import {
  coverageRing,
  findSharedStretches,
  measureLine,
  positionAtKm,
  sliceLineKm,
  lineLengthKm,
  nearestPoleAtKm,
  poleChainageKm,
  segmentIndexAtKm,
  segmentRoute,
  snapToRoute,
  unpackSegment,
  type LonLat,
} from '../../shared';
import { KM_PER_DEGREE } from '../fixtures/straight-route';

const straight: LonLat[] = [
  [0, 0],
  [10 / KM_PER_DEGREE, 0],
  [25.2 / KM_PER_DEGREE, 0],
];

describe('chainage and segments', () => {
  it('measures geodesic length along a polyline', () => {
    expect(lineLengthKm(straight)).toBeCloseTo(25.2, 9);
    // One degree of latitude on Turf's sphere.
    expect(
      lineLengthKm([
        [44, 32],
        [44, 33],
      ]),
    ).toBeCloseTo(KM_PER_DEGREE, 6);
  });

  it('cuts bins of segmentMeters with a shorter last bin', () => {
    const s = segmentRoute({ id: 'r', line: straight }, 500);
    expect(s.count).toBe(51);
    expect(s.edgesKm[50]).toBeCloseTo(25, 9);
    expect(s.edgesKm[51]).toBeCloseTo(25.2, 9);
    expect(s.midLonLat[0] * KM_PER_DEGREE).toBeCloseTo(0.25, 6);
    expect(segmentIndexAtKm(s, 24.99)).toBe(49);
    expect(segmentIndexAtKm(s, 25.1)).toBe(50);
  });

  it('snaps a point to the route with its chainage and offset', () => {
    const snap = snapToRoute(straight, [12 / KM_PER_DEGREE, 1 / KM_PER_DEGREE]);
    expect(snap.atKm).toBeCloseTo(12, 3);
    expect(snap.offsetKm).toBeCloseTo(1, 3);
  });
});

describe('slicing and footprints', () => {
  const line: LonLat[] = [
    [44, 32],
    [44.1, 32],
    [44.1, 32.1],
  ];
  const m = measureLine(line);

  it('slices a polyline between chainages, keeping the vertices inside', () => {
    const total = m.lengthKm;
    const piece = sliceLineKm(m, 1, total - 1);
    expect(piece).toHaveLength(3);
    expect(piece[1]).toEqual([44.1, 32]);
    expect(sliceLineKm(m, 0, total)).toEqual(line);
    expect(sliceLineKm(m, 2, 3)).toHaveLength(2);
    expect(positionAtKm(m, -5)).toEqual(line[0]);
    expect(positionAtKm(m, 1e9)).toEqual(line[2]);
  });

  it('draws coverage circles of the given ground radius', () => {
    const ring = coverageRing(44, 32, 5, 36);
    expect(ring).toHaveLength(37);
    expect(ring[0]).toEqual(ring[36]);
    for (const p of ring) expect(lineLengthKm([[44, 32], p])).toBeCloseTo(5, 2);
  });
});

describe('pole numbers', () => {
  // Najaf–Karbala style: pole 1 at 10 km, 50 m apart, 1,452 poles, the last at the route end.
  const poles = { firstNumber: 1, firstAtKm: 10, spacingMeters: 50, lastNumber: 1452 };
  it('finds the nearest pole and the chainage of a pole', () => {
    expect(nearestPoleAtKm(poles, 82.55, 10)).toBe(1);
    expect(nearestPoleAtKm(poles, 82.55, 10.074)).toBe(2);
    expect(nearestPoleAtKm(poles, 82.55, 82.55)).toBe(1452);
    expect(nearestPoleAtKm(poles, 82.55, 3)).toBe(1);
    expect(poleChainageKm(poles, 1452)).toBeCloseTo(82.55, 9);
  });
  it('labels every segment of a route that declares poles', () => {
    const line: LonLat[] = [
      [0, 0],
      [82.55 / KM_PER_DEGREE, 0],
    ];
    const s = segmentRoute({ id: 'nk', line, poles }, 500);
    // Before the numbered stretch (pole 1 at 10 km) segments carry no pole.
    expect(s.nearestPole![0]).toBeNull();
    expect(s.nearestPole![19]).toBeNull();
    // Segment 20 spans 10–10.5 km; midpoint 10.25 km is pole 1 + 0.25/0.05 = 6.
    expect(s.nearestPole![20]).toBe(6);
    // Segment 40 spans 20–20.5 km; its midpoint 20.25 km is pole 1 + 10.25/0.05 = 206.
    expect(s.nearestPole![40]).toBe(206);
    // Segment 164 spans 82–82.5 km; midpoint 82.25 km is pole 1 + 72.25/0.05 = 1446.
    expect(s.nearestPole![164]).toBe(1446);
  });
});

describe('shared stretches', () => {
  it('assigns a later route running on an earlier one to the earlier segments', () => {
    const a: LonLat[] = [
      [0, 0],
      [20 / KM_PER_DEGREE, 0],
    ];
    // b comes from the north, joins a at km 10 and follows it to its end.
    const b: LonLat[] = [
      [10 / KM_PER_DEGREE, 8 / KM_PER_DEGREE],
      [10 / KM_PER_DEGREE, 0],
      [20 / KM_PER_DEGREE, 0],
    ];
    const segs = [segmentRoute({ id: 'a', line: a }, 1000), segmentRoute({ id: 'b', line: b }, 1000)];
    const { owners, stretches } = findSharedStretches([a, b], segs);
    expect(owners[0].every((o) => o === -1)).toBe(true);
    expect(Array.from(owners[1].slice(0, 8)).every((o) => o === -1)).toBe(true);
    expect(unpackSegment(owners[1][8])).toEqual([0, 10]);
    expect(unpackSegment(owners[1][17])).toEqual([0, 19]);
    expect(stretches).toHaveLength(1);
    expect(stretches[0]).toMatchObject({
      routeIndex: 1,
      fromSegment: 8,
      toSegment: 17,
      sharedWithRouteIndex: 0,
    });
    expect(stretches[0].sharedFromKm).toBeCloseTo(10.5, 6);
  });
});
